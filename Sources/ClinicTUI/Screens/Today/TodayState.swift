import ClinicCore

/// The Today screen: the working centre's appointments for its local today.
struct TodayState: Equatable, Sendable {
    var snapshot: TodaySnapshot?
    var table = TableView()
    var pendingRequest: Int?
    /// A reload was asked for while one was in flight (live updates arrive in bursts).
    var reloadQueued = false

    var entries: [ScheduleEntry] { snapshot?.entries ?? [] }
}
