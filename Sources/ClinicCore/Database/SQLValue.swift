/// A Swift value that can be sent as a text-format statement parameter.
public protocol SQLEncodable: Sendable {
    /// The parameter's text form; nil is SQL NULL.
    var sqlParameter: String? { get }
}

/// A Swift value that can be read from a text-format result column.
public protocol SQLDecodable: Sendable {
    /// Decodes the column's text, where nil is SQL NULL.
    static func decode(sqlText: String?, column: String) throws -> Self
    /// Decodes the column's text as UTF-8 bytes straight from the result (nil is SQL NULL); numbers and
    /// times parse here without making a `String` first.
    static func decode(sqlBytes: UnsafeBufferPointer<UInt8>?, column: String) throws -> Self
}

extension SQLDecodable {
    public static func decode(sqlBytes: UnsafeBufferPointer<UInt8>?, column: String) throws -> Self {
        try decode(sqlText: sqlBytes.map { String(decoding: $0, as: UTF8.self) }, column: column)
    }
}

/// A value parsed from the bytes of its text form (the fast path of `SQLDecodable`).
public protocol SQLBytesDecodable: SQLTextDecodable {
    init?(sqlBytes: UnsafeBufferPointer<UInt8>)
}

extension SQLBytesDecodable {
    /// The text form parses as its bytes do (one parser per type).
    public init?(sqlText text: String) {
        var text = text
        guard let value = text.withUTF8({ Self(sqlBytes: $0) }) else { return nil }
        self = value
    }

    public static func decode(sqlBytes: UnsafeBufferPointer<UInt8>?, column: String) throws -> Self {
        guard let sqlBytes else { throw DatabaseError.decodingFailed(column: column, expected: "non-NULL \(Self.self)") }
        guard let value = Self(sqlBytes: sqlBytes) else { throw DatabaseError.decodingFailed(column: column, expected: "\(Self.self)") }
        return value
    }
}

/// Decimal integer text ("-42") as bytes; nil on anything else or on overflow.
func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    var index = 0
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
        negative = true
        index = 1
    }
    guard index < bytes.count else { return nil }
    var value: Int64 = 0
    while index < bytes.count {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) =
            negative ? times.subtractingReportingOverflow(Int64(byte - 48)) : times.addingReportingOverflow(Int64(byte - 48))
        guard !overflowA, !overflowB else { return nil }
        value = sum
        index += 1
    }
    return value
}

/// A non-optional value decoded from non-NULL text; NULL is an error.
public protocol SQLTextDecodable: SQLDecodable {
    /// Parses the server's text form, or returns nil when it is not valid.
    init?(sqlText: String)
}

extension SQLTextDecodable {
    public static func decode(sqlText: String?, column: String) throws -> Self {
        guard let sqlText else { throw DatabaseError.decodingFailed(column: column, expected: "non-NULL \(Self.self)") }
        guard let value = Self(sqlText: sqlText) else {
            throw DatabaseError.decodingFailed(column: column, expected: "\(Self.self)")
        }
        return value
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public static func decode(sqlText: String?, column: String) throws -> Wrapped? {
        guard let sqlText else { return nil }
        return try Wrapped.decode(sqlText: sqlText, column: column)
    }

    public static func decode(sqlBytes: UnsafeBufferPointer<UInt8>?, column: String) throws -> Wrapped? {
        guard let sqlBytes else { return nil }
        return try Wrapped.decode(sqlBytes: sqlBytes, column: column)
    }
}

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    public var sqlParameter: String? { self?.sqlParameter }
}

extension String: SQLEncodable, SQLTextDecodable {
    public var sqlParameter: String? { self }
    public init?(sqlText: String) { self = sqlText }
}

extension Int: SQLEncodable, SQLBytesDecodable {
    public var sqlParameter: String? { String(self) }
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(sqlBytes) else { return nil }
        self.init(value)
    }
}

extension Int64: SQLEncodable, SQLBytesDecodable {
    public var sqlParameter: String? { String(self) }
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(sqlBytes) else { return nil }
        self = value
    }
}

extension Int32: SQLEncodable, SQLBytesDecodable {
    public var sqlParameter: String? { String(self) }
    public init?(sqlText: String) { self.init(sqlText, radix: 10) }
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        guard let value = parseInteger(sqlBytes) else { return nil }
        self.init(exactly: value)
    }
}

extension Bool: SQLEncodable, SQLBytesDecodable {
    public var sqlParameter: String? { self ? "true" : "false" }
    public init?(sqlText: String) {
        switch sqlText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        switch (sqlBytes.count, sqlBytes.first) {
        case (1, UInt8(ascii: "t")): self = true
        case (1, UInt8(ascii: "f")): self = false
        default: self.init(sqlText: String(decoding: sqlBytes, as: UTF8.self))
        }
    }
}

/// Raw bytes (bytea) in PostgreSQL's hex text form.
public struct ByteString: Hashable, Sendable, SQLEncodable, SQLTextDecodable {
    /// The bytes.
    public var bytes: [UInt8]

    /// Wraps bytes.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Lower-case hexadecimal, two digits a byte.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }

    public var sqlParameter: String? { "\\x" + hex }

    public init?(sqlText: String) {
        guard sqlText.hasPrefix("\\x") else { return nil }
        let digits = Array(sqlText.utf8.dropFirst(2))
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = ByteString.nibble(digits[index]), let low = ByteString.nibble(digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.bytes = bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Array: SQLEncodable where Element == Int64 {
    /// A PostgreSQL array literal (`{1,2,3}`); cast it in SQL (`\(ids)::bigint[]`).
    public var sqlParameter: String? { "{" + map(String.init).joined(separator: ",") + "}" }
}
