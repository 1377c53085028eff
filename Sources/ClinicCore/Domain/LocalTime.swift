/// A wall-clock time of day with no zone (`time` columns: availability rules, blocked slots).
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var microsecond: Int

    /// A time of day; hour 0…23 (24:00 only as `time`'s end-of-day value).
    public init(hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Seconds since midnight, ignoring microseconds.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// Minutes since midnight, ignoring seconds.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.secondsSinceMidnight, lhs.microsecond) < (rhs.secondsSinceMidnight, rhs.microsecond)
    }

    /// "09:30:00".
    public var description: String {
        "\(Instant.pad(hour, 2)):\(Instant.pad(minute, 2)):\(Instant.pad(second, 2))"
    }
}

extension LocalTime: SQLEncodable, SQLBytesDecodable {
    public var sqlParameter: String? {
        microsecond == 0 ? description : "\(description).\(Instant.pad(microsecond, 6))"
    }

    /// Parses "HH:MM", "HH:MM:SS" or "HH:MM:SS.ffffff".
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        var scanner = TemporalText(sqlBytes)
        guard let time = scanner.time(), scanner.isAtEnd else { return nil }
        self = time
    }
}
