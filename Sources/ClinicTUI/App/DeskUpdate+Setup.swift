import ClinicCore

/// Hours & leave: leave and holidays (and the visits they cover), weekly hours, policies.
extension DeskUpdate {
    static func openSetup(_ state: inout AppState) -> [Effect] {
        state.overlay = nil
        state.screen = .setup
        return reloadSetup(&state)
    }

    /// Reads the open section again; hours changed and not saved stay as typed unless `dropChanges`.
    static func reloadSetup(_ state: inout AppState, dropChanges: Bool = false) -> [Effect] {
        guard let session = state.session else { return [] }
        if state.setup.section == .hours, state.setup.hasUnsavedHours, !dropChanges { return [] }
        switch state.setup.section {
        case .leave:
            if let covered = state.setup.covered { return [.setup(actor: session.actor, .loadCovered(covered.leave))] }
            return [.setup(actor: session.actor, .loadLeaves(centreID: session.centre.id))]
        case .hours:
            return [.setup(actor: session.actor, .loadHours(centreID: session.centre.id, clinicianID: state.setup.clinicianID))]
        case .policies:
            return [.setup(actor: session.actor, .loadPolicies)]
        }
    }

    /// Keys for the open form or question, before the key map.
    static func handleSetup(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        let today = session.local(state.now).date
        // One change at a time: a second Enter while the first is on its way would record it twice.
        if state.setup.isBusy, key == .enter || key == .character("y") || key == .character("Y") {
            state.message = UserMessageLine(.info, "Working…")
            return []
        }
        if var leaveForm = state.setup.leaveForm {
            switch key {
            case .escape:
                state.setup.leaveForm = nil
            case .enter:
                switch leaveRequest(leaveForm, clinicians: state.setup.clinicians, centreID: session.centre.id, today: today) {
                case .success(let request):
                    state.setup.isBusy = true
                    return [.setup(actor: session.actor, request)]
                case .failure(let problem):
                    leaveForm.form.error = problem.description
                    state.setup.leaveForm = leaveForm
                }
            default:
                if leaveForm.form.handle(key) {
                    // Say whom a part of a name means while it is typed, not only after Enter.
                    if !leaveForm.isHoliday {
                        leaveForm.form.hint = SetupForms.leaveHint(leaveForm.form.text(0), clinicians: state.setup.clinicians)
                    }
                    state.setup.leaveForm = leaveForm
                }
            }
            return []
        }
        if var form = state.setup.windowForm {
            switch key {
            case .escape:
                state.setup.windowForm = nil
            case .enter:
                switch SetupInput.window(form, centreID: session.centre.id) {
                case .success(let window) where state.setup.windows?.contains(window) == true:
                    form.error = "These hours are already in the list."
                    state.setup.windowForm = form
                case .success(let window):
                    state.setup.windows = (state.setup.windows ?? []) + [window]
                    state.setup.windowForm = nil
                    state.message = UserMessageLine(.info, "Added; s saves the week (nothing is stored until then).")
                case .failure(let problem):
                    form.error = problem.description
                    state.setup.windowForm = form
                }
            default:
                if form.handle(key) { state.setup.windowForm = form }
            }
            return []
        }
        if var form = state.setup.policyForm {
            switch key {
            case .escape:
                state.setup.policyForm = nil
            case .enter:
                switch SetupInput.policies(form) {
                case .success(let policies):
                    state.setup.isBusy = true
                    return [.setup(actor: session.actor, .savePolicies(policies))]
                case .failure(let problem):
                    form.error = problem.description
                    state.setup.policyForm = form
                }
            default:
                if form.handle(key) { state.setup.policyForm = form }
            }
            return []
        }
        if state.setup.isAskingToDropHours {
            state.setup.isAskingToDropHours = false
            guard key == .character("y") || key == .character("Y") else {
                state.message = UserMessageLine(.info, "Your changes are still on the screen (not saved).")
                return []
            }
            return reloadSetup(&state, dropChanges: true)
        }
        if let leave = state.setup.liftCandidate {
            state.setup.liftCandidate = nil
            guard key == .character("y") || key == .character("Y") else {
                state.message = UserMessageLine(.info, "Not lifted.")
                return []
            }
            state.setup.isBusy = true
            return [.setup(actor: session.actor, .liftLeave(leaveID: leave.id))]
        }
        if let preview = state.setup.preview {
            state.setup.preview = nil
            guard key == .character("y") || key == .character("Y"), let clinician = state.setup.clinicianID,
                let windows = state.setup.windows
            else {
                state.message = UserMessageLine(.info, "Hours not saved; your changes are still on the screen.")
                return []
            }
            state.setup.isBusy = true
            return [
                .setup(
                    actor: session.actor, .applyHours(clinicianID: clinician, windows: windows, acceptStranded: !preview.stranded.isEmpty))
            ]
        }
        if var covered = state.setup.covered, let entry = covered.cancelCandidate {
            covered.cancelCandidate = nil
            state.setup.covered = covered
            guard key == .character("y") || key == .character("Y") else {
                state.message = UserMessageLine(.info, "Not cancelled.")
                return []
            }
            state.setup.isBusy = true
            return [.setup(actor: session.actor, .resolveCovered(covered.leave, appointmentID: entry.appointmentID, cancel: true))]
        }
        return nil
    }

