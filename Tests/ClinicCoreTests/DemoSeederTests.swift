import Foundation
import Testing

@testable import ClinicCore

/// `db seed-demo`: reproducible, constraint-clean demo data that only goes into an empty database.
@Suite("demo seeder")
struct DemoSeederTests {
    /// Columns that take the server's `now()`, bcrypt's random salt, or the audit chain's time-based hashes.
    static let volatileColumns: Set<String> = [
        "created_at", "updated_at", "password_hash", "blocked_at", "occurred_at",
        "prev_hash", "row_hash",
    ]

    /// Today's date in India, as the CLI passes it.
    static var istToday: LocalDate {
        LocalDate(daysSinceEpoch: (Int(Date().timeIntervalSince1970) + 19_800) / 86_400)
    }

    // MARK: - Determinism

    @Test("the same options give identical rows in two fresh databases (ids included)")
    func sameOptionsSameRows() async throws {
        // A `today` in the past also exercises blocks that must follow the real calendar.
        let options = DemoSeedOptions(today: LocalDate(year: 2026, month: 3, day: 10), patients: 300, clinicians: 6)
        try await TestDatabase.with(prefix: "seed_same_a") { first in
            try await TestDatabase.with(prefix: "seed_same_b") { second in
                let summaryA = try await DemoSeeder(database: first.database).seed(options) { _ in }
                let summaryB = try await DemoSeeder(database: second.database).seed(options) { _ in }
                #expect(summaryA == summaryB)
                let rowsA = try await fingerprint(first.database)
                let rowsB = try await fingerprint(second.database)
                #expect(rowsA.keys.sorted() == rowsB.keys.sorted())
                for table in rowsA.keys.sorted() {
                    #expect(rowsA[table] == rowsB[table], "table \(table) differs between the two seeds")
                }
                #expect(rowsA["appointments"]?.count == Int64(summaryA.appointments))
                // A different day gives different (but equally valid) data.
                try await TestDatabase.with(prefix: "seed_other") { third in
                    let other = DemoSeedOptions(today: options.today.adding(days: 1), patients: 300, clinicians: 6)
                    _ = try await DemoSeeder(database: third.database).seed(other) { _ in }
                    let rowsC = try await fingerprint(third.database)
                    #expect(rowsC["users"]?.digest != rowsA["users"]?.digest)
                }
            }
        }
    }

    // MARK: - Invariants

    @Test("a seed satisfies every constraint and covers every status, role and phone format")
    func seededDataIsValid() async throws {
        let today = Self.istToday
        let options = DemoSeedOptions(today: today, patients: 300, clinicians: 6)
        try await TestDatabase.with(prefix: "seed_valid") { test in
            let database = test.database
            let (stream, continuation) = AsyncStream.makeStream(of: String.self)
            let summary = try await DemoSeeder(database: database).seed(options) { continuation.yield($0) }
            continuation.finish()
            var lines: [String] = []
            for await line in stream { lines.append(line) }
            #expect(lines.contains("patients 300/300"))
            #expect(lines.count < 30)

            #expect(try await count(database, "SELECT count(*) FROM desk_schema_violations()") == 0)
            #expect(try await count(database, "SELECT count(*) FROM desk_patient_overlaps()") == 0)

            // Counts match the summary.
            #expect(summary.centres == 3 && summary.clinicians == 6 && summary.patients == 300)
            #expect(try await count(database, "SELECT count(*) FROM centres") == 3)
            #expect(try await count(database, "SELECT count(*) FROM clinician_profiles") == 6)
            #expect(try await count(database, "SELECT count(*) FROM users WHERE user_type = 'STAFF'") == Int64(summary.staff))
            #expect(try await count(database, "SELECT count(*) FROM patient_profiles") == 300)
            #expect(try await count(database, "SELECT count(*) FROM appointments") == Int64(summary.appointments))
            #expect(try await count(database, "SELECT count(*) FROM payments") == Int64(summary.payments))
            #expect(try await count(database, "SELECT count(*) FROM blocked_slots") == Int64(summary.blockedSlots))
            #expect(summary.appointments > 1000)

            try await checkCentresAndStaff(database)
            try await checkPatients(database, today: today)
            try await checkAppointments(database, today: today)
            try await checkPayments(database)

            // Blocked slots: only in the future, by the admin, some appointments cancelled by them.
            #expect(summary.blockedSlots > 0)
            #expect(try await count(database, "SELECT count(*) FROM blocked_slots WHERE blocked_date <= CURRENT_DATE") == 0)
            #expect(
                try await count(
                    database,
                    """
                    SELECT count(*) FROM blocked_slots b JOIN users u ON u.id = b.blocked_by_admin_id
                    JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name <> 'ADMIN'
                    """) == 0)
            #expect(
                try await count(
                    database,
                    """
                    SELECT count(*) FROM appointments WHERE blocked_slot_id IS NOT NULL AND status <> 'CANCELLED_BY_ADMIN'
                    """) == 0)
            #expect(try await count(database, "SELECT count(*) FROM slot_blocking_audit") == Int64(summary.blockedSlots))

