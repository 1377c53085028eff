/// Everything a key, the palette or a button can ask the desk to do.
enum DeskAction: Hashable, Sendable {
    case showToday
    case showPatients
    case registerPatient
    case openSelected
    case sendCode
    case convertPhone
    case showViewers
    case showHelp
    case openPalette
    case lock
    case redraw
    case quit
    case back
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case top
    case bottom
    case refresh
    case switchCentre
    case signOut
    case submit
    case nextField
    case previousField
}

/// The key bindings of each context, as data: the footer, `?` help and the palette render from them.
enum DeskKeyMaps {
    /// Available on every signed-in screen; F-keys and Ctrl keys also reach past a focused text field.
    static let global = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.function(1), .character("?")], action: .showHelp, title: "Help",
            help: "Show every key of this screen, grouped.", group: "General"),
        KeyBinding(
            keys: [.control("p"), .character(":")], action: .openPalette, title: "Commands",
            help: "Find any action by typing part of its name.", group: "General"),
        KeyBinding(
            keys: [.function(2), .character("1")], action: .showToday, title: "Today",
            help: "Today's appointments at your centre.", group: "Screens"),
        KeyBinding(
            keys: [.function(3), .character("2")], action: .showPatients, title: "Patients",
            help: "Find, register and verify patients.", group: "Screens"),
        KeyBinding(
            keys: [.function(9)], action: .switchCentre, title: "Centre",
            help: "Work at another of your centres.", group: "Session"),
        KeyBinding(
            keys: [.function(12)], action: .lock, title: "Lock",
            help: "Lock the desk now; your work stays as it is.", group: "Session"),
        KeyBinding(
            keys: [.function(10)], action: .signOut, title: "Sign out",
            help: "Sign out and return to the sign-in screen.", group: "Session", showsInFooter: false),
        KeyBinding(
            keys: [.control("l")], action: .redraw, title: "Redraw",
            help: "Redraw the whole screen.", group: "General", showsInFooter: false),
        KeyBinding(
            keys: [.character("q"), .control("q")], action: .quit, title: "Quit",
            help: "Quit clinic-desk (asks first when something is unsaved).", group: "General"),
        KeyBinding(
            keys: [.escape], action: .back, title: "Back",
            help: "Close the open panel or go back.", group: "General", showsInFooter: false),
    ])

    /// The Today screen.
    static let today = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.down, .character("j")], action: .moveDown, title: "Down",
            help: "Select the next appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.up, .character("k")], action: .moveUp, title: "Up",
            help: "Select the previous appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.pageDown], action: .pageDown, title: "Page down",
            help: "Scroll one screen down.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.pageUp], action: .pageUp, title: "Page up",
            help: "Scroll one screen up.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.home, .character("g")], action: .top, title: "First",
            help: "Jump to the first appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.end, .character("G")], action: .bottom, title: "Last",
            help: "Jump to the last appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("r")], action: .refresh, title: "Refresh",
            help: "Read today's appointments again (they also refresh by themselves).", group: "Today"),
    ])

    /// The Patients screen (shown in help and the footer; the screen's own keys act as described).
    static let patients = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.control("n")], action: .registerPatient, title: "Register",
            help: "Register a walk-in patient.", group: "Patients"),
        KeyBinding(
            keys: [.enter], action: .openSelected, title: "Open",
            help: "Open the selected patient (from the search box: the first result).", group: "Patients"),
        KeyBinding(
            keys: [.tab], action: .nextField, title: "Box/list",
            help: "Move between the search box and the results; in a form, to the next field.", group: "Patients"),
        KeyBinding(
            keys: [.character("o")], action: .sendCode, title: "Send code",
            help: "In a patient's record: send a WhatsApp code to verify their phone.", group: "Patients"),
        KeyBinding(
            keys: [.character("c")], action: .convertPhone, title: "Convert phone",
            help: "In a verified patient's record: store an old 10-digit phone in the web's format.", group: "Patients",
            showsInFooter: false),
        KeyBinding(
            keys: [.character("v")], action: .showViewers, title: "Who looked",
            help: "In a patient's record (managers): list who opened it and when, from the audit log.", group: "Patients",
            showsInFooter: false),
        KeyBinding(
            keys: [.control("s")], action: .submit, title: "Save",
            help: "In the registration form: check for duplicates, then save.", group: "Patients", showsInFooter: false),
        KeyBinding(
            keys: [.control("r")], action: .refresh, title: "New code",
            help: "In the code dialog: send a new code when allowed.", group: "Patients", showsInFooter: false),
    ])

    /// Forms (sign-in, unlock): the field has focus, so only these keys act.
    static let form = KeyMap<DeskAction>([
        KeyBinding(keys: [.enter], action: .submit, title: "Sign in", help: "Send the form.", group: "Form"),
        KeyBinding(keys: [.tab, .down], action: .nextField, title: "Next field", help: "Move to the next field.", group: "Form"),
        KeyBinding(
            keys: [.backTab, .up], action: .previousField, title: "Previous field",
            help: "Move to the previous field.", group: "Form", showsInFooter: false),
        KeyBinding(keys: [.control("q")], action: .quit, title: "Quit", help: "Quit clinic-desk.", group: "General"),
    ])

    /// Keys that reach the screen even while a text field has focus.
    static func isPriority(_ key: Key) -> Bool {
        switch key {
        case .escape, .function, .control("p"), .control("q"), .control("l"), .control("n"), .control("s"), .control("r"), .enter,
            .tab, .backTab, .resize:
            return true
        default: return false
        }
    }
}