    /// Runs an Hours & leave action; nil when it is not this screen's.
    static func performSetup(_ action: DeskAction, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        let rows = DeskLayout.setupRows(state)
        // While a change (or the hours preview) is on its way, nothing else is sent and the section stays.
        let sends: Set<DeskAction> = [.nextSection, .keepCovered, .cancelCovered, .liftLeave, .saveHours]
        if state.setup.isBusy, sends.contains(action) {
            state.message = UserMessageLine(.info, "Working…")
            return []
        }
        switch action {
        case .nextSection:
            let all = SetupState.Section.allCases
            state.setup.section = all[((all.firstIndex(of: state.setup.section) ?? 0) + 1) % all.count]
            state.setup.covered = nil
            return reloadSetup(&state)
        case .refresh:
            state.setup.preview = nil
            if state.setup.section == .hours, state.setup.hasUnsavedHours {
                state.setup.isAskingToDropHours = true
                return []
            }
            return reloadSetup(&state, dropChanges: true)
        case .back:
            guard state.setup.covered != nil else { return nil }
            state.setup.covered = nil
            return reloadSetup(&state)
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            let delta = action == .moveUp ? -1 : action == .moveDown ? 1 : action == .pageUp ? -rows : action == .pageDown ? rows : 0
            if var covered = state.setup.covered {
                covered.table.move(by: delta, rowCount: covered.entries.count, visibleRows: rows)
                state.setup.covered = covered
            } else if state.setup.section == .leave {
                state.setup.leaveTable.move(by: delta, rowCount: state.setup.leaves?.count ?? 0, visibleRows: rows)
            } else if state.setup.section == .hours {
                state.setup.windowTable.move(by: delta, rowCount: state.setup.windows?.count ?? 0, visibleRows: rows)
            }
            return []
        case .newLeave, .newHoliday:
            guard state.setup.section == .leave, state.setup.covered == nil else { return sectionHint(&state, .leave) }
            if refuse(&state, action == .newLeave ? .manageLeave : .manageHolidays) { return [] }
            state.setup.leaveForm = SetupForms.leave(isHoliday: action == .newHoliday, centreName: session.centre.name)
            return []
        case .liftLeave:
            guard state.setup.section == .leave, state.setup.covered == nil, let leave = state.setup.selectedLeave else {
                return sectionHint(&state, .leave)
            }
            if refuse(&state, leave.kind == .leave ? .manageLeave : .manageHolidays) { return [] }
            state.setup.liftCandidate = leave
            return []
        case .showCovered:
            guard state.setup.section == .leave, state.setup.covered == nil, let leave = state.setup.selectedLeave else { return [] }
            if refuse(&state, leave.kind == .leave ? .manageLeave : .manageHolidays) { return [] }
            return [.setup(actor: session.actor, .loadCovered(leave))]
        case .keepCovered, .cancelCovered, .moveCovered:
            guard var covered = state.setup.covered, let entry = covered.entries[safe: covered.table.selectedRow] else {
                state.message = UserMessageLine(.info, "Open a leave's covered visits first: Enter on the leave.")
                return []
            }
            if refuse(&state, covered.leave.kind == .leave ? .manageLeave : .manageHolidays) { return [] }
            switch action {
            case .keepCovered:
                state.setup.isBusy = true
                return [.setup(actor: session.actor, .resolveCovered(covered.leave, appointmentID: entry.appointmentID, cancel: false))]
            case .cancelCovered:
                covered.cancelCandidate = entry
                state.setup.covered = covered
                return []
            default:
                // A visit moves within its centre; this desk may move it only where it works.
                let centreID = entry.centreID ?? session.centre.id
                guard session.centres.contains(where: { $0.id == centreID }) else {
                    state.message = UserMessageLine(
                        .error, "\(entry.patientName)'s visit is at \(entry.centreName ?? "another centre"); a desk there moves it.")
                    return []
                }
                let moving = MovingAppointment(
                    appointmentID: entry.appointmentID, patientName: entry.patientName, start: entry.start,
                    clinicianName: entry.clinicianName, centreID: centreID, returnTo: .setup)
                return openAvailability(&state, moving: moving, day: session.local(entry.start).date)
            }
        case .previousClinician, .nextClinician:
            guard state.setup.section == .hours, !state.setup.clinicians.isEmpty else { return sectionHint(&state, .hours) }
            guard !state.setup.hasUnsavedHours else {
                state.message = UserMessageLine(.error, "Save these hours first (s), or r to drop the changes.")
                return []
            }
            let index = state.setup.clinicians.firstIndex { $0.id == state.setup.clinicianID } ?? 0
            let step = action == .nextClinician ? 1 : state.setup.clinicians.count - 1
            state.setup.clinicianID = state.setup.clinicians[(index + step) % state.setup.clinicians.count].id
            state.setup.windows = nil
            return reloadSetup(&state)
        case .addHours:
            guard state.setup.section == .hours, state.setup.clinicianID != nil else { return sectionHint(&state, .hours) }
            if refuseHours(&state) { return [] }
            // The clinician's usual slot length, not a fixed 30.
            let lengths = (state.setup.windows ?? []).map(\.slotMinutes)
            let usual = Dictionary(grouping: lengths, by: { $0 }).max { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }?.key
            state.setup.windowForm = SetupForms.window(centreName: session.centre.name, slotMinutes: usual ?? 30)
            return []
        case .deleteHours:
            guard state.setup.section == .hours, var windows = state.setup.windows,
                windows.indices.contains(state.setup.windowTable.selectedRow)
            else { return sectionHint(&state, .hours) }
            if refuseHours(&state) { return [] }
            windows.remove(at: state.setup.windowTable.selectedRow)
            state.setup.windows = windows
            state.setup.windowTable.clamp(rowCount: windows.count, visibleRows: rows)
            state.message = UserMessageLine(.info, "Removed; s saves the week (nothing is stored until then).")
            return []
        case .saveHours:
            guard state.setup.section == .hours, let clinician = state.setup.clinicianID, let windows = state.setup.windows else {
                return sectionHint(&state, .hours)
            }
            guard state.setup.hasUnsavedHours else {
                state.message = UserMessageLine(.info, "Nothing changed.")
                return []
            }
            state.setup.isBusy = true
            return [.setup(actor: session.actor, .previewHours(clinicianID: clinician, windows: windows))]
        case .editPolicies:
            guard state.setup.section == .policies, let policies = state.setup.policies else { return sectionHint(&state, .policies) }
            guard DeskPolicies.canChange(session.actor) else {
                state.message = UserMessageLine(.error, AppointmentError.policiesNeedChainWideRole.description)
                return []
            }
            state.setup.policyForm = SetupForms.policies(policies)
            return []
        default:
            return nil
        }
    }

