import Foundation

/// Draws the list of reachable centres.
enum CentrePickerView {
    static func render(_ state: CentrePickerState, session: DeskSession, into buffer: inout ScreenBuffer, rect: Rect) {
        let (header, rest) = rect.splitTop(2)
        buffer.draw(
            "Where are you working today, \(session.actor.fullName)?", x: header.x + 1, y: header.y, style: .title,
            maxWidth: header.width - 2)
        TableView.render(
            columns: [TableColumn("Centre", width: .flexible(minimum: 20)), TableColumn("City", width: .fixed(16))],
            rows: session.centres.map { [$0.name, $0.city.capitalized] }, state: state.table, into: &buffer,
            rect: rest.inset(horizontal: 1, vertical: 0), emptyMessage: "No centre is assigned to you. Ask a manager.")
    }
}
