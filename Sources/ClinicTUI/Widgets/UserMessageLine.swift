/// The one-line message under a screen's content: what just happened, in plain words.
///
/// Success and error messages carry a "✓ " or "✗ " prefix as well as their style, so they can be
/// told apart without colour.
struct UserMessageLine: Equatable, Sendable {
    /// What kind of news the message is.
    enum Kind: Equatable, Sendable {
        case info
        case success
        case error
    }

    /// The kind, which picks the style and prefix.
    var kind: Kind
    /// The message, already in receptionist language.
    var text: String

    /// Creates a message.
    init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// The prefix that marks the kind without colour.
    var prefix: String {
        switch kind {
        case .info: return ""
        case .success: return "✓ "
        case .error: return "✗ "
        }
    }

    /// The style role of the message.
    var style: StyleRole {
        switch kind {
        case .info: return .normal
        case .success: return .success
        case .error: return .danger
        }
    }

    /// Draws the message on the first row of `rect`, truncated with "…", clearing the rest of
    /// the row.
    func render(into buffer: inout ScreenBuffer, rect: Rect) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, style: .normal)
        buffer.draw(prefix + text, x: line.x, y: line.y, style: style, clip: line, maxWidth: line.width)
    }
}
