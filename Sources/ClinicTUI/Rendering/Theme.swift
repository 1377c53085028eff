/// Maps every `StyleRole` to terminal attributes, plus a symbol for roles whose meaning must not
/// depend on colour.
///
/// Two themes exist: `colour`, and `monochrome` for `NO_COLOR` or terminals without colours. The
/// monochrome theme uses only bold, underline, reverse and dim, and adds symbols, so every state a
/// receptionist must tell apart (selection, errors, warnings, a locked screen, free, booked and
/// blocked slots) still looks different.
struct Theme: Sendable {
    /// "colour" or "monochrome", for logs and the benchmark report.
    let name: String
    private let attributesByRole: [StyleRole: TerminalAttributes]
    private let symbolsByRole: [StyleRole: String]

    /// Creates a theme from a total mapping of roles, so no role can be forgotten.
    init(name: String, attributes: (StyleRole) -> TerminalAttributes, symbols: (StyleRole) -> String?) {
        self.name = name
        var attributesByRole: [StyleRole: TerminalAttributes] = [:]
        var symbolsByRole: [StyleRole: String] = [:]
        for role in StyleRole.allCases {
            attributesByRole[role] = attributes(role)
            symbolsByRole[role] = symbols(role)
        }
        self.attributesByRole = attributesByRole
        self.symbolsByRole = symbolsByRole
    }

    /// How `role` looks.
    func attributes(for role: StyleRole) -> TerminalAttributes {
        attributesByRole[role] ?? .plain
    }

    /// The one-column symbol a view draws next to (or instead of) text in `role`, when the theme
    /// needs one for the state to be recognisable; nil when the style alone suffices.
    ///
    /// Both themes give slots their symbols (free "·", booked "●", paid "₹", checked in "✓",
    /// blocked "×") so the slot grid reads the same everywhere; the monochrome theme also marks
    /// danger "!", warning "⚠" and success "✓", which the colour theme shows in red, yellow and
    /// green.
    func symbol(for role: StyleRole) -> String? {
        symbolsByRole[role]
    }

    /// The theme for this terminal: monochrome when `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or the terminal has no colours, colour otherwise.
    static func choose(environment: [String: String], terminalHasColours: Bool) -> Theme {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty {
            return .monochrome
        }
        return terminalHasColours ? .colour : .monochrome
    }

    // MARK: - Colour

    /// The colour theme: the eight standard colours on the terminal's own background.
    static let colour = Theme(name: "colour", attributes: colourAttributes, symbols: slotSymbol)

    private static func colourAttributes(_ role: StyleRole) -> TerminalAttributes {
        switch role {
        case .normal: return .plain
        case .title: return TerminalAttributes(bold: true)
        case .selection: return TerminalAttributes(foreground: .white, background: .blue, bold: true)
        case .muted: return TerminalAttributes(dim: true)
        case .keyHint: return TerminalAttributes(foreground: .cyan, bold: true)
        case .danger: return TerminalAttributes(foreground: .red, bold: true)
        case .success: return TerminalAttributes(foreground: .green, bold: true)
        case .warning: return TerminalAttributes(foreground: .yellow, bold: true)
        case .slotFree: return TerminalAttributes(foreground: .green)
        case .slotBooked: return TerminalAttributes(foreground: .yellow)
        case .slotPaid: return TerminalAttributes(foreground: .cyan)
        case .slotCheckedIn: return TerminalAttributes(foreground: .magenta, bold: true)
        case .slotBlocked: return TerminalAttributes(foreground: .red, dim: true)
        case .banner: return TerminalAttributes(foreground: .black, background: .yellow, bold: true)
        case .statusBar: return TerminalAttributes(reverse: true)
        case .input: return TerminalAttributes(underline: true)
        case .inputFocused: return TerminalAttributes(foreground: .cyan, bold: true, underline: true)
        case .locked: return TerminalAttributes(foreground: .white, background: .blue, bold: true, reverse: true)
        }
    }

    private static func slotSymbol(_ role: StyleRole) -> String? {
        switch role {
        case .slotFree: return "·"
        case .slotBooked: return "●"
        case .slotPaid: return "₹"
        case .slotCheckedIn: return "✓"
        case .slotBlocked: return "×"
        default: return nil
        }
    }

    // MARK: - Monochrome

    /// The theme without colours: attributes and symbols only.
    static let monochrome = Theme(name: "monochrome", attributes: monochromeAttributes, symbols: monochromeSymbol)

    private static func monochromeAttributes(_ role: StyleRole) -> TerminalAttributes {
        switch role {
        case .normal: return .plain
        case .title: return TerminalAttributes(bold: true)
        case .selection: return TerminalAttributes(reverse: true)
        case .muted: return TerminalAttributes(dim: true)
        case .keyHint: return TerminalAttributes(bold: true)
        case .danger: return TerminalAttributes(bold: true, underline: true)
        case .success: return TerminalAttributes(bold: true)
        case .warning: return TerminalAttributes(underline: true)
        case .slotFree: return TerminalAttributes(dim: true)
        case .slotBooked: return TerminalAttributes(bold: true)
        case .slotPaid: return TerminalAttributes(bold: true)
        case .slotCheckedIn: return TerminalAttributes(underline: true)
        case .slotBlocked: return TerminalAttributes(dim: true)
        case .banner: return TerminalAttributes(bold: true, reverse: true)
        case .statusBar: return TerminalAttributes(reverse: true)
        case .input: return TerminalAttributes(underline: true)
        case .inputFocused: return TerminalAttributes(underline: true, reverse: true)
        case .locked: return TerminalAttributes(bold: true, reverse: true)
        }
    }

    private static func monochromeSymbol(_ role: StyleRole) -> String? {
        switch role {
        case .danger: return "!"
        case .warning: return "⚠"
        case .success: return "✓"
        default: return slotSymbol(role)
        }
    }
}
