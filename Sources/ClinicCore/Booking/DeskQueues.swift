/// The manager's queues: patients' cancellation requests, stale unpaid holds, and payments that
/// arrived after their hold was released.
public struct DeskQueues: Sendable {
    let database: Database

    /// The queues of `database`.
    public init(database: Database) { self.database = database }

    /// Cancellation requests the web wrote, oldest first.
    public func cancellationRequests(for actor: StaffActor, centreID: Int64) async throws -> [QueueEntry] {
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        return try await entries(kind: "requests", centreID: centreID, staleMinutes: 0)
    }

    /// Unpaid BOOKED appointments older than the stale-hold age, oldest first, with whether a link is out.
    public func staleHolds(for actor: StaffActor, centreID: Int64) async throws -> [QueueEntry] {
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        let policies = try await DeskPolicies.current(database)
        return try await entries(kind: "holds", centreID: centreID, staleMinutes: policies.staleHoldMinutes)
    }

    /// Releases one stale hold as the web's rollback does (CANCELLED, inactive), audited. A hold with an
    /// open payment link, a paid one, or one younger than the policy's age is refused.
    public func releaseHold(_ appointmentID: Int64, by actor: StaffActor) async throws {
        try await database.transaction { session in
            let current = try CurrentAppointment.load(appointmentID, in: session)
            try PermissionTable.check(actor, .releaseStaleHolds, centreID: current.centreID)
            try DeskQueues.release(current, actor: actor, policies: try DeskPolicies.load(in: session), in: session)
        }
    }

    /// With the policy on, releases every stale hold at `centreID` (the background worker calls it).
    /// - Returns: how many were released.
    @discardableResult
    public func releaseStaleHoldsByPolicy(centreID: Int64, by actor: StaffActor) async throws -> Int {
        let policies = try await DeskPolicies.current(database)
        guard policies.staleHoldAutoRelease, PermissionTable.allows(actor, .releaseStaleHolds, centreID: centreID) else { return 0 }
        var released = 0
        let holds = try await entries(kind: "holds", centreID: centreID, staleMinutes: policies.staleHoldMinutes)
        for hold in holds where !hold.hasOpenPaymentLink {
            do {
                try await releaseHold(hold.appointmentID, by: actor)
                released += 1
            } catch is AppointmentError {
                continue
            }
        }
        return released
    }

    static func release(_ current: CurrentAppointment, actor: StaffActor, policies: DeskPolicies, in session: DatabaseSession) throws {
        guard current.isActive, current.status.effective(paid: current.paid) == .booked else { throw AppointmentError.notAHold }
        guard !current.paid else { throw AppointmentError.holdIsPaid }
        guard !current.hasOpenPaymentLink else { throw AppointmentError.holdHasPaymentLink }
        let ageMicroseconds = current.now.microsecondsSinceEpoch - current.createdAt.microsecondsSinceEpoch
        let ageMinutes = ageMicroseconds >= 0 ? ageMicroseconds / 60_000_000 : (ageMicroseconds - 59_999_999) / 60_000_000
        guard ageMinutes >= Int64(policies.staleHoldMinutes) else {
            throw AppointmentError.holdTooRecent(minutes: policies.staleHoldMinutes)
        }
        try AppointmentChanges.write(
            current, to: .cancelled, action: .releaseHold, extraSet: [.released],
            reason: "Unpaid hold released after \(ageMinutes) minutes", actor: actor, in: session)
        // A payment committed since the read above must win: with the row now locked by this release, a
        // later one is caught by the payments trigger instead.
        let paidMeanwhile: Bool = try session.queryOne(
            "SELECT EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = \(current.id) AND p.status = 'SUCCESS') AS paid"
        ).decode("paid")
        guard !paidMeanwhile else { throw AppointmentError.holdIsPaid }
    }

    /// Payments that succeeded after the desk released their hold, not yet resolved.
    public func paidAfterRelease(for actor: StaffActor, centreID: Int64) async throws -> [PaidReleasedEntry] {
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        let rows = try await database.query(
            """
            SELECT r.id, r.payment_id, r.appointment_id, r.detected_at, p.amount::text AS amount, a.status, a.is_active,
                   a.scheduled_start_at, pu.full_name AS patient_name
            FROM desk_paid_released r
            JOIN payments p ON p.id = r.payment_id
            JOIN appointments a ON a.id = r.appointment_id
            JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users pu ON pu.id = pp.user_id
            WHERE r.resolved_at IS NULL AND a.centre_id = \(centreID)
            ORDER BY r.detected_at, r.id
            """)
        return try rows.map { row in
            PaidReleasedEntry(
                id: try row.decode("id"), paymentID: try row.decode("payment_id"), appointmentID: try row.decode("appointment_id"),
                patientName: try row.decode("patient_name"), start: try row.decode("scheduled_start_at"),
                amount: Money(rupeesText: try row.decode("amount")) ?? Money(paise: 0),
                appointmentStatus: try row.decode("status"), isActive: try row.decode("is_active"))
        }
    }

