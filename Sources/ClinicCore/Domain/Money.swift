/// An amount of Indian money in paise (1 rupee = 100 paise), exact, never a floating-point number.
///
/// The web stores rupees as `numeric(10,2)` (payments) or whole rupees as `integer`
/// (`clinician_profiles.consultation_fee`); both convert here, at the boundary, by text.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in paise.
    public var paise: Int64

    /// An amount in paise.
    public init(paise: Int64) { self.paise = paise }

    /// A whole number of rupees.
    public init(rupees: Int64) { self.paise = rupees * 100 }

    /// Zero rupees.
    public static let zero = Money(paise: 0)

    /// Parses a rupee amount written with at most two decimals ("1700.05", "1600", "-3.5").
    /// Returns nil for anything else, including amounts that would lose a fraction of a paisa.
    public init?(rupeesText text: String) {
        var digits = Substring(text.trimmingCharacters())
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        } else if digits.first == "+" {
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else {
            return nil
        }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        while fraction.count > 2, fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 2, let rupees = Int64(whole) else { return nil }
        let paiseText = fraction.padding(toLength: 2)
        guard let paisePart = Int64(paiseText) else { return nil }
        let (scaled, overflow) = rupees.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let total = scaled + paisePart
        self.paise = negative ? -total : total
    }

    /// Rupees with exactly two decimals, as `numeric(10,2)` accepts: "1700.05".
    public var rupeesText: String {
        let sign = paise < 0 ? "-" : ""
        let magnitude = paise.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// "₹1,700.05" with Indian digit grouping, for people.
    public var description: String {
        let sign = paise < 0 ? "-" : ""
        let magnitude = paise.magnitude
        let fraction = magnitude % 100
        return "\(sign)₹\(Money.indianGrouping(magnitude / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.paise < rhs.paise }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(paise: lhs.paise + rhs.paise) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(paise: lhs.paise - rhs.paise) }

    /// 1234567 → "12,34,567" (lakh and crore grouping).
    static func indianGrouping(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        let lastThree = digits.suffix(3)
        var rest = Array(digits.dropLast(3))
        var groups: [String] = []
        while rest.count > 2 {
            groups.insert(String(rest.suffix(2)), at: 0)
            rest.removeLast(2)
        }
        if !rest.isEmpty { groups.insert(String(rest), at: 0) }
        return (groups + [String(lastThree)]).joined(separator: ",")
    }
}

extension Money: SQLEncodable, SQLTextDecodable {
    /// Sent as rupees text so `numeric(10,2)` columns receive the exact value.
    public var sqlParameter: String? { rupeesText }

    /// Reads `numeric` rupees exactly.
    public init?(sqlText: String) { self.init(rupeesText: sqlText) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingCharacters() -> SubSequence {
        var text = self[...]
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }

    func padding(toLength length: Int) -> String {
        count >= length ? String(self) : String(self) + String(repeating: "0", count: length - count)
    }
}
