import CLibpq
import Foundation

/// One libpq connection. The only file that imports libpq; no C type leaves it.
///
/// Not thread-safe: each instance is owned by one actor (`Database`, `ChangeListener`) or one task.
final class PostgresConnection {
    private var handle: OpaquePointer?
    let url: String
    /// Statements prepared on this connection (SQL text → name), so each is planned once and its plan
    /// reused while the server keeps it valid (it re-plans by itself after DDL).
    private var prepared: [String: String] = [:]
    private var preparedCount = 0
    /// More distinct statements than this are run unprepared (ad-hoc SQL must not grow the cache forever).
    private static let preparedLimit = 400

    /// Connects, fixes the session time zone to UTC (as the web's server runs) and names the client.
    /// - Throws: `DatabaseError.connectionFailed` naming host and database, never the password.
    init(url: String, applicationName: String = "clinic-desk") throws {
        self.url = url
        let connection = PQconnectdb(url)
        guard let connection else {
            throw DatabaseError.connectionFailed(host: "?", database: "?", reason: "out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let failure = DatabaseError.connectionFailed(
                host: PostgresConnection.describeHost(connection),
                database: PostgresConnection.string(PQdb(connection)) ?? "?",
                reason: PostgresConnection.firstLine(PostgresConnection.string(PQerrorMessage(connection)) ?? "unknown error"))
            PQfinish(connection)
            throw failure
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        _ = try execute("SET TimeZone = 'UTC'", parameters: [])
        _ = try execute("SELECT set_config('application_name', $1, false)", parameters: [applicationName])
    }

    /// Opens and closes a connection with no session setup (the raw path of the connect benchmark).
    static func probe(url: String) throws {
        guard let connection = PQconnectdb(url) else {
            throw DatabaseError.connectionFailed(host: "?", database: "?", reason: "out of memory")
        }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw DatabaseError.connectionFailed(
                host: describeHost(connection), database: string(PQdb(connection)) ?? "?",
                reason: firstLine(string(PQerrorMessage(connection)) ?? "unknown error"))
        }
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Where this connection points, as "host/database" without credentials.
    var target: (host: String, database: String) {
        guard let handle else { return ("?", "?") }
        return (PostgresConnection.describeHost(handle), PostgresConnection.string(PQdb(handle)) ?? "?")
    }

    /// True while the socket is usable. Reads pending input first, so a server-side disconnect that
    /// already arrived (administrator shutdown, idle timeout) is seen before the next statement is sent.
    var isAlive: Bool {
        guard let handle else { return false }
        // Twice: the first read may only return the server's goodbye message; the second sees the EOF.
        for _ in 0..<2 where PQstatus(handle) == CONNECTION_OK {
            if PQconsumeInput(handle) == 0 { break }
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The server process id of this session (for `pg_terminate_backend` in tests).
    var backendPID: Int32 {
        guard let handle else { return 0 }
        return PQbackendPID(handle)
    }

    /// The socket descriptor, for `poll()`; -1 when disconnected. Changes after a reconnect.
    var socketDescriptor: Int32 {
        guard let handle else { return -1 }
        return PQsocket(handle)
    }

    /// Runs one parameterised statement (text format) and returns its decoded rows.
    func execute(_ sql: String, parameters: [String?]) throws -> QueryResult {
        PostgresConnection.collect(try run(sql, parameters: parameters))
    }

    /// Runs several statements in one round trip (libpq's pipeline mode) and returns each one's rows,
    /// in order. Inside a transaction they run as if one after the other; the first failure is thrown
    /// and the statements after it do not run.
    func executeBatch(_ statements: [(sql: String, parameters: [String?])]) throws -> [QueryResult] {
        guard let handle else { throw DatabaseError.connectionLost }
        if statements.count == 1, let only = statements.first { return [try execute(only.sql, parameters: only.parameters)] }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionOrStatementError(nil) }
        // Whatever happens, the connection leaves pipeline mode or is dropped: a connection stuck in it
        // refuses every later statement.
        defer { if let current = self.handle, PQexitPipelineMode(current) != 1 { abandon() } }
        // Each command libpq queues answers with its results and then NULL; a new prepare adds one.
        var commands: [(isPrepare: Bool, sql: String)] = []
        var newlyPrepared: [String: String] = [:]
        for statement in statements {
            let count = Int32(statement.parameters.count)
            var name = prepared[statement.sql] ?? newlyPrepared[statement.sql]
            if name == nil, PostgresConnection.isPreparable(statement.sql),
                prepared.count + newlyPrepared.count < PostgresConnection.preparedLimit
            {
                let fresh = nextStatementName()
                guard PQsendPrepare(handle, fresh, statement.sql, count, nil) == 1 else { throw abandon() }
                commands.append((true, statement.sql))
                newlyPrepared[statement.sql] = fresh
                name = fresh
            }
            let sent: Int32 = PostgresConnection.withCStrings(statement.parameters) { pointers in
                if let name { return PQsendQueryPrepared(handle, name, count, pointers, nil, nil, 0) }
                return PQsendQueryParams(handle, statement.sql, count, nil, pointers, nil, nil, 0)
            }
            guard sent == 1 else { throw abandon() }
            commands.append((false, statement.sql))
        }
        guard PQpipelineSync(handle) == 1 else { throw abandon() }
        var results: [QueryResult] = []
        var failure: DatabaseError?
        for command in commands {
            while let result = PQgetResult(handle) {
                switch PQresultStatus(result) {
                case PGRES_COMMAND_OK where command.isPrepare:
                    if let name = newlyPrepared[command.sql] { prepared[command.sql] = name }
                    PQclear(result)
                case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                    if failure == nil { results.append(PostgresConnection.collect(result)) } else { PQclear(result) }
                case PGRES_PIPELINE_ABORTED:
                    PQclear(result)
                default:
                    if failure == nil { failure = connectionOrStatementError(result) }
                    PQclear(result)
                }
            }
        }
        // The sync point closes the pipeline.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let failure {
            if failure.isStalePreparedPlan { forgetStatements(statements.map(\.sql)) }
            throw failure
        }
        guard PQstatus(handle) == CONNECTION_OK else { throw DatabaseError.connectionLost }
        return results
    }

    /// Runs one parameterised statement and returns only the row count, without decoding (the
    /// benchmark's raw path: the same SQL through libpq with none of our layer).
    func executeRaw(_ sql: String, parameters: [String?]) throws -> Int {
        let result = try run(sql, parameters: parameters, prepare: false)
        defer { PQclear(result) }
        return Int(PQntuples(result))
    }

    /// Runs a script of several statements with the simple protocol (no parameters allowed).
    /// Used for schema.sql; the caller makes sure the text is trusted.
    func executeScript(_ sql: String) throws {
        guard let handle else { throw DatabaseError.connectionLost }
        var failure: DatabaseError?
        guard PQsendQuery(handle, sql) == 1 else { throw connectionOrStatementError(nil) }
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status == PGRES_FATAL_ERROR, failure == nil {
                failure = connectionOrStatementError(result)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if PQstatus(handle) != CONNECTION_OK { throw DatabaseError.connectionLost }
        // A script may have changed tables; plans are re-made on demand.
        forgetPreparedStatements()
    }

    /// Drops a connection whose pipeline could not be sent whole: half a pipeline cannot be finished or
    /// cleared, so the next use reconnects.
    @discardableResult
    private func abandon() -> DatabaseError {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared.removeAll()
        return .connectionLost
    }

    /// Stops using the cached plans of `sqls` (they are prepared again under new names next time).
    private func forgetStatements(_ sqls: [String]) {
        for sql in sqls { prepared[sql] = nil }
    }

    /// Drops every statement this connection prepared.
    func forgetPreparedStatements() {
        guard !prepared.isEmpty, let handle else { return }
        if PQtransactionStatus(handle) == PQTRANS_IDLE, let result = PQexec(handle, "DEALLOCATE ALL") {
            PQclear(result)
            prepared.removeAll()
        }
    }

    /// Streams rows into `COPY ... FROM STDIN` (text format). Each chunk holds complete lines.
    func copyIn(_ sql: String, chunks: some Sequence<String>) throws {
        guard let handle else { throw DatabaseError.connectionLost }
        guard let start = PQexec(handle, sql) else { throw connectionOrStatementError(nil) }
        let startStatus = PQresultStatus(start)
        if startStatus != PGRES_COPY_IN {
            let failure = connectionOrStatementError(start)
            PQclear(start)
            throw failure
        }
        PQclear(start)
        for chunk in chunks {
            var chunk = chunk
            let sent = chunk.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { break }
        }
        _ = PQputCopyEnd(handle, nil)
        var failure: DatabaseError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_FATAL_ERROR, failure == nil {
                failure = connectionOrStatementError(result)
            }
            PQclear(result)
        }
        if let failure { throw failure }
    }

    /// Reads whatever the server sent and returns the notifications that arrived, oldest first.
    /// - Throws: `DatabaseError.connectionLost` when the socket is closed.
    func drainNotifications() throws -> [(channel: String, payload: String)] {
        guard let handle else { throw DatabaseError.connectionLost }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw DatabaseError.connectionLost
        }
        var received: [(channel: String, payload: String)] = []
        while let notice = PQnotifies(handle) {
            let channel = PostgresConnection.string(notice.pointee.relname) ?? ""
            let payload = PostgresConnection.string(notice.pointee.extra) ?? ""
            PQfreemem(notice)
            received.append((channel, payload))
        }
        return received
    }