            // The marker, the audit entry, and the web's sequences moved past the demo ids.
            let marker = try await database.query(
                """
                SELECT value_json = jsonb_build_object('today', \(today.description)::text, 'patients', 300, 'clinicians', 6) AS ok
                FROM settings WHERE key = \(DemoSeedRecord.settingsKey)
                """)
            #expect(try marker.first?.decode("ok", as: Bool.self) == true)
            #expect(try await SchemaManager(database: database).status().isSeeded)
            #expect(try await count(database, "SELECT count(*) FROM desk_audit_log WHERE action = 'demo.seeded'") == 1)
            #expect(try await AuditLog(database: database).verify().isIntact)
            let fresh = try await database.query(
                """
                INSERT INTO users (full_name, user_type) VALUES ('Walk-in', 'PATIENT') RETURNING id, (SELECT max(id) FROM users) AS max_before
                """)
            #expect(try fresh[0].decode("id", as: Int64.self) > fresh[0].decode("max_before", as: Int64.self))

            // A second seed is refused and changes nothing.
            let before = try await TableSnapshot.take(database)
            await #expect(throws: DemoSeedError.databaseNotEmpty(patients: 300, appointments: Int64(summary.appointments))) {
                _ = try await DemoSeeder(database: database).seed(options) { _ in }
            }
            #expect(try await TableSnapshot.take(database) == before)
        }
    }

    @Test("a database with patients is refused with databaseNotEmpty, and nothing changes")
    func refusesNonEmptyDatabase() async throws {
        try await TestDatabase.with(prefix: "seed_refuse") { test in
            try await test.database.transaction { session in
                let user: Int64 = try session.queryOne(
                    """
                    INSERT INTO users (phone, full_name, user_type) VALUES ('919845012345', 'Patient', 'PATIENT') RETURNING id
                    """
                ).decode("id")
                try session.execute("INSERT INTO patient_profiles (user_id, is_active) VALUES (\(user), true)")
            }
            let before = try await TableSnapshot.take(test.database)
            let error = await #expect(throws: DemoSeedError.self) {
                _ = try await DemoSeeder(database: test.database).seed(DemoSeedOptions(today: Self.istToday)) { _ in }
            }
            #expect(error == .databaseNotEmpty(patients: 1, appointments: 0))
            #expect(error?.description.contains("Nothing was changed") == true)
            #expect(try await TableSnapshot.take(test.database) == before)
            #expect(try await count(test.database, "SELECT count(*) FROM desk_audit_log") == 0)
        }
    }

    @Test(
        "impossible options are refused before the database is touched",
        arguments: [
            DemoSeedOptions(today: LocalDate(year: 2026, month: 11, day: 26), patients: 0),
            DemoSeedOptions(today: LocalDate(year: 2026, month: 11, day: 26), patients: 20_000_000),
            DemoSeedOptions(today: LocalDate(year: 2026, month: 11, day: 26), clinicians: 0),
            DemoSeedOptions(today: LocalDate(year: 2026, month: 11, day: 26), clinicians: 500),
        ])
    func refusesInvalidOptions(options: DemoSeedOptions) async throws {
        // No server listens here: validation must fail first.
        let nowhere = Database(url: "postgresql:///none?host=/nonexistent&user=nobody")
        let error = await #expect(throws: DemoSeedError.self) {
            _ = try await DemoSeeder(database: nowhere).seed(options) { _ in }
        }
        guard case .invalidOptions(let reason) = error else {
            Issue.record("expected invalidOptions, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("between"))
    }

    // MARK: - COPY, names and logins

    @Test("COPY text escaping round-trips backslashes, tabs, newlines and Indian scripts")
    func copyEscapingRoundTrips() async throws {
        let values = ["D'Souza", "tab\there", "new\nline", "back\\slash", "\\N", "cr\rlf", "प्रिया शर्मा", "അർജുൻ നായർ", ""]
        #expect(DemoSeeder.CopyBuffer.escaped("a\\b\tc\nd") == "a\\\\b\\tc\\nd")
        try await TestDatabase.with(prefix: "seed_copy", schema: false) { test in
            try await test.database.execute("CREATE TABLE copy_probe (id integer, value text)")
            _ = try await test.database.transaction { session in
                try DemoSeeder.copy("copy_probe", ["id", "value"], in: session) { rows in
                    for (index, value) in values.enumerated() { rows.append([String(index), value]) }
                    rows.append([String(values.count), nil])
                }
            }
            let rows = try await test.database.query("SELECT value FROM copy_probe ORDER BY id")
            #expect(try rows.map { try $0.decode("value", as: String?.self) } == values.map(Optional.some) + [nil])
        }
    }

    @Test("demo logins cover every role, are unique, and match the staff the seed creates")
    func demoLogins() {
        let logins = DemoSeeder.demoLogins
        #expect(Set(logins.map { $0.username }).count == logins.count)
        #expect(Set(logins.map { $0.role }) == Set(StaffRole.allCases.map(\.rawValue)))
        #expect(logins.allSatisfy { $0.password.hasPrefix("demo-") })
        #expect(logins.filter { $0.role == "CLINICIAN" }.count == 12)
        #expect(logins.first { $0.username == "admin" }?.centre == nil)
        #expect(logins.first { $0.username == "frontdesk.blr" }?.centre?.contains("Indiranagar") == true)
        #expect(logins.contains { $0.username == "dr.iyer" })
        let staff = DemoSeeder.staffTemplates(clinicians: 40)
        #expect(Set(staff.map(\.username)).count == staff.count)
    }

    @Test("phone numbers are unique; the generator and ages are exact")
    func generatorsAreExact() {
        var seen = Set<String>()
        let phones = DemoSeeder.PhoneBook(seed: SeededGenerator(seed: 42))
        for index in 0..<200_000 {
            let number = phones.number(index)
            #expect(number.count == 10 && "6789".contains(number.first ?? "0"))
            seen.insert(number)
        }
        #expect(seen.count == 200_000)
        var first = SeededGenerator(seedText: "x")
        var second = SeededGenerator(seedText: "x")
        #expect((0..<100).map { _ in first.next() } == (0..<100).map { _ in second.next() })
        let birth = LocalDate(year: 2000, month: 2, day: 29)
        #expect(DemoSeeder.completedYears(from: birth, to: LocalDate(year: 2026, month: 2, day: 28)) == 25)
        #expect(DemoSeeder.completedYears(from: birth, to: LocalDate(year: 2026, month: 3, day: 1)) == 26)
        #expect(DemoSeeder.asciiHandle("D'Souza") == "dsouza")
    }
}

