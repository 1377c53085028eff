// COPY … FROM STDIN text format, built in memory one table (or one batch) at a time.

extension DemoSeeder {
    /// Rows in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash escapes for
    /// backslash, tab, newline and carriage return. Split into chunks of about 1 MiB.
    struct CopyBuffer {
        private(set) var chunks: [String] = []
        private(set) var rowCount = 0
        private var current = ""

        /// Appends one row; `nil` fields are NULL.
        mutating func append(_ fields: [String?]) {
            for (position, field) in fields.enumerated() {
                if position > 0 { current.append("\t") }
                if let field {
                    CopyBuffer.appendEscaped(field, to: &current)
                } else {
                    current.append("\\N")
                }
            }
            current.append("\n")
            rowCount += 1
            if current.utf8.count >= 1 << 20 {
                chunks.append(current)
                current = ""
            }
        }

        /// Bytes appended since the last full chunk.
        var pendingBytes: Int { current.utf8.count }

        /// Every chunk, the last partial one included.
        var allChunks: [String] { current.isEmpty ? chunks : chunks + [current] }

        /// `value` as one COPY text field.
        static func escaped(_ value: String) -> String {
            var text = ""
            appendEscaped(value, to: &text)
            return text
        }

        static func appendEscaped(_ value: String, to text: inout String) {
            let needsEscape = value.utf8.contains { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard needsEscape else {
                text.append(value)
                return
            }
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\\": text.append("\\\\")
                case "\t": text.append("\\t")
                case "\n": text.append("\\n")
                case "\r": text.append("\\r")
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// Runs `COPY table (columns) FROM STDIN` with the rows `fill` appends; returns the row count.
    @discardableResult
    static func copy(
        _ table: String, _ columns: [String], in session: DatabaseSession,
        _ fill: (inout CopyBuffer) throws -> Void
    ) throws -> Int {
        var buffer = CopyBuffer()
        try fill(&buffer)
        guard buffer.rowCount > 0 else { return 0 }
        try session.copy(into: copyStatement(table, columns), chunks: buffer.allChunks)
        return buffer.rowCount
    }

    /// COPY of rows `rows`, each rendered by `render` while the previous chunk is already on its way,
    /// so the server parses and indexes while this process formats (large tables).
    static func copy(
        _ table: String, _ columns: [String], in session: DatabaseSession, rows: Range<Int>,
        render: @escaping (Int, inout CopyBuffer) -> Void
    ) throws {
        guard !rows.isEmpty else { return }
        try session.copy(into: copyStatement(table, columns), chunks: StreamedRows(remaining: rows, render: render))
    }

    // Table and column names are constants of this file, never input.
    private static func copyStatement(_ table: String, _ columns: [String]) -> SQLQuery {
        SQLQuery(unsafeSQL: "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN")
    }

    /// Chunks of about 256 KiB, formatted only when libpq asks for the next one.
    struct StreamedRows: Sequence, IteratorProtocol {
        var remaining: Range<Int>
        let render: (Int, inout CopyBuffer) -> Void

        mutating func next() -> String? {
            guard let first = remaining.first else { return nil }
            var buffer = CopyBuffer()
            var index = first
            while index < remaining.upperBound && buffer.pendingBytes < 1 << 18 {
                render(index, &buffer)
                index += 1
            }
            remaining = index..<remaining.upperBound
            return buffer.allChunks.joined()
        }
    }

    // MARK: - Field text

    static func text(_ value: Int64?) -> String? { value.map { String($0) } }
    static func text(_ value: Int?) -> String? { value.map { String($0) } }
    static func text(_ value: Bool) -> String { value ? "t" : "f" }
    static func text(_ value: Instant?) -> String? { value?.sqlParameter }
    static func text(_ value: LocalDate?) -> String? { value?.description }
    static func text(_ value: LocalTime) -> String { value.description }
    static func text(_ value: Money) -> String { value.rupeesText }

    /// A `timestamp without time zone` as the web's `NOW()` writes it on a UTC server.
    static func utcWallClock(_ value: Instant?) -> String? {
        guard let value else { return nil }
        let (date, time) = value.local(offsetSeconds: 0)
        return "\(date) \(time)"
    }

    /// A JSON string literal.
    static func json(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// A JSON array of strings (`'["Psychiatry"]'`).
    static func json(_ values: [String]) -> String {
        "[" + values.map { json($0) }.joined(separator: ", ") + "]"
    }

    /// A JSON object from already-encoded values, in the given key order.
    static func jsonObject(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(json($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