    // MARK: - Private

    private func run(_ sql: String, parameters: [String?], prepare: Bool = true) throws -> OpaquePointer {
        guard let handle else { throw DatabaseError.connectionLost }
        guard prepare, PostgresConnection.isPreparable(sql), let name = try preparedName(for: sql, parameterCount: parameters.count) else {
            let result: OpaquePointer? = PostgresConnection.withCStrings(parameters) { pointers in
                PQexecParams(handle, sql, Int32(pointers.count), nil, pointers, nil, nil, 0)
            }
            return try checked(result)
        }
        let result: OpaquePointer? = PostgresConnection.withCStrings(parameters) { pointers in
            PQexecPrepared(handle, name, Int32(pointers.count), pointers, nil, nil, 0)
        }
        do {
            return try checked(result)
        } catch let error as DatabaseError where error.isStalePreparedPlan {
            prepared[sql] = nil
            // Outside a transaction nothing was aborted: prepare it again and run it once more.
            guard PQtransactionStatus(handle) == PQTRANS_IDLE else { throw error }
            return try run(sql, parameters: parameters)
        }
    }

    /// The name `sql` is prepared under, preparing it first; nil when the cache is full.
    private func preparedName(for sql: String, parameterCount: Int) throws -> String? {
        if let name = prepared[sql] { return name }
        guard let handle, prepared.count < PostgresConnection.preparedLimit else { return nil }
        let name = nextStatementName()
        let result = PQprepare(handle, name, sql, Int32(parameterCount), nil)
        PQclear(try checked(result))
        prepared[sql] = name
        return name
    }

