/// Draws every binding of the current screen, grouped, in a scrollable box over the screen.
enum HelpView {
    /// Columns between the box's inner edge and the description (keys sit in the 20 before it).
    static let textColumn = 25

    /// How wide a description may be in a help box `width` columns wide (the frame included).
    static func textWidth(boxWidth width: Int) -> Int { max(10, width - 2 - textColumn - 1) }

    /// The help's lines: group headings and "keys — help" rows, a long help wrapped onto lines of its own.
    static func lines(_ maps: [KeyMap<DeskAction>], textWidth: Int) -> [(keys: String, text: String, isHeading: Bool)] {
        var lines: [(keys: String, text: String, isHeading: Bool)] = []
        for map in maps {
            for group in map.grouped() {
                lines.append(("", group.group, true))
                for binding in group.bindings {
                    for (index, part) in wrap(binding.help, width: textWidth).enumerated() {
                        lines.append((index == 0 ? binding.keyNames : "", part, false))
                    }
                }
            }
        }
        return lines
    }

    /// Words onto lines of at most `width` display columns (a word longer than that is cut when drawn).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func render(_ maps: [KeyMap<DeskAction>], offset: Int, into buffer: inout ScreenBuffer, rect: Rect) {
        let inner = Frame.render(title: "Keys — ↑↓ PgUp PgDn scroll, Esc closes", into: &buffer, rect: rect)
        let all = lines(maps, textWidth: textWidth(boxWidth: rect.width))
        let start = min(max(0, offset), max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + row
            if line.isHeading {
                buffer.draw(line.text, x: inner.x + 1, y: y, style: .title, maxWidth: inner.width - 2)
            } else {
                buffer.draw(line.keys, x: inner.x + 3, y: y, style: .keyHint, maxWidth: 20)
                buffer.draw(line.text, x: inner.x + textColumn, y: y, style: .normal, maxWidth: max(0, inner.width - textColumn - 1))
            }
        }
        if start + inner.height < all.count {
            buffer.draw(" ↓ more ", x: inner.x + inner.width - 9, y: inner.y + inner.height, style: .keyHint)
        }
    }
}
