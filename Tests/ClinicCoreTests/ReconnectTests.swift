import ClinicCore
import Testing

@Suite("connection loss")
struct ReconnectTests {
    @Test("the data layer survives pg_terminate_backend of its connection and reconnects")
    func survivesTermination() async throws {
        try await TestDatabase.with(prefix: "reconnect") { test in
            let database = Database(url: test.url)
            let pid = try await database.backendPID()
            let admin = Database(url: try TestDatabase.adminURL())
            try await admin.query("SELECT pg_terminate_backend(\(pid)) AS done")
            try await waitUntilGone(pid: pid, admin: admin)

            let rows = try await database.query("SELECT 1 AS one")
            #expect(try rows[0].decode("one", as: Int.self) == 1)
            #expect(await database.connectCount == 2)
            #expect(try await database.backendPID() != pid)

            // A transaction after another termination is simply run on the new connection.
            let second = try await database.backendPID()
            try await admin.query("SELECT pg_terminate_backend(\(second)) AS done")
            try await waitUntilGone(pid: second, admin: admin)
            let value = try await database.transaction { session in
                try session.queryOne("SELECT 2 AS two").decode("two", as: Int.self)
            }
            #expect(value == 2)
        }
    }

    @Test("a connection lost in the middle of a pipelined batch is reported as lost, and the next statement reconnects")
    func batchSurvivesTermination() async throws {
        try await TestDatabase.with(prefix: "reconnect_batch", schema: false) { test in
            let database = Database(url: test.url)
            let pid = try await database.backendPID()
            await #expect(throws: DatabaseError.connectionLost) {
                _ = try await database.withSession { session in
                    try session.queryBatch(["SELECT 1 AS one", "SELECT pg_terminate_backend(pg_backend_pid()) AS gone", "SELECT 2 AS two"])
                }
            }
            let rows = try await database.query("SELECT 3 AS three")
            #expect(try rows[0].decode("three", as: Int.self) == 3)
            #expect(try await database.backendPID() != pid)
        }
    }

    @Test("a listener reports the lost connection and listens again after reconnecting")
    func listenerReconnects() async throws {
        try await TestDatabase.with(prefix: "reconnect_listen") { test in
            let listener = try ChangeListener(url: test.url)
            let admin = Database(url: try TestDatabase.adminURL())
            let pids = try await admin.query(
                """
                SELECT pid FROM pg_stat_activity WHERE datname = \(test.name) AND application_name = 'clinic-desk listener'
                """)
            let pid: Int32 = try pids[0].decode("pid")
            try await admin.query("SELECT pg_terminate_backend(\(pid)) AS done")
            try await waitUntilGone(pid: pid, admin: admin)
            #expect(throws: DatabaseError.connectionLost) {
                for _ in 0..<50 { _ = try listener.waitForNotifications(timeoutMilliseconds: 100) }
            }
            try listener.reconnect()
            try await test.database.execute("NOTIFY clinic_desk_changes, '{\"table\":\"appointments\",\"op\":\"UPDATE\",\"id\":7}'")
            var received: [ChangeNotification] = []
            for _ in 0..<50 where received.isEmpty {
                received += try listener.waitForNotifications(timeoutMilliseconds: 200)
            }
            #expect(received.first?.id == 7)
        }
    }

    @Test("a wrong address fails with host and database named, never the password")
    func connectionErrorIsClear() async throws {
        let admin = try TestDatabase.adminURL()
        let url = try TestDatabase.replacingDatabase(in: admin, with: "no_such_db") + "&password=hunter2-secret"
        do {
            try await Database(url: url).connect()
            Issue.record("connecting to a missing database must fail")
        } catch let error as DatabaseError {
            #expect(error.description.contains("no_such_db"))
            #expect(!error.description.contains("hunter2-secret"))
        }
    }

    /// Waits (by polling the server's own view, with a deadline) until the backend has exited.
    private func waitUntilGone(pid: Int32, admin: Database) async throws {
        for _ in 0..<200 {
            let rows = try await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(pid)")
            if try rows[0].decode("n", as: Int64.self) == 0 { return }
            await Task.yield()
        }
        Issue.record("backend \(pid) did not exit")
    }
}
