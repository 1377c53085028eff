/// The desk's one table of appointment status changes, over all ten web statuses.
///
/// Rows are the *effective* status (`AppointmentStatus.effective(paid:)`: RESCHEDULED behaves as
/// CONFIRMED when paid, else BOOKED; PENDING as BOOKED). Final statuses (CANCELLED,
/// CANCELLED_BY_ADMIN, NO_SHOW, COMPLETED) allow nothing. CANCELLATION_REQUESTED leaves only through
/// the manager's queue.
public enum StatusTransitions {
    /// For each action, the effective statuses it may start from.
    public static let allowedFrom: [AppointmentAction: Set<AppointmentStatus>] = [
        .confirm: [.booked],
        .checkIn: [.booked, .confirmed],
        .start: [.confirmed],
        .complete: [.inProgress],
        .markNoShow: [.booked, .confirmed],
        .cancel: [.booked, .confirmed, .inProgress],
        .approveCancellationRequest: [.cancellationRequested],
        .declineCancellationRequest: [.cancellationRequested],
        .releaseHold: [.booked],
        .cancelForLeave: [.booked, .confirmed, .cancellationRequested],
        .reschedule: [.booked, .confirmed],
    ]

    /// The status an action leaves the appointment in, or nil when it may not run from `status`.
    /// `paid` is whether a SUCCESS payment exists (it decides RESCHEDULED and a declined request).
    public static func target(of action: AppointmentAction, from status: AppointmentStatus, paid: Bool) -> AppointmentStatus? {
        let effective = status.effective(paid: paid)
        guard !status.isFinal, allowedFrom[action]?.contains(effective) == true else { return nil }
        switch action {
        case .confirm: return .confirmed
        case .checkIn, .reschedule: return status
        case .start: return .inProgress
        case .complete: return .completed
        case .markNoShow: return .noShow
        case .cancel, .approveCancellationRequest, .releaseHold: return .cancelled
        case .declineCancellationRequest: return paid ? .confirmed : .booked
        case .cancelForLeave: return .cancelledByAdmin
        }
    }

    /// Every status an appointment in `status` can move to by some action (the table's row).
    public static func reachable(from status: AppointmentStatus, paid: Bool) -> Set<AppointmentStatus> {
        Set(AppointmentAction.allCases.compactMap { target(of: $0, from: status, paid: paid) }).subtracting([status])
    }
}
