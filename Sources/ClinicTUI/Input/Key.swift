/// A key press (or a paste, or a resize) as screens see it, whatever the terminal sent.
enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case insert
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1, F2, … as `.function(1)`, `.function(2)`, ….
    case function(Int)
    /// A control chord, named by its lowercase letter: Ctrl-A is `.control("a")`.
    case control(Character)
    /// Alt (Meta) plus a character: Alt-x is `.alt("x")`.
    case alt(Character)
    /// The terminal changed size.
    case resize
    /// Text pasted at once (bracketed paste, or a burst of characters in one read).
    case paste(String)

    /// The key as help, the footer and the palette name it: "F2", "Ctrl-P", "Alt-x", "Esc",
    /// "Enter", "PgDn", "?", "Space".
    var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        case .control(" "): return "Ctrl-Space"
        case .control(let character): return "Ctrl-\(character.uppercased())"
        case .alt(let character): return "Alt-\(character)"
        case .resize: return "Resize"
        case .paste: return "Paste"
        }
    }
}