    /// Results from ClinicCore.
    static func updateSetup(_ state: inout AppState, _ result: SetupResult) -> [Effect] {
        switch result {
        case .leaves, .covered, .hours, .policies: break
        case .leaveAdded, .hoursPreview, .hoursApplied, .done, .failed: state.setup.isBusy = false
        }
        let rows = DeskLayout.setupRows(state)
        switch result {
        case .leaves(let leaves, let clinicians):
            state.setup.leaves = leaves
            state.setup.clinicians = clinicians
            state.setup.leaveTable.clamp(rowCount: leaves.count, visibleRows: rows)
        case .leaveAdded(let result, let leave):
            state.setup.leaveForm = nil
            state.message = UserMessageLine(
                .success,
                "Recorded; \(result.blockedSlots) slot(s) blocked for the web too."
                    + (result.coveredAppointments.isEmpty
                        ? "" : " \(result.coveredAppointments.count) booked visit(s) to decide: K keep, m move, C cancel."))
            if let leave, !result.coveredAppointments.isEmpty {
                state.setup.covered = SetupState.Covered(leave: leave, entries: result.coveredAppointments)
                return []
            }
            return reloadSetup(&state)
        case .covered(let leave, let entries):
            var covered = state.setup.covered ?? SetupState.Covered(leave: leave, entries: entries)
            covered.leave = leave
            covered.entries = entries
            covered.table.clamp(rowCount: entries.count, visibleRows: rows)
            state.setup.covered = covered
        case .hours(let clinicians, let clinicianID, let windows, let centreNames):
            state.setup.clinicians = clinicians
            state.setup.centreNames = centreNames
            state.setup.clinicianID = clinicianID
            state.setup.windows = windows
            state.setup.savedWindows = windows
            state.setup.windowTable.clamp(rowCount: windows.count, visibleRows: rows)
        case .hoursPreview(let preview):
            state.setup.preview = preview
        case .hoursApplied(let preview):
            state.message = UserMessageLine(
                .success,
                "Hours saved: \(preview.added.count) added, \(preview.deactivatedRuleIDs.count) ended, \(preview.kept) kept."
                    + (preview.stranded.isEmpty
                        ? ""
                        : " \(preview.stranded.count) booked visit(s) now fall outside the hours: move them on their day's schedule (F2, then [ ]).")
            )
            // The hours on screen are the ones just saved: read them as saved (the unsaved-changes guard must not hold them).
            return reloadSetup(&state, dropChanges: true)
        case .policies(let policies):
            state.setup.policies = policies
        case .done(let line):
            state.message = line
            state.setup.policyForm = nil
            return reloadSetup(&state)
        case .failed(let line):
            if state.setup.leaveForm != nil {
                state.setup.leaveForm?.form.error = line.text
            } else if state.setup.policyForm != nil {
                state.setup.policyForm?.error = line.text
            } else {
                state.message = line
            }
        }
        return []
    }

