/// `clinic-desk db doctor`: checks a database (upgraded or not) and says what to do.
///
/// On a database schema.sql has not reached yet, it dry-runs the upgrade inside a transaction it
/// rolls back, so the report uses the very checks the upgrade guard uses.
public struct DatabaseDoctor: Sendable {
    private let database: Database
    private let script: SchemaScript

    /// A doctor for `database`, judging it against `script`.
    public init(database: Database, script: SchemaScript) {
        self.database = database
        self.script = script
    }

    /// Runs every check; nothing is changed.
    public func examine() async throws -> DoctorReport {
        let version = try await SchemaManager(database: database).currentVersion()
        var findings: [DoctorFinding] = []
        switch version {
        case SchemaScript.requiredVersion:
            findings.append(.init(.ok, "desk schema is at version \(SchemaScript.requiredVersion)"))
        case nil:
            findings.append(
                .init(
                    .warning, "schema.sql has not been applied to this database",
                    advice: "Run `clinic-desk db apply-schema` once the problems below (if any) are fixed."))
        case let found?:
            findings.append(
                .init(
                    found > SchemaScript.requiredVersion ? .problem : .warning,
                    "desk schema is at version \(found); this clinic-desk needs \(SchemaScript.requiredVersion)",
                    advice: found > SchemaScript.requiredVersion
                        ? "Use the newer clinic-desk that upgraded this database."
                        : "Run `clinic-desk db apply-schema`."))
        }
        let body = script.bodyWithoutTransaction
        let dryRun = try await database.withSession { session in
            try DatabaseDoctor.dryRun(body: body, in: session)
        }
        findings += dryRun
        return DoctorReport(findings: findings)
    }

    private static func dryRun(body: String, in session: DatabaseSession) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        try session.connection.executeScript("BEGIN")
        defer { _ = try? session.connection.executeScript("ROLLBACK") }
        do {
            try session.connection.executeScript(body)
        } catch let error as DatabaseError {
            if case SchemaError.existingDataViolations(let summary, let rows) = SchemaManager.translate(error) {
                findings.append(.init(.problem, summary, details: rows, advice: doubleBookingAdvice))
                return findings
            }
            throw error
        }
        findings.append(.init(.ok, "existing rows satisfy every desk constraint (schema.sql applies cleanly)"))

        let patientOverlaps = try session.query(
            """
            SELECT patient_id, first_id, second_id, first_start, second_start FROM desk_patient_overlaps() LIMIT 200
            """)
        if patientOverlaps.isEmpty {
            findings.append(.init(.ok, "no patient holds two overlapping appointments"))
        } else {
            let lines = try patientOverlaps.map { row in
                "patient \(try row.decode("patient_id", as: Int64.self)): appointments "
                    + "\(try row.decode("first_id", as: Int64.self)) and \(try row.decode("second_id", as: Int64.self)) "
                    + "(\(try row.decode("first_start", as: Instant.self)), \(try row.decode("second_start", as: Instant.self)))"
            }
            findings.append(
                .init(
                    .warning, "\(patientOverlaps.count) pair(s) of overlapping appointments for one patient",
                    details: lines,
                    advice: "The web allows this; call the patient and cancel or move one of each pair."))
        }

        let roleRows = try session.query("SELECT id, name FROM roles WHERE id IN (2, 3, 5, 6) ORDER BY id")
        let expected: [Int64: String] = [2: "MANAGER", 3: "CENTRE_MANAGER", 5: "CARE_COORDINATOR", 6: "FRONT_DESK"]
        var roleProblems: [String] = []
        for row in roleRows {
            let id: Int64 = try row.decode("id")
            let name: String = try row.decode("name")
            if expected[id] != name { roleProblems.append("role id \(id) is \(name); the web's code treats it as \(expected[id] ?? "?")") }
        }
        if roleProblems.isEmpty {
            findings.append(.init(.ok, "role ids 2, 3, 5, 6 carry the names the web's code hard-codes"))
        } else {
            findings.append(
                .init(
                    .warning, "role ids differ from the web's hard-coded ids", details: roleProblems,
                    advice: "The desk looks roles up by name and is unaffected; the web's staff screens will assign the wrong role."))
        }

        let specialization = try session.queryOne(
            """
            SELECT data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'clinician_profiles' AND column_name = 'specialization'
            """)
        if try specialization.decode("data_type", as: String.self) != "jsonb" {
            findings.append(
                .init(
                    .warning, "clinician_profiles.specialization is text (the January 2026 shape)",
                    advice: "The web's current code expects a jsonb array: run its migration "
                        + "update_clinician_profiles_for_dynamic_management.sql. The desk reads both."))
        }

