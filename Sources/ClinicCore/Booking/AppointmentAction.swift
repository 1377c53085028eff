/// Something the desk (or the clinician) does to an appointment that changes its status, or checks
/// its status first. `StatusTransitions` says from which statuses each one may run.
public enum AppointmentAction: String, Sendable, CaseIterable {
    /// A payment succeeded (the payments step).
    case confirm
    /// The patient arrived (no status change: a check-in time and a queue token).
    case checkIn
    /// The clinician starts the session.
    case start
    /// The clinician ends the session.
    case complete
    /// The patient did not come (only after the start time).
    case markNoShow
    /// Staff cancel.
    case cancel
    /// A manager approves the patient's cancellation request.
    case approveCancellationRequest
    /// A manager declines it: back to CONFIRMED when paid, else BOOKED.
    case declineCancellationRequest
    /// A manager releases an unpaid hold (as the web's rollback does).
    case releaseHold
    /// Leave or a holiday cancels it (as the web's slot blocking does).
    case cancelForLeave
    /// Move to another time, keeping the status.
    case reschedule

    /// The action in plain words, for messages: "check in".
    public var verb: String {
        switch self {
        case .confirm: return "confirm"
        case .checkIn: return "check in"
        case .start: return "start the session of"
        case .complete: return "complete"
        case .markNoShow: return "mark as no-show"
        case .cancel: return "cancel"
        case .approveCancellationRequest: return "approve the cancellation request of"
        case .declineCancellationRequest: return "decline the cancellation request of"
        case .releaseHold: return "release the hold of"
        case .cancelForLeave: return "cancel for leave"
        case .reschedule: return "reschedule"
        }
    }
}
