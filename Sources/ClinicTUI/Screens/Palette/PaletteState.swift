/// The command palette: type part of an action's name, pick it, run it.
struct PaletteState: Equatable, Sendable {
    var query = TextField(label: "Command", maxLength: 60)
    var table = TableView()
}
