/// The eight standard terminal colours, the only ones every colour terminal has.
enum TerminalColour: Hashable, Sendable, CaseIterable {
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
}
