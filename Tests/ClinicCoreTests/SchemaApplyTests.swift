import ClinicCore
import Foundation
import Testing

@Suite("schema.sql on an empty database")
struct SchemaApplyTests {
    @Test("applies to an empty database, then re-applies as a no-op")
    func appliesAndReapplies() async throws {
        try await TestDatabase.with(prefix: "schema_empty", schema: false) { test in
            let script = try TestDatabase.schemaScript()
            try await SchemaManager(database: test.database).apply(script)
            #expect(try await SchemaManager(database: test.database).currentVersion() == SchemaScript.requiredVersion)

            let catalogBefore = try await CatalogFingerprint.take(test.database)
            let rolesBefore = try await test.database.query("SELECT id, name FROM roles ORDER BY id").map {
                try $0.decode("name", as: String.self)
            }
            try await SchemaManager(database: test.database).apply(script)
            let catalogAfter = try await CatalogFingerprint.take(test.database)
            #expect(catalogBefore == catalogAfter)
            let rolesAfter = try await test.database.query("SELECT id, name FROM roles ORDER BY id").map {
                try $0.decode("name", as: String.self)
            }
            #expect(rolesBefore == rolesAfter)
        }
    }

    @Test("psql -v ON_ERROR_STOP=1 -f schema.sql works, twice")
    func appliesThroughPsql() async throws {
        try await TestDatabase.with(prefix: "schema_psql", schema: false) { test in
            let path = TestDatabase.repositoryRoot.appendingPathComponent("schema.sql").path
            for _ in 0..<2 {
                let outcome = try runPsql(url: test.url, arguments: ["-v", "ON_ERROR_STOP=1", "-q", "-f", path])
                #expect(outcome.status == 0, "psql failed: \(outcome.output)")
            }
            #expect(try await SchemaManager(database: test.database).currentVersion() == SchemaScript.requiredVersion)
        }
    }

    @Test("an empty database gets the roles by name with the web's hard-coded ids")
    func rolesHaveTheWebsIDs() async throws {
        try await TestDatabase.with(prefix: "schema_roles", schema: true) { test in
            let rows = try await test.database.query("SELECT id, name FROM roles ORDER BY id")
            let roles = try rows.map { "\(try $0.decode("id", as: Int64.self))=\(try $0.decode("name", as: String.self))" }
            #expect(roles == ["1=ADMIN", "2=MANAGER", "3=CENTRE_MANAGER", "4=CLINICIAN", "5=CARE_COORDINATOR", "6=FRONT_DESK"])
            let next = try await test.database.query("SELECT nextval(pg_get_serial_sequence('roles', 'id')) AS next")
            #expect(try next[0].decode("next", as: Int64.self) == 7)
        }
    }

    @Test("schema.sql's declared version is the one the program requires")
    func declaredVersionMatches() throws {
        #expect(try TestDatabase.schemaScript().declaredVersion == SchemaScript.requiredVersion)
    }

    @Test("the program refuses a database at another desk version, saying what to run")
    func refusesOtherVersions() async throws {
        try await TestDatabase.with(prefix: "schema_version", schema: false) { test in
            let manager = SchemaManager(database: test.database)
            await #expect(throws: DatabaseError.schemaVersionMismatch(found: nil, expected: SchemaScript.requiredVersion)) {
                try await manager.requireCurrentVersion()
            }
            try await manager.apply(try TestDatabase.schemaScript())
            try await manager.requireCurrentVersion()
            try await test.database.execute("INSERT INTO desk_schema_version (version, description) VALUES (99, 'from the future')")
            await #expect(throws: DatabaseError.schemaVersionMismatch(found: 99, expected: SchemaScript.requiredVersion)) {
                try await manager.requireCurrentVersion()
            }
            #expect(DatabaseError.schemaVersionMismatch(found: 99, expected: 1).description.contains("clinic-desk db apply-schema"))
            // schema.sql itself refuses to "upgrade" a newer database.
            do {
                try await manager.apply(try TestDatabase.schemaScript())
                Issue.record("applying an older schema.sql to a newer database must fail")
            } catch let error as DatabaseError {
                #expect(error.description.contains("newer than this schema.sql"))
            }
        }
    }
}

/// Tables, columns, constraints, indexes, triggers and functions, to compare two catalog states.
struct CatalogFingerprint: Equatable {
    var entries: [String]

    static func take(_ database: Database) async throws -> CatalogFingerprint {
        let rows = try await database.query(
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS entry
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
            ORDER BY 1
            """)
        return CatalogFingerprint(entries: try rows.map { try $0.decode("entry") })
    }
}

/// Runs psql (from PG_BINDIR or PATH) against `url`.
func runPsql(url: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    let bindir = ProcessInfo.processInfo.environment["PG_BINDIR"] ?? ""
    let candidate = bindir.isEmpty ? "" : bindir + "/psql"
    if !candidate.isEmpty, FileManager.default.isExecutableFile(atPath: candidate) {
        process.executableURL = URL(fileURLWithPath: candidate)
        process.arguments = [url] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url] + arguments
    }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}
