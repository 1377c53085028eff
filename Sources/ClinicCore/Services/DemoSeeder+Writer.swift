// The seeding transaction: lock, check, take ids, plan everything in memory, write it with COPY.

extension DemoSeeder {
    /// Every table the seed writes, in the order it writes them.
    static let seededTables = [
        "centres", "users", "staff_profiles", "user_roles", "centre_staff_assignments", "clinician_profiles",
        "clinician_availability_rules", "patient_profiles", "blocked_slots", "appointments",
        "appointment_status_history", "payments", "video_sessions", "slot_blocking_audit", "patient_notifications",
        "desk_audit_log", "settings",
    ]

    /// The first free id of each table (max(id) + 1), so a fresh database always gets the same ids.
    struct IDBases: Sendable {
        var values: [String: Int64]

        func first(_ table: String) -> Int64 { values[table] ?? 1 }
    }

    /// Everything except the patients themselves (who are made while they are written).
    struct DemoPlan: Sendable {
        var generator: SeededGenerator
        var ids: IDBases
        var staff: [StaffTemplate]
        var clinicians: [ClinicianRecord]
        var bookers: Bookers
        var blocks: [PlannedBlock]
        var appointments: [PlannedAppointment]
        var payments: [PlannedPayment]
        var history: [PlannedHistory]
        /// Per patient index: when the registration fee was paid.
        var registered: [Int: Instant]
        /// Per patient index: their earliest booking (they signed up before it).
        var firstBookings: [Int: Instant]

        func staffUserID(_ index: Int) -> Int64 { ids.first("users") + Int64(index) }
        var patientUserBase: Int64 { ids.first("users") + Int64(staff.count) }
        var patientProfileBase: Int64 { ids.first("patient_profiles") }
        func centreID(_ index: Int) -> Int64 { ids.first("centres") + Int64(index) }
    }

    /// Builds the plan: pure, given the options, the ids and the earliest date a block may have.
    static func makePlan(
        _ options: DemoSeedOptions, staff: [StaffTemplate], ids: IDBases,
        earliestBlockDate: LocalDate
    ) -> DemoPlan {
        let generator = SeededGenerator(
            seedText: "clinic-desk demo|\(options.today)|\(options.patients)|\(options.clinicians)")
        let userBase = ids.first("users")
        var clinicians: [ClinicianRecord] = []
        var ruleID = ids.first("clinician_availability_rules")
        for (index, member) in staff.enumerated() {
            guard let profile = member.clinician else { continue }
            let rules = DemoSeeder.rules(for: profile).map { rule -> (id: Int64, rule: RuleTemplate) in
                defer { ruleID += 1 }
                return (ruleID, rule)
            }
            clinicians.append(
                ClinicianRecord(
                    staffIndex: index, userID: userBase + Int64(index),
                    profileID: ids.first("clinician_profiles") + Int64(clinicians.count),
                    fullName: member.fullName, profile: profile, rules: rules))
        }
        func userID(_ role: StaffRole, centre: Int? = nil) -> Int64 {
            let index = staff.firstIndex { $0.role == role && (centre == nil || $0.centre == centre) } ?? 0
            return userBase + Int64(index)
        }
        let bookers = Bookers(
            frontDesk: centres.indices.map { userID(.frontDesk, centre: $0) },
            careCoordinator: userID(.careCoordinator), manager: userID(.manager), admin: userID(.admin))
        let blocks = planBlocks(clinicians, firstDate: earliestBlockDate, firstID: ids.first("blocked_slots"))
        var blocked: [Int: [LocalDate: [Int: Int64]]] = [:]
        for block in blocks {
            blocked[block.clinician, default: [:]][block.date, default: [:]][block.start.minutesSinceMidnight] = block.id
        }
        var planner = AppointmentPlanner(
            today: options.today, inSessionMinute: options.inSessionAt.minutesSinceMidnight, patients: options.patients,
            clinicians: clinicians, bookers: bookers,
            patientUserBase: userBase + Int64(staff.count), blocked: blocked, firstID: ids.first("appointments"),
            generator: generator.derived(10, 0))
        planner.plan()
        let appointments = planner.appointments
        var paymentGenerator = generator.derived(11, 0)
        let (payments, registered) = planPayments(
            appointments, clinicians: clinicians, firstID: ids.first("payments"),
            generator: &paymentGenerator)
        let history = planHistory(
            appointments, payments: payments, clinicians: clinicians, bookers: bookers,
            today: options.today)
        var firstBookings: [Int: Instant] = [:]
        for appointment in appointments where firstBookings[appointment.patient].map({ appointment.bookedAt < $0 }) ?? true {
            firstBookings[appointment.patient] = appointment.bookedAt
        }
        return DemoPlan(
            generator: generator, ids: ids, staff: staff, clinicians: clinicians, bookers: bookers,
            blocks: blocks, appointments: appointments, payments: payments, history: history,
            registered: registered, firstBookings: firstBookings)
    }

