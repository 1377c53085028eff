/// Dates and times as a receptionist and a patient read them ("Fri 15 Jan 2027", "10:30 AM").
public enum DisplayDate {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// "Fri 15 Jan 2027".
    public static func long(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "Fri 15 Jan".
    public static func short(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday]) \(date.day) \(months[date.month - 1])"
    }

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
