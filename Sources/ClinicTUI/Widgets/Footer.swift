/// The key-hint line at the bottom of every screen, rendered from the screen's `KeyMap`.
///
/// Each entry is drawn as "<key> <title>", the key in the keyHint style and the title in the
/// normal style (both muted when greyed), entries separated by two spaces. Entries are taken in
/// order while they fit whole; the first that does not fit ends the line, so an entry is never
/// cut and the most useful ones (listed first) always win.
enum Footer {
    /// One hint: a key name, a short title and whether the action is usable now.
    struct Entry: Equatable, Sendable {
        var keyName: String
        var title: String
        var availability: BindingAvailability

        /// Creates an entry.
        init(keyName: String, title: String, availability: BindingAvailability = .visible) {
            self.keyName = keyName
            self.title = title
            self.availability = availability
        }
    }

    /// What separates two entries.
    static let separator = "  "

    /// Columns one entry takes: key, a space, title.
    static func width(keyName: String, title: String) -> Int {
        DisplayWidth.of(keyName) + 1 + DisplayWidth.of(title)
    }

    /// The entries `render` shows in `width` columns: hidden ones dropped, then as many whole
    /// entries as fit, in order.
    static func fitting(_ entries: [Entry], width: Int) -> [Entry] {
        var used = 0
        var shown: [Entry] = []
        for entry in entries where entry.availability != .hidden {
            let needed = (shown.isEmpty ? 0 : DisplayWidth.of(separator)) + Self.width(keyName: entry.keyName, title: entry.title)
            guard used + needed <= width else { break }
            used += needed
            shown.append(entry)
        }
        return shown
    }

    /// Draws the entries on the first row of `rect`, clearing the rest of the row.
    static func render(_ entries: [Entry], into buffer: inout ScreenBuffer, rect: Rect) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        buffer.fill(line, style: .normal)
        var x = line.x
        for (index, entry) in fitting(entries, width: line.width).enumerated() {
            if index > 0 {
                x += buffer.draw(separator, x: x, y: line.y, style: .normal, clip: line)
            }
            let isGreyed = entry.availability == .greyed
            x += buffer.draw(entry.keyName, x: x, y: line.y, style: isGreyed ? .muted : .keyHint, clip: line)
            x += buffer.draw(" " + entry.title, x: x, y: line.y, style: isGreyed ? .muted : .normal, clip: line)
        }
    }

    /// Draws `(keyName, title, availability)` triples; see `render(_:into:rect:)`.
    static func render(
        _ entries: [(keyName: String, title: String, availability: BindingAvailability)],
        into buffer: inout ScreenBuffer, rect: Rect
    ) {
        render(entries.map { Entry(keyName: $0.keyName, title: $0.title, availability: $0.availability) }, into: &buffer, rect: rect)
    }
}
