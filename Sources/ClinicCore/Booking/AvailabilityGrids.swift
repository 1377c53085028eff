/// A centre's day: one row per clinician with rules there, each with its slots.
public struct DayGrid: Sendable {
    public var centre: CentreInfo
    public var day: LocalDate
    public var now: Instant
    public var rows: [ClinicianRow]

    /// Every slot start on the grid, in wall-clock order (the grid's columns).
    public var times: [LocalTime] { Array(Set(rows.flatMap { $0.slots.map(\.localTime) })).sorted() }
}

/// One clinician's slots on a grid.
public struct ClinicianRow: Sendable {
    public var clinician: ClinicianInfo
    public var slots: [Slot]
}

/// One clinician over seven days at a centre.
public struct WeekGrid: Sendable {
    public var centre: CentreInfo
    public var clinician: ClinicianInfo
    public var days: [(day: LocalDate, slots: [Slot])]
    public var now: Instant
}

/// What "next available" looks for.
public struct NextAvailableQuery: Sendable, Equatable {
    /// Only this centre (nil: every centre).
    public var centreID: Int64?
    /// Only clinicians whose `specialization` array holds this (case-insensitive).
    public var specialization: String?
    public var mode: ConsultationMode?
    /// Only clinicians whose visit is at least this long.
    public var minimumMinutes: Int?
    /// Only this clinician.
    public var clinicianID: Int64?
    /// Slots starting at or after this instant.
    public var after: Instant
    public var limit: Int
    /// How many days ahead to look.
    public var horizonDays: Int

    /// A query; see the properties.
    public init(
        after: Instant, centreID: Int64? = nil, specialization: String? = nil, mode: ConsultationMode? = nil,
        minimumMinutes: Int? = nil, clinicianID: Int64? = nil, limit: Int = 10, horizonDays: Int = 28
    ) {
        self.after = after
        self.centreID = centreID
        self.specialization = specialization
        self.mode = mode
        self.minimumMinutes = minimumMinutes
        self.clinicianID = clinicianID
        self.limit = limit
        self.horizonDays = horizonDays
    }
}

/// A free slot with its clinician, as "next available" lists it.
public struct AvailableSlot: Sendable, Hashable {
    public var slot: Slot
    public var clinician: ClinicianInfo
    public var centre: CentreInfo
}
