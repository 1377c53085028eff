import ClinicCore
import Foundation

/// Draws the availability grid, its header and prompt, and the booking dialog on top.
enum AvailabilityView {
    static let labelWidth = 18
    static let cellWidth = 6

    /// How many time columns fit in `width`.
    static func visibleColumns(width: Int) -> Int { max(1, (width - labelWidth - 1) / cellWidth) }

    static func render(
        _ state: AvailabilityState, bookingFor patient: String?, into buffer: inout ScreenBuffer, rect: Rect
    ) -> (cursorX: Int, cursorY: Int)? {
        var cursor: (cursorX: Int, cursorY: Int)?
        let (titleLine, afterTitle) = rect.splitTop(1)
        let (infoLine, afterInfo) = afterTitle.splitTop(1)
        let (body, detailLine) = afterInfo.splitBottom(1)
        let view = state.mode == .day ? "day" : "week"
        let filter = state.specialization.isEmpty ? "" : " — only “\(state.specialization)”"
        // Whom Enter books for comes first, so a narrow screen never cuts it off.
        let forWhom = patient.map { "Booking for \($0) · " } ?? ""
        let title = state.grid.map { "\(forWhom)Availability (\(view)): \($0.title)\(filter)" } ?? "Availability — loading…"
        buffer.draw(title, x: titleLine.x + 1, y: titleLine.y, style: .title, maxWidth: titleLine.width - 2)

        switch state.prompt {
        case .goToDate(let field)?:
            cursor = PromptLine.render("Go to date (t, t+3, mon, 24/11): ", field: field, into: &buffer, line: infoLine, fieldWidth: 16)
        case .specialization(let field)?:
            cursor = PromptLine.render("Specialization (empty: all): ", field: field, into: &buffer, line: infoLine, fieldWidth: 24)
        case nil:
            if let moving = state.moving {
                buffer.fill(infoLine, style: .warning)
                buffer.draw(
                    "Moving \(moving.patientName): pick a free slot and press Enter; Esc stops.", x: infoLine.x + 1, y: infoLine.y,
                    style: .warning, maxWidth: infoLine.width - 2)
            } else if let warning = state.grid?.zoneWarning {
                buffer.draw(warning, x: infoLine.x + 1, y: infoLine.y, style: .warning, maxWidth: infoLine.width - 2)
            } else {
                buffer.draw(
                    SlotLabel.legend(fitting: infoLine.width - 2), x: infoLine.x + 1, y: infoLine.y, style: .muted,
                    maxWidth: infoLine.width - 2)
            }
        }

        guard let grid = state.grid else {
            buffer.draw("Loading…", x: body.x + 1, y: body.y + 1, style: .muted)
            return cursor
        }
        if grid.rows.isEmpty {
            buffer.draw(
                state.mode == .day ? "No clinician works at this centre on this day." : "No hours this week.", x: body.x + 1,
                y: body.y + 1, style: .muted, maxWidth: body.width - 2)
        } else {
            drawGrid(grid, state: state, into: &buffer, rect: body)
        }
        if let slot = state.selectedSlot, grid.rows.indices.contains(state.row) {
            buffer.draw(
                SlotLabel.describe(slot, clinician: grid.rows[state.row].clinician, patientName: state.selectedPatientName),
                x: detailLine.x + 1, y: detailLine.y,
                style: .normal, maxWidth: detailLine.width - 2)
        } else if !grid.rows.isEmpty {
            buffer.draw("No slot here at this time.", x: detailLine.x + 1, y: detailLine.y, style: .muted)
        }
        if let booking = state.booking {
            cursor = BookingDialogView.render(booking, into: &buffer, rect: rect)
        }
        return cursor
    }

    /// Rows of the grid that fit in the body (one line is the time header).
    static func visibleRows(height: Int) -> Int { max(1, height - 1) }

    private static func drawGrid(_ grid: GridData, state: AvailabilityState, into buffer: inout ScreenBuffer, rect: Rect) {
        let columns = visibleColumns(width: rect.width)
        let shownTimes = Array(grid.times.indices.dropFirst(state.firstColumn).prefix(columns))
        let header = rect.row(0)
        buffer.fill(header, style: .title)
        if state.firstColumn > 0 { buffer.draw("◀", x: header.x + labelWidth - 2, y: header.y, style: .title) }
        for (position, index) in shownTimes.enumerated() {
            buffer.draw(DisplayDate.clock(grid.times[index]), x: header.x + labelWidth + position * cellWidth, y: header.y, style: .title)
        }
        if state.firstColumn + columns < grid.times.count { buffer.draw("▶", x: header.maxX - 1, y: header.y, style: .title) }
        let rowsShown = visibleRows(height: rect.height)
        let firstRow = max(0, min(state.row - rowsShown + 1, grid.rows.count - rowsShown))
        let start = max(0, min(firstRow, state.row))
        for (line, rowIndex) in grid.rows.indices.dropFirst(start).prefix(rowsShown).enumerated() {
            let y = rect.y + 1 + line
            let row = grid.rows[rowIndex]
            buffer.draw(row.label, x: rect.x + 1, y: y, style: rowIndex == state.row ? .title : .normal, maxWidth: labelWidth - 2)
            for (position, index) in shownTimes.enumerated() {
                let x = rect.x + labelWidth + position * cellWidth
                let selected = rowIndex == state.row && index == state.column
                guard let slot = row.slots[index] else {
                    buffer.draw(selected ? "[  ] " : "     ", x: x, y: y, style: selected ? .selection : .muted)
                    continue
                }
                let label = SlotLabel.text(slot.state) + (slot.hasOverbook ? "+" : "")
                let padded = label.padding(toLength: cellWidth - 1, withPad: " ", startingAt: 0)
                buffer.draw(padded, x: x, y: y, style: selected ? .selection : SlotLabel.style(slot.state))
            }
        }
    }
}
