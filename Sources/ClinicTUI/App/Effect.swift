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
    case redrawAll
    case quit
}
