/// Applies schema.sql, reports the desk schema version, and refuses a database at another version.
public struct SchemaManager: Sendable {
    private let database: Database

    /// A manager for `database`.
    public init(database: Database) { self.database = database }

    /// Applies schema.sql in one transaction (the script's own); on failure nothing is changed.
    /// - Throws: `SchemaError.existingDataViolations` listing the rows that block the upgrade, or a
    ///   `DatabaseError`.
    public func apply(_ script: SchemaScript) async throws {
        do {
            try await database.runScript(script.text)
        } catch let error as DatabaseError {
            throw SchemaManager.translate(error)
        }
    }

    /// The desk schema version recorded in the database, or nil when schema.sql was never applied.
    public func currentVersion() async throws -> Int? {
        let present = try await database.query("SELECT to_regclass('desk_schema_version') IS NOT NULL AS present")
        guard try present.first?.decode("present", as: Bool.self) == true else { return nil }
        let rows = try await database.query("SELECT max(version) AS version FROM desk_schema_version")
        return try rows.first?.decode("version", as: Int?.self)
    }

    /// Refuses to work on a database at another desk schema version.
    /// - Throws: `DatabaseError.schemaVersionMismatch` saying what to run.
    public func requireCurrentVersion() async throws {
        let found = try await currentVersion()
        guard found == SchemaScript.requiredVersion else {
            throw DatabaseError.schemaVersionMismatch(found: found, expected: SchemaScript.requiredVersion)
        }
    }

    /// A short summary for `db status`.
    public func status() async throws -> SchemaStatus {
        let version = try await currentVersion()
        guard version != nil else {
            return SchemaStatus(version: nil, requiredVersion: SchemaScript.requiredVersion, counts: [:], isSeeded: false)
        }
        let row = try await database.query(
            """
            SELECT (SELECT count(*) FROM centres) AS centres,
                   (SELECT count(*) FROM clinician_profiles) AS clinicians,
                   (SELECT count(*) FROM patient_profiles) AS patients,
                   (SELECT count(*) FROM users WHERE user_type = 'STAFF') AS staff,
                   (SELECT count(*) FROM appointments) AS appointments,
                   (SELECT count(*) FROM payments) AS payments,
                   EXISTS (SELECT 1 FROM settings WHERE key = \(DemoSeedRecord.settingsKey)) AS seeded
            """)
        guard let row = row.first else { throw DatabaseError.decodingFailed(column: "(status)", expected: "one row") }
        var counts: [String: Int64] = [:]
        for name in ["centres", "clinicians", "patients", "staff", "appointments", "payments"] {
            counts[name] = try row.decode(name)
        }
        return SchemaStatus(
            version: version, requiredVersion: SchemaScript.requiredVersion, counts: counts,
            isSeeded: try row.decode("seeded"))
    }

    /// The guard's exception becomes a typed error whose rows a person can read.
    static func translate(_ error: DatabaseError) -> Error {
        guard case .statementFailed(_, _, let message) = error, message.hasPrefix("clinic-desk cannot apply schema.sql") else {
            return error
        }
        var lines = message.split(separator: "\n").map(String.init)
        let summary = lines.removeFirst()
        return SchemaError.existingDataViolations(summary: summary, rows: lines)
    }
}

/// What `db status` shows.
public struct SchemaStatus: Sendable, Equatable {
    /// The recorded desk schema version, nil when schema.sql was never applied.
    public var version: Int?
    /// The version this program needs.
    public var requiredVersion: Int
    /// Row counts of the main tables.
    public var counts: [String: Int64]
    /// Whether `db seed-demo` has filled this database.
    public var isSeeded: Bool
}
