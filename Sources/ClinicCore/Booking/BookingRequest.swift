/// A booking the desk makes for a patient.
public struct BookingRequest: Sendable, Equatable {
    public var patientID: Int64
    public var clinicianID: Int64
    public var centreID: Int64
    public var start: Instant
    /// IN_PERSON, ONLINE or FOLLOW_UP; nil takes the slot's mode.
    public var type: AppointmentType?
    /// Set (by a CENTRE_MANAGER or above) to overbook an occupied slot.
    public var overbookReason: String?
    /// The patient's own note (`patient_notes`).
    public var patientNotes: String?

    /// A request; see the properties.
    public init(
        patientID: Int64, clinicianID: Int64, centreID: Int64, start: Instant, type: AppointmentType? = nil,
        overbookReason: String? = nil, patientNotes: String? = nil
    ) {
        self.patientID = patientID
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.start = start
        self.type = type
        self.overbookReason = overbookReason
        self.patientNotes = patientNotes
    }
}

/// What was booked, for the confirmation dialog and the payment step.
public struct BookingReceipt: Sendable, Equatable {
    public var appointmentID: Int64
    public var start: Instant
    public var end: Instant
    public var localDate: LocalDate
    public var localTime: LocalTime
    public var type: AppointmentType
    public var clinicianName: String
    public var centreName: String
    public var patientName: String
    /// The clinician's fee (the web's fallback applied).
    public var fee: Money
    public var isOverbook: Bool
}

extension BookingSource {
    /// The web's `source` for a booking by `actor` at `centreID`: ADMIN_MANAGER for CENTRE_MANAGER and
    /// above, ADMIN_CARE_COORDINATOR, else ADMIN_FRONT_DESK.
    public static func forStaff(_ actor: StaffActor, centreID: Int64) -> BookingSource {
        let roles = actor.roles(atCentre: centreID)
        if !roles.isDisjoint(with: [.admin, .manager, .centreManager]) { return .adminManager }
        if roles.contains(.careCoordinator) { return .adminCareCoordinator }
        return .adminFrontDesk
    }
}
