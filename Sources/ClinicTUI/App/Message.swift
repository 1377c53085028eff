import ClinicCore

/// What happened: a key, a tick of the clock, or an effect's result coming back.
enum Message: Equatable, Sendable {
    case key(Key)
    case tick(Instant)
    case resized(width: Int, height: Int)
    case signedIn(requestID: Int, DeskSession)
    case signInFailed(requestID: Int, UserMessageLine)
    case todayLoaded(requestID: Int, TodaySnapshot)
    case todayFailed(requestID: Int, UserMessageLine)
    case unlocked
    case unlockFailed(UserMessageLine)
    case databaseChanged([ChangeNotification])
    case connectionLost
    case connectionRestored
    case connectionStillDown(attempt: Int)
    case signedOut
    case patientsFound(requestID: Int, [PatientSearchResult])
    case patientOpened(requestID: Int, PatientRecord)
    case duplicatesChecked(requestID: Int, [PatientSearchResult])
    case patientRegistered(requestID: Int, PatientRecord)
    case patientUpdated(requestID: Int, PatientRecord)
    case patientRequestFailed(requestID: Int, UserMessageLine, problems: [PatientField: String])
    case otpSent(patientID: Int64, OTPSendReceipt)
    case otpChecked(patientID: Int64, OTPVerifyOutcome)
    /// A code or record action failed (shown in the code dialog when it is open, else on the message line).
    case otpFailed(UserMessageLine)
    case outboxCount(Int)
    case patientVerification(patientID: Int64, PhoneVerification?, PhoneConversionOffer?)
    case patientViewers(patientID: Int64, [ClinicCore.PatientRecordView])
    case patientRefreshed(PatientRecord)
    case gridLoaded(requestID: Int, GridData)
    case gridFailed(requestID: Int, UserMessageLine)
    case firstFreeFound(requestID: Int, AvailableSlot?)
    /// A grid cell's patient name (nil when it could not be read).
    case patientNameFound(appointmentID: Int64, String?)
    case setup(SetupResult)
    case booked(BookingReceipt)
    /// A booking or a move was refused; `slotTaken` means the grid must be read again.
    case bookingFailed(UserMessageLine, slotTaken: Bool)
    case moved(UserMessageLine)
    case appointmentChanged(UserMessageLine)
    case appointmentChangeFailed(UserMessageLine)
    case queuesLoaded(QueuesSnapshot)
    case exported(UserMessageLine)
    /// Words for the message line and nothing else (a read that failed without changing anything).
    case notice(UserMessageLine)
}

/// Today's appointments as read at one moment.
struct TodaySnapshot: Equatable, Sendable {
    var day: LocalDate
    var entries: [ScheduleEntry]
}
