/// Dates and times as a receptionist and a patient read them ("Fri 15 Jan 2027", "10:30 AM").
public enum DisplayDate {
    /// Short month names, January first.
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The month (1–12) a typed name starts with: "dec", "December"; nil for fewer than three letters.
    public static func month(named text: String) -> Int? { index(of: text, in: months).map { $0 + 1 } }
    /// Short weekday names, Sunday first (0 is Sunday, as the web stores rule days).
    public static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The weekday (0 = Sunday) a typed name starts with: "mon", "Monday", "THU"; nil for fewer than
    /// three letters or no match.
    public static func weekday(named text: String) -> Int? { text.contains(" ") ? nil : index(of: text, in: weekdays) }

    /// The position of the name that one word of at least three letters starts with.
    private static func index(of text: String, in names: [String]) -> Int? {
        let lowered = text.lowercased()
        guard lowered.count >= 3 else { return nil }
        return names.firstIndex { lowered.hasPrefix($0.lowercased()) }
    }

    /// "Fri 15 Jan 2027".
    public static func long(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "Fri 15 Jan".
    public static func short(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1])"
    }

    /// "Fri 15 Jan 10:30" (the status bar's clock).
    public static func shortWithClock(_ date: LocalDate, _ time: LocalTime) -> String { "\(short(date)) \(clock(time))" }

    /// "10:30 AM".
    public static func time(_ time: LocalTime) -> String {
        let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        return "\(hour12):\(Instant.pad(time.minute, 2)) \(time.hour < 12 ? "AM" : "PM")"
    }

    /// "10:30" (24-hour, for grids).
    public static func clock(_ time: LocalTime) -> String {
        "\(Instant.pad(time.hour, 2)):\(Instant.pad(time.minute, 2))"
    }
}
