import Foundation

/// A clinician's weekly hours, edited with the web's semantics: unchanged rules are kept, new ones
/// inserted, missing ones deactivated (never deleted). A change that would strand booked visits lists
/// them first and is applied only when the manager confirms.
public struct WeeklyRules: Sendable {
    let database: Database

    /// Rules on `database`.
    public init(database: Database) { self.database = database }

    /// One weekly window as a manager types it.
    public struct Window: Sendable, Hashable {
        public var centreID: Int64
        public var weekday: Int
        public var start: LocalTime
        public var end: LocalTime
        public var slotMinutes: Int
        public var mode: ConsultationMode

        /// A window; see the properties.
        public init(centreID: Int64, weekday: Int, start: LocalTime, end: LocalTime, slotMinutes: Int, mode: ConsultationMode) {
            self.centreID = centreID
            self.weekday = weekday
            self.start = start
            self.end = end
            self.slotMinutes = slotMinutes
            self.mode = mode
        }
    }

    /// What a change would do.
    public struct Preview: Sendable, Equatable {
        public var kept: Int
        public var added: [Window]
        public var deactivatedRuleIDs: [Int64]
        /// Future booked visits the current hours cover and the new ones would not.
        public var stranded: [QueueEntry]
    }

    /// Clinicians whose hours a manager of `centreID` looks after: those with hours there or based there.
    public func clinicians(centreID: Int64, for actor: StaffActor) async throws -> [ClinicianChoice] {
        try PermissionTable.check(actor, .viewDaySchedule, centreID: centreID)
        return try await database.query(
            """
            SELECT cp.id, coalesce(u.full_name, '?') AS name
            FROM clinician_profiles cp LEFT JOIN users u ON u.id = cp.user_id
            WHERE cp.is_active AND (cp.primary_centre_id = \(centreID)
               OR cp.id IN (SELECT clinician_id FROM clinician_availability_rules WHERE centre_id = \(centreID) AND is_active))
            ORDER BY name, cp.id
            """
        ).map { ClinicianChoice(id: try $0.decode("id"), name: try $0.decode("name")) }
    }

    /// The clinician's active windows, for staff who see the day schedule where they work (or the
    /// clinician themself).
    public func windows(clinicianID: Int64, for actor: StaffActor) async throws -> [Window] {
        if actor.clinicianID != clinicianID { try PermissionTable.check(actor, .viewDaySchedule, centreID: actor.activeCentreID) }
        return try await database.query(
            """
            SELECT centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode
            FROM clinician_availability_rules WHERE clinician_id = \(clinicianID) AND is_active
            ORDER BY day_of_week, start_time
            """
        ).compactMap { row in
            guard let mode = ConsultationMode(rawValue: try row.decode("mode")) else { return nil }
            return Window(
                centreID: try row.decode("centre_id"), weekday: try row.decode("day_of_week"), start: try row.decode("start_time"),
                end: try row.decode("end_time"), slotMinutes: try row.decode("slot_duration_minutes"), mode: mode)
        }
    }

    /// What replacing the clinician's windows by `windows` would do; nothing is changed.
    public func preview(clinicianID: Int64, windows: [Window], by actor: StaffActor) async throws -> Preview {
        try WeeklyRules.validate(windows)
        return try await database.transaction { session in
            try WeeklyRules.checkPermission(actor, clinicianID: clinicianID, windows: windows, in: session)
            return try WeeklyRules.preview(clinicianID, windows, in: session)
        }
    }

    /// Replaces the clinician's windows. With stranded visits it refuses unless `acceptStranded`.
    public func apply(clinicianID: Int64, windows: [Window], acceptStranded: Bool, by actor: StaffActor) async throws -> Preview {
        try WeeklyRules.validate(windows)
        return try await database.transaction { session in
            try WeeklyRules.checkPermission(actor, clinicianID: clinicianID, windows: windows, in: session)
            let preview = try WeeklyRules.preview(clinicianID, windows, in: session)
            guard preview.stranded.isEmpty || acceptStranded else {
                throw AppointmentError.ruleInvalid(
                    "\(preview.stranded.count) booked appointment(s) would fall outside the new hours; review them and confirm")
            }
            for id in preview.deactivatedRuleIDs {
                try session.execute("UPDATE clinician_availability_rules SET is_active = FALSE, updated_at = NOW() WHERE id = \(id)")
            }
            for window in preview.added {
                try session.execute(
                    """
                    INSERT INTO clinician_availability_rules (clinician_id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode, is_active)
                    VALUES (\(clinicianID), \(window.centreID), \(window.weekday), \(window.start), \(window.end), \(window.slotMinutes), \(window.mode.rawValue), TRUE)
                    """)
            }
            try AuditLog.record(
                AuditEntry(
                    actorUserID: actor.userID, centreID: actor.activeCentreID, action: "availability.rules_changed",
                    entityType: "clinician", entityID: clinicianID, host: actor.host,
                    detailsJSON: AuditDetailsJSON.object([
                        "added": String(preview.added.count), "deactivated": String(preview.deactivatedRuleIDs.count),
                        "kept": String(preview.kept), "stranded": String(preview.stranded.count),
                    ])),
                in: session)
            return preview
        }
    }

