/// What a piece of text means on screen; the `Theme` decides how each role looks.
///
/// Screens and widgets only ever name roles, never colours, so the monochrome theme can show every
/// state with attributes and symbols alone.
enum StyleRole: Hashable, Sendable, CaseIterable {
    case normal
    case title
    case selection
    case muted
    case keyHint
    case danger
    case success
    case warning
    case slotFree
    case slotBooked
    case slotPaid
    case slotCheckedIn
    case slotBlocked
    case banner
    case statusBar
    case input
    case inputFocused
    case locked

    /// One character naming the role in `ScreenBuffer.styleDump()`, so tests can assert styles
    /// cell by cell.
    ///
    /// Legend: `.` normal, `T` title, `S` selection, `m` muted, `K` keyHint, `D` danger,
    /// `G` success, `W` warning, `f` slotFree, `b` slotBooked, `p` slotPaid, `c` slotCheckedIn,
    /// `x` slotBlocked, `B` banner, `=` statusBar, `i` input, `I` inputFocused, `L` locked.
    var dumpSymbol: Character {
        switch self {
        case .normal: return "."
        case .title: return "T"
        case .selection: return "S"
        case .muted: return "m"
        case .keyHint: return "K"
        case .danger: return "D"
        case .success: return "G"
        case .warning: return "W"
        case .slotFree: return "f"
        case .slotBooked: return "b"
        case .slotPaid: return "p"
        case .slotCheckedIn: return "c"
        case .slotBlocked: return "x"
        case .banner: return "B"
        case .statusBar: return "="
        case .input: return "i"
        case .inputFocused: return "I"
        case .locked: return "L"
        }
    }
}
