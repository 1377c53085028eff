/// A failure talking to PostgreSQL, typed so callers can tell a lost connection from a refused row.
///
/// Descriptions never contain SQL parameters, passwords or patient data.
public enum DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server could not be reached or refused the login.
    case connectionFailed(host: String, database: String, reason: String)
    /// The connection broke while a statement was in flight; whether it ran is unknown.
    case connectionLost
    /// The server refused a statement.
    case statementFailed(sqlState: String, constraint: String?, message: String)
    /// A column held a value that does not decode into the requested type.
    case decodingFailed(column: String, expected: String)
    /// A column the code asked for is not in the result.
    case missingColumn(String)
    /// The database is not at the desk schema version this program needs.
    case schemaVersionMismatch(found: Int?, expected: Int)

    public var description: String {
        switch self {
        case .connectionFailed(let host, let database, let reason):
            return "Cannot connect to database \"\(database)\" on \(host): \(reason)"
        case .connectionLost:
            return "The connection to the database was lost; it is being re-established. Please try again."
        case .statementFailed(let sqlState, let constraint, let message):
            if let constraint { return "Database refused the change (\(sqlState), \(constraint)): \(message)" }
            return "Database refused the statement (\(sqlState)): \(message)"
        case .decodingFailed(let column, let expected):
            return "Column \(column) does not hold a valid \(expected)"
        case .missingColumn(let column):
            return "Column \(column) is missing from the result"
        case .schemaVersionMismatch(let found, let expected):
            let foundText = found.map { "version \($0)" } ?? "no clinic-desk schema"
            return "The database has \(foundText); this clinic-desk needs version \(expected). "
                + "Run `clinic-desk db apply-schema` (or `psql -v ON_ERROR_STOP=1 -f schema.sql`)."
        }
    }

    /// The SQLSTATE of a refused statement, if this is one.
    public var sqlState: String? {
        if case .statementFailed(let state, _, _) = self { return state }
        return nil
    }

    /// The constraint a refused statement violated, if the server named one.
    public var constraint: String? {
        if case .statementFailed(_, let constraint, _) = self { return constraint }
        return nil
    }

    /// Serialization failures and deadlocks: the whole transaction may simply be run again.
    public var isRetryableConflict: Bool {
        sqlState == "40001" || sqlState == "40P01" || isStalePreparedPlan
    }

    /// A statement prepared on this connection before a schema change altered its result columns; the
    /// connection has dropped it, so running the statement again prepares it afresh.
    var isStalePreparedPlan: Bool {
        guard case .statementFailed("0A000", _, let message) = self else { return false }
        return message.contains("cached plan")
    }
}
