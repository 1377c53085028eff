/// Why a staff sign-in (or an unlock) was refused, in words a receptionist can act on.
///
/// An unknown login and a wrong password give the same error, so the desk never tells a stranger
/// which logins exist. The account's state (inactive, no role) is only revealed to someone who typed
/// its correct password.
public enum SignInError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No staff account with that username or phone, or the password does not match.
    case wrongLoginOrPassword
    /// Too many failed attempts; sign-in is refused until this instant.
    case locked(until: Instant)
    /// The account has been deactivated (`users.is_active = false`).
    case inactive
    /// The account holds no active role.
    case noActiveRole
    /// A CLINICIAN without an active clinician profile (refused, as the web refuses it).
    case clinicianProfileMissing

    /// India's offset from UTC; sign-in happens before a centre (and its time zone) is chosen.
    static let indiaOffsetSeconds = 19_800

    public var description: String {
        switch self {
        case .wrongLoginOrPassword:
            return "Wrong login or password. Check both and try again."
        case .locked(let until):
            // Rounded up to the minute, so trying again at the time shown always works.
            let roundedUp = Instant(microsecondsSinceEpoch: until.microsecondsSinceEpoch + 59_999_999)
            let time = roundedUp.local(offsetSeconds: SignInError.indiaOffsetSeconds).time
            let clock = "\(Instant.pad(time.hour, 2)):\(Instant.pad(time.minute, 2))"
            return "Too many wrong passwords: this account is locked until \(clock) (IST). "
                + "Try again then, or ask an admin to set a new password."
        case .inactive:
            return "This staff account has been deactivated. Ask an admin if you should still have access."
        case .noActiveRole:
            return "This staff account has no active role. Ask an admin to assign a role and centre."
        case .clinicianProfileMissing:
            return "This clinician account has no active clinician profile. Ask an admin to set it up."
        }
    }
}
