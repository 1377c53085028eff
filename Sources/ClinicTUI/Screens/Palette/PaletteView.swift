/// Draws the palette over the middle of the screen.
enum PaletteView {
    static func render(
        _ state: PaletteState, matches: [KeyBinding<DeskAction>], into buffer: inout ScreenBuffer,
        rect: Rect
    ) -> (cursorX: Int, cursorY: Int)? {
        let width = min(76, rect.width - 2)
        let height = min(16, rect.height - 2)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + 1, width: width, height: height)
        let inner = Frame.render(title: "Commands — type to search, Enter runs, Esc closes", into: &buffer, rect: box)
        buffer.draw("›", x: inner.x + 1, y: inner.y, style: .keyHint)
        let cursor = state.query.render(
            into: &buffer, rect: Rect(x: inner.x + 3, y: inner.y, width: inner.width - 4, height: 1),
            focused: true)
        TableView.render(
            columns: [TableColumn("Action", width: .flexible(minimum: 16)), TableColumn("Keys", width: .fixed(16))],
            rows: matches.map { [$0.title + " — " + $0.help, $0.keyNames] }, state: state.table, into: &buffer,
            rect: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1),
            emptyMessage: "No action matches.")
        return cursor
    }
}
