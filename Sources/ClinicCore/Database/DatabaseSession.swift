/// Statements on one connection, used inside `Database.transaction` and `Database.withSession`.
///
/// A session is only valid inside the closure it was handed to.
public final class DatabaseSession {
    let connection: PostgresConnection

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Runs a statement and returns its rows.
    @discardableResult
    public func query(_ query: SQLQuery) throws -> [Row] {
        try connection.execute(query.sql, parameters: query.parameters).rows
    }

    /// Runs several statements in one round trip and returns each one's rows, in order (reads that
    /// do not depend on each other).
    public func queryBatch(_ queries: [SQLQuery]) throws -> [[Row]] {
        try connection.executeBatch(queries.map { ($0.sql, $0.parameters) }).map(\.rows)
    }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> Int {
        try connection.execute(query.sql, parameters: query.parameters).affectedRows
    }

    /// Runs a statement that returns exactly one row.
    /// - Throws: `DatabaseError.decodingFailed` when there is no row.
    public func queryOne(_ query: SQLQuery) throws -> Row {
        guard let row = try self.query(query).first else {
            throw DatabaseError.decodingFailed(column: "(row)", expected: "one row")
        }
        return row
    }

    /// Runs the same SQL with no decoding and returns the row count (the benchmark's raw path).
    public func queryRaw(_ query: SQLQuery) throws -> Int {
        try connection.executeRaw(query.sql, parameters: query.parameters)
    }

    /// Streams text-format lines into `COPY table (columns) FROM STDIN`.
    public func copy(into statement: SQLQuery, chunks: some Sequence<String>) throws {
        try connection.copyIn(statement.sql, chunks: chunks)
    }

    /// The server process id of this session.
    public var backendPID: Int32 { connection.backendPID }
}
