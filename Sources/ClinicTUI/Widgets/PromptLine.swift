/// One line asking for a short answer: a hint ("Cancel — reason: ") and the text field after it.
enum PromptLine {
    /// Draws `label` then `field` on `line` (the field at most `fieldWidth` wide, else to the line's end);
    /// returns where the cursor goes.
    @discardableResult
    static func render(
        _ label: String, field: TextField, into buffer: inout ScreenBuffer, line: Rect, fieldWidth: Int? = nil
    ) -> (cursorX: Int, cursorY: Int)? {
        let used = buffer.draw(label, x: line.x + 1, y: line.y, style: .keyHint)
        let room = max(0, line.width - used - 2)
        let width = fieldWidth.map { min($0, room) } ?? room
        return field.render(into: &buffer, rect: Rect(x: line.x + 1 + used, y: line.y, width: width, height: 1), focused: true)
    }

    /// A yes/no question before a change, and how to answer it (the question gives way first).
    static func question(_ question: String, answer: String, into buffer: inout ScreenBuffer, line: Rect) {
        buffer.fill(line, style: .warning)
        let room = max(0, line.width - 2 - DisplayWidth.of(answer) - 2)
        let used = buffer.draw(question, x: line.x + 1, y: line.y, style: .warning, maxWidth: room)
        buffer.draw("  " + answer, x: line.x + 1 + used, y: line.y, style: .keyHint, maxWidth: line.width - 2 - used)
    }
}