// MARK: - Checks

/// Row count and md5 of one table's rows (ordered by id), without the volatile columns.
private struct TableFingerprint: Equatable {
    var count: Int64
    var digest: String?
}

private func fingerprint(_ database: Database) async throws -> [String: TableFingerprint] {
    var tables: [String: TableFingerprint] = [:]
    let excluded = "{" + DemoSeederTests.volatileColumns.sorted().joined(separator: ",") + "}"
    for table in DemoSeeder.seededTables {
        let columns: String = try await database.query(
            """
            SELECT string_agg(quote_ident(column_name::text), ', ' ORDER BY ordinal_position) AS columns
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = \(table) AND column_name::text <> ALL(\(excluded)::text[])
            """)[0].decode("columns")
        // Names come from the catalog through quote_ident and a constant table list.
        let row = try await database.query(
            SQLQuery(
                unsafeSQL: """
                    SELECT count(*) AS n, md5(string_agg(x.r, E'\\n' ORDER BY x.k)) AS digest
                    FROM (SELECT id AS k, ROW(\(columns))::text AS r FROM \(table)) AS x
                    """))[0]
        tables[table] = TableFingerprint(count: try row.decode("n"), digest: try row.decode("digest"))
    }
    return tables
}

private func count(_ database: Database, _ query: SQLQuery) async throws -> Int64 {
    let rows = try await database.query(query)
    return try rows.first?.decode(at: 0, as: Int64.self) ?? -1
}

