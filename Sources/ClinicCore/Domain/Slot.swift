/// One grid cell: a clinician's slot at a centre, with what occupies it.
public struct Slot: Sendable, Hashable {
    public var clinicianID: Int64
    public var centreID: Int64
    /// When a visit booked here starts.
    public var start: Instant
    /// The end of the grid slot (start + the rule's slot length).
    public var end: Instant
    /// The start on the centre's wall clock.
    public var localDate: LocalDate
    public var localTime: LocalTime
    public var mode: ConsultationMode
    public var state: SlotState
    /// The appointment shown in the cell, when one overlaps it.
    public var appointment: BusyAppointment?
    /// Whether an overbook sits in this slot too.
    public var hasOverbook: Bool

    /// True when a visit of the clinician's length can be booked here (the "free" cells).
    public var isBookable: Bool { state == .free }

    /// A slot as generated.
    public init(
        clinicianID: Int64, centreID: Int64, start: Instant, end: Instant, localDate: LocalDate, localTime: LocalTime,
        mode: ConsultationMode, state: SlotState, appointment: BusyAppointment? = nil, hasOverbook: Bool = false
    ) {
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.start = start
        self.end = end
        self.localDate = localDate
        self.localTime = localTime
        self.mode = mode
        self.state = state
        self.appointment = appointment
        self.hasOverbook = hasOverbook
    }
}

/// What a grid cell shows.
public enum SlotState: String, Sendable, CaseIterable, Hashable {
    /// Bookable: a whole visit fits and nothing overlaps it.
    case free
    /// An unpaid appointment holds it.
    case bookedUnpaid
    /// A paid (SUCCESS payment) appointment holds it.
    case paid
    /// The patient has checked in.
    case checkedIn
    /// The session is under way.
    case inSession
    /// The session is over.
    case completed
    /// Leave, a holiday, a blocked slot or an old slot exception.
    case blocked
    /// The clinician is booked at another centre then.
    case busyElsewhere
    /// A whole visit (the clinician's length) would run past the end of the window, or into the next visit.
    case tooShort
    /// It has started already.
    case past
}