        let zones = try session.query(
            """
            SELECT id, name, timezone FROM centres WHERE timezone <> 'Asia/Kolkata' ORDER BY id
            """)
        if !zones.isEmpty {
            let lines = try zones.map {
                "centre \(try $0.decode("id", as: Int64.self)) \(try $0.decode("name", as: String.self)): \(try $0.decode("timezone", as: String.self))"
            }
            findings.append(
                .init(
                    .warning, "centres outside India time", details: lines,
                    advice: "The web assumes +05:30 everywhere; its slots for these centres are shifted."))
        }
        findings.append(try unmatchedBlocks(in: session))
        return findings
    }

    /// Blocks and old exceptions from today on that the web's exact lookups never match: a
    /// `blocked_slots` row must equal a generated slot (start and end), an exception a slot's start.
    private static func unmatchedBlocks(in session: DatabaseSession) throws -> DoctorFinding {
        let rows = try session.query(
            """
            WITH slot_rules AS (
                SELECT r.clinician_id, r.centre_id, r.day_of_week, r.start_time, r.end_time, r.slot_duration_minutes AS step
                FROM clinician_availability_rules r WHERE r.is_active AND r.slot_duration_minutes > 0
            )
            SELECT 'blocked slot ' || b.id AS what, b.clinician_id, b.centre_id, b.blocked_date AS day, b.start_time, b.end_time
            FROM blocked_slots b
            WHERE b.is_blocked AND b.blocked_date >= current_date
              AND NOT EXISTS (
                  SELECT 1 FROM slot_rules r
                  WHERE r.clinician_id = b.clinician_id AND r.centre_id = b.centre_id
                    AND r.day_of_week = extract(dow FROM b.blocked_date)
                    AND b.start_time >= r.start_time AND b.end_time <= r.end_time
                    AND b.end_time - b.start_time = make_interval(mins => r.step)
                    AND extract(epoch FROM b.start_time - r.start_time)::bigint % (r.step * 60) = 0)
            UNION ALL
            SELECT 'slot exception ' || e.id, e.clinician_id, e.centre_id, e.exception_date, e.start_time, e.end_time
            FROM clinician_slot_exceptions e
            WHERE e.exception_date >= current_date
              AND NOT EXISTS (
                  SELECT 1 FROM slot_rules r
                  WHERE r.clinician_id = e.clinician_id AND r.centre_id = e.centre_id
                    AND r.day_of_week = extract(dow FROM e.exception_date)
                    AND e.start_time >= r.start_time AND e.start_time < r.end_time
                    AND extract(epoch FROM e.start_time - r.start_time)::bigint % (r.step * 60) = 0)
            ORDER BY 4, 1
            LIMIT 200
            """)
        guard !rows.isEmpty else {
            return .init(.ok, "every current block and slot exception matches a slot the web generates")
        }
        let lines = try rows.map { row in
            "\(try row.decode("what", as: String.self)): clinician \(try row.decode("clinician_id", as: Int64.self)), "
                + "centre \(try row.decode("centre_id", as: Int64.self)), \(try row.decode("day", as: LocalDate.self)) "
                + "\(try row.decode("start_time", as: LocalTime.self))–\(try row.decode("end_time", as: LocalTime.self))"
        }
        return .init(
            .warning, "\(rows.count) block(s) or exception(s) the web would not match", details: lines,
            advice: "The web matches blocked_slots on the exact slot start and end, and exceptions on the slot start: "
                + "the desk honours these rows, the web still offers the slots. Re-block them from the desk (leave), "
                + "which writes one row per generated slot.")
    }

    private static let doubleBookingAdvice = """
        For each pair, keep one appointment and cancel or move the other (for example with the web's admin \
        panel, or `UPDATE appointments SET status = 'CANCELLED' WHERE id = …`), remove duplicate video_sessions \
        rows, then run `clinic-desk db doctor` again.
        """
}

/// The doctor's findings, most important first.
public struct DoctorReport: Sendable, Equatable {
    public var findings: [DoctorFinding]

    /// True when nothing needs fixing before the desk can run.
    public var isHealthy: Bool { !findings.contains { $0.severity == .problem } }
}

/// One check's outcome.
public struct DoctorFinding: Sendable, Equatable {
    public enum Severity: String, Sendable { case ok, warning, problem }

    public var severity: Severity
    public var title: String
    public var details: [String]
    public var advice: String?

    public init(_ severity: Severity, _ title: String, details: [String] = [], advice: String? = nil) {
        self.severity = severity
        self.title = title
        self.details = details
        self.advice = advice
    }
}
