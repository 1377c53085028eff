/// One entry of a screen's key table: the keys, the action they trigger, and the words the footer,
/// the `?` help and the command palette show for it. Footer, help and palette all render from
/// these tables; no hint line is written by hand.
struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    /// The keys that trigger the action; the first is the one the footer shows.
    var keys: [Key]
    /// What the screen does.
    var action: Action
    /// A short name for the footer and the palette ("Book", "Search").
    var title: String
    /// One sentence for the help screen and the palette.
    var help: String
    /// The heading this binding is listed under in help.
    var group: String
    /// Whether the footer may show it (help and the palette always list it).
    var showsInFooter: Bool

    /// Creates a binding.
    init(keys: [Key], action: Action, title: String, help: String, group: String, showsInFooter: Bool = true) {
        self.keys = keys
        self.action = action
        self.title = title
        self.help = help
        self.group = group
        self.showsInFooter = showsInFooter
    }

    /// The key the footer shows, e.g. "F2".
    var primaryKeyName: String { keys.first?.displayName ?? "" }

    /// All keys for help, e.g. "F1 / ?".
    var keyNames: String { keys.map(\.displayName).joined(separator: " / ") }
}

/// Whether an action can be used right now, as the footer and palette show it.
enum BindingAvailability: Hashable, Sendable {
    /// Shown and usable.
    case visible
    /// Shown muted: it exists here but cannot be used now (e.g. nothing selected).
    case greyed
    /// Not shown at all (e.g. the staff member's role does not allow it).
    case hidden
}
