import ClinicCore
import Testing

@Suite("parameterised SQL")
struct SQLQueryTests {
    @Test("interpolated values become $n parameters, never SQL text")
    func interpolationBecomesParameters() {
        let phone = "9845012345'; DROP TABLE users; --"
        let limit = 5
        let missing: String? = nil
        let query: SQLQuery = "SELECT id FROM users WHERE phone = \(phone) AND email = \(missing) LIMIT \(limit)"
        #expect(query.sql == "SELECT id FROM users WHERE phone = $1 AND email = $2 LIMIT $3")
        #expect(query.parameters == [phone, nil, "5"])
    }

    @Test("hostile text round-trips as data")
    func hostileTextIsData() async throws {
        try await TestDatabase.with(prefix: "sqlquery", schema: false) { test in
            let text = "O'Brien\"; DROP TABLE x; -- \\ \t नमस्ते"
            let rows = try await test.database.query("SELECT \(text)::text AS echoed, \(Optional<String>.none)::text AS nothing")
            #expect(try rows[0].decode("echoed", as: String.self) == text)
            #expect(try rows[0].decode("nothing", as: String?.self) == nil)
            await #expect(throws: DatabaseError.decodingFailed(column: "nothing", expected: "non-NULL String")) {
                _ = try await test.database.query("SELECT NULL::text AS nothing")[0].decode("nothing", as: String.self)
            }
        }
    }

    @Test("SQLSTATE and constraint names reach the caller")
    func errorsAreTyped() async throws {
        try await TestDatabase.with(prefix: "sqlerrors", schema: false) { test in
            try await test.database.execute("CREATE TABLE t (id int CONSTRAINT t_positive CHECK (id > 0))")
            do {
                try await test.database.execute("INSERT INTO t VALUES (\(-1))")
                Issue.record("the CHECK must refuse -1")
            } catch let error as DatabaseError {
                #expect(error.sqlState == "23514")
                #expect(error.constraint == "t_positive")
            }
        }
    }

    @Test("a batch runs in one round trip in order; a failing statement stops the rest, rolls back, and leaves the connection usable")
    func batches() async throws {
        try await TestDatabase.with(prefix: "sqlbatch", schema: false) { test in
            try await test.database.execute("CREATE TABLE t (id int PRIMARY KEY)")
            let results = try await test.database.transaction { session in
                try session.queryBatch([
                    "INSERT INTO t VALUES (\(1)) RETURNING id", "SELECT count(*) AS n FROM t", "SELECT \("नमस्ते")::text AS word",
                ])
            }
            #expect(results.map(\.count) == [1, 1, 1])
            #expect(try results[1][0].decode("n", as: Int64.self) == 1)
            #expect(try results[2][0].decode("word", as: String.self) == "नमस्ते")
            do {
                _ = try await test.database.transaction { session in
                    try session.queryBatch(["INSERT INTO t VALUES (\(2))", "INSERT INTO t VALUES (\(1))", "INSERT INTO t VALUES (\(3))"])
                }
                Issue.record("the duplicate key must fail the batch")
            } catch let error as DatabaseError {
                #expect(error.sqlState == "23505")
            }
            let ids: [Int] = try await test.database.query("SELECT id FROM t ORDER BY id").map { try $0.decode("id") }
            #expect(ids == [1])
            // Prepared statements from the batch are reused by the next one on the same connection.
            for round in 0..<3 {
                let again = try await test.database.transaction { session in
                    try session.queryBatch(["SELECT count(*) AS n FROM t", "SELECT \(round)::int AS r"])
                }
                #expect(try again[1][0].decode("r", as: Int.self) == round)
            }
        }
    }

    @Test("serialization failures are retried until the transaction commits")
    func retriesSerializationFailures() async throws {
        try await TestDatabase.with(prefix: "sqlretry", schema: false) { test in
            try await test.database.execute("CREATE TABLE counter (n int)")
            try await test.database.execute("INSERT INTO counter VALUES (0)")
            let url = test.url
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let database = Database(url: url, maximumAttempts: 50)
                        for _ in 0..<10 {
                            try await database.transaction(isolation: .serializable) { session in
                                let n: Int = try session.queryOne("SELECT n FROM counter").decode("n")
                                try session.execute("UPDATE counter SET n = \(n + 1)")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await test.database.query("SELECT n FROM counter")
            #expect(try rows[0].decode("n", as: Int.self) == 40)
        }
    }
}
