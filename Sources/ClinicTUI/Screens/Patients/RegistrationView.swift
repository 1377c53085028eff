/// Draws the registration form, the duplicate advisory, and the problems next to their fields.
enum RegistrationView {
    static func render(_ state: RegistrationState, into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)? {
        let title = state.editing.map { "Edit \($0.fullName)\($0.mrn.map { " (\($0))" } ?? "")" } ?? "Register a walk-in"
        buffer.draw(title, x: rect.x + 1, y: rect.y, style: .title, maxWidth: rect.width - 2)
        if let duplicates = state.duplicates {
            buffer.draw(
                "These patients may be the same person. Enter opens the selected one; h adds the new person to its household; s saves anyway; Esc goes back.",
                x: rect.x + 1, y: rect.y + 1, style: .warning, maxWidth: rect.width - 2)
            TableView.render(
                columns: PatientsView.columns.dropLast().map { $0 },
                rows: duplicates.map { [$0.fullName, $0.phoneDisplay ?? "—", $0.age.map(String.init) ?? "", $0.mrn ?? ""] },
                state: state.duplicateTable, into: &buffer,
                rect: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3))
            return nil
        }
        var cursor: (cursorX: Int, cursorY: Int)?
        for (index, field) in RegistrationState.fields.enumerated() {
            let y = rect.y + 2 + index * 2
            guard y < rect.y + rect.height, let textField = state.values[field] else { break }
            let required = field == .firstName || field == .lastName || field == .phone
            buffer.draw(textField.label + (required ? " *" : ""), x: rect.x + 1, y: y, style: .normal, maxWidth: 20)
            let focused = state.focus == field && !state.isSaving
            if let position = textField.render(
                into: &buffer, rect: Rect(x: rect.x + 22, y: y, width: min(40, rect.width - 24), height: 1),
                focused: focused), focused
            {
                cursor = position
            }
            if let problem = state.problems[field] {
                buffer.draw("✗ " + problem, x: rect.x + 22, y: y + 1, style: .danger, maxWidth: rect.width - 24)
            }
        }
        let statusY = rect.y + rect.height - 1
        if state.isSaving {
            buffer.draw("Saving…", x: rect.x + 1, y: statusY, style: .muted)
        } else if let error = state.error {
            UserMessageLine(.error, error).render(into: &buffer, rect: Rect(x: rect.x, y: statusY, width: rect.width, height: 1))
        } else if state.editing != nil {
            buffer.draw(
                "Ctrl-S saves what you changed (recorded in the audit log). Esc twice drops the changes.", x: rect.x + 1, y: statusY,
                style: .muted, maxWidth: rect.width - 2)
        } else {
            buffer.draw(
                "* required. A family member without a phone: type the holder's mobile, then h on the duplicate list.",
                x: rect.x + 1, y: statusY, style: .muted, maxWidth: rect.width - 2)
        }
        return cursor
    }
}
