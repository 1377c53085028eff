/// Leave or a holiday as the desk lists it.
public struct LeaveSummary: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case leave = "LEAVE"
        case holiday = "HOLIDAY"
    }

    public var id: Int64
    public var kind: Kind
    /// The clinician on leave; nil for a holiday.
    public var clinicianName: String?
    /// The centre closed; nil for leave (it covers every centre of the clinician).
    public var centreName: String?
    public var firstDay: LocalDate
    public var lastDay: LocalDate
    public var reason: String
    /// Slots it still blocks.
    public var blockedSlots: Int

    /// A summary as read.
    public init(
        id: Int64, kind: Kind, clinicianName: String?, centreName: String?, firstDay: LocalDate, lastDay: LocalDate, reason: String,
        blockedSlots: Int
    ) {
        self.id = id
        self.kind = kind
        self.clinicianName = clinicianName
        self.centreName = centreName
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.reason = reason
        self.blockedSlots = blockedSlots
    }

    /// "Leave: Dr. Iyer" or "Holiday: Indiranagar".
    public var title: String {
        switch kind {
        case .leave: return "Leave: \(clinicianName ?? "?")"
        case .holiday: return "Holiday: \(centreName ?? "?")"
        }
    }
}
