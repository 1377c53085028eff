import ClinicCore

/// The Patients screen: search as you type, a results table, and what is opened from it.
struct PatientsState: Equatable, Sendable {
    enum Focus: Equatable, Sendable { case search, results }

    var query = TextField(label: "Search", maxLength: 60)
    var focus: Focus = .search
    var results: [PatientSearchResult] = []
    /// The text the shown results belong to.
    var resultsQuery = ""
    var table = TableView()
    var pendingSearch: Int?
    var record: PatientRecordState?
    var registration: RegistrationState?
}

/// An opened patient.
struct PatientRecordState: Equatable, Sendable {
    var patientID: Int64
    var record: PatientRecord?
    var pendingRequest: Int?
    var scroll = 0
    var otp: OTPDialogState?
    /// Whether the phone was proven by a code (desk or web), and what the desk offers after that.
    var verification: PhoneVerification?
    var conversionOffer: PhoneConversionOffer?
    /// Who opened this record and when (the audit log's answer), once asked for with `v`.
    var viewers: [ClinicCore.PatientRecordView]?
}

/// The OTP dialog over a patient: send, count down, type the code the patient reads out.
struct OTPDialogState: Equatable, Sendable {
    var receipt: OTPSendReceipt?
    var code = TextField(label: "Code", maxLength: 6)
    var isBusy = true
    var result: UserMessageLine?
    var attemptsLeft = 5
    var isVerified = false
    /// Opened by `o` and not sent yet: a WhatsApp message costs money and counts against the patient's
    /// three sends in five minutes, so a stray key must not send one.
    var isConfirmingSend = false
}
