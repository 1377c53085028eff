/// A point in time with microsecond precision, as PostgreSQL's `timestamptz` holds it.
///
/// Integer microseconds since 1970-01-01 00:00 UTC, so nothing is lost through floating point.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the Unix epoch (UTC).
    public var microsecondsSinceEpoch: Int64

    /// An instant from microseconds since the epoch.
    public init(microsecondsSinceEpoch: Int64) { self.microsecondsSinceEpoch = microsecondsSinceEpoch }

    /// The instant when the wall clock at `offsetSeconds` east of UTC shows `date` `time`.
    public init(date: LocalDate, time: LocalTime, offsetSeconds: Int) {
        let days = Int64(date.daysSinceEpoch)
        let localMicros = days * 86_400_000_000 + Int64(time.secondsSinceMidnight) * 1_000_000 + Int64(time.microsecond)
        self.microsecondsSinceEpoch = localMicros - Int64(offsetSeconds) * 1_000_000
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// This instant moved by whole minutes.
    public func adding(minutes: Int) -> Instant {
        Instant(microsecondsSinceEpoch: microsecondsSinceEpoch + Int64(minutes) * 60_000_000)
    }

    /// This instant moved by whole seconds.
    public func adding(seconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: microsecondsSinceEpoch + seconds * 1_000_000)
    }

    /// The wall-clock date and time at `offsetSeconds` east of UTC.
    public func local(offsetSeconds: Int) -> (date: LocalDate, time: LocalTime) {
        let local = microsecondsSinceEpoch + Int64(offsetSeconds) * 1_000_000
        let dayMicros: Int64 = 86_400_000_000
        var days = local / dayMicros
        var remainder = local % dayMicros
        if remainder < 0 {
            remainder += dayMicros
            days -= 1
        }
        let seconds = Int(remainder / 1_000_000)
        let time = LocalTime(
            hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
            microsecond: Int(remainder % 1_000_000))
        return (LocalDate(daysSinceEpoch: Int(days)), time)
    }

    /// ISO 8601 in UTC with microseconds: "2026-11-26T09:30:00.000000Z".
    public var description: String {
        let (date, time) = local(offsetSeconds: 0)
        return "\(date)T\(time.description).\(Instant.pad(time.microsecond, 6))Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Instant: SQLEncodable, SQLBytesDecodable {
    /// Sent with an explicit UTC offset, so the session time zone never matters.
    public var sqlParameter: String? {
        let (date, time) = local(offsetSeconds: 0)
        return "\(date) \(time.description).\(Instant.pad(time.microsecond, 6))+00"
    }

    /// Parses `timestamptz` text: "2026-11-26 09:30:00.123+00", "…+05:30", or ISO "…T…Z".
    public init?(sqlBytes: UnsafeBufferPointer<UInt8>) {
        var scanner = TemporalText(sqlBytes)
        guard let parsed = Instant.read(&scanner) else { return nil }
        self = parsed
    }

    private static func read(_ scanner: inout TemporalText) -> Instant? {
        guard let date = scanner.date(), scanner.skip(" ") || scanner.skip("T"), let time = scanner.time(),
            let offset = scanner.offsetSeconds(), scanner.isAtEnd
        else { return nil }
        return Instant(date: date, time: time, offsetSeconds: offset)
    }
}
