/// A statement whose interpolated values always travel as `$n` parameters, never as SQL text.
///
/// ```swift
/// let query: SQLQuery = "SELECT id FROM users WHERE phone = \(phone)"
/// // sql: "SELECT id FROM users WHERE phone = $1", parameters: [phone]
/// ```
/// Raw SQL text needs the explicit `unsafeSQL:` label.
public struct SQLQuery: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The statement text with `$1`, `$2`, … placeholders.
    public private(set) var sql: String
    /// The parameters in placeholder order, as text; nil is NULL.
    public private(set) var parameters: [String?]

    /// A statement from trusted text (constants and identifiers only) with explicit parameters.
    public init(unsafeSQL sql: String, parameters: [String?] = []) {
        self.sql = sql
        self.parameters = parameters
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, parameters: stringInterpolation.parameters)
    }

    /// Builds the statement text and its parameter list together.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var parameters: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            parameters.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a value as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some SQLEncodable) {
            parameters.append(value.sqlParameter)
            sql += "$\(parameters.count)"
        }

        /// Appends an optional value as the next parameter; nil becomes NULL.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value?) {
            parameters.append(value?.sqlParameter ?? nil)
            sql += "$\(parameters.count)"
        }

        /// Appends an explicit NULL parameter (typed by the surrounding SQL).
        public mutating func appendInterpolation(null _: Void) {
            parameters.append(nil)
            sql += "$\(parameters.count)"
        }
    }
}
