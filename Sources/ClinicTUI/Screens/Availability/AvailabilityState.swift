import ClinicCore

/// The availability screen: a centre's day (clinicians × slots) or one clinician's week, a cursor over
/// the cells, and the booking dialog.
struct AvailabilityState: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        case day
        case week
    }

    /// A one-line question in the header (date, filter, reason).
    enum Prompt: Equatable, Sendable {
        case goToDate(TextField)
        case specialization(TextField)
    }

    var mode: Mode = .day
    /// The centre shown (one of the staff member's); nil until first opened.
    var centreID: Int64?
    var day: LocalDate?
    var specialization = ""
    var grid: GridData?
    var row = 0
    var column = 0
    /// The first time column shown (horizontal scrolling).
    var firstColumn = 0
    var pendingRequest: Int?
    var reloadQueued = false
    var prompt: Prompt?
    var booking: BookingDialogState?
    /// The booking type chosen last; kept when a slot was just taken and another is picked.
    var draftType: AppointmentType?
    /// Set when the screen was opened to move an appointment: Enter moves it instead of booking.
    var moving: MovingAppointment?
    /// The clinician whose week is shown in week mode.
    var weekClinicianID: Int64?
    /// Where the cursor goes once the next grid arrives ("first free").
    var focusAfterLoad: Slot?
    /// A walk-in booking is on its way (a second W waits for it instead of booking twice).
    var walkInPending = false

    /// Patients' names by appointment, read one at a time for the cell under the cursor.
    var patientNames: [Int64: String] = [:]
    /// Appointments whose patient's name is being read (or could not be; a new grid tries again).
    var nameLookups: Set<Int64> = []

    /// The name of the patient in the cell under the cursor, once read.
    var selectedPatientName: String? {
        selectedSlot?.appointment.flatMap { patientNames[$0.id] }
    }

    /// The cell under the cursor.
    var selectedSlot: Slot? {
        guard let grid, grid.rows.indices.contains(row), grid.times.indices.contains(column) else { return nil }
        return grid.rows[row].slots[column]
    }
}

/// The grid as drawn: row labels, time columns, and per row one optional slot per column.
struct GridData: Equatable, Sendable {
    struct Row: Equatable, Sendable {
        var label: String
        var clinician: ClinicianInfo
        var day: LocalDate
        var slots: [Slot?]
    }

    var title: String
    var zoneWarning: String? { centre.zoneWarning }
    var times: [LocalTime]
    var rows: [Row]
    var centre: CentreInfo

    /// A centre's day: clinicians as rows.
    init(day grid: DayGrid) {
        centre = grid.centre
        title = "\(grid.centre.name) — \(DisplayDate.long(grid.day))"
        let times = grid.times
        self.times = times
        rows = grid.rows.map { row in
            let byTime = Dictionary(row.slots.map { ($0.localTime, $0) }, uniquingKeysWith: { first, _ in first })
            return Row(label: row.clinician.name, clinician: row.clinician, day: grid.day, slots: times.map { byTime[$0] })
        }
    }

    /// One clinician's week: days as rows.
    init(week: WeekGrid) {
        centre = week.centre
        let first = week.days.first?.day
        title = "\(week.clinician.name) at \(week.centre.name) — week from \(first.map(DisplayDate.short) ?? "")"
        let times = Array(Set(week.days.flatMap { $0.slots.map(\.localTime) })).sorted()
        self.times = times
        rows = week.days.map { entry in
            let byTime = Dictionary(entry.slots.map { ($0.localTime, $0) }, uniquingKeysWith: { first, _ in first })
            return Row(label: DisplayDate.short(entry.day), clinician: week.clinician, day: entry.day, slots: times.map { byTime[$0] })
        }
    }
}

/// Booking one slot for the open patient.
struct BookingDialogState: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        /// Check the details; Enter books.
        case confirm
        /// A manager overbooks an occupied slot: a reason is needed.
        case overbookReason
        /// Moving an appointment: why.
        case moveReason
        case sending
        case booked(BookingReceipt)
    }

    /// The patient booked for; nil while moving a visit (it keeps its patient).
    var patientID: Int64?
    var patientName: String
    /// MRN and phone, shown beside the name.
    var patientIdentity = ""
    /// While moving: where the visit is now, as shown ("Fri 27 Nov 11:00 with Dr. Meera Iyer").
    var movingFrom: MovingAppointment?
    var slot: Slot
    var clinician: ClinicianInfo
    var centreName: String
    var type: AppointmentType
    var step: Step = .confirm
    var reason = TextField(label: "Reason", maxLength: 200)
    var error: String?

    /// Done: the receipt is on screen and nothing typed would be lost by leaving.
    var isBooked: Bool {
        if case .booked = step { return true }
        return false
    }
}

/// An appointment being moved from the grid, and the screen to go back to once it is.
struct MovingAppointment: Equatable, Sendable {
    var appointmentID: Int64
    var patientName: String
    /// Where it is now (centre-local) and with whom.
    var start: Instant?
    var clinicianName: String?
    var type: AppointmentType?
    /// Its centre (a visit moves within it); nil: the working centre.
    var centreID: Int64?
    var returnTo: AppState.Screen

    /// A visit on today's schedule.
    init(_ entry: ScheduleEntry) {
        appointmentID = entry.appointmentID
        patientName = entry.patientName
        start = entry.start
        clinicianName = entry.clinicianName
        type = AppointmentType(rawValue: entry.type)
        centreID = nil
        returnTo = .today
    }

    /// A visit in a manager's list (leave over booked visits).
    init(
        appointmentID: Int64, patientName: String, start: Instant? = nil, clinicianName: String? = nil, centreID: Int64,
        returnTo: AppState.Screen
    ) {
        self.appointmentID = appointmentID
        self.patientName = patientName
        self.start = start
        self.clinicianName = clinicianName
        self.type = nil
        self.centreID = centreID
        self.returnTo = returnTo
    }
}
