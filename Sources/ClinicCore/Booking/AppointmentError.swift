/// Why a booking or an appointment change was refused, in words a receptionist can act on.
public enum AppointmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case appointmentNotFound(Int64)
    case clinicianNotFound(Int64)
    case patientNotFound(Int64)
    case centreNotFound(Int64)
    /// The action may not run from the appointment's current status.
    case notFromStatus(AppointmentAction, AppointmentStatus)
    /// Someone else changed the appointment between reading and writing it.
    case changedMeanwhile
    /// The time is not a free slot of the clinician at that centre.
    case slotNotAvailable(String)
    /// A reason is needed (cancel, overbook, override, leave).
    case reasonRequired(String)
    /// The 24-hour rule refused a cancel or a reschedule.
    case within24Hours(AppointmentAction)
    case noShowBeforeStart
    case checkInOnAnotherDay
    case overbookCapReached(cap: Int)
    /// An overbook needs a slot the clinician works in.
    case overbookOutsideHours
    case noFreeSlotToday
    case holdHasPaymentLink
    case holdIsPaid
    case holdTooRecent(minutes: Int)
    case notAHold
    case leaveDatesInvalid(String)
    case notCoveredByLeave
    case ruleInvalid(String)
    case policyInvalid(String)
    /// Policies apply at every centre: only a role over every centre may change them.
    case policiesNeedChainWideRole

    public var description: String {
        switch self {
        case .appointmentNotFound(let id): return "Appointment \(id) was not found; it may have been removed. Refresh the schedule."
        case .clinicianNotFound(let id): return "Clinician \(id) was not found or is no longer active."
        case .patientNotFound(let id): return "Patient \(id) was not found or is no longer active."
        case .centreNotFound(let id): return "Centre \(id) was not found or is closed."
        case .notFromStatus(let action, let status):
            return "You cannot \(action.verb) an appointment that is \(status.displayName.lowercased())."
        case .changedMeanwhile:
            return "Someone else changed this appointment a moment ago. The schedule has been refreshed; check it and try again."
        case .slotNotAvailable(let why): return "That time cannot be booked: \(why)."
        case .reasonRequired(let what): return "Please give a reason \(what)."
        case .within24Hours(let action):
            return "24-hour rule: so close to the visit, only a centre manager can \(action == .reschedule ? "move" : "cancel") it."
        case .noShowBeforeStart: return "A patient can be marked no-show only after the appointment's start time."
        case .checkInOnAnotherDay: return "Patients can be checked in only on the day of their appointment."
        case .overbookCapReached(let cap):
            return "This clinician already has \(cap) overbook\(cap == 1 ? "" : "s") that day, the most the clinic allows."
        case .overbookOutsideHours: return "An overbook must be at a slot within the clinician's hours that is not blocked or past."
        case .noFreeSlotToday: return "No free slot is left today at this centre. A centre manager can overbook."
        case .holdHasPaymentLink: return "This hold has a payment link out; it is not released while the patient may still pay."
        case .holdIsPaid: return "This appointment is paid; it is not a stale hold."
        case .holdTooRecent(let minutes): return "This hold is younger than \(minutes) minutes, the clinic's stale-hold age."
        case .notAHold: return "Only an unpaid booked appointment is a hold that can be released."
        case .leaveDatesInvalid(let why): return "Those leave dates cannot be used: \(why)."
        case .notCoveredByLeave: return "That appointment is not inside this leave's blocked slots."
        case .ruleInvalid(let why): return "That availability rule is not valid: \(why)."
        case .policyInvalid(let why): return "That setting is not valid: \(why)."
        case .policiesNeedChainWideRole:
            return
                "Only a Manager or Administrator (not a centre manager) can change policies."
        }
    }
}