    static func validate(_ windows: [Window]) throws {
        for window in windows {
            guard (0...6).contains(window.weekday) else { throw AppointmentError.ruleInvalid("the day must be Sunday to Saturday") }
            guard window.end > window.start else { throw AppointmentError.ruleInvalid("the end must be after the start") }
            guard window.slotMinutes >= 5, window.slotMinutes <= window.end.minutesSinceMidnight - window.start.minutesSinceMidnight else {
                throw AppointmentError.ruleInvalid("the slot length must be at least 5 minutes and fit in the window")
            }
        }
    }

    static func checkPermission(_ actor: StaffActor, clinicianID: Int64, windows: [Window], in session: DatabaseSession) throws {
        let existing: [Int64] = try session.query(
            "SELECT DISTINCT centre_id FROM clinician_availability_rules WHERE clinician_id = \(clinicianID) AND is_active"
        ).map { try $0.decode("centre_id") }
        for centre in Set(existing + windows.map(\.centreID)) {
            try PermissionTable.check(actor, .manageAvailabilityRules, centreID: centre)
        }
    }

    static func preview(_ clinicianID: Int64, _ windows: [Window], in session: DatabaseSession) throws -> Preview {
        var current: [(id: Int64, window: Window)] = []
        for row in try session.query(
            """
            SELECT id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode
            FROM clinician_availability_rules WHERE clinician_id = \(clinicianID) AND is_active
            """)
        {
            guard let mode = ConsultationMode(rawValue: try row.decode("mode")) else { continue }
            current.append(
                (
                    try row.decode("id"),
                    Window(
                        centreID: try row.decode("centre_id"), weekday: try row.decode("day_of_week"), start: try row.decode("start_time"),
                        end: try row.decode("end_time"), slotMinutes: try row.decode("slot_duration_minutes"), mode: mode)
                ))
        }
        let wanted = Set(windows)
        let kept = current.filter { wanted.contains($0.window) }
        let deactivated = current.filter { !wanted.contains($0.window) }.map(\.id)
        let added = windows.filter { window in !current.contains { $0.window == window } }
        var stranded: [QueueEntry] = []
        for row in try session.query(
            """
            SELECT a.id, a.status, a.scheduled_start_at, a.scheduled_end_at, a.created_at, a.cancellation_reason, a.centre_id,
                   c.timezone, pu.full_name AS patient_name, cu.full_name AS clinician_name,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid
            FROM appointments a JOIN centres c ON c.id = a.centre_id
            JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users pu ON pu.id = pp.user_id
            JOIN clinician_profiles cp ON cp.id = a.clinician_id JOIN users cu ON cu.id = cp.user_id
            WHERE a.clinician_id = \(clinicianID) AND a.is_active AND a.scheduled_start_at > now()
              AND desk_occupies_slot(a.is_active, a.status, a.desk_overbook_reason)
            ORDER BY a.scheduled_start_at
            """)
        {
            let zone = CentreZone(named: try row.decode("timezone"))
            let start: Instant = try row.decode("scheduled_start_at")
            let end: Instant = try row.decode("scheduled_end_at")
            let centreID: Int64 = try row.decode("centre_id")
            let (day, time) = zone.local(start)
            let endMinutes = time.minutesSinceMidnight + Int((end.microsecondsSinceEpoch - start.microsecondsSinceEpoch) / 60_000_000)
            func covers(_ window: Window) -> Bool {
                window.centreID == centreID && window.weekday == day.weekday && window.start <= time
                    && endMinutes <= window.end.minutesSinceMidnight
            }
            // Only visits the current hours cover and the new ones would not: the change strands them.
            if current.contains(where: { covers($0.window) }) && !windows.contains(where: covers) {
                stranded.append(
                    QueueEntry(
                        appointmentID: try row.decode("id"), status: try row.decode("status"), start: start,
                        createdAt: try row.decode("created_at"), patientName: try row.decode("patient_name"),
                        clinicianName: try row.decode("clinician_name"), reason: nil, isPaid: try row.decode("paid"),
                        hasOpenPaymentLink: false))
            }
        }
        return Preview(kept: kept.count, added: added, deactivatedRuleIDs: deactivated, stranded: stranded)
    }
}

/// A clinician to pick in a list.
public struct ClinicianChoice: Sendable, Equatable {
    public var id: Int64
    public var name: String

    /// A clinician as listed.
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
