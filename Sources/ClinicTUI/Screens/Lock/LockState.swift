/// The lock screen: covers everything and shows no patient data until the same user unlocks.
struct LockState: Equatable, Sendable {
    var password = TextField(label: "Password", maxLength: 128, isSecure: true)
    var isChecking = false
    var error: String?
    /// Asked "discard the signed-in user's work and sign in as someone else?".
    var isConfirmingSwitch = false
}