    /// Resolves one: `restore` puts the visit back (CONFIRMED, active; refused with "slot just taken" if
    /// the time went to someone else); otherwise the payment is marked for refund.
    public func resolvePaidAfterRelease(_ entryID: Int64, restore: Bool, by actor: StaffActor) async throws {
        try await database.transaction { session in
            guard
                let row = try session.query(
                    "SELECT appointment_id FROM desk_paid_released WHERE id = \(entryID) AND resolved_at IS NULL FOR UPDATE"
                ).first
            else { throw AppointmentError.changedMeanwhile }
            let current = try CurrentAppointment.load(try row.decode("appointment_id"), in: session)
            try PermissionTable.check(actor, .refundPayment, centreID: current.centreID)
            if restore {
                if !(current.isActive && current.status == .confirmed) {
                    do {
                        let changed = try session.execute(
                            """
                            UPDATE appointments SET status = 'CONFIRMED', is_active = true, desk_released_at = NULL, updated_at = now()
                            WHERE id = \(current.id) AND status = \(current.statusText)
                            """)
                        guard changed == 1 else { throw AppointmentError.changedMeanwhile }
                    } catch let error as DatabaseError {
                        if let bookingError = BookingError(error) { throw bookingError }
                        throw error
                    }
                    try StatusHistory.record(
                        appointmentID: current.id, from: current.statusText, to: "CONFIRMED", by: actor.userID,
                        reason: "Restored: paid after the hold was released", in: session)
                }
            } else {
                try session.execute(
                    "UPDATE appointments SET refund_eligible = true, refund_status = coalesce(refund_status, 'PENDING'), updated_at = now() WHERE id = \(current.id)"
                )
            }
            try session.execute(
                """
                UPDATE desk_paid_released SET resolved_at = now(), resolved_by_user_id = \(actor.userID),
                       resolution = \(restore ? "RESTORED" : "REFUND")
                WHERE id = \(entryID)
                """)
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: current.centreID,
                    action: restore ? "appointment.restored_after_payment" : "payment.refund_marked",
                    entityType: "appointment", entityID: current.id, host: actor.host),
                in: session)
        }
    }

    private func entries(kind: String, centreID: Int64, staleMinutes: Int) async throws -> [QueueEntry] {
        let rows = try await database.query(
            """
            SELECT a.id, a.status, a.scheduled_start_at, a.created_at, a.cancellation_reason,
                   pu.full_name AS patient_name, cu.full_name AS clinician_name,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status IN ('CREATED', 'PENDING')
                           AND (p.payment_link_id IS NOT NULL OR p.payment_link_url IS NOT NULL)) AS open_link
            FROM appointments a
            JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users pu ON pu.id = pp.user_id
            JOIN clinician_profiles cp ON cp.id = a.clinician_id JOIN users cu ON cu.id = cp.user_id
            WHERE a.centre_id = \(centreID) AND a.is_active
              AND ((\(kind) = 'requests' AND a.status = 'CANCELLATION_REQUESTED')
                   OR (\(kind) = 'holds' AND a.status IN ('BOOKED', 'PENDING')
                       AND a.created_at < now() - make_interval(mins => \(staleMinutes))
                       AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS')))
            ORDER BY a.cancellation_requested_at NULLS LAST, a.created_at, a.id
            """)
        return try rows.map { row in
            try QueueEntry(row: row)
        }
    }
}

/// One appointment in a manager's queue.
public struct QueueEntry: Sendable, Equatable {
    public var appointmentID: Int64
    public var status: String
    public var start: Instant
    public var createdAt: Instant
    public var patientName: String
    public var clinicianName: String
    /// The patient's cancellation reason, when there is one.
    public var reason: String?
    public var isPaid: Bool
    public var hasOpenPaymentLink: Bool
    /// Under leave: a manager chose to keep it.
    public var isKept = false
    /// Where it is (filled in where a list spans centres: leave covers every centre of a clinician).
    public var centreID: Int64?
    public var centreName: String?
}

/// A payment that succeeded after its hold was released.
public struct PaidReleasedEntry: Sendable, Equatable {
    public var id: Int64
    public var paymentID: Int64
    public var appointmentID: Int64
    public var patientName: String
    public var start: Instant
    public var amount: Money
    public var appointmentStatus: String
    public var isActive: Bool
}

// In an extension, so the memberwise initialiser stays.
extension QueueEntry {
    /// An entry from a row with the queue queries' columns (`id`, `status`, `scheduled_start_at`,
    /// `created_at`, `patient_name`, `clinician_name`, `cancellation_reason`, `paid`, `open_link`).
    init(row: Row) throws {
        self.init(
            appointmentID: try row.decode("id"), status: try row.decode("status"), start: try row.decode("scheduled_start_at"),
            createdAt: try row.decode("created_at"), patientName: try row.decode("patient_name"),
            clinicianName: try row.decode("clinician_name"), reason: try row.decode("cancellation_reason"),
            isPaid: try row.decode("paid"), hasOpenPaymentLink: try row.decode("open_link"))
    }
}
