import ClinicCore

/// The Hours & leave screen's reads and changes.
extension EffectRunner {
    func runSetup(_ request: SetupRequest, actor: StaffActor) async throws -> SetupResult {
        let leaveBook = LeaveBook(database: database)
        let rules = WeeklyRules(database: database)
        switch request {
        case .loadLeaves(let centreID):
            async let leaves = leaveBook.upcoming(centreID: centreID, for: actor)
            async let clinicians = rules.clinicians(centreID: centreID, for: actor)
            return .leaves(try await leaves, clinicians: try await clinicians)
        case .addLeave(let clinicianID, let from, let to, let reason):
            let result = try await leaveBook.addLeave(clinicianID: clinicianID, from: from, to: to, reason: reason, by: actor)
            return .leaveAdded(result, await coveredSummary(result, actor: actor))
        case .addHoliday(let centreID, let from, let to, let reason):
            let result = try await leaveBook.addHoliday(centreID: centreID, from: from, to: to, reason: reason, by: actor)
            return .leaveAdded(result, await coveredSummary(result, actor: actor))
        case .liftLeave(let leaveID):
            try await leaveBook.lift(leaveID, by: actor)
            return .done(UserMessageLine(.success, "Lifted: its slots are open again, at the desk and on the web."))
        case .loadCovered(let leave):
            return .covered(leave, try await leaveBook.coveredAppointments(leave.id, for: actor))
        case .resolveCovered(let leave, let appointmentID, let cancel):
            try await leaveBook.resolve(appointmentID: appointmentID, leaveID: leave.id, cancel: cancel, by: actor)
            return .done(
                UserMessageLine(
                    .success,
                    cancel
                        ? "Cancelled; the patient is told and a paid visit is refund-eligible."
                        : "Kept: the visit stays booked although the clinician is away."))
        case .loadHours(let centreID, let clinicianID):
            let clinicians = try await rules.clinicians(centreID: centreID, for: actor)
            let chosen = clinicians.first { $0.id == clinicianID }?.id ?? clinicians.first?.id
            var windows: [WeeklyRules.Window] = []
            if let chosen { windows = try await rules.windows(clinicianID: chosen, for: actor) }
            let names = try await CentreDirectory(database: database).names()
            return .hours(clinicians: clinicians, clinicianID: chosen, windows: windows, centreNames: names)
        case .previewHours(let clinicianID, let windows):
            return .hoursPreview(try await rules.preview(clinicianID: clinicianID, windows: windows, by: actor))
        case .applyHours(let clinicianID, let windows, let acceptStranded):
            return .hoursApplied(
                try await rules.apply(clinicianID: clinicianID, windows: windows, acceptStranded: acceptStranded, by: actor))
        case .loadPolicies:
            return .policies(try await DeskPolicies.current(database))
        case .savePolicies(let policies):
            try await DeskPolicies.save(policies, by: actor, in: database)
            return .done(UserMessageLine(.success, "Policies saved; every desk applies them from now."))
        }
    }

    /// The new leave as the list shows it, read only when it covers visits (the screen then lists them
    /// under it). Recorded either way: a failed read here must not read as "nothing was saved".
    private func coveredSummary(_ result: LeaveResult, actor: StaffActor) async -> LeaveSummary? {
        guard !result.coveredAppointments.isEmpty, let centre = actor.activeCentreID else { return nil }
        return try? await LeaveBook(database: database).upcoming(centreID: centre, for: actor).first { $0.id == result.leaveID }
    }
}
