import ClinicCore

/// Work the runtime does off the main actor; each ends in a `Message`.
enum Effect: Equatable, Sendable {
    case signIn(requestID: Int, login: String, password: String)
    case loadToday(requestID: Int, actor: StaffActor, centreID: Int64, day: LocalDate)
    case verifyUnlock(StaffActor, password: String)
    case signOut(StaffActor)
    /// Try the database again after `afterMilliseconds` (reconnect with backoff).
    case probeDatabase(attempt: Int, afterMilliseconds: Int)
    case redrawAll
    case quit
}