    /// Says at once, before anything is typed, when the role may not do it here (ClinicCore checks again).
    private static func refuse(_ state: inout AppState, _ permission: Permission) -> Bool {
        guard let session = state.session else { return true }
        do {
            try PermissionTable.check(session.actor, permission, centreID: session.centre.id)
            return false
        } catch {
            state.message = UserMessage.line(for: error)
            return true
        }
    }

    /// Hours are changed only by someone who manages every centre where the clinician works (ClinicCore
    /// checks again): said before anything is typed, with the centre's name.
    private static func refuseHours(_ state: inout AppState) -> Bool {
        if refuse(&state, .manageAvailabilityRules) { return true }
        guard let session = state.session else { return true }
        let elsewhere = Set(state.setup.savedWindows.map(\.centreID)).sorted().first {
            !PermissionTable.allows(session.actor, .manageAvailabilityRules, centreID: $0)
        }
        guard let elsewhere else { return false }
        let who = state.setup.clinicianName ?? "This clinician"
        let centre = state.setup.centreNames[elsewhere] ?? "another centre"
        state.message = UserMessageLine(.error, "\(who) also works at \(centre); ask a Manager.")
        return true
    }

    /// A key of another section: say where it works.
    private static func sectionHint(_ state: inout AppState, _ section: SetupState.Section) -> [Effect] {
        state.message = UserMessageLine(.info, "That key works in \(section.title) (Tab switches sections).")
        return []
    }