    /// A statement name not used before on this connection.
    private func nextStatementName() -> String {
        preparedCount += 1
        return "clinic_desk_\(preparedCount)"
    }

    /// Plain data statements only: utility commands (BEGIN, SET, LISTEN) gain nothing from a plan.
    private static func isPreparable(_ sql: String) -> Bool {
        let head = sql.drop { $0.isWhitespace || $0 == "(" }.prefix(6).uppercased()
        return head.hasPrefix("SELECT") || head.hasPrefix("INSERT") || head.hasPrefix("UPDATE") || head.hasPrefix("DELETE")
            || head.hasPrefix("WITH")
    }

    /// The result when the statement succeeded; otherwise it is cleared and its error thrown.
    private func checked(_ result: OpaquePointer?) throws -> OpaquePointer {
        guard let result else { throw connectionOrStatementError(nil) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            let failure = connectionOrStatementError(result)
            PQclear(result)
            throw failure
        }
    }

    /// A dead connection is a connection error whatever the result says; otherwise the server's
    /// SQLSTATE, constraint and primary message.
    private func connectionOrStatementError(_ result: OpaquePointer?) -> DatabaseError {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return .connectionLost }
        guard let result else {
            return .statementFailed(
                sqlState: "08000", constraint: nil,
                message: PostgresConnection.firstLine(PostgresConnection.string(PQerrorMessage(handle)) ?? ""))
        }
        let state = PostgresConnection.string(PQresultErrorField(result, clinic_diag_sqlstate())) ?? "XX000"
        if state.hasPrefix("08") || state == "57P01" || state == "57P02" || state == "57P03" {
            return .connectionLost
        }
        let constraint = PostgresConnection.string(PQresultErrorField(result, clinic_diag_constraint()))
        var message = PostgresConnection.string(PQresultErrorField(result, clinic_diag_message_primary())) ?? ""
        if let detail = PostgresConnection.string(PQresultErrorField(result, clinic_diag_message_detail())) {
            message += "\n" + detail
        }
        return .statementFailed(sqlState: state, constraint: constraint, message: message)
    }

    /// The rows of `result`, which they now own (it is freed with the last of them).
    private static func collect(_ result: OpaquePointer) -> QueryResult {
        let affected = Int(string(PQcmdTuples(result)) ?? "") ?? 0
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var names: [String] = []
        names.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            names.append(string(PQfname(result, Int32(column))) ?? "?column?")
        }
        let columns = ResultColumns(names: names)
        let buffer = ResultBuffer(taking: result)
        let rows = (0..<rowCount).map { Row(columns: columns, result: buffer, position: $0) }
        return QueryResult(rows: rows, affectedRows: affected)
    }

    private static func withCStrings<R>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var owned: [UnsafeMutablePointer<CChar>?] = values.map { value in value.flatMap { strdup($0) } }
        defer { for pointer in owned { free(pointer) } }
        return owned.withUnsafeMutableBufferPointer { buffer in
            body(buffer.map { UnsafePointer($0) })
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func describeHost(_ connection: OpaquePointer) -> String {
        let host = string(PQhost(connection)) ?? "localhost"
        let port = string(PQport(connection)) ?? ""
        return port.isEmpty ? host : "\(host):\(port)"
    }

    private static func firstLine(_ text: String) -> String {
        let trimmed = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return trimmed.replacingOccurrences(of: "FATAL:  ", with: "")
    }
}

/// A result kept as libpq returned it, for its rows to read from. A PGresult is read-only once made,
/// so rows on other threads may share it; it is freed with the last row.
final class ResultBuffer: @unchecked Sendable {
    private let result: OpaquePointer

    init(taking result: OpaquePointer) { self.result = result }

    deinit { PQclear(result) }

    /// `body` given the bytes of one value (nil for NULL), valid only during the call.
    func withBytes<Value>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Value) rethrows -> Value {
        let (row, column) = (Int32(row), Int32(column))
        guard PQgetisnull(result, row, column) == 0, let pointer = PQgetvalue(result, row, column) else { return try body(nil) }
        let length = Int(PQgetlength(result, row, column))
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: max(length, 1)) { bytes in
            try body(UnsafeBufferPointer(start: bytes, count: length))
        }
    }
}
