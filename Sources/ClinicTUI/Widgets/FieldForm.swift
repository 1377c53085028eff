/// A few labelled text fields filled in turn: Tab, Down and Up move between them; the screen decides
/// what Enter does.
struct FieldForm: Equatable, Sendable {
    var title: String
    var fields: [TextField]
    var focus = 0
    /// What is wrong with the last attempt, in words.
    var error: String?
    /// A line under the fields saying what to type.
    var hint: String

    init(title: String, fields: [TextField], hint: String) {
        self.title = title
        self.fields = fields
        self.hint = hint
    }

    /// The trimmed text of field `index`.
    func text(_ index: Int) -> String {
        fields.indices.contains(index) ? fields[index].text.trimmingCharacters(in: .whitespaces) : ""
    }

    /// Moves the focus or edits the focused field; false when the key is not the form's.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab, .down:
            focus = (focus + 1) % max(1, fields.count)
            return true
        case .backTab, .up:
            focus = (focus + fields.count - 1) % max(1, fields.count)
            return true
        default:
            guard fields.indices.contains(focus), fields[focus].handle(key) else { return false }
            error = nil
            return true
        }
    }

    /// Draws the form at the bottom of `rect` and returns where the cursor goes.
    func render(into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)? {
        let height = fields.count + 3
        let box = Rect(x: rect.x, y: rect.y + max(0, rect.height - height), width: rect.width, height: min(height, rect.height))
        buffer.fill(box, style: .normal)
        buffer.draw(title, x: box.x + 1, y: box.y, style: .title, maxWidth: box.width - 2)
        let labelWidth = (fields.map { $0.label.count }.max() ?? 0) + 2
        var cursor: (cursorX: Int, cursorY: Int)?
        for (index, field) in fields.enumerated() where box.y + 1 + index < box.y + box.height {
            let y = box.y + 1 + index
            buffer.draw(field.label + ":", x: box.x + 1, y: y, style: index == focus ? .keyHint : .muted, maxWidth: labelWidth)
            let fieldRect = Rect(x: box.x + 1 + labelWidth, y: y, width: max(1, min(48, box.width - labelWidth - 2)), height: 1)
            let position = field.render(into: &buffer, rect: fieldRect, focused: index == focus)
            if index == focus { cursor = position }
        }
        let last = box.y + box.height - 1
        if let error {
            buffer.draw(error, x: box.x + 1, y: last, style: .danger, maxWidth: box.width - 2)
        } else {
            buffer.draw(hint, x: box.x + 1, y: last, style: .muted, maxWidth: box.width - 2)
        }
        return cursor
    }
}
