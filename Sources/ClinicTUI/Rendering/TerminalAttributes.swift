/// How one style role looks on the terminal: colours and attributes the backend turns into ncurses
/// colour pairs and `A_*` flags.
struct TerminalAttributes: Hashable, Sendable {
    /// Text colour; nil keeps the terminal's default.
    var foreground: TerminalColour?
    /// Background colour; nil keeps the terminal's own background (`use_default_colors`), so the
    /// desk looks right on light and dark terminals alike.
    var background: TerminalColour?
    /// `A_BOLD`.
    var bold: Bool
    /// `A_UNDERLINE`.
    var underline: Bool
    /// `A_REVERSE`: foreground and background swapped.
    var reverse: Bool
    /// `A_DIM`; some terminals ignore it, so it never carries meaning alone.
    var dim: Bool

    /// Creates attributes; everything off and default colours unless given.
    init(
        foreground: TerminalColour? = nil, background: TerminalColour? = nil,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's default look.
    static let plain = TerminalAttributes()
}
