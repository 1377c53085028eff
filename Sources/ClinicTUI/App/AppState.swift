import ClinicCore

/// Everything the desk shows, in one value. Only `DeskUpdate.update` changes it.
struct AppState: Equatable, Sendable {
    enum Phase: Equatable, Sendable {
        case signIn
        case choosingCentre
        case working
    }

    enum Overlay: Equatable, Sendable {
        case help(offset: Int)
        case palette(PaletteState)
        case confirmQuit
        case confirmSignOut
        /// W books at once into the next free slot (and messages the patient): asked first.
        case confirmWalkIn(patientID: Int64, name: String, centreID: Int64)
    }

    enum Screen: Equatable, Sendable {
        case today
        case patients
        case availability
        case setup
    }

    enum Connection: Equatable, Sendable {
        case connected
        case lost(attempt: Int)
    }

    var phase: Phase = .signIn
    var size: (width: Int, height: Int) = (80, 24)
    var signIn = SignInState()
    var session: DeskSession?
    var centrePicker = CentrePickerState()
    var today = TodayState()
    var screen: Screen = .today
    var patients = PatientsState()
    var availability = AvailabilityState()
    var setup = SetupState()
    /// Messages waiting for delivery (the status bar shows them); nil until first counted.
    var undelivered: Int?
    var lastDeliveryRunAt: Instant?
    var overlay: Overlay?
    var lock: LockState?
    var message: UserMessageLine?
    var connection: Connection = .connected
    /// The latest instant the runtime reported (wall clock, UTC).
    var now = Instant(microsecondsSinceEpoch: 0)
    var lastInputAt = Instant(microsecondsSinceEpoch: 0)
    var idleLockMinutes = 5
    var nextRequestID = 1
    var isQuitting = false

    static func == (lhs: AppState, rhs: AppState) -> Bool {
        lhs.phase == rhs.phase && lhs.size == rhs.size && lhs.signIn == rhs.signIn && lhs.session == rhs.session
            && lhs.centrePicker == rhs.centrePicker && lhs.today == rhs.today && lhs.overlay == rhs.overlay
            && lhs.screen == rhs.screen && lhs.patients == rhs.patients && lhs.availability == rhs.availability
            && lhs.setup == rhs.setup
            && lhs.undelivered == rhs.undelivered
            && lhs.lock == rhs.lock && lhs.message == rhs.message && lhs.connection == rhs.connection
            && lhs.now == rhs.now && lhs.lastInputAt == rhs.lastInputAt && lhs.isQuitting == rhs.isQuitting
    }

    /// A fresh request id, so late answers to older requests can be recognised and dropped.
    mutating func makeRequestID() -> Int {
        defer { nextRequestID += 1 }
        return nextRequestID
    }

    /// True when leaving would lose something typed.
    var hasUnsavedInput: Bool {
        switch phase {
        case .signIn: return !signIn.login.text.isEmpty || !signIn.password.text.isEmpty
        case .choosingCentre: return false
        case .working: return unsavedWork != nil
        }
    }

    static let unsavedHours = "the unsaved weekly hours"

    /// What typed work a change of centre or sign-out would lose, in the receptionist's words.
    var unsavedWork: String? {
        if let booking = availability.booking, !booking.isBooked { return "the booking being made" }
        if today.prompt != nil { return "what is typed on Today" }
        if setup.leaveForm != nil { return "the leave form" }
        if setup.windowForm != nil { return "the hours form" }
        if setup.policyForm != nil { return "the policies form" }
        if setup.hasUnsavedHours { return AppState.unsavedHours }
        if let form = patients.registration, form.hasUnsavedChanges {
            return form.editing.map { "the changes to \($0.fullName)'s details" } ?? "the new patient's details"
        }
        return nil
    }

    /// When the desk locks itself if no key arrives.
    var idleDeadline: Instant? {
        guard phase == .working, lock == nil, idleLockMinutes > 0 else { return nil }
        return lastInputAt.adding(minutes: idleLockMinutes)
    }

    /// The patient open on the Patients screen (the one the grid books for).
    var openPatient: (id: Int64, name: String, identity: String)? {
        guard let record = patients.record?.record else { return nil }
        // MRN and phone: two patients of one name must not be mixed up when booking.
        let phone = record.phone?.display ?? record.holder?.phoneDisplay.map { "\($0) (family)" }
        let identity = [record.mrn, phone].compactMap { $0 }.joined(separator: " · ")
        return (record.patientID, record.fullName, identity)
    }

    /// True while a countdown is on screen (the loop then ticks every second).
    var needsSecondTicks: Bool { patients.record?.otp?.receipt != nil && screen == .patients }
}

/// The signed-in staff member and where they work.
struct DeskSession: Equatable, Sendable {
    var actor: StaffActor
    var centres: [CentreChoice]
    var centre: CentreChoice

    /// The centre's local wall clock for `instant`.
    func local(_ instant: Instant) -> (date: LocalDate, time: LocalTime) {
        instant.local(offsetSeconds: centre.offsetSeconds)
    }
}

/// A centre the staff member may work at.
struct CentreChoice: Equatable, Sendable {
    var id: Int64
    var name: String
    var city: String
    var timeZone: String
    var offsetSeconds: Int
}
