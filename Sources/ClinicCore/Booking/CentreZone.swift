import Foundation

/// A centre's time zone: wall-clock dates and times to instants and back, daylight saving included.
public struct CentreZone: Sendable, Hashable {
    /// The zone Foundation resolved (India for a name it does not know, as `desk_local_day` does).
    public let zone: TimeZone

    /// The zone named `name`; India when the name is unknown.
    public init(named name: String) {
        zone = TimeZone(identifier: name) ?? TimeZone(identifier: "Asia/Kolkata") ?? TimeZone(secondsFromGMT: 19_800) ?? .current
    }

    /// Whether this is India's clock (+05:30 all year), the only zone the web handles.
    public var isIndia: Bool {
        zone.identifier == "Asia/Kolkata" || zone.identifier == "Asia/Calcutta"
    }

    /// The offset from UTC in force at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.microsecondsSinceEpoch / 1_000_000)))
    }

    /// The instant the wall clock shows `date` `time`; nil when that time does not exist (skipped by a
    /// daylight-saving change). Of a repeated time, the earlier instant.
    public func instant(_ date: LocalDate, _ time: LocalTime) -> Instant? {
        let asUTC = Instant(date: date, time: time, offsetSeconds: 0)
        // The offset can only be one of those in force a day either side.
        let candidates = Set([-1, 0, 1].map { offsetSeconds(at: asUTC.adding(seconds: Int64($0) * 86_400)) })
        let matches = candidates.map { Instant(date: date, time: time, offsetSeconds: $0) }
            .filter { local($0) == (date, time) }
        return matches.min()
    }

    /// The one offset in force all through the local `day`, or nil on a day the offset changes (a
    /// daylight-saving transition). Slot generation converts a whole day with it instead of asking the
    /// zone database once per slot.
    public func fixedOffset(on day: LocalDate) -> Int? {
        let first = offsetSeconds(at: Instant(date: day, time: LocalTime(hour: 0, minute: 0), offsetSeconds: 14 * 3600))
        let last = offsetSeconds(at: Instant(date: day.adding(days: 1), time: LocalTime(hour: 0, minute: 0), offsetSeconds: -12 * 3600))
        return first == last ? first : nil
    }

    /// The wall-clock date and time of `instant`.
    public func local(_ instant: Instant) -> (date: LocalDate, time: LocalTime) {
        instant.local(offsetSeconds: offsetSeconds(at: instant))
    }

    /// Local midnight of `day` (or the first instant of the day when midnight is skipped).
    public func startOfDay(_ day: LocalDate) -> Instant {
        if let midnight = instant(day, LocalTime(hour: 0, minute: 0)) { return midnight }
        for minutes in stride(from: 15, through: 180, by: 15) {
            if let first = instant(day, LocalTime(hour: minutes / 60, minute: minutes % 60)) { return first }
        }
        return Instant(
            date: day, time: LocalTime(hour: 0, minute: 0),
            offsetSeconds: offsetSeconds(at: Instant(date: day, time: LocalTime(hour: 12, minute: 0), offsetSeconds: 0)))
    }
}
