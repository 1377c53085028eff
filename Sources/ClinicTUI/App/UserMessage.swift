import ClinicCore

/// The one place where errors from ClinicCore become words for the receptionist.
enum UserMessage {
    static func line(for error: Error) -> UserMessageLine {
        UserMessageLine(.error, text(for: error))
    }

    static func text(for error: Error) -> String {
        switch error {
        case let error as SignInError: return error.description
        case let error as AccessError: return error.description
        case let error as BookingError: return error.description
        case let error as AppointmentError: return error.description
        case let error as ScheduleError: return error.description
        case let error as PatientError: return error.description
        case let error as OTPError: return error.description
        case DatabaseError.connectionLost, DatabaseError.connectionFailed:
            return "The database cannot be reached. Your work is kept; the desk reconnects by itself."
        case let error as DatabaseError:
            if case .schemaVersionMismatch = error { return error.description }
            return "The database refused the change. Nothing was saved. (\(error.sqlState ?? "?"))"
        default:
            return "Something went wrong: \(error). Nothing was saved."
        }
    }

    /// True for errors that mean the database is unreachable (show the banner, reconnect).
    static func isConnectionProblem(_ error: Error) -> Bool {
        switch error {
        case DatabaseError.connectionLost, DatabaseError.connectionFailed: return true
        default: return false
        }
    }
}
