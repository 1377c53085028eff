/// A scrollable table with one selected row: the state (selection and scroll position) plus a
/// pure renderer.
///
/// Cells are truncated with "…" and padded by display width, not by character count, so a row
/// with a Devanagari or Malayalam name lines up with ASCII rows.
struct TableView: Equatable, Sendable {
    /// The selected row, an index into the rows.
    var selectedRow: Int
    /// The first row shown.
    var scrollOffset: Int

    /// Columns between two table columns.
    static let columnGap = 1

    /// A table with the first row selected.
    init(selectedRow: Int = 0, scrollOffset: Int = 0) {
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
    }

    // MARK: - Moving

    /// Moves the selection by `delta` rows (clamped) and scrolls so it stays visible.
    mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        selectedRow += delta
        clamp(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Moves the selection down one page.
    mutating func pageDown(rowCount: Int, visibleRows: Int) {
        move(by: max(1, visibleRows), rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Moves the selection up one page.
    mutating func pageUp(rowCount: Int, visibleRows: Int) {
        move(by: -max(1, visibleRows), rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects the first row.
    mutating func moveToFirst(rowCount: Int, visibleRows: Int) {
        selectedRow = 0
        clamp(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects the last row.
    mutating func moveToLast(rowCount: Int, visibleRows: Int) {
        selectedRow = rowCount - 1
        clamp(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Applies ↑/↓, PgUp/PgDn and Home/End; returns whether the key was one of them.
    mutating func handle(_ key: Key, rowCount: Int, visibleRows: Int) -> Bool {
        switch key {
        case .up: move(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .down: move(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: pageUp(rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: pageDown(rowCount: rowCount, visibleRows: visibleRows)
        case .home: moveToFirst(rowCount: rowCount, visibleRows: visibleRows)
        case .end: moveToLast(rowCount: rowCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    /// Keeps the selection inside the rows and the selection visible, e.g. after the rows changed.
    mutating func clamp(rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            selectedRow = 0
            scrollOffset = 0
            return
        }
        let visible = max(1, visibleRows)
        selectedRow = min(max(selectedRow, 0), rowCount - 1)
        if selectedRow < scrollOffset { scrollOffset = selectedRow }
        if selectedRow >= scrollOffset + visible { scrollOffset = selectedRow - visible + 1 }
        scrollOffset = min(max(scrollOffset, 0), max(0, rowCount - visible))
    }

    // MARK: - Rendering

    /// Rows of data a table in `rect` shows (all but the header row).
    static func visibleRows(in rect: Rect) -> Int {
        max(0, rect.height - 1)
    }

    /// The width of each column in `totalWidth`: fixed columns as given, flexible ones sharing
    /// the rest equally (extra columns go to the leftmost) but never below their minimum.
    static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        let gaps = max(0, columns.count - 1) * columnGap
        var fixedTotal = 0
        var flexibleCount = 0
        for column in columns {
            switch column.width {
            case .fixed(let width): fixedTotal += max(0, width)
            case .flexible: flexibleCount += 1
            }
        }
        let spare = max(0, totalWidth - gaps - fixedTotal)
        var flexibleIndex = 0
        return columns.map { column in
            switch column.width {
            case .fixed(let width):
                return max(0, width)
            case .flexible(let minimum):
                defer { flexibleIndex += 1 }
                let share = spare / flexibleCount + (flexibleIndex < spare % flexibleCount ? 1 : 0)
                return max(minimum, share)
            }
        }
    }

    /// Draws a header row in the title style, then the visible rows, the selected one in the
    /// selection style and the others in `rowStyles[row]` (normal when absent); with no rows,
    /// `emptyMessage` in the muted style.
    static func render(
        columns: [TableColumn], rows: [[String]], rowStyles: [StyleRole?] = [], state: TableView,
        into buffer: inout ScreenBuffer, rect: Rect, emptyMessage: String = "Nothing to show."
    ) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(columns, totalWidth: rect.width)
        let header = rect.row(0)
        buffer.fill(header, style: .title)
        drawLine(columns.map(\.title), columns: columns, widths: widths, style: .title, into: &buffer, line: header)

        let body = rect.splitTop(1).rest
        buffer.fill(body, style: .normal)
        guard !rows.isEmpty else {
            buffer.draw(emptyMessage, x: body.x, y: body.y, style: .muted, clip: body, maxWidth: body.width)
            return
        }
        var visibleState = state
        // A negative selection means "no row selected" (the search box has the focus).
        let showsSelection = state.selectedRow >= 0
        visibleState.clamp(rowCount: rows.count, visibleRows: body.height)
        for lineIndex in 0..<body.height {
            let rowIndex = visibleState.scrollOffset + lineIndex
            guard rowIndex < rows.count else { break }
            let rowStyle = rowStyles.indices.contains(rowIndex) ? rowStyles[rowIndex] : nil
            let style = showsSelection && rowIndex == visibleState.selectedRow ? .selection : rowStyle ?? .normal
            let line = body.row(lineIndex)
            buffer.fill(line, style: style)
            drawLine(rows[rowIndex], columns: columns, widths: widths, style: style, into: &buffer, line: line)
        }
    }

    /// Draws one line of cells, each fitted to its column's display width.
    private static func drawLine(
        _ cells: [String], columns: [TableColumn], widths: [Int], style: StyleRole,
        into buffer: inout ScreenBuffer, line: Rect
    ) {
        var x = line.x
        for (index, column) in columns.enumerated() {
            let width = widths[index]
            let text = DisplayWidth.truncate(DisplayWidth.sanitize(index < cells.count ? cells[index] : ""), toWidth: width)
            let fitted =
                column.alignment == .trailing
                ? DisplayWidth.padLeading(text, toWidth: width) : DisplayWidth.pad(text, toWidth: width)
            buffer.draw(fitted, x: x, y: line.y, style: style, clip: Rect(x: x, y: line.y, width: width, height: 1).intersection(line))
            x += width + columnGap
        }
    }
}