    private static func leaveRequest(
        _ leaveForm: SetupState.LeaveForm, clinicians: [ClinicianChoice], centreID: Int64, today: LocalDate
    ) -> Result<SetupRequest, SetupInputError> {
        let form = leaveForm.form
        let offset = leaveForm.isHoliday ? 0 : 1
        var clinicianID: Int64?
        if !leaveForm.isHoliday {
            switch SetupInput.clinician(form.text(0), among: clinicians) {
            case .success(let choice): clinicianID = choice.id
            case .failure(let problem): return .failure(problem)
            }
        }
        let first: LocalDate
        switch DateInput.parse(form.text(offset), today: today) {
        case .success(let day): first = day
        case .failure(let problem): return .failure(.dates("First day: \(problem.description)"))
        }
        let lastText = form.text(offset + 1)
        let last: LocalDate
        switch lastText.isEmpty ? .success(first) : DateInput.parse(lastText, today: today) {
        case .success(let day): last = day
        case .failure(let problem): return .failure(.dates("Last day: \(problem.description)"))
        }
        guard first >= today else { return .failure(.dates("Leave and holidays start today or later.")) }
        guard last >= first else { return .failure(.dates("The last day is before the first.")) }
        let reason = form.text(offset + 2)
        guard !reason.isEmpty else { return .failure(.dates("Type a reason (patients whose visits are cancelled see it).")) }
        if let clinicianID { return .success(.addLeave(clinicianID: clinicianID, from: first, to: last, reason: reason)) }
        return .success(.addHoliday(centreID: centreID, from: first, to: last, reason: reason))
    }
}

/// The forms of the Hours & leave screen.
enum SetupForms {
    static let leaveDatesHint = "Dates: t, t+3, mon, 24/12; empty last day = one day. Enter saves, Esc cancels."

    /// The leave form's hint line: whom the typed name means, else how to type dates.
    static func leaveHint(_ typedName: String, clinicians: [ClinicianChoice]) -> String {
        guard !typedName.trimmingCharacters(in: .whitespaces).isEmpty else { return leaveDatesHint }
        switch SetupInput.clinician(typedName, among: clinicians) {
        case .success(let clinician): return "Leave for \(clinician.name). Enter saves, Esc cancels."
        case .failure(let problem): return problem.description
        }
    }

    static func leave(isHoliday: Bool, centreName: String) -> SetupState.LeaveForm {
        var fields = [
            TextField(label: "First day", maxLength: 12), TextField(label: "Last day", maxLength: 12),
            TextField(label: "Reason", maxLength: 200),
        ]
        if !isHoliday { fields.insert(TextField(label: "Clinician", maxLength: 60), at: 0) }
        let form = FieldForm(
            title: isHoliday ? "Holiday at \(centreName) (every clinician there)" : "Leave (blocks the clinician at every centre)",
            fields: fields, hint: leaveDatesHint)
        return SetupState.LeaveForm(form: form, isHoliday: isHoliday)
    }

    static func window(centreName: String, slotMinutes: Int = 30) -> FieldForm {
        FieldForm(
            title: "Add weekly hours at \(centreName)",
            fields: [
                TextField(label: "Day", maxLength: 9), TextField(label: "Start", maxLength: 5), TextField(label: "End", maxLength: 5),
                TextField(label: "Slot minutes", text: String(slotMinutes), maxLength: 3),
                TextField(label: "Mode", text: "in person", maxLength: 9),
            ],
            hint: "Day mon…sun, times 9:30 or 14:00, mode i or o. Enter adds, Esc cancels.")
    }

    static func policies(_ policies: DeskPolicies) -> FieldForm {
        FieldForm(
            title: "Policies for every desk (managers and administrators only)",
            fields: [
                TextField(label: "Overbooks per clinician a day", text: String(policies.overbookCapPerClinicianDay), maxLength: 2),
                TextField(label: "Stale hold after (minutes)", text: String(policies.staleHoldMinutes), maxLength: 5),
                TextField(label: "Release stale holds by themselves", text: policies.staleHoldAutoRelease ? "yes" : "no", maxLength: 3),
                TextField(label: "Reminders the day before at", text: DisplayDate.clock(policies.reminderLocalTime), maxLength: 5),
                TextField(label: "Cancellation template", text: policies.cancellationTemplate, maxLength: 60),
                TextField(label: "Reschedule template", text: policies.rescheduleTemplate, maxLength: 60),
                TextField(label: "Reminder template", text: policies.reminderTemplate, maxLength: 60),
                TextField(label: "Brand in confirmations", text: policies.brandName, maxLength: 60),
            ],
            hint: "Enter saves for every desk, Esc cancels.")
    }
}
