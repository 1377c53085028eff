/// Draws the lock screen.
enum LockView {
    static func render(_ state: LockState, userName: String, into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)? {
        buffer.fill(rect, style: .locked)
        let width = min(64, rect.width - 4)
        let x = rect.x + (rect.width - width) / 2
        var y = rect.y + max(1, rect.height / 2 - 4)
        buffer.draw("🔒 Desk locked — \(userName)", x: x, y: y, style: .locked, maxWidth: width)
        y += 2
        if state.isConfirmingSwitch {
            buffer.draw(
                "Sign in as someone else? \(userName)'s unsaved input will be discarded.", x: x, y: y, style: .locked,
                maxWidth: width)
            buffer.draw("y: yes, sign in as someone else    n / Esc: no", x: x, y: y + 2, style: .locked, maxWidth: width)
            return nil
        }
        buffer.draw("Password:", x: x, y: y, style: .locked)
        let cursor = state.password.render(
            into: &buffer, rect: Rect(x: x + 11, y: y, width: max(1, width - 11), height: 1),
            focused: !state.isChecking)
        y += 2
        if state.isChecking {
            buffer.draw("Checking…", x: x, y: y, style: .locked, maxWidth: width)
        } else if let error = state.error {
            UserMessageLine(.error, error).render(into: &buffer, rect: Rect(x: x, y: y, width: width, height: 1))
        }
        buffer.draw("Enter: unlock    F10: sign in as someone else", x: x, y: y + 2, style: .locked, maxWidth: width)
        return state.isChecking ? nil : cursor
    }
}
