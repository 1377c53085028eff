/// Choosing the centre to work at, when the staff member's roles reach more than one.
struct CentrePickerState: Equatable, Sendable {
    var table = TableView()
}
