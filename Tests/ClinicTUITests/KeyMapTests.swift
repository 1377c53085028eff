import Testing

@testable import ClinicTUI

@Suite("key map")
struct KeyMapTests {
    enum Action: Hashable, Sendable {
        case help, palette, today, patients, book, cancel, search, quit, refund, checkIn
    }

    static let bindings: [KeyBinding<Action>] = [
        KeyBinding(
            keys: [.function(1), .character("?")], action: .help, title: "Help", help: "Show every key for this screen.", group: "General"),
        KeyBinding(
            keys: [.control("p"), .character(":")], action: .palette, title: "Commands", help: "Find any action by name.", group: "General"),
        KeyBinding(
            keys: [.function(2), .character("1")], action: .today, title: "Today", help: "Open today's schedule.", group: "Screens"),
        KeyBinding(
            keys: [.function(3), .character("2")], action: .patients, title: "Patients", help: "Search and register patients.",
            group: "Screens"),
        KeyBinding(
            keys: [.character("b")], action: .book, title: "Book", help: "Book an appointment for the selected patient.",
            group: "Appointments"),
        KeyBinding(
            keys: [.character("c")], action: .checkIn, title: "Check in", help: "Mark the patient as arrived.", group: "Appointments"),
        KeyBinding(
            keys: [.character("x")], action: .cancel, title: "Cancel", help: "Cancel the appointment and notify the patient.",
            group: "Appointments"),
        KeyBinding(
            keys: [.character("/")], action: .search, title: "Search", help: "Search patients by name, phone or ID.", group: "Screens",
            showsInFooter: false),
        KeyBinding(
            keys: [.character("r")], action: .refund, title: "Refund", help: "Refund a payment (centre managers only).", group: "Payments"),
        KeyBinding(
            keys: [.control("q")], action: .quit, title: "Quit", help: "Leave clinic-desk, asking first if anything is unsaved.",
            group: "General"),
    ]

    @Test("the sample table has no duplicate keys and help for every action")
    func validTable() {
        let map = KeyMap(Self.bindings)
        #expect(map.duplicateKeys().isEmpty)
        #expect(map.bindingsWithoutHelp().isEmpty)
    }

    @Test("keys look up their action")
    func lookup() {
        let map = KeyMap(Self.bindings)
        #expect(map.action(for: .character("?")) == .help)
        #expect(map.action(for: .function(1)) == .help)
        #expect(map.action(for: .control("p")) == .palette)
        #expect(map.action(for: .character("z")) == nil)
    }

    @Test("a key bound twice is reported, and the first binding wins")
    func duplicates() {
        var bindings = Self.bindings
        bindings.append(
            KeyBinding(keys: [.character("b"), .function(2)], action: .refund, title: "Bill", help: "Bill.", group: "Payments"))
        bindings.append(KeyBinding(keys: [.character("b")], action: .refund, title: "Bill", help: "Bill.", group: "Payments"))
        let map = KeyMap(bindings)
        #expect(map.duplicateKeys() == [.character("b"), .function(2)])
        #expect(map.action(for: .character("b")) == .book)
    }

    @Test("an action without help or title is reported")
    func missingHelp() {
        var bindings = Self.bindings
        bindings.append(KeyBinding(keys: [.function(9)], action: .refund, title: "Refund", help: "  ", group: "Payments"))
        bindings.append(KeyBinding(keys: [.function(10)], action: .cancel, title: "", help: "Cancel.", group: "Payments"))
        #expect(KeyMap(bindings).bindingsWithoutHelp() == [.refund, .cancel])
    }

    @Test("help groups keep the table's order")
    func grouping() {
        let groups = KeyMap(Self.bindings).grouped()
        #expect(groups.map(\.group) == ["General", "Screens", "Appointments", "Payments"])
        #expect(groups[0].bindings.map(\.action) == [.help, .palette, .quit])
        #expect(groups[1].bindings.map(\.action) == [.today, .patients, .search])
    }

    @Test(
        "palette search ranks title prefixes first and ignores case, accents and word order",
        arguments: [
            ("c", [Action.palette, .checkIn, .cancel, .search, .help, .today, .patients, .book, .refund, .quit]),
            ("CANCEL", [.cancel]),
            ("che", [.checkIn, .today]),
            ("in check", [.checkIn]),
            ("patient", [.patients, .book, .checkIn, .cancel, .search]),
            ("pátient book", [.book]),
            ("refund manager", [.refund]),
            ("zzz", []),
        ])
    func search(query: String, expected: [Action]) {
        #expect(KeyMap(Self.bindings).search(query).map(\.action) == expected)
    }

    @Test("an empty palette query lists everything in order")
    func emptySearch() {
        #expect(KeyMap(Self.bindings).search("  ").map(\.action) == Self.bindings.map(\.action))
    }

    @Test("the footer shows whole entries that fit, skipping hidden ones and footer-less ones")
    func footer() {
        let map = KeyMap(Self.bindings)
        let availability: (Action) -> BindingAvailability = { action in
            switch action {
            case .refund: return .hidden
            case .cancel: return .greyed
            default: return .visible
            }
        }
        // "F1 Help" (7) + 2 + "Ctrl-P Commands" (15) + 2 + "F2 Today" (8) = 34
        #expect(map.footerBindings(width: 34, availability: availability).map(\.action) == [.help, .palette, .today])
        #expect(map.footerBindings(width: 33, availability: availability).map(\.action) == [.help, .palette])
        let all = map.footerEntries(width: 200, availability: availability)
        #expect(all.map(\.title) == ["Help", "Commands", "Today", "Patients", "Book", "Check in", "Cancel", "Quit"])
        #expect(all[6].availability == .greyed)
    }

    @Test("the footer renders keys as hints, greyed entries muted, never cut mid-entry")
    func footerRendering() {
        var buffer = ScreenBuffer(width: 24, height: 1)
        Footer.render(
            [
                Footer.Entry(keyName: "F1", title: "Help"),
                Footer.Entry(keyName: "x", title: "Cancel", availability: .greyed),
                Footer.Entry(keyName: "r", title: "Refund", availability: .hidden),
                Footer.Entry(keyName: "F2", title: "Today"),
            ], into: &buffer, rect: Rect(width: 24, height: 1))
        #expect(buffer.plainText() == "F1 Help  x Cancel       ")
        #expect(buffer.styleDump() == "KK.......mmmmmmmm.......")
    }

    @Test("key names for help and the footer")
    func displayNames() {
        #expect(Key.function(2).displayName == "F2")
        #expect(Key.control("p").displayName == "Ctrl-P")
        #expect(Key.alt("x").displayName == "Alt-x")
        #expect(Key.escape.displayName == "Esc")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.pageDown.displayName == "PgDn")
        #expect(Key.character("?").displayName == "?")
        #expect(Key.character(" ").displayName == "Space")
        #expect(KeyMap(Self.bindings).binding(for: .help)?.keyNames == "F1 / ?")
    }
}