private func strings(_ database: Database, _ query: SQLQuery) async throws -> [String] {
    try await database.query(query).map { try $0.decode(at: 0, as: String.self) }
}

private func checkCentresAndStaff(_ database: Database) async throws {
    #expect(try await strings(database, "SELECT city FROM centres ORDER BY city") == ["bengaluru", "kochi", "mumbai"])
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM centres
            WHERE timezone <> 'Asia/Kolkata' OR pincode !~ '^[0-9]{6}$' OR contact_phone !~ '^[0-9]{10}$'
            """) == 0)

    let roles = try await strings(
        database,
        """
        SELECT r.name || ' ' || count(*) || ' ' || count(ur.centre_id) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        GROUP BY r.name ORDER BY r.name
        """)
    #expect(
        roles == [
            "ADMIN 1 0", "CARE_COORDINATOR 1 1", "CENTRE_MANAGER 1 1", "CLINICIAN 6 6", "FRONT_DESK 3 3",
            "MANAGER 1 0",
        ])
    #expect(
        try await count(
            database,
            """
            SELECT count(DISTINCT ur.centre_id) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.name = 'FRONT_DESK'
            """) == 3)
    // As the web's staff creation: a profile for every staff user, an assignment for each centre-scoped role.
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM users u WHERE u.user_type = 'STAFF'
              AND (NOT EXISTS (SELECT 1 FROM staff_profiles sp WHERE sp.user_id = u.id)
                   OR NOT EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id)
                   OR u.phone !~ '^[6-9][0-9]{9}$' OR u.username IS NULL OR u.password_hash NOT LIKE '$2b$10$%')
            """) == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM user_roles ur WHERE ur.centre_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM centre_staff_assignments a
                WHERE a.user_id = ur.user_id AND a.centre_id = ur.centre_id AND a.role_id = ur.role_id AND a.is_active)
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM centre_staff_assignments") == 11)

    // Clinicians: jsonb arrays, whole-rupee fees (one unset), one general physician, rules in IST.
    #expect(try await count(database, "SELECT count(*) FROM clinician_profiles WHERE consultation_fee IS NULL") == 1)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM clinician_profiles
            WHERE jsonb_typeof(specialization) <> 'array' OR jsonb_typeof(qualification) <> 'array'
               OR jsonb_typeof(languages) <> 'array' OR NOT consultation_modes ? 'IN_PERSON'
               OR default_consultation_duration_minutes NOT IN (30, 45, 50, 60)
               OR consultation_fee NOT BETWEEN 1200 AND 2500
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM clinician_profiles WHERE specialization ? 'General Medicine'") == 1)
    #expect(try await count(database, "SELECT count(*) FROM clinician_profiles WHERE specialization ? 'Psychiatry'") >= 2)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM clinician_availability_rules r JOIN clinician_profiles c ON c.id = r.clinician_id
            WHERE r.slot_duration_minutes <> c.default_consultation_duration_minutes OR r.end_time <= r.start_time
            """) == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM (SELECT clinician_id FROM clinician_availability_rules GROUP BY clinician_id
                                  HAVING count(DISTINCT centre_id) > 1) AS two_centres
            """) >= 1)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM (SELECT clinician_id, day_of_week FROM clinician_availability_rules
                                  GROUP BY clinician_id, day_of_week HAVING count(DISTINCT centre_id) > 1) AS clashes
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM clinician_availability_rules WHERE mode = 'ONLINE'") > 0)

    // Every demo login that exists verifies with its documented password.
    let hashes = try await database.query("SELECT username, password_hash FROM users WHERE user_type = 'STAFF'")
    var byName: [String: String] = [:]
    for row in hashes { byName[try row.decode("username")] = try row.decode("password_hash") }
    let present = DemoSeeder.demoLogins.filter { byName[$0.username] != nil }
    #expect(present.count == 13)
    for login in present {
        #expect(PasswordHasher.verify(login.password, against: byName[login.username] ?? ""), "\(login.username)")
    }
}

