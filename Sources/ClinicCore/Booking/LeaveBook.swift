import Foundation

/// Clinicians' leave and centre holidays, written as the web's `blocked_slots` rows (one per generated
/// slot, exact start and end, at every centre involved) so the web stops offering those slots too.
public struct LeaveBook: Sendable {
    let database: Database

    /// Leave on `database`.
    public init(database: Database) { self.database = database }

    /// Records leave for a clinician from `firstDay` to `lastDay` (local days, from today on).
    /// - Returns: the leave and the appointments it covers, for the manager to keep, move or cancel.
    public func addLeave(
        clinicianID: Int64, from firstDay: LocalDate, to lastDay: LocalDate, reason: String, by actor: StaffActor
    ) async throws -> LeaveResult {
        try await add(kind: "LEAVE", clinicianID: clinicianID, centreID: nil, firstDay, lastDay, reason, actor)
    }

    /// Records a holiday at a centre (every clinician with hours there).
    public func addHoliday(
        centreID: Int64, from firstDay: LocalDate, to lastDay: LocalDate, reason: String, by actor: StaffActor
    ) async throws -> LeaveResult {
        try await add(kind: "HOLIDAY", clinicianID: nil, centreID: centreID, firstDay, lastDay, reason, actor)
    }

    /// Lifts leave or a holiday: its blocked slots are unblocked (kept, `is_blocked` false) and audited.
    public func lift(_ leaveID: Int64, by actor: StaffActor) async throws {
        try await database.transaction { session in
            let leave = try LeaveBook.leave(leaveID, in: session)
            try LeaveBook.checkPermission(actor, leave: leave, in: session)
            let ids: [Int64] = try session.query(
                """
                UPDATE blocked_slots SET is_blocked = FALSE, unblocked_by_admin_id = \(actor.userID), unblocked_at = NOW(), updated_at = NOW()
                WHERE desk_leave_id = \(leaveID) AND is_blocked = TRUE
                RETURNING id
                """
            ).map { try $0.decode("id") }
            for id in ids {
                try session.execute(
                    """
                    INSERT INTO slot_blocking_audit (blocked_slot_id, action_type, admin_id, reason, affected_appointment_ids, affected_patient_count, metadata)
                    VALUES (\(id), 'UNBLOCK', \(actor.userID), \(leave.reason), '{}'::integer[], 0, jsonb_build_object('source', 'clinic-desk', 'desk_leave_id', \(leaveID)::bigint))
                    """)
            }
            try session.execute("UPDATE desk_leaves SET lifted_at = now(), lifted_by_user_id = \(actor.userID) WHERE id = \(leaveID)")
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: leave.centreID ?? actor.activeCentreID, action: "leave.lifted",
                    entityType: "desk_leave", entityID: leaveID, host: actor.host,
                    detailsJSON: AuditDetailsJSON.object(["unblocked_slots": String(ids.count)])),
                in: session)
        }
    }

    /// Leave and holidays not yet lifted that touch `centreID` and end today or later: holidays of the
    /// centre, and leave of clinicians with hours there. Anyone who sees the centre's day may read it.
    public func upcoming(centreID: Int64, for actor: StaffActor) async throws -> [LeaveSummary] {
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        return try await database.query(
            """
            SELECT l.id, l.kind, cu.full_name AS clinician_name, c.name AS centre_name, l.first_day, l.last_day, l.reason,
                   (SELECT count(*) FROM blocked_slots b WHERE b.desk_leave_id = l.id AND b.is_blocked) AS blocked
            FROM desk_leaves l
            LEFT JOIN clinician_profiles cp ON cp.id = l.clinician_id LEFT JOIN users cu ON cu.id = cp.user_id
            LEFT JOIN centres c ON c.id = l.centre_id
            WHERE l.lifted_at IS NULL
              AND l.last_day >= (now() AT TIME ZONE (SELECT timezone FROM centres WHERE id = \(centreID)))::date
              AND (l.centre_id = \(centreID)
                   OR l.clinician_id IN (SELECT clinician_id FROM clinician_availability_rules WHERE centre_id = \(centreID) AND is_active
                                         UNION SELECT id FROM clinician_profiles WHERE primary_centre_id = \(centreID)))
            ORDER BY l.first_day, l.id
            """
        ).map { row in
            LeaveSummary(
                id: try row.decode("id"), kind: LeaveSummary.Kind(rawValue: try row.decode("kind")) ?? .leave,
                clinicianName: try row.decode("clinician_name"), centreName: try row.decode("centre_name"),
                firstDay: try row.decode("first_day"), lastDay: try row.decode("last_day"), reason: try row.decode("reason"),
                blockedSlots: Int(try row.decode("blocked", as: Int64.self)))
        }
    }

    /// Active appointments inside the leave's blocked slots that still hold their time.
    public func coveredAppointments(_ leaveID: Int64, for actor: StaffActor) async throws -> [QueueEntry] {
        try await database.transaction { session in
            try LeaveBook.checkPermission(actor, leave: try LeaveBook.leave(leaveID, in: session), in: session)
            return try LeaveBook.covered(leaveID, in: session)
        }
    }

    /// The manager's choice for one covered appointment: keep it (audited) or cancel it as the web's slot
    /// blocking does (CANCELLED_BY_ADMIN, refund-eligible, a patient notification, a slot_blocking_audit
    /// row). Moving it is `Bookings.reschedule`.
    public func resolve(appointmentID: Int64, leaveID: Int64, cancel: Bool, by actor: StaffActor) async throws {
        try await database.transaction { session in
            let leave = try LeaveBook.leave(leaveID, in: session)
            try LeaveBook.checkPermission(actor, leave: leave, in: session)
            let current = try CurrentAppointment.load(appointmentID, in: session)
            let blockedSlotID: Int64? = try session.query(
                """
                SELECT b.id FROM blocked_slots b JOIN centres c ON c.id = b.centre_id
                WHERE b.desk_leave_id = \(leaveID) AND b.is_blocked AND b.centre_id = \(current.centreID)
                  AND b.clinician_id = \(current.clinicianID)
                  AND ((b.blocked_date + b.start_time) AT TIME ZONE c.timezone) < \(current.end)
                  AND ((b.blocked_date + b.end_time) AT TIME ZONE c.timezone) > \(current.start)
                ORDER BY b.start_time LIMIT 1
                """
            ).first?.decode("id")
            // Only an appointment inside this leave's blocked slots, at a centre the manager manages.
            guard blockedSlotID != nil else { throw AppointmentError.notCoveredByLeave }
            try PermissionTable.check(actor, leave.kind == "LEAVE" ? .manageLeave : .manageHolidays, centreID: current.centreID)
            guard cancel else {
                try AuditLog.record(
                    AuditEntry(
                        actorUserID: actor.userID, centreID: current.centreID, action: "leave.appointment_kept",
                        entityType: "appointment", entityID: appointmentID, host: actor.host,
                        detailsJSON: AuditDetailsJSON.object(["desk_leave_id": String(leaveID)])),
                    in: session)
                return
            }
            let target = try AppointmentChanges.target(.cancelForLeave, current)
            try AppointmentChanges.write(
                current, to: target, action: .cancelForLeave, extraSet: [.blockedBy(slotID: blockedSlotID)],
                reason: leave.reason, actor: actor, in: session)
            try session.execute(
                """
                INSERT INTO patient_notifications (patient_id, notification_type, title, message, appointment_id, blocked_slot_id, metadata, is_read)
                VALUES (\(current.patientID), 'APPOINTMENT_BLOCKED', 'Appointment cancelled',
                        \("Your appointment was cancelled by the clinic: \(leave.reason). If you paid, the fee will be refunded."),
                        \(appointmentID), \(blockedSlotID), jsonb_build_object('source', 'clinic-desk', 'refund_eligible', true), FALSE)
                """)
            if let blockedSlotID {
                try session.execute(
                    """
                    INSERT INTO slot_blocking_audit (blocked_slot_id, action_type, admin_id, reason, affected_appointment_ids, affected_patient_count, metadata)
                    VALUES (\(blockedSlotID), 'BLOCK', \(actor.userID), \(leave.reason), ARRAY[\(appointmentID)]::integer[], 1,
                            jsonb_build_object('source', 'clinic-desk', 'desk_leave_id', \(leaveID)::bigint, 'cancelled', true))
                    """)
            }
            try AppointmentMessages.enqueue(
                .cancellation(reason: leave.reason), appointmentID: appointmentID, policies: try DeskPolicies.load(in: session),
                in: session)
        }
    }

    // MARK: - Private

    struct Leave {
        var id: Int64
        var kind: String
        var clinicianID: Int64?
        var centreID: Int64?
        var reason: String
    }

    private func add(
        kind: String, clinicianID: Int64?, centreID: Int64?, _ firstDay: LocalDate, _ lastDay: LocalDate, _ reason: String,
        _ actor: StaffActor
    ) async throws -> LeaveResult {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppointmentError.reasonRequired("for the leave or holiday") }
        guard lastDay >= firstDay else { throw AppointmentError.leaveDatesInvalid("the last day is before the first") }
        guard lastDay.daysSinceEpoch - firstDay.daysSinceEpoch <= 92 else {
            throw AppointmentError.leaveDatesInvalid("record at most three months at a time")
        }
        return try await database.transaction { session in
            let draft = Leave(id: 0, kind: kind, clinicianID: clinicianID, centreID: centreID, reason: reason)
            try LeaveBook.checkPermission(actor, leave: draft, in: session)
            let snapshot = try AvailabilityReader.snapshot(
                .init(centreID: centreID, clinicianIDs: clinicianID.map { [$0] }, days: firstDay...lastDay), in: session)
            let today = snapshot.centres.values.map { $0.zone.local(snapshot.now).date }.min() ?? firstDay
            guard firstDay >= today else { throw AppointmentError.leaveDatesInvalid("leave can be recorded only from today on") }
            let leaveID: Int64 = try session.queryOne(
                """
                INSERT INTO desk_leaves (kind, clinician_id, centre_id, first_day, last_day, reason, created_by_user_id)
                VALUES (\(kind), \(clinicianID), \(centreID), \(firstDay), \(lastDay), \(reason), \(actor.userID))
                RETURNING id
                """
            ).decode("id")
            // One statement per slot (the block and its audit row), sent in batches: a long leave blocks
            // hundreds of slots, and a round trip each was most of its time.
            var statements: [SQLQuery] = []
            var day = firstDay
            while day <= lastDay {
                for rule in snapshot.rules where rule.weekday == day.weekday {
                    for minutes in rule.slotStartMinutes {
                        let start = LocalTime(hour: minutes / 60, minute: minutes % 60)
                        let endMinutes = minutes + rule.slotMinutes
                        let end = LocalTime(hour: endMinutes / 60, minute: endMinutes % 60)
                        statements.append(
                            """
                            WITH blocked AS (
                                INSERT INTO blocked_slots (clinician_id, centre_id, blocked_date, start_time, end_time, reason,
                                                           blocked_by_admin_id, blocked_at, is_blocked, desk_leave_id)
                                VALUES (\(rule.clinicianID), \(rule.centreID), \(day), \(start), \(end), \(reason), \(actor.userID), NOW(), TRUE, \(leaveID))
                                ON CONFLICT (clinician_id, centre_id, blocked_date, start_time, end_time)
                                DO UPDATE SET is_blocked = TRUE, reason = EXCLUDED.reason, blocked_by_admin_id = EXCLUDED.blocked_by_admin_id,
                                              blocked_at = NOW(), unblocked_by_admin_id = NULL, unblocked_at = NULL, updated_at = NOW(),
                                              desk_leave_id = EXCLUDED.desk_leave_id
                                WHERE blocked_slots.is_blocked = FALSE
                                RETURNING id
                            )
                            INSERT INTO slot_blocking_audit (blocked_slot_id, action_type, admin_id, reason, affected_appointment_ids, affected_patient_count, metadata)
                            SELECT id, 'BLOCK', \(actor.userID), \(reason), '{}'::integer[], 0,
                                   jsonb_build_object('source', 'clinic-desk', 'desk_leave_id', \(leaveID)::bigint, 'kind', \(kind)::text)
                            FROM blocked
                            RETURNING blocked_slot_id
                            """)
                    }
                }
                day = day.adding(days: 1)
            }
            var blocked = 0
            for start in stride(from: 0, to: statements.count, by: 200) {
                blocked += try session.queryBatch(Array(statements[start..<min(start + 200, statements.count)])).reduce(0) { $0 + $1.count }
            }
            let covered = try LeaveBook.covered(leaveID, in: session)
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: centreID ?? actor.activeCentreID,
                    action: kind == "LEAVE" ? "leave.recorded" : "holiday.recorded", entityType: "desk_leave", entityID: leaveID,
                    host: actor.host,
                    detailsJSON: AuditDetailsJSON.object([
                        "first_day": firstDay.description, "last_day": lastDay.description, "reason": reason,
                        "blocked_slots": String(blocked), "covered_appointments": String(covered.count),
                    ])),
                in: session)
            return LeaveResult(leaveID: leaveID, blockedSlots: blocked, coveredAppointments: covered)
        }
    }

    static func covered(_ leaveID: Int64, in session: DatabaseSession) throws -> [QueueEntry] {
        try session.query(
            """
            SELECT DISTINCT a.id, a.status, a.scheduled_start_at, a.created_at, a.cancellation_reason,
                   pu.full_name AS patient_name, cu.full_name AS clinician_name,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status IN ('CREATED', 'PENDING')
                           AND (p.payment_link_id IS NOT NULL OR p.payment_link_url IS NOT NULL)) AS open_link,
                   EXISTS (SELECT 1 FROM desk_audit_log k WHERE k.action = 'leave.appointment_kept' AND k.entity_type = 'appointment'
                           AND k.entity_id = a.id AND k.details ->> 'desk_leave_id' = \(String(leaveID))) AS kept,
                   a.centre_id, c.name AS centre_name
            FROM blocked_slots b
            JOIN centres c ON c.id = b.centre_id
            JOIN appointments a ON a.clinician_id = b.clinician_id AND a.centre_id = b.centre_id
             AND a.scheduled_start_at < ((b.blocked_date + b.end_time) AT TIME ZONE c.timezone)
             AND a.scheduled_end_at > ((b.blocked_date + b.start_time) AT TIME ZONE c.timezone)
            JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users pu ON pu.id = pp.user_id
            JOIN clinician_profiles cp ON cp.id = a.clinician_id JOIN users cu ON cu.id = cp.user_id
            WHERE b.desk_leave_id = \(leaveID) AND b.is_blocked AND a.is_active
              AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW', 'COMPLETED')
            ORDER BY a.scheduled_start_at, a.id
            """
        ).map { row in
            var entry = try QueueEntry(row: row)
            entry.isKept = try row.decode("kept")
            entry.centreID = try row.decode("centre_id")
            entry.centreName = try row.decode("centre_name")
            return entry
        }
    }

    static func leave(_ id: Int64, in session: DatabaseSession) throws -> Leave {
        guard let row = try session.query("SELECT id, kind, clinician_id, centre_id, reason FROM desk_leaves WHERE id = \(id)").first else {
            throw AppointmentError.leaveDatesInvalid("leave \(id) does not exist")
        }
        return Leave(
            id: id, kind: try row.decode("kind"), clinicianID: try row.decode("clinician_id"), centreID: try row.decode("centre_id"),
            reason: try row.decode("reason"))
    }

    /// Holidays need `manageHolidays` at the centre; leave needs `manageLeave` at every centre where the
    /// clinician has hours (it blocks all of them).
    static func checkPermission(_ actor: StaffActor, leave: Leave, in session: DatabaseSession) throws {
        if let centre = leave.centreID {
            try PermissionTable.check(actor, .manageHolidays, centreID: centre)
            return
        }
        guard let clinicianID = leave.clinicianID else { return }
        let centres: [Int64] = try session.query(
            """
            SELECT DISTINCT centre_id FROM clinician_availability_rules WHERE clinician_id = \(clinicianID) AND is_active
            UNION SELECT primary_centre_id FROM clinician_profiles WHERE id = \(clinicianID)
            """
        ).map { try $0.decode("centre_id") }
        for centre in centres { try PermissionTable.check(actor, .manageLeave, centreID: centre) }
    }
}

/// Leave as recorded: how many slots it blocked and which appointments it covers.
public struct LeaveResult: Sendable, Equatable {
    public var leaveID: Int64
    public var blockedSlots: Int
    public var coveredAppointments: [QueueEntry]
}
