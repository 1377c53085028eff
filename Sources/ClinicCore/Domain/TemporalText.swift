/// Parses PostgreSQL's date, time and timestamptz text on the UTF-8 bytes: a grid reads thousands of
/// them, and splitting `String`s by `Character` cost more than the query.
struct TemporalText {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    /// "YYYY-MM-DD" (a four-digit year), checked against the calendar.
    mutating func date() -> LocalDate? {
        guard let year = number(exactly: 4), skip("-"), let month = number(digits: 1...2), skip("-"),
            let day = number(digits: 1...2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let date = LocalDate(year: year, month: month, day: day)
        return LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date ? date : nil
    }

    /// "HH:MM", "HH:MM:SS" or "HH:MM:SS.ffffff" (more fraction digits are truncated).
    mutating func time() -> LocalTime? {
        guard let hour = number(digits: 1...2), skip(":"), let minute = number(digits: 1...2), (0...24).contains(hour),
            (0...59).contains(minute)
        else { return nil }
        var second = 0
        var microsecond = 0
        if skip(":") {
            guard let value = number(digits: 1...2), (0...60).contains(value) else { return nil }
            second = value
            if skip(".") {
                var scale = 100_000
                let start = position
                while let digit = peekDigit() {
                    position += 1
                    microsecond += digit * scale
                    scale /= 10
                }
                guard position > start else { return nil }
            }
        }
        return LocalTime(hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    /// The zone suffix of a timestamptz: "Z", "+05:30", "-05", "+0530", "+05:30:00"; none is UTC.
    mutating func offsetSeconds() -> Int? {
        if isAtEnd { return 0 }
        if skip("Z") { return 0 }
        let sign: Int
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 1...2) else { return nil }
        var minutes = 0
        var seconds = 0
        if skip(":") {
            guard let value = number(exactly: 2) else { return nil }
            minutes = value
            if skip(":") {
                guard let value = number(exactly: 2) else { return nil }
                seconds = value
            }
        } else if let value = number(exactly: 2) {
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60 + seconds)
    }

    /// Consumes `character` when it is next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    // MARK: - Private

    private func peekDigit() -> Int? {
        guard position < bytes.count, (48...57).contains(bytes[position]) else { return nil }
        return Int(bytes[position] - 48)
    }

    private mutating func number(exactly count: Int) -> Int? { number(digits: count...count) }

    private mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var read = 0
        while read < digits.upperBound, let digit = peekDigit() {
            value = value * 10 + digit
            position += 1
            read += 1
        }
        return read >= digits.lowerBound ? value : nil
    }
}