private func checkPatients(_ database: Database, today: LocalDate) async throws {
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM users WHERE user_type = 'PATIENT' AND phone !~ '^(91)?[6-9][0-9]{9}$'
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM users WHERE phone ~ '^91[6-9][0-9]{9}$'") > 50)
    #expect(try await count(database, "SELECT count(*) FROM users WHERE user_type = 'PATIENT' AND phone ~ '^[6-9][0-9]{9}$'") > 50)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) - count(DISTINCT desk_phone_digits(phone)) FROM users WHERE phone IS NOT NULL
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM patient_profiles WHERE mrn IS NULL OR mrn !~ '^MB-[0-9]{6,}$'") == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM patient_profiles
            WHERE (date_of_birth IS NULL) <> (age IS NULL)
               OR age <> extract(year FROM age(\(today)::date, date_of_birth))
            """) == 0)
    // The web's placeholder patients, and full names built from first + last for everyone else.
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM users WHERE user_type = 'PATIENT' AND full_name = 'Patient' AND first_name IS NULL AND last_name IS NULL
            """) > 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM users WHERE user_type = 'PATIENT' AND first_name IS NOT NULL
              AND full_name <> first_name || ' ' || last_name
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM users WHERE full_name ~ \("[\u{0900}-\u{097F}]")") > 0)
    #expect(try await count(database, "SELECT count(*) FROM users WHERE full_name ~ \("[\u{0D00}-\u{0D7F}]")") > 0)
    #expect(
        try await count(
            database,
            """
            SELECT max(n) FROM (SELECT count(*) AS n FROM users WHERE user_type = 'PATIENT' AND full_name <> 'Patient'
                                GROUP BY full_name) AS names
            """) >= 2)
    #expect(try await count(database, "SELECT count(*) FROM users WHERE user_type = 'PATIENT' AND email IS NOT NULL") > 30)
    #expect(try await count(database, "SELECT count(*) FROM patient_profiles WHERE emergency_contact_phone IS NOT NULL") > 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM patient_profiles pp
            WHERE pp.registration_fee_paid IS DISTINCT FROM EXISTS (
                    SELECT 1 FROM payments p WHERE p.patient_id = pp.id AND p.status = 'SUCCESS' AND p.registration_fee = 100)
               OR pp.registration_fee_paid <> (pp.registration_fee_paid_at IS NOT NULL)
            """) == 0)
}

private func checkAppointments(_ database: Database, today: LocalDate) async throws {
    #expect(
        try await strings(database, "SELECT DISTINCT status FROM appointments ORDER BY status")
            == DemoSeeder.allStatuses.sorted())
    let day = "(a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')::date"
    #expect(
        try await count(
            database,
            SQLQuery(
                unsafeSQL: """
                    SELECT count(*) FROM appointments a
                    WHERE (a.status = 'IN_PROGRESS' AND \(day) <> $1::date)
                       -- In session at the time the demo is seen (11:00 by default), never later in the day.
                       OR (a.status = 'IN_PROGRESS' AND NOT ((a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')::time <= '11:00'
                                                             AND (a.scheduled_end_at AT TIME ZONE 'Asia/Kolkata')::time > '11:00'))
                       OR (a.status IN ('COMPLETED', 'NO_SHOW') AND \(day) >= $1::date)
                       OR (a.status = 'CANCELLATION_REQUESTED' AND \(day) <= $1::date)
                       OR \(day) < $1::date - 60 OR \(day) > $1::date + 21
                    """, parameters: [today.description])) == 0)
    // Inside an availability rule of that clinician, centre and IST weekday, lasting the default duration.
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointments a JOIN clinician_profiles c ON c.id = a.clinician_id
            WHERE a.duration_minutes <> c.default_consultation_duration_minutes
               OR a.scheduled_end_at <> a.scheduled_start_at + make_interval(mins => a.duration_minutes)
               OR NOT EXISTS (
                    SELECT 1 FROM clinician_availability_rules r
                    WHERE r.clinician_id = a.clinician_id AND r.centre_id = a.centre_id
                      AND r.day_of_week = extract(dow FROM a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')
                      AND (a.scheduled_start_at AT TIME ZONE 'Asia/Kolkata')::time >= r.start_time
                      AND (a.scheduled_end_at AT TIME ZONE 'Asia/Kolkata')::time <= r.end_time
                      AND (a.appointment_type = 'ONLINE') = (r.mode = 'ONLINE'))
            """) == 0)
    // Booked by the patient (web) or by staff holding the matching role.
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointments a JOIN patient_profiles pp ON pp.id = a.patient_id
            WHERE (a.source = 'WEB_PATIENT') <> (a.booked_by_user_id = pp.user_id)
               OR (a.source <> 'WEB_PATIENT' AND NOT EXISTS (
                    SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                    WHERE ur.user_id = a.booked_by_user_id
                      AND r.name = CASE a.source WHEN 'ADMIN_FRONT_DESK' THEN 'FRONT_DESK'
                                                 WHEN 'ADMIN_CARE_COORDINATOR' THEN 'CARE_COORDINATOR' ELSE 'MANAGER' END))
            """) == 0)
    #expect(
        try await strings(database, "SELECT DISTINCT source FROM appointments ORDER BY source")
            == ["ADMIN_CARE_COORDINATOR", "ADMIN_FRONT_DESK", "ADMIN_MANAGER", "WEB_PATIENT"])
    #expect(
        try await strings(database, "SELECT DISTINCT appointment_type FROM appointments ORDER BY 1")
            == ["FOLLOW_UP", "IN_PERSON", "ONLINE"])
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointments
            WHERE (status IN ('IN_PROGRESS', 'COMPLETED')) <> (session_started_at IS NOT NULL)
               OR (status = 'COMPLETED') <> (session_ended_at IS NOT NULL)
               OR session_ended_at <= session_started_at
            """) == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointments a JOIN appointments p ON p.id = a.parent_appointment_id
            WHERE p.patient_id <> a.patient_id OR p.clinician_id <> a.clinician_id OR p.status <> 'COMPLETED'
               OR p.scheduled_start_at >= a.scheduled_start_at
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM appointments WHERE parent_appointment_id IS NOT NULL") > 0)
    #expect(try await count(database, "SELECT count(*) FROM appointments WHERE NOT is_active AND status <> 'CANCELLED'") == 0)
    #expect(try await count(database, "SELECT count(*) FROM appointments WHERE created_at >= scheduled_start_at") == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointment_status_history h JOIN appointments a ON a.id = h.appointment_id
            WHERE h.new_status = 'COMPLETED' AND a.status <> 'COMPLETED'
            """) == 0)
    #expect(try await count(database, "SELECT count(*) FROM appointment_status_history") > 100)
}

private func checkPayments(_ database: Database) async throws {
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM appointments a WHERE a.status IN ('CONFIRMED', 'COMPLETED', 'IN_PROGRESS')
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS')
            """) == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM payments p JOIN appointments a ON a.id = p.appointment_id
            WHERE p.amount <> p.registration_fee + p.consultation_fee OR p.registration_fee NOT IN (0, 100)
               OR p.patient_id <> a.patient_id OR p.currency <> 'INR'
            """) == 0)
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM (SELECT patient_id FROM payments WHERE status = 'SUCCESS' AND registration_fee = 100
                                  GROUP BY patient_id HAVING count(*) > 1) AS twice
            """) == 0)
    // The web's three id shapes.
    #expect(
        try await count(
            database,
            """
            SELECT count(*) FROM payments p JOIN appointments a ON a.id = p.appointment_id
            WHERE (p.provider = 'RAZORPAY' AND p.order_id LIKE 'order_%'
                   AND (p.order_id !~ '^order_DEMO[A-Za-z0-9]{10}$' OR p.payment_method <> 'ONLINE'
                        OR (p.status = 'SUCCESS') <> (coalesce(p.payment_id, '') ~ '^pay_DEMO[A-Za-z0-9]{10}$')))
               OR (p.provider = 'RAZORPAY' AND p.order_id NOT LIKE 'order_%'
                   AND (p.order_id !~ '^plink_DEMO[A-Za-z0-9]{10}$' OR p.payment_link_id <> p.order_id
                        OR p.payment_link_url NOT LIKE 'https://rzp.io/i/DEMO%'))
               OR (p.provider = 'DIRECT'
                   AND (p.status <> 'SUCCESS' OR p.payment_method NOT IN ('CASH', 'CARD', 'UPI')
                        OR p.order_id <> 'direct_' || a.id || '_' || (extract(epoch FROM p.paid_at) * 1000)::bigint
                        OR p.payment_id <> p.payment_method || '_' || a.id || '_' || a.booked_by_user_id))
               OR p.provider NOT IN ('RAZORPAY', 'DIRECT')
            """) == 0)
    #expect(try await strings(database, "SELECT DISTINCT payment_method FROM payments ORDER BY 1") == ["CARD", "CASH", "ONLINE", "UPI"])
    #expect(try await count(database, "SELECT count(*) FROM payments WHERE order_id LIKE 'plink_%' AND status = 'SUCCESS'") > 0)
    for status in ["CREATED", "FAILED"] {
        #expect(
            try await count(
                database,
                """
                SELECT count(*) FROM payments p JOIN appointments a ON a.id = p.appointment_id
                WHERE p.status = \(status) AND a.status = 'BOOKED'
                """) > 0)
    }
    #expect(try await count(database, "SELECT count(*) FROM payments WHERE (status = 'SUCCESS') <> (paid_at IS NOT NULL)") == 0)
    #expect(try await count(database, "SELECT count(*) FROM payments WHERE amount <> trunc(amount)") == 1)
    // Amounts read back exactly as Money.
    let rows = try await database.query("SELECT amount, (SELECT sum(amount) FROM payments)::text AS total FROM payments")
    let total = try rows.reduce(Money.zero) { $0 + (try $1.decode("amount", as: Money.self)) }
    #expect(try total == rows[0].decode("total", as: Money.self))
}
