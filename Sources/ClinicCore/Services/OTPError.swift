/// Why the desk could not send or check a WhatsApp OTP, in words a receptionist can act on.
///
/// Descriptions never contain the code or a full phone number.
public enum OTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No active patient with this id.
    case patientNotFound(patientID: Int64)
    /// Neither the patient nor their household holder has a phone that can be an Indian mobile number.
    case noMobileNumber(patientID: Int64)
    /// Three codes were sent to this phone in the last 5 minutes (desk and web together).
    case tooManySends(nextAllowedAt: Instant)
    /// The code typed is not six digits; no attempt was used.
    case invalidCodeFormat
    /// The patient's phone is not in the legacy 10-digit form, or was not verified, so there is nothing to convert.
    case conversionNotOffered(patientID: Int64)
    /// The web already has an account with this phone in its login format: merge the two instead.
    case phoneHeldByWebAccount(otherPatientID: Int64?)

    public var description: String {
        switch self {
        case .patientNotFound(let id):
            return "Patient \(id) was not found (or is no longer active)."
        case .noMobileNumber:
            return "This patient has no Indian mobile number to send a code to. Add one (or link them to the household holder) first."
        case .tooManySends(let next):
            return
                "Three codes were already sent to this phone in the last 5 minutes. The next one can be sent at \(OTPError.indiaTime(next)) (India time)."
        case .invalidCodeFormat:
            return "The code is six digits. Type exactly the six digits the patient reads out."
        case .conversionNotOffered:
            return "This patient's phone does not need converting (it is already in the web's format or not verified)."
        case .phoneHeldByWebAccount(let other):
            let who = other.map { "patient \($0)" } ?? "another account"
            return "The web already has \(who) with this phone number. Merge the two records instead."
        }
    }

    /// "16:42:05" in India (+05:30), for messages.
    static func indiaTime(_ instant: Instant) -> String {
        let (_, time) = instant.local(offsetSeconds: 19_800)
        return "\(Instant.pad(time.hour, 2)):\(Instant.pad(time.minute, 2)):\(Instant.pad(time.second, 2))"
    }
}
