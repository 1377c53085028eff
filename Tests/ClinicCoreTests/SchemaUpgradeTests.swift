import ClinicCore
import Testing

@Suite("schema.sql upgrades between desk versions")
struct SchemaUpgradeTests {
    /// schema.sql as it was at desk version 1: the current script without step 2 and later steps.
    static func versionOneScript() throws -> String {
        let text = try TestDatabase.schemaScript().text
        guard let stepTwo = text.range(of: "-- ---- Step 2:"), let commit = text.range(of: "\nCOMMIT;", options: .backwards) else {
            throw TestSetupError("schema.sql has no step 2 block")
        }
        var script = text
        script.replaceSubrange(stepTwo.lowerBound..<commit.lowerBound, with: "")
        return script.replacingOccurrences(
            of: "this_version CONSTANT integer := \(SchemaScript.requiredVersion);", with: "this_version CONSTANT integer := 1;")
    }

    @Test("a database at version 1 upgrades step by step to the current version, and re-applying is a no-op")
    func upgradesFromVersionOne() async throws {
        try await TestDatabase.with(prefix: "schema_v1_to_v2", schema: false) { test in
            let manager = SchemaManager(database: test.database)
            try await test.database.runScript(try SchemaUpgradeTests.versionOneScript())
            #expect(try await manager.currentVersion() == 1)
            #expect(try await SchemaUpgradeTests.hasSignInTable(test.database) == false)
            await #expect(throws: DatabaseError.schemaVersionMismatch(found: 1, expected: SchemaScript.requiredVersion)) {
                try await manager.requireCurrentVersion()
            }

            try await manager.apply(try TestDatabase.schemaScript())
            #expect(try await manager.currentVersion() == SchemaScript.requiredVersion)
            #expect(try await SchemaUpgradeTests.hasSignInTable(test.database))
            let versions = try await test.database.query("SELECT version FROM desk_schema_version ORDER BY version")
            #expect(try versions.map { try $0.decode("version", as: Int.self) } == Array(1...SchemaScript.requiredVersion))
            try await manager.requireCurrentVersion()

            try await manager.apply(try TestDatabase.schemaScript())
            let again = try await test.database.query("SELECT count(*) AS n FROM desk_schema_version")
            #expect(try again[0].decode("n", as: Int64.self) == Int64(SchemaScript.requiredVersion))
        }
    }

    @Test("the sign-in state table refuses a negative count and follows its user")
    func signInTableShape() async throws {
        try await TestDatabase.with(prefix: "schema_signin_state") { test in
            let user: Int64 = try await test.database.query(
                """
                INSERT INTO users (username, full_name, user_type) VALUES ('x.y', 'X Y', 'STAFF') RETURNING id
                """)[0].decode("id")
            await #expect(throws: DatabaseError.self) {
                try await test.database.execute("INSERT INTO desk_staff_sign_in_state (user_id, failed_attempts) VALUES (\(user), -1)")
            }
            try await test.database.execute("INSERT INTO desk_staff_sign_in_state (user_id) VALUES (\(user))")
            let row = try await test.database.query(
                "SELECT failed_attempts, locked_until FROM desk_staff_sign_in_state WHERE user_id = \(user)")[0]
            #expect(try row.decode("failed_attempts", as: Int.self) == 0)
            #expect(try row.decode("locked_until", as: Instant?.self) == nil)
        }
    }

    static func hasSignInTable(_ database: Database) async throws -> Bool {
        try await database.query("SELECT to_regclass('desk_staff_sign_in_state') IS NOT NULL AS present")[0].decode("present")
    }
}
