/// Why a staff administration request was refused, in words that say what to change.
public enum StaffAdministrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The username breaks the rule: 3 to 50 characters of a–z, 0–9, dot, underscore and hyphen.
    case invalidUsername(String)
    /// Another account already has this username.
    case usernameTaken(String)
    /// The full name is empty or longer than 150 characters.
    case invalidFullName
    /// Not an Indian mobile number (10 digits starting with 6–9).
    case invalidPhone
    /// Another staff account (or any account with exactly this number) already uses the phone.
    case phoneTaken
    /// The e-mail address does not look like one, or is longer than 255 characters.
    case invalidEmail
    /// Another account already has this e-mail address.
    case emailTaken
    /// The password is shorter than the minimum.
    case passwordTooShort(minimum: Int)
    /// A centre-scoped role was given no centre.
    case centreRequired(StaffRole)
    /// ADMIN and MANAGER work at every centre; a centre was given anyway.
    case centreNotAllowed(StaffRole)
    /// No active centre has this id.
    case unknownCentre(Int64)
    /// Clinicians need a clinician profile (fee, duration, primary centre) that the desk does not create.
    case clinicianNeedsProfile
    /// No staff account has this login.
    case staffNotFound(login: String)
    /// Disabling this account would leave no active admin.
    case lastActiveAdmin

    public var description: String {
        switch self {
        case .invalidUsername(let username):
            return "The username \"\(username)\" is not allowed: use 3 to 50 characters, only lower-case letters a–z, "
                + "digits, dot, underscore or hyphen (for example frontdesk.blr)."
        case .usernameTaken(let username):
            return "The username \"\(username)\" is already taken. Choose another one."
        case .invalidFullName:
            return "The full name must not be empty and must be at most 150 characters."
        case .invalidPhone:
            return "The phone must be an Indian mobile number: 10 digits starting with 6, 7, 8 or 9 (a +91 or 0 in front is fine)."
        case .phoneTaken:
            return "This phone number already belongs to another account."
        case .invalidEmail:
            return "The e-mail address does not look right (name@example.com, at most 255 characters)."
        case .emailTaken:
            return "This e-mail address already belongs to another account."
        case .passwordTooShort(let minimum):
            return "The password must be at least \(minimum) characters long."
        case .centreRequired(let role):
            return "A \(role.displayName.lowercased()) works at a centre: give at least one centre (--centre ID)."
        case .centreNotAllowed(let role):
            return "\(role.displayName)s work at every centre: leave out the centre."
        case .unknownCentre(let id):
            return "There is no active centre with id \(id)."
        case .clinicianNeedsProfile:
            return "Clinicians are added with their clinician profile (fee, session length, primary centre) "
                + "in the web admin panel; the desk adds other staff only."
        case .staffNotFound(let login):
            return "No staff account has the login \"\(login)\"."
        case .lastActiveAdmin:
            return "This is the last active admin; add another admin before disabling this one."
        }
    }
}
