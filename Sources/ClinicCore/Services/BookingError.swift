/// Why a booking was refused, in terms a receptionist can act on.
public enum BookingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another active appointment of this clinician overlaps (whoever booked it, desk or web).
    case slotTaken
    /// The end is not after the start.
    case endNotAfterStart

    public var description: String {
        switch self {
        case .slotTaken:
            return "That slot was just taken. The grid has been refreshed; pick another time."
        case .endNotAfterStart:
            return "The appointment must end after it starts."
        }
    }

    /// The one place where database refusals of appointment writes become booking errors.
    /// Returns nil for errors that are not about the booking itself.
    public init?(_ error: DatabaseError) {
        switch (error.sqlState, error.constraint) {
        case ("23P01", "appointments_no_clinician_overlap"): self = .slotTaken
        case ("23514", "appointments_end_after_start"): self = .endNotAfterStart
        default: return nil
        }
    }
}
