import Foundation

/// The sign-in form: login (username or phone) and password.
struct SignInState: Equatable, Sendable {
    enum Field: Equatable, Sendable { case login, password }

    var login = TextField(label: "Username or phone", maxLength: 50)
    var password = TextField(label: "Password", maxLength: 128, isSecure: true)
    var focus: Field = .login
    /// The request in flight, if any; answers to other requests are ignored.
    var pendingRequest: Int?
    var error: String?

    var isBusy: Bool { pendingRequest != nil }

    /// Which form field gets printable keys.
    mutating func withFocusedField<T>(_ body: (inout TextField) -> T) -> T {
        switch focus {
        case .login: return body(&login)
        case .password: return body(&password)
        }
    }

    /// What is wrong with the form, in words, or nil when it can be sent.
    var validationError: String? {
        if login.text.trimmingCharacters(in: .whitespaces).isEmpty { return "Type your username or phone number." }
        if password.text.isEmpty { return "Type your password." }
        return nil
    }
}
