/// Choosing the centre to work at, when the staff member's roles reach more than one.
struct CentrePickerState: Equatable, Sendable {
    var table = TableView()
    /// Opened from work (F9) rather than at sign-in: Esc goes back to the centre already chosen.
    var canGoBack = false
}
