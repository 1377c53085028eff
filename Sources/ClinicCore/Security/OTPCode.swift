/// Six-digit one-time codes from OpenSSL's CSPRNG, uniform over 000000–999999.
enum OTPCode {
    /// A fresh code; rejection sampling keeps every value equally likely.
    /// - Throws: `SecurityError.randomUnavailable` if the generator fails.
    static func generate() throws -> String {
        // 4_294_000_000 is the largest multiple of 1_000_000 below 2^32.
        while true {
            let bytes = try Digest.randomBytes(4)
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard value < 4_294_000_000 else { continue }
            let number = String(value % 1_000_000)
            return String(repeating: "0", count: 6 - number.count) + number
        }
    }

    /// True when `text` is exactly six ASCII digits.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 6 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