    /// The body of the one seeding transaction.
    static func write(
        _ options: DemoSeedOptions, staff: [StaffTemplate], passwordHashes: [String],
        session: DatabaseSession, progress: (String) -> Void
    ) throws -> DemoSeedSummary {
        // Writers wait until the seed commits (readers do not), so ids taken from max(id) stay free.
        try session.execute(SQLQuery(unsafeSQL: "LOCK TABLE \(seededTables.joined(separator: ", ")) IN EXCLUSIVE MODE"))
        try refuseIfNotEmpty(try session.queryOne(countQuery))

        let usernames = "{" + staff.map { "\"\($0.username)\"" }.joined(separator: ",") + "}"
        let taken = try session.query("SELECT username FROM users WHERE username = ANY(\(usernames)::text[]) ORDER BY username")
            .map { try $0.decode("username", as: String.self) }
        if !taken.isEmpty {
            throw DemoSeedError.invalidOptions(
                "the database already has staff logins named \(taken.joined(separator: ", ")); load the demo into a new, "
                    + "empty database")
        }
        var roleIDs: [StaffRole: Int64] = [:]
        for row in try session.query("SELECT id, name FROM roles") {
            if let role = StaffRole(rawValue: try row.decode("name")) { roleIDs[role] = try row.decode("id") }
        }
        let missingRoles = StaffRole.allCases.filter { roleIDs[$0] == nil }.map(\.rawValue)
        if !missingRoles.isEmpty {
            throw DemoSeedError.invalidOptions(
                "the roles table lacks \(missingRoles.joined(separator: ", ")); run `clinic-desk db apply-schema` first")
        }
        let serverDate: LocalDate = try session.queryOne("SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today")
            .decode("today")
        let maxima = seededTables.map { "(SELECT coalesce(max(id), 0) FROM \($0)) AS \($0)" }.joined(separator: ", ")
        let maximaRow = try session.queryOne(SQLQuery(unsafeSQL: "SELECT \(maxima)"))
        var bases: [String: Int64] = [:]
        for table in seededTables { bases[table] = try maximaRow.decode(table, as: Int64.self) + 1 }

        progress("centres, staff and clinicians…")
        let plan = makePlan(
            options, staff: staff, ids: IDBases(values: bases),
            earliestBlockDate: max(options.today, serverDate).adding(days: 2))
        try writeStaff(plan, options: options, roleIDs: roleIDs, passwordHashes: passwordHashes, session: session)
        try writePatients(plan, options: options, session: session, progress: progress)
        progress("appointments, payments and blocked slots…")
        try writeAppointments(plan, session: session)

        progress("sequences and audit…")
        for table in seededTables where table != "desk_audit_log" && table != "settings" {
            // Never moves a sequence backwards; tables without rows keep their sequence as it is.
            try session.execute(
                SQLQuery(
                    unsafeSQL: """
                        SELECT setval(s.seq, greatest(m.max_id, coalesce(pg_sequence_last_value(s.seq), 0)))
                        FROM (SELECT pg_get_serial_sequence('\(table)', 'id')::regclass AS seq) AS s,
                             (SELECT max(id) AS max_id FROM \(table)) AS m
                        WHERE m.max_id IS NOT NULL
                        """))
        }

        // Demo MRNs are numbers 1…patients of desk_mrn_seq; registrations continue after them.
        try session.execute(
            """
            SELECT setval('desk_mrn_seq', greatest(\(Int64(options.patients)), coalesce(pg_sequence_last_value('desk_mrn_seq'), 0)))
            """)

        let summary = DemoSeedSummary(
            centres: centres.count, clinicians: plan.clinicians.count, staff: staff.count, patients: options.patients,
            appointments: plan.appointments.count, payments: plan.payments.count, blockedSlots: plan.blocks.count)
        let details = jsonObject([
            ("today", json(options.today.description)), ("patients", String(options.patients)),
            ("clinicians", String(options.clinicians)), ("appointments", String(summary.appointments)),
            ("payments", String(summary.payments)), ("blocked_slots", String(summary.blockedSlots)),
        ])
        try AuditLog.record(
            AuditEntry(
                actorUserID: nil, centreID: nil, action: "demo.seeded", entityType: "database",
                entityID: nil, host: nil, detailsJSON: details), in: session)
        // Last, so `db status --seeded` only ever sees a complete demo.
        let marker = jsonObject([
            ("today", json(options.today.description)), ("patients", String(options.patients)),
            ("clinicians", String(options.clinicians)),
        ])
        try session.execute(
            """
            INSERT INTO settings (key, value_json) VALUES (\(DemoSeedRecord.settingsKey), \(marker)::jsonb)
            ON CONFLICT (key) DO UPDATE SET value_json = EXCLUDED.value_json, updated_at = now()
            """)
        return summary
    }
}
