/// The ten `appointments.status` values the web writes (web-schema.md §1.4).
public enum AppointmentStatus: String, Sendable, CaseIterable, Hashable {
    case booked = "BOOKED"
    case confirmed = "CONFIRMED"
    case inProgress = "IN_PROGRESS"
    case pending = "PENDING"
    case rescheduled = "RESCHEDULED"
    case completed = "COMPLETED"
    case cancelled = "CANCELLED"
    case cancelledByAdmin = "CANCELLED_BY_ADMIN"
    case cancellationRequested = "CANCELLATION_REQUESTED"
    case noShow = "NO_SHOW"

    /// No transition leaves a final status.
    public var isFinal: Bool {
        switch self {
        case .cancelled, .cancelledByAdmin, .noShow, .completed: return true
        default: return false
        }
    }

    /// How the desk treats the status: RESCHEDULED (written by the web's staff reschedule) is
    /// CONFIRMED when a SUCCESS payment exists and BOOKED otherwise; PENDING (never written) is BOOKED.
    public func effective(paid: Bool) -> AppointmentStatus {
        switch self {
        case .rescheduled: return paid ? .confirmed : .booked
        case .pending: return .booked
        default: return self
        }
    }

    /// The status in a receptionist's words.
    public var displayName: String {
        switch self {
        case .booked: return "Booked"
        case .confirmed: return "Confirmed"
        case .inProgress: return "In session"
        case .pending: return "Pending"
        case .rescheduled: return "Rescheduled"
        case .completed: return "Completed"
        case .cancelled: return "Cancelled"
        case .cancelledByAdmin: return "Cancelled (clinic)"
        case .cancellationRequested: return "Cancel requested"
        case .noShow: return "No-show"
        }
    }
}
