/// A full-width, one-line notice above the screen for something that affects everything, such as
/// "Database connection lost — reconnecting (attempt 3)…".
struct Banner: Equatable, Sendable {
    /// The notice.
    var text: String
    /// Its style; the banner role unless a screen needs another.
    var style: StyleRole

    /// Creates a banner.
    init(_ text: String, style: StyleRole = .banner) {
        self.text = text
        self.style = style
    }

    /// Fills the first row of `rect` in the banner style and draws the text one column in,
    /// truncated with "…".
    func render(into buffer: inout ScreenBuffer, rect: Rect) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, style: style)
        let inner = line.inset(horizontal: 1, vertical: 0)
        buffer.draw(text, x: inner.x, y: line.y, style: style, clip: inner, maxWidth: inner.width)
    }
}
