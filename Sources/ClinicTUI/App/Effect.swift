import ClinicCore

/// Work the runtime does off the main actor; each ends in a `Message`.
enum Effect: Equatable, Sendable {
    case signIn(requestID: Int, login: String, password: String)
    case loadToday(requestID: Int, actor: StaffActor, centreID: Int64, day: LocalDate)
    case verifyUnlock(StaffActor, password: String)
    case signOut(StaffActor)
    /// Try the database again after `afterMilliseconds` (reconnect with backoff).
    case probeDatabase(attempt: Int, afterMilliseconds: Int)
    case searchPatients(requestID: Int, actor: StaffActor, text: String)
    case openPatient(requestID: Int, actor: StaffActor, patientID: Int64)
    case checkDuplicates(requestID: Int, actor: StaffActor, form: PatientRegistration)
    case registerPatient(requestID: Int, actor: StaffActor, form: PatientRegistration)
    case updatePatient(requestID: Int, actor: StaffActor, patientID: Int64, changes: PatientChanges)
    case sendOTP(actor: StaffActor, patientID: Int64)
    case verifyOTP(actor: StaffActor, patientID: Int64, code: String)
    case loadVerification(actor: StaffActor, patientID: Int64)
    case loadViewers(actor: StaffActor, patientID: Int64)
    /// Read an open record again (new messages, a converted phone) without auditing another view.
    case refreshPatient(actor: StaffActor, patientID: Int64)
    /// Store a legacy 10-digit phone in the web's login format, then reopen the patient.
    case convertPhone(requestID: Int, actor: StaffActor, patientID: Int64)
    /// Deliver waiting messages now and count what is left.
    case deliverOutbox
    /// The minute's background jobs: due reminders, and stale holds when the release policy is on.
    case backgroundJobs(actor: StaffActor, centreID: Int64)
    /// Read a centre's day grid, or (with a clinician) that clinician's week from `day`.
    case loadGrid(requestID: Int, actor: StaffActor, centreID: Int64, day: LocalDate, clinicianID: Int64?, specialization: String)
    /// A read or change on the Hours & leave screen.
    case setup(actor: StaffActor, SetupRequest)
    /// The patient's name for the selected grid cell.
    case lookUpPatientName(actor: StaffActor, appointmentID: Int64)
    /// Find the first free slot at the centre from `after`.
    case findFirstFree(requestID: Int, actor: StaffActor, centreID: Int64, specialization: String, after: Instant)
    case book(actor: StaffActor, BookingRequest)
    case walkIn(actor: StaffActor, patientID: Int64, centreID: Int64)
    case reschedule(actor: StaffActor, appointmentID: Int64, start: Instant, clinicianID: Int64, reason: String)
    case changeAppointment(actor: StaffActor, appointmentID: Int64, ScheduleCommand)
    case loadQueues(actor: StaffActor, centreID: Int64)
    /// Write the day list to a file (CSV or printable text) in the export folder.
    case exportDay(DayListExport)
    case redrawAll
    case quit
}

/// A change to one appointment from the day schedule or the queues.
enum ScheduleCommand: Equatable, Sendable {
    /// Cannot be taken back from the desk (a no-show is final, a cancellation tells the patient), so a
    /// question about it is answered with y, not the Enter that also opens details.
    var needsExplicitYes: Bool { self != .checkIn }

    /// How a question about this command is answered, as drawn beside it.
    var answerHint: String { needsExplicitYes ? "y: yes  other: no" : "Enter: yes  Esc: no" }

    case checkIn
    case start
    case complete
    case noShow
    case cancel(reason: String, override: Bool)
    case approveRequest
    case declineRequest(reason: String)
    case releaseHold
    case resolvePaid(entryID: Int64, restore: Bool)
}
