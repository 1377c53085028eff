import ClinicCore
import Testing

@Suite("audit log")
struct AuditLogTests {
    @Test("UPDATE, DELETE and TRUNCATE are refused")
    func appendOnly() async throws {
        try await TestDatabase.with(prefix: "audit_append") { test in
            let data = try await TestData.insert(into: test.database)
            try await AuditLog(database: test.database).record(entry(data, centre: 0, action: "appointment.book"))
            for statement in ["UPDATE desk_audit_log SET action = 'x'", "DELETE FROM desk_audit_log", "TRUNCATE desk_audit_log"] {
                do {
                    try await test.database.execute(SQLQuery(unsafeSQL: statement))
                    Issue.record("\(statement) must be refused")
                } catch let error as DatabaseError {
                    #expect(error.description.contains("append-only"))
                }
            }
            #expect(try await AuditLog(database: test.database).verify().rowsChecked == 1)
        }
    }

    @Test("chains verify across centres and concurrent writers; a tampered row is detected")
    func chainVerifiesAndDetectsTampering() async throws {
        try await TestDatabase.with(prefix: "audit_chain") { test in
            let data = try await TestData.insert(into: test.database)
            let url = test.url
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<6 {
                    group.addTask {
                        let database = Database(url: url)
                        for index in 0..<10 {
                            try await AuditLog(database: database).record(
                                entry(
                                    data, centre: writer % 3 == 2 ? nil : writer % 2, action: "action.\(writer).\(index)",
                                    details: #"{"note": "a|b", "n": \#(index)}"#))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let log = AuditLog(database: test.database)
            let intact = try await log.verify()
            #expect(intact.isIntact, "\(intact.problems)")
            #expect(intact.rowsChecked == 60)
            #expect(intact.chains == 3)

            // Tamper as a superuser would, past the triggers, then verify again.
            try await test.database.withSession { session in
                try session.execute("SET session_replication_role = replica")
                try session.execute(
                    "UPDATE desk_audit_log SET details = '{\"note\": \"changed\"}' WHERE id = (SELECT min(id) + 5 FROM desk_audit_log)")
                try session.execute("SET session_replication_role = origin")
            }
            let tampered = try await log.verify()
            #expect(!tampered.isIntact)
            #expect(tampered.problems.contains { $0.contains("altered") })

            // Deleting a row in the middle breaks the links.
            try await test.database.withSession { session in
                try session.execute("SET session_replication_role = replica")
                try session.execute("DELETE FROM desk_audit_log WHERE id = (SELECT max(id) - 3 FROM desk_audit_log)")
                try session.execute("SET session_replication_role = origin")
            }
            #expect(try await log.verify().problems.contains { $0.contains("missing") || $0.contains("link") })
        }
    }

    private func entry(_ data: TestData, centre: Int?, action: String, details: String = "{}") -> AuditEntry {
        AuditEntry(
            actorUserID: data.staffUserID, centreID: centre.map { data.centreIDs[$0] }, action: action,
            entityType: "appointment", entityID: 42, host: "desk-pc-1", detailsJSON: details)
    }
}
