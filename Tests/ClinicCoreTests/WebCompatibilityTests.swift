import ClinicCore
import Foundation
import Testing

/// schema.sql keeps the web flow working: on an empty database, and on each shape the web built.
@Suite("web flow compatibility")
struct WebCompatibilityTests {
    static let shapes: [(name: String, ddl: String, data: String)] = [
        ("january", "Tests/Fixtures/web/january-dump.sql", "Tests/Fixtures/web/january-data.sql"),
        ("migrated", "Tests/Fixtures/web/migrated.sql", "Tests/Fixtures/web/migrated-data.sql"),
    ]

    @Test("every web statement prepares and plans against schema.sql on an empty database")
    func statementsPlanOnEmptyDatabase() async throws {
        let statements = try WebStatements.load()
        #expect(statements.entries.count > 100, "read \(statements.entries.count) statements from \(statements.path)")
        try await TestDatabase.with(prefix: "compat_empty") { test in
            let failures = try await statements.failures(on: test.database)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test(
        "each web-built shape upgrades in place, changes no row, and then runs every web statement",
        arguments: [0, 1])
    func webShapeUpgrades(shapeIndex: Int) async throws {
        let shape = WebCompatibilityTests.shapes[shapeIndex]
        let statements = try WebStatements.load()
        try await TestDatabase.with(prefix: "compat_\(shape.name)", schema: false) { test in
            try await test.load(fixture: shape.ddl)
            try await test.load(fixture: shape.data)
            let before = try await TableSnapshot.take(test.database)
            #expect(before.tables["appointments"]?.rowCount ?? 0 > 0)

            try await SchemaManager(database: test.database).apply(try TestDatabase.schemaScript())
            let after = try await before.retake(test.database)
            #expect(before == after, "rows changed by the upgrade:\n\(after)")
            #expect(try await SchemaManager(database: test.database).currentVersion() == SchemaScript.requiredVersion)

            let failures = try await statements.failures(on: test.database)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")

            // Re-applying is a no-op, data and catalog alike.
            let catalog = try await CatalogFingerprint.take(test.database)
            try await SchemaManager(database: test.database).apply(try TestDatabase.schemaScript())
            #expect(try await CatalogFingerprint.take(test.database) == catalog)
            #expect(try await before.retake(test.database) == before)

            // The web's own rows now obey the desk's rules, CANCELLED_BY_ADMIN included.
            try await test.database.execute(
                "UPDATE appointments SET status = 'CANCELLED_BY_ADMIN' WHERE id = (SELECT min(id) FROM appointments)")
        }
    }

    @Test(
        "an upgrade over double-booked web data is refused, names the rows, and changes nothing",
        arguments: [0, 1])
    func overlappingDataIsRefused(shapeIndex: Int) async throws {
        let shape = WebCompatibilityTests.shapes[shapeIndex]
        try await TestDatabase.with(prefix: "compat_overlap_\(shape.name)", schema: false) { test in
            try await test.load(fixture: shape.ddl)
            try await test.load(fixture: shape.data)
            try await test.load(fixture: "Tests/Fixtures/web/overlap-data.sql")
            let before = try await TableSnapshot.take(test.database)
            let catalog = try await CatalogFingerprint.take(test.database)

            do {
                try await SchemaManager(database: test.database).apply(try TestDatabase.schemaScript())
                Issue.record("the upgrade must refuse overlapping appointments")
            } catch let SchemaError.existingDataViolations(summary, rows) {
                #expect(summary.contains("Nothing was changed"))
                #expect(rows.contains { $0.contains("appointments 901 and 902") && $0.contains("clinician 2") })
                #expect(rows.contains { $0.contains("video") && $0.contains("appointment 2 ") })
            }
            #expect(try await before.retake(test.database) == before)
            #expect(try await CatalogFingerprint.take(test.database) == catalog)
            #expect(try await SchemaManager(database: test.database).currentVersion() == nil)

            let report = try await DatabaseDoctor(database: test.database, script: try TestDatabase.schemaScript()).examine()
            #expect(!report.isHealthy)
            let problem = report.findings.first { $0.severity == .problem }
            #expect(problem?.details.contains { $0.contains("appointments 901 and 902") } == true)
            #expect(problem?.advice?.contains("db doctor") == true)
            #expect(try await before.retake(test.database) == before, "the doctor must not change anything")
        }
    }

    @Test("an upgrade keeps existing role rows and adds missing names; the doctor warns about moved ids")
    func rolesOnUpgrade() async throws {
        try await TestDatabase.with(prefix: "compat_roles", schema: false) { test in
            try await test.load(fixture: "Tests/Fixtures/web/january-dump.sql")
            // The API documentation's numbering: 3 = CLINICIAN, 4 = CENTRE_MANAGER, and FRONT_DESK missing.
            try await test.database.execute(
                """
                INSERT INTO roles (id, name) VALUES (1, 'ADMIN'), (2, 'MANAGER'), (3, 'CLINICIAN'), (4, 'CENTRE_MANAGER'), (5, 'CARE_COORDINATOR')
                """)
            try await SchemaManager(database: test.database).apply(try TestDatabase.schemaScript())
            let rows = try await test.database.query("SELECT id, name FROM roles ORDER BY id")
            let roles = try rows.map { "\(try $0.decode("id", as: Int64.self))=\(try $0.decode("name", as: String.self))" }
            #expect(roles == ["1=ADMIN", "2=MANAGER", "3=CLINICIAN", "4=CENTRE_MANAGER", "5=CARE_COORDINATOR", "6=FRONT_DESK"])
            let report = try await DatabaseDoctor(database: test.database, script: try TestDatabase.schemaScript()).examine()
            let warning = report.findings.first { $0.title.contains("role ids") }
            #expect(warning?.severity == .warning)
            #expect(warning?.details.contains("role id 3 is CLINICIAN; the web's code treats it as CENTRE_MANAGER") == true)
        }
    }

    @Test("the statements file parser reads each entry and its highest parameter")
    func statementParsing() {
        #expect(WebStatements.parse("-- only a comment\n").isEmpty)
        #expect(WebStatements.parse("-- src: f\nSELECT $1, $12;\n").first?.parameterCount == 12)
    }
}
