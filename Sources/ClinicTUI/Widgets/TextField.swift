/// A single-line text input with the editing keys terminal users expect.
///
/// `cursor` and `maxLength` count graphemes (what the receptionist sees as characters), so a
/// Devanagari conjunct or an emoji is one step of the cursor. A focused field gets printable keys
/// before the screen's bindings do; `handle(_:)` returns false for every key it does not use
/// (Esc, Enter, Tab, F-keys, Ctrl-P, Ctrl-Q, …) so those still reach the screen.
struct TextField: Equatable, Sendable {
    /// The text typed so far.
    var text: String
    /// The insertion point, in graphemes from the start (0…`text.count`).
    var cursor: Int
    /// The most graphemes the field accepts.
    var maxLength: Int
    /// Whether the text is drawn as "•" (passwords).
    var isSecure: Bool
    /// The field's name; the screen draws it, so a form can align its labels.
    var label: String

    /// Creates a field with the cursor after `text`.
    init(label: String = "", text: String = "", maxLength: Int = 100, isSecure: Bool = false) {
        self.label = label
        self.text = text
        self.cursor = text.count
        self.maxLength = maxLength
        self.isSecure = isSecure
    }

    // MARK: - Editing

    /// Applies one key; returns whether the field used it.
    ///
    /// Printable characters and pastes insert at the cursor (up to `maxLength`; a longer paste is
    /// cut to fit and its control characters are dropped); ←/→, Home/End and Ctrl-A/Ctrl-E move;
    /// Backspace and Del delete one grapheme; Ctrl-U deletes to the start, Ctrl-K to the end and
    /// Ctrl-W the word before the cursor.
    mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        let position = min(max(cursor, 0), characters.count)
        switch key {
        case .character(let character):
            guard !Self.containsControl(String(character)) else { return false }
            insert(String(character))
        case .paste(let pasted):
            insert(String(String.UnicodeScalarView(pasted.unicodeScalars.filter { !Self.isControl($0) })))
        case .left:
            cursor = max(0, position - 1)
        case .right:
            cursor = min(characters.count, position + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace:
            guard position > 0 else { break }
            characters.remove(at: position - 1)
            replace(with: characters, cursor: position - 1)
        case .delete:
            guard position < characters.count else { break }
            characters.remove(at: position)
            replace(with: characters, cursor: position)
        case .control("u"):
            characters.removeSubrange(0..<position)
            replace(with: characters, cursor: 0)
        case .control("k"):
            characters.removeSubrange(position...)
            replace(with: characters, cursor: position)
        case .control("w"):
            var start = position
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<position)
            replace(with: characters, cursor: start)
        default:
            return false
        }
        return true
    }

    /// Inserts as much of `insertion` at the cursor as `maxLength` leaves room for.
    private mutating func insert(_ insertion: String) {
        var characters = Array(text)
        let position = min(max(cursor, 0), characters.count)
        let room = maxLength - characters.count
        guard room > 0 else { return }
        let inserted = Array(insertion.prefix(room))
        characters.insert(contentsOf: inserted, at: position)
        // Counting the prefix again keeps the cursor right when an inserted combining mark
        // joins the grapheme before it.
        let before = String(characters[..<(position + inserted.count)]).count
        replace(with: characters, cursor: before)
    }

    /// Sets the text and a cursor clamped to it (graphemes may merge when text is removed).
    private mutating func replace(with characters: [Character], cursor newCursor: Int) {
        text = String(characters)
        cursor = min(max(newCursor, 0), text.count)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func containsControl(_ string: String) -> Bool {
        string.unicodeScalars.contains(where: isControl)
    }

    // MARK: - Rendering

    /// Draws the field on the first row of `rect` in the input (or inputFocused) style, scrolled
    /// horizontally so the cursor stays visible; a secure field shows one "•" per grapheme.
    /// - Returns: Where the terminal cursor belongs when `focused`, nil otherwise.
    func render(into buffer: inout ScreenBuffer, rect: Rect, focused: Bool) -> (cursorX: Int, cursorY: Int)? {
        let line = rect.row(0)
        guard !line.isEmpty else { return nil }
        let style: StyleRole = focused ? .inputFocused : .input
        buffer.fill(line, style: style)

        let pieces: [String] = isSecure ? Array(repeating: "•", count: text.count) : text.map { DisplayWidth.sanitize(String($0)) }
        let widths = pieces.map { DisplayWidth.of($0) }
        let cursorIndex = focused ? min(max(cursor, 0), pieces.count) : 0
        // Scroll just far enough that the text before the cursor, plus the cursor's own column,
        // fits in the field.
        var first = 0
        var widthBeforeCursor = widths[..<cursorIndex].reduce(0, +)
        while first < cursorIndex, widthBeforeCursor + 1 > line.width {
            widthBeforeCursor -= widths[first]
            first += 1
        }
        var x = line.x
        for index in pieces.indices.dropFirst(first) {
            guard x + widths[index] <= line.maxX else { break }
            x += buffer.draw(pieces[index], x: x, y: line.y, style: style, clip: line)
        }
        guard focused else { return nil }
        return (min(line.x + widthBeforeCursor, line.maxX - 1), line.y)
    }
}
