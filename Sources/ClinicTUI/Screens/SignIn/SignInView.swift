/// Draws the sign-in form in the middle of the screen.
enum SignInView {
    static func render(_ state: SignInState, into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)? {
        let boxWidth = min(76, rect.width - 4)
        let x = rect.x + (rect.width - boxWidth) / 2
        var y = rect.y + max(1, rect.height / 2 - 5)
        buffer.draw("clinic-desk — staff sign-in", x: x, y: y, style: .title, maxWidth: boxWidth)
        y += 2
        let labelWidth = 19
        var cursor: (cursorX: Int, cursorY: Int)?
        for (field, textField) in [(SignInState.Field.login, state.login), (.password, state.password)] {
            buffer.draw(textField.label, x: x, y: y, style: .normal, maxWidth: labelWidth)
            let fieldRect = Rect(x: x + labelWidth + 1, y: y, width: max(1, boxWidth - labelWidth - 1), height: 1)
            let focused = state.focus == field && !state.isBusy
            if let position = textField.render(into: &buffer, rect: fieldRect, focused: focused), focused {
                cursor = position
            }
            y += 2
        }
        if state.isBusy {
            buffer.draw("Checking…", x: x, y: y, style: .muted, maxWidth: boxWidth)
        } else if let error = state.error {
            UserMessageLine(.error, error).render(into: &buffer, rect: Rect(x: x, y: y, width: boxWidth, height: 1))
        } else {
            buffer.draw("Sign in with your username or phone number.", x: x, y: y, style: .muted, maxWidth: boxWidth)
        }
        return cursor
    }
}
