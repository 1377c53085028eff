/// A box with a single-line border and a title, cleared inside; returns the inner rectangle.
enum Frame {
    @discardableResult
    static func render(title: String, into buffer: inout ScreenBuffer, rect: Rect, style: StyleRole = .normal) -> Rect {
        guard rect.width >= 4, rect.height >= 3 else { return rect }
        buffer.fill(rect, style: style)
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for x in rect.x...right {
            buffer.draw("─", x: x, y: rect.y, style: style)
            buffer.draw("─", x: x, y: bottom, style: style)
        }
        for y in rect.y...bottom {
            buffer.draw("│", x: rect.x, y: y, style: style)
            buffer.draw("│", x: right, y: y, style: style)
        }
        buffer.draw("┌", x: rect.x, y: rect.y, style: style)
        buffer.draw("┐", x: right, y: rect.y, style: style)
        buffer.draw("└", x: rect.x, y: bottom, style: style)
        buffer.draw("┘", x: right, y: bottom, style: style)
        buffer.draw(" \(title) ", x: rect.x + 2, y: rect.y, style: .title, maxWidth: rect.width - 4)
        return Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    }
}
