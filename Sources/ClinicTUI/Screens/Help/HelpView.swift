/// Draws every binding of the current screen, grouped, in a scrollable box over the screen.
enum HelpView {
    /// The help's lines: group headings and "keys — help" rows.
    static func lines(_ maps: [KeyMap<DeskAction>]) -> [(keys: String, text: String, isHeading: Bool)] {
        var lines: [(keys: String, text: String, isHeading: Bool)] = []
        for map in maps {
            for group in map.grouped() {
                lines.append(("", group.group, true))
                lines += group.bindings.map { ($0.keyNames, $0.help, false) }
            }
        }
        return lines
    }

    static func render(_ maps: [KeyMap<DeskAction>], offset: Int, into buffer: inout ScreenBuffer, rect: Rect) {
        let inner = Frame.render(title: "Keys — ↑↓ PgUp PgDn scroll, Esc closes", into: &buffer, rect: rect)
        let all = lines(maps)
        let start = min(max(0, offset), max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isHeading {
                buffer.draw(line.text, x: inner.x + 1, y: y, style: .title, maxWidth: inner.width - 2)
            } else {
                buffer.draw(line.keys, x: inner.x + 3, y: y, style: .keyHint, maxWidth: 20)
                buffer.draw(line.text, x: inner.x + 25, y: y, style: .normal, maxWidth: max(0, inner.width - 26))
            }
        }
        if start + inner.height < all.count {
            buffer.draw(" ↓ more ", x: inner.x + inner.width - 9, y: inner.y + inner.height, style: .keyHint)
        }
    }
}
