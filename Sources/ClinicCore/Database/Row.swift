/// One result row in text format, decoded column by column into typed values straight from the
/// result's bytes (no `String` per value unless a `String` is asked for).
public struct Row: Sendable {
    let columns: ResultColumns
    let result: ResultBuffer
    let position: Int

    /// The value of `column` decoded as `type`; NULL decodes only into an Optional.
    /// - Throws: `DatabaseError.missingColumn`, `.decodingFailed`.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = columns.index[column] else { throw DatabaseError.missingColumn(column) }
        return try result.withBytes(row: position, column: index) { try T.decode(sqlBytes: $0, column: column) }
    }

    /// The value at a position, decoded as `type`.
    public func decode<T: SQLDecodable>(at index: Int, as type: T.Type = T.self) throws -> T {
        guard columns.names.indices.contains(index) else { throw DatabaseError.missingColumn("#\(index)") }
        return try result.withBytes(row: position, column: index) { try T.decode(sqlBytes: $0, column: columns.names[index]) }
    }

    /// The raw text of a column (nil for NULL), for generic tools such as row snapshots.
    public func text(at index: Int) -> String? {
        result.withBytes(row: position, column: index) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The column names, in result order.
    public var columnNames: [String] { columns.names }
}

/// Column names of one result, shared by its rows.
final class ResultColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil {
            index[name] = position
        }
        self.index = index
    }
}

/// What a statement returned: its rows and, for writes, how many rows it touched.
public struct QueryResult: Sendable {
    /// The rows, in order.
    public let rows: [Row]
    /// Rows inserted, updated or deleted (0 for other statements).
    public let affectedRows: Int
}
