/// One active `clinician_availability_rules` row: a weekly window at a centre, in the centre's wall clock.
public struct AvailabilityRule: Sendable, Hashable {
    public var id: Int64
    public var clinicianID: Int64
    public var centreID: Int64
    /// 0 = Sunday … 6 = Saturday (the web's `day_of_week`).
    public var weekday: Int
    public var start: LocalTime
    public var end: LocalTime
    /// The grid's step (`slot_duration_minutes`); the visit length is the clinician's own.
    public var slotMinutes: Int
    public var mode: ConsultationMode

    /// A rule as stored.
    public init(
        id: Int64, clinicianID: Int64, centreID: Int64, weekday: Int, start: LocalTime, end: LocalTime,
        slotMinutes: Int, mode: ConsultationMode
    ) {
        self.id = id
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.weekday = weekday
        self.start = start
        self.end = end
        self.slotMinutes = slotMinutes
        self.mode = mode
    }

    /// The minutes after midnight its slots start at: every `slotMinutes` from the start while the slot
    /// ends by the end (the web's generator). None for a slot length of 0.
    public var slotStartMinutes: StrideThrough<Int> {
        guard slotMinutes > 0 else { return stride(from: 1, through: 0, by: 1) }
        return stride(from: start.minutesSinceMidnight, through: end.minutesSinceMidnight - slotMinutes, by: slotMinutes)
    }
}
