/// The desk's handle on PostgreSQL: one connection owned by an actor, re-established when it drops.
///
/// A connection that died while idle is noticed before the next statement is sent and replaced
/// transparently. A connection that dies during a statement surfaces `DatabaseError.connectionLost`
/// (the statement may or may not have run); the next call reconnects. Transactions that fail on a
/// serialization conflict, a deadlock, or a connection lost before COMMIT are run again.
public actor Database {
    /// Where to connect, as given (URI or key=value); never printed, since it may hold a password.
    private let url: String
    private let applicationName: String
    private var connection: PostgresConnection?
    /// How often a transaction body is tried before its error is returned.
    public let maximumAttempts: Int
    /// Connections made so far (1 after the first connect); reconnects add to it.
    public private(set) var connectCount = 0

    /// Prepares a handle; connects on first use.
    public init(url: String, applicationName: String = "clinic-desk", maximumAttempts: Int = 5) {
        self.url = url
        self.applicationName = applicationName
        self.maximumAttempts = maximumAttempts
    }

    /// Connects now (or checks the connection), so a wrong URL fails early with a clear message.
    public func connect() throws {
        _ = try liveConnection()
    }

    /// Runs one statement in its own transaction and returns the rows. A plain `SELECT` whose
    /// connection turns out to be dead is run once more on a fresh connection (it changed nothing);
    /// any other statement reports `connectionLost`, since it may have run.
    @discardableResult
    public func query(_ query: SQLQuery) throws -> [Row] {
        do {
            return try withConnection { try $0.execute(query.sql, parameters: query.parameters).rows }
        } catch DatabaseError.connectionLost where Database.isReadOnly(query) {
            return try withConnection { try $0.execute(query.sql, parameters: query.parameters).rows }
        }
    }

    /// A statement that cannot change anything, so running it twice is harmless.
    static func isReadOnly(_ query: SQLQuery) -> Bool {
        let text = query.sql.drop { $0.isWhitespace }.prefix(7).uppercased()
        return text.hasPrefix("SELECT ") || text.hasPrefix("SELECT\n") || text == "SELECT"
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> Int {
        try withConnection { try $0.execute(query.sql, parameters: query.parameters).affectedRows }
    }

    /// Runs the same SQL without decoding and returns the row count (the benchmark's raw path).
    public func queryRaw(_ query: SQLQuery) throws -> Int {
        try withConnection { try $0.executeRaw(query.sql, parameters: query.parameters) }
    }

    /// Runs a trusted multi-statement script (schema.sql) with the simple protocol. If it fails
    /// inside a transaction block it opened, that block is rolled back.
    public func runScript(_ script: String) throws {
        try withConnection { connection in
            do {
                try connection.executeScript(script)
            } catch let error as DatabaseError where error != .connectionLost {
                _ = try? connection.execute("ROLLBACK", parameters: [])
                throw error
            }
        }
    }

    /// Runs `body` in a transaction at `isolation`; commits if it returns, rolls back if it throws.
    /// Serialization failures, deadlocks and connections lost before COMMIT retry the whole body.
    public func transaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        _ body: @Sendable (DatabaseSession) throws -> T
    ) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            let connection = try liveConnection()
            var committing = false
            do {
                _ = try connection.execute("BEGIN ISOLATION LEVEL \(isolation.sql)", parameters: [])
                let value = try body(DatabaseSession(connection: connection))
                committing = true
                _ = try connection.execute("COMMIT", parameters: [])
                return value
            } catch let error as DatabaseError {
                if error == .connectionLost {
                    self.connection = nil
                    if committing || attempt >= maximumAttempts { throw error }
                    continue
                }
                _ = try? connection.execute("ROLLBACK", parameters: [])
                if error.isRetryableConflict && attempt < maximumAttempts { continue }
                throw error
            } catch {
                _ = try? connection.execute("ROLLBACK", parameters: [])
                throw error
            }
        }
    }

    /// Runs `body` on the connection outside any transaction (COPY, several autocommit statements).
    public func withSession<T: Sendable>(_ body: @Sendable (DatabaseSession) throws -> T) throws -> T {
        try withConnection { try body(DatabaseSession(connection: $0)) }
    }

    /// The server process id of the current connection (tests terminate it to prove reconnects).
    public func backendPID() throws -> Int32 {
        try liveConnection().backendPID
    }

    /// Closes the connection; the next call opens a new one.
    public func disconnect() {
        connection = nil
    }

    // MARK: - Private

    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try liveConnection()
        do {
            return try body(connection)
        } catch DatabaseError.connectionLost {
            self.connection = nil
            throw DatabaseError.connectionLost
        }
    }

    private func liveConnection() throws -> PostgresConnection {
        if let connection, connection.isAlive { return connection }
        connection = nil
        let fresh = try PostgresConnection(url: url, applicationName: applicationName)
        connectCount += 1
        connection = fresh
        return fresh
    }
}

/// Transaction isolation levels the desk uses.
public enum IsolationLevel: Sendable {
    case readCommitted, repeatableRead, serializable

    var sql: String {
        switch self {
        case .readCommitted: return "READ COMMITTED"
        case .repeatableRead: return "REPEATABLE READ"
        case .serializable: return "SERIALIZABLE"
        }
    }
}
