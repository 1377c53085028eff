/// An Indian mobile number, held as its ten national digits whatever way it was typed or stored.
///
/// The web stores the same number two ways (web-schema.md §2.1): patients who signed in by OTP as
/// `91XXXXXXXXXX`, staff and admin-created patients as `XXXXXXXXXX`. Parsing accepts both, and what
/// people type (`+91 98450 12345`, `098450-12345`, `(0) 98450.12345`); the desk writes new numbers
/// in the web's login format so the web's OTP sign-in finds the same account.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten national digits, starting with 6, 7, 8 or 9: "9845012345".
    public let tenDigit: String

    /// Parses a typed or stored number.
    /// - Throws: `PhoneNumberError` saying, in a receptionist's words, why it is not an Indian mobile.
    public init(parsing typed: String) throws(PhoneNumberError) {
        tenDigit = try PhoneNumber.nationalDigits(typed)
    }

    /// Parses a typed or stored number; nil when it cannot be an Indian mobile number.
    public init?(_ typed: String) {
        guard let digits = try? PhoneNumber.nationalDigits(typed) else { return nil }
        tenDigit = digits
    }

    /// The web's patient login format, as `users.phone` and `otp_requests.phone` hold it: "919845012345".
    public var webLoginFormat: String { "91" + tenDigit }

    /// The number with most digits hidden, for audit rows and logs: "98•••••345".
    public var masked: String { String(tenDigit.prefix(2)) + "•••••" + String(tenDigit.suffix(3)) }

    /// The number as people read it: "+91 98450 12345".
    public var display: String { "+91 \(tenDigit.prefix(5)) \(tenDigit.suffix(5))" }

    public var description: String { display }

    // MARK: - Parsing

    /// Characters people put between digits.
    private static let separators: Set<Character> = [" ", "-", ".", "(", ")", "\u{00A0}"]

    private static func nationalDigits(_ typed: String) throws(PhoneNumberError) -> String {
        let text = typed.trimmingCharacters()
        guard !text.isEmpty else { throw .empty }
        var body = Substring(text)
        var international = false
        if body.first == "+" {
            international = true
            body = body.dropFirst()
        }
        if let odd = body.first(where: { !$0.isASCIIDigit && !separators.contains($0) }) {
            throw .notDigits(typed: String(text), character: odd)
        }
        var digits = body.filter(\.isASCIIDigit)
        var afterCountryCode = false
        if international {
            guard digits.hasPrefix("91") else { throw .notIndian(typed: String(text)) }
            digits.removeFirst(2)
            afterCountryCode = true
        } else if digits.count == 12, digits.hasPrefix("91") {
            digits.removeFirst(2)
            afterCountryCode = true
        } else if digits.count == 13, digits.hasPrefix("091") {
            digits.removeFirst(3)
            afterCountryCode = true
        } else if digits.count == 11, digits.hasPrefix("0") {
            digits.removeFirst()
        }
        guard digits.count == 10 else {
            throw .wrongLength(typed: String(text), digits: digits.count, afterCountryCode: afterCountryCode)
        }
        guard let first = digits.first, "6789".contains(first) else {
            throw .notMobile(typed: String(text))
        }
        return digits
    }
}

/// Why typed text is not an Indian mobile number; `description` is the sentence to show.
public enum PhoneNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// A letter or symbol other than spaces, dashes, dots and brackets.
    case notDigits(typed: String, character: Character)
    /// A `+` number with another country code.
    case notIndian(typed: String)
    /// Too few or too many digits (counted after +91, 91 or a leading 0 when there was one).
    case wrongLength(typed: String, digits: Int, afterCountryCode: Bool)
    /// Ten digits, but not starting with 6–9 (a landline or a typo).
    case notMobile(typed: String)

    public var description: String {
        switch self {
        case .empty:
            return "Type a 10-digit mobile number."
        case .notDigits(let typed, let character):
            return "\(typed) has “\(character)” in it; a phone number has only digits (spaces and dashes are fine)."
        case .notIndian(let typed):
            return "\(typed) is not an Indian number; only Indian mobile numbers (+91) can be used."
        case .wrongLength(let typed, let digits, let afterCountryCode):
            let count = digits == 1 ? "1 digit" : "\(digits) digits"
            return "\(typed) has \(count)\(afterCountryCode ? " after 91" : ""); an Indian mobile number has 10."
        case .notMobile(let typed):
            return "\(typed) is not a mobile number: Indian mobile numbers start with 6, 7, 8 or 9."
        }
    }
}
