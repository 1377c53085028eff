import ClinicCore

/// The day schedule: the working centre's appointments for one local day (today unless moved), a
/// timeline per clinician, and the manager's queues.
struct TodayState: Equatable, Sendable {
    enum View: Equatable, Sendable {
        case schedule
        case queues
    }

    /// A question on the message line: typed words, or a yes/no before a change that is hard to undo.
    enum Prompt: Equatable, Sendable {
        case cancelReason(appointmentID: Int64, TextField)
        case declineReason(appointmentID: Int64, TextField)
        case confirm(question: String, appointmentID: Int64, ScheduleCommand)
    }

    var snapshot: TodaySnapshot? {
        didSet {
            entries = TodayState.timeline(snapshot?.entries ?? [])
            // An open details panel follows the appointment as the schedule is read again (and closes when it is gone).
            if let id = details?.appointmentID { details = entries.first { $0.appointmentID == id } }
        }
    }
    /// The entries as the timeline shows them: by clinician, then by start (sorted once per read).
    private(set) var entries: [ScheduleEntry] = []
    var table = TableView()
    var pendingRequest: Int?
    /// A reload was asked for while one was in flight (live updates arrive in bursts).
    var reloadQueued = false
    /// The day shown; nil follows the centre's today.
    var day: LocalDate?
    var view: View = .schedule
    var queues: QueuesSnapshot?
    var queueTable = TableView()
    var prompt: Prompt?
    /// The appointment whose details are open.
    var details: ScheduleEntry?

    private static func timeline(_ entries: [ScheduleEntry]) -> [ScheduleEntry] {
        entries.sorted {
            ($0.clinicianName, $0.clinicianID, $0.start, $0.appointmentID) < ($1.clinicianName, $1.clinicianID, $1.start, $1.appointmentID)
        }
    }

    var selectedEntry: ScheduleEntry? { entries[safe: table.selectedRow] }

    var selectedQueueItem: QueueItem? {
        let items = queues?.items ?? []
        return items.indices.contains(queueTable.selectedRow) ? items[queueTable.selectedRow] : nil
    }
}

/// The manager's queues at one centre, as read at one moment.
struct QueuesSnapshot: Equatable, Sendable {
    var requests: [QueueEntry]
    var holds: [QueueEntry]
    var paidAfterRelease: [PaidReleasedEntry]

    /// One list: requests, then stale holds, then payments after release; the soonest visit first in each.
    var items: [QueueItem] {
        let soonestFirst = { (lhs: QueueEntry, rhs: QueueEntry) in (lhs.start, lhs.appointmentID) < (rhs.start, rhs.appointmentID) }
        return requests.sorted(by: soonestFirst).map(QueueItem.request) + holds.sorted(by: soonestFirst).map(QueueItem.hold)
            + paidAfterRelease.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map(QueueItem.paidAfterRelease)
    }
}

/// One line of the queues view.
enum QueueItem: Equatable, Sendable {
    case request(QueueEntry)
    case hold(QueueEntry)
    case paidAfterRelease(PaidReleasedEntry)
}
