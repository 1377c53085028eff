import Foundation

/// Status changes on one appointment: every one a compare-and-set on the status it read, with a
/// history row (from, to, who, why), an audit row, and NOTIFY (the table's trigger).
public struct AppointmentChanges: Sendable {
    let database: Database

    /// Changes on `database`.
    public init(database: Database) { self.database = database }

    /// Checks the patient in on the day of the visit: check-in time and the centre's next queue token.
    /// - Returns: the token.
    public func checkIn(_ appointmentID: Int64, by actor: StaffActor) async throws -> Int {
        try await database.transaction { session in
            let current = try CurrentAppointment.load(appointmentID, in: session)
            try PermissionTable.check(actor, .checkIn, centreID: current.centreID)
            _ = try AppointmentChanges.target(.checkIn, current)
            guard current.isActive else { throw AppointmentError.notFromStatus(.checkIn, .cancelled) }
            if current.checkedInAt != nil {
                let token: Int? = try session.queryOne("SELECT desk_queue_token FROM appointments WHERE id = \(appointmentID)").decode(
                    "desk_queue_token")
                return token ?? 0
            }
            let zone = CentreZone(named: current.timezone)
            let today = zone.local(current.now).date
            guard zone.local(current.start).date == today else { throw AppointmentError.checkInOnAnotherDay }
            let token: Int = try session.queryOne(
                """
                INSERT INTO desk_queue_tokens (centre_id, day, last_token) VALUES (\(current.centreID), \(today), 1)
                ON CONFLICT (centre_id, day) DO UPDATE SET last_token = desk_queue_tokens.last_token + 1
                RETURNING last_token
                """
            ).decode("last_token")
            let changed = try session.execute(
                """
                UPDATE appointments SET desk_checked_in_at = now(), desk_checked_in_by_user_id = \(actor.userID),
                       desk_queue_token = \(token), updated_at = now()
                WHERE id = \(appointmentID) AND status = \(current.statusText) AND desk_checked_in_at IS NULL
                """)
            guard changed == 1 else { throw AppointmentError.changedMeanwhile }
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: current.centreID, action: "appointment.checked_in",
                    entityType: "appointment", entityID: appointmentID, host: actor.host,
                    detailsJSON: AuditDetailsJSON.object(["token": String(token)])),
                in: session)
            return token
        }
    }

    /// The clinician starts their own session (IN_PROGRESS, `session_started_at`).
    public func startSession(_ appointmentID: Int64, by actor: StaffActor) async throws {
        try await change(appointmentID, .start, by: actor, reason: "Session started") { current in
            try PermissionTable.check(actor, .startSession, clinicianID: current.clinicianID)
            return [.sessionStarted]
        }
    }

    /// The clinician ends their own session (COMPLETED, `session_ended_at`).
    public func completeSession(_ appointmentID: Int64, by actor: StaffActor) async throws {
        try await change(appointmentID, .complete, by: actor, reason: "Session completed") { current in
            try PermissionTable.check(actor, .completeSession, clinicianID: current.clinicianID)
            return [.sessionStarted, .sessionEnded]
        }
    }

    /// Marks a no-show, only after the start time.
    public func markNoShow(_ appointmentID: Int64, by actor: StaffActor) async throws {
        try await change(appointmentID, .markNoShow, by: actor, reason: "Did not come") { current in
            try PermissionTable.check(actor, .markNoShow, centreID: current.centreID)
            return []
        } guardNow: { current in
            guard current.now >= current.start else { throw AppointmentError.noShowBeforeStart }
        }
    }

    /// Cancels with a reason. Within 24 hours of the start only a CENTRE_MANAGER or above may, and only
    /// with `override` set. A paid visit is marked for refund.
    public func cancel(_ appointmentID: Int64, reason: String, override: Bool = false, by actor: StaffActor) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppointmentError.reasonRequired("for the cancellation") }
        try await change(appointmentID, .cancel, by: actor, reason: reason, message: .cancellation(reason: reason)) { current in
            try PermissionTable.check(actor, .cancelAhead, centreID: current.centreID)
            return [.cancellationReason]
        } guardNow: { current in
            if current.startsWithin24Hours {
                guard PermissionTable.allows(actor, .cancelWithin24Hours, centreID: current.centreID) else {
                    throw AppointmentError.within24Hours(.cancel)
                }
                guard override else { throw AppointmentError.within24Hours(.cancel) }
            }
        }
    }

    /// A manager approves a patient's cancellation request (CANCELLED, approval time and approver).
    public func approveCancellationRequest(_ appointmentID: Int64, by actor: StaffActor) async throws {
        try await change(
            appointmentID, .approveCancellationRequest, by: actor, reason: "Cancellation request approved",
            message: .cancellation(reason: "cancellation request approved")
        ) { current in
            try PermissionTable.check(actor, .approveCancellationRequest, centreID: current.centreID)
            return [.cancellationApproved]
        }
    }

    /// A manager declines it: back to CONFIRMED when paid, else BOOKED (the web keeps no prior status).
    public func declineCancellationRequest(_ appointmentID: Int64, reason: String, by actor: StaffActor) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppointmentError.reasonRequired("for declining the request") }
        try await change(appointmentID, .declineCancellationRequest, by: actor, reason: "Cancellation request declined: \(reason)") {
            current in
            try PermissionTable.check(actor, .approveCancellationRequest, centreID: current.centreID)
            return []
        }
    }

    // MARK: - The one compare-and-set

    /// Columns a change sets besides the status; values are bound as parameters.
    enum ExtraColumn: Sendable {
        case sessionStarted, sessionEnded, cancellationReason, cancellationApproved, released
        case blockedBy(slotID: Int64?)
    }

    /// Reads the appointment, checks the table and the caller's rules, then sets the new status where the
    /// status is still the one read.
    func change(
        _ appointmentID: Int64, _ action: AppointmentAction, by actor: StaffActor, reason: String,
        message: AppointmentMessages.Kind? = nil,
        extraSet: @escaping @Sendable (CurrentAppointment) throws -> [ExtraColumn],
        guardNow: @escaping @Sendable (CurrentAppointment) throws -> Void = { _ in }
    ) async throws {
        try await database.transaction { session in
            let current = try CurrentAppointment.load(appointmentID, in: session)
            let extra = try extraSet(current)
            let target = try AppointmentChanges.target(action, current)
            try guardNow(current)
            try AppointmentChanges.write(
                current, to: target, action: action, extraSet: extra, reason: reason, actor: actor, in: session)
            if let message {
                try AppointmentMessages.enqueue(
                    message, appointmentID: appointmentID, policies: try DeskPolicies.load(in: session), in: session)
            }
        }
    }

    /// The status `action` leads to from `current`, or the refusal.
    static func target(_ action: AppointmentAction, _ current: CurrentAppointment) throws -> AppointmentStatus {
        guard current.isActive || action == .confirm,
            let target = StatusTransitions.target(of: action, from: current.status, paid: current.paid)
        else {
            if current.status == .cancellationRequested && action == .cancel {
                throw AppointmentError.notFromStatus(action, current.status)
            }
            throw AppointmentError.notFromStatus(action, current.isActive ? current.status : .cancelled)
        }
        return target
    }

    /// The compare-and-set, history, audit.
    static func write(
        _ current: CurrentAppointment, to target: AppointmentStatus, action: AppointmentAction, extraSet: [ExtraColumn],
        reason: String, actor: StaffActor, in session: DatabaseSession
    ) throws {
        var statement = SQLBuilder()
        var sets = ["status = \(statement.bind(target.rawValue))", "updated_at = now()"]
        for column in extraSet {
            switch column {
            case .sessionStarted: sets.append("session_started_at = coalesce(session_started_at, now())")
            case .sessionEnded: sets.append("session_ended_at = coalesce(session_ended_at, now())")
            case .cancellationReason: sets.append("cancellation_reason = \(statement.bind(reason))")
            case .cancellationApproved:
                sets.append("cancellation_approved_at = now(), cancellation_approved_by = \(statement.bind(actor.userID))::integer")
            case .released:
                sets.append(
                    "is_active = false, desk_released_at = now(), desk_released_by_user_id = \(statement.bind(actor.userID))::bigint")
            case .blockedBy(let slotID):
                sets.append("cancellation_reason = \(statement.bind(reason)), blocked_slot_id = \(statement.bind(slotID))::integer")
            }
        }
        // The web's slot blocking makes every visit it cancels refund-eligible; a paid one also waits for
        // the refund step.
        if target == .cancelledByAdmin || (current.paid && target == .cancelled) { sets.append("refund_eligible = true") }
        if current.paid && [.cancelled, .cancelledByAdmin].contains(target) {
            sets.append("refund_status = coalesce(refund_status, 'PENDING')")
        }
        statement.sql =
            "UPDATE appointments SET \(sets.joined(separator: ", ")) WHERE id = \(statement.bind(current.id)) AND status = \(statement.bind(current.statusText))"
        let changed = try session.execute(statement.query)
        guard changed == 1 else { throw AppointmentError.changedMeanwhile }
        try StatusHistory.record(
            appointmentID: current.id, from: current.statusText, to: target.rawValue, by: actor.userID, reason: reason, in: session)
        try AuditLog.record(
            AuditEntry(
                actorUserID: actor.userID, centreID: current.centreID, action: "appointment.\(action.rawValue)",
                entityType: "appointment", entityID: current.id, host: actor.host,
                detailsJSON: AuditDetailsJSON.object(["from": current.statusText, "to": target.rawValue, "reason": reason])),
            in: session)
    }
}
