import ClinicCore

/// The top line: centre, staff name and role, the centre's local date and time, database state.
enum StatusBar {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        buffer.fill(rect, style: .statusBar)
        guard let session = state.session, state.phase != .signIn else {
            buffer.draw(
                "clinic-desk │ " + databaseLabel(state.connection), x: rect.x + 1, y: rect.y, style: .statusBar,
                maxWidth: rect.width - 2)
            return
        }
        let role = session.actor.highestRole?.displayName ?? "Staff"
        let local = session.local(state.now)
        let outbox = state.undelivered.map { $0 > 0 ? "✉ \($0) waiting │ " : "" } ?? ""
        let right = outbox + DisplayDate.shortWithClock(local.date, local.time) + " │ " + databaseLabel(state.connection)
        let rightWidth = DisplayWidth.of(right)
        buffer.draw(right, x: rect.x + max(0, rect.width - rightWidth - 1), y: rect.y, style: .statusBar, clip: rect)
        // The person first: a long centre name gives way before the name and role do.
        let person = "\(session.actor.fullName) (\(role))"
        let room = max(0, rect.width - rightWidth - 3)
        let used = buffer.draw(person, x: rect.x + 1, y: rect.y, style: .statusBar, maxWidth: room)
        if room - used > 6 {
            buffer.draw(" │ " + session.centre.name, x: rect.x + 1 + used, y: rect.y, style: .statusBar, maxWidth: room - used)
        }
    }

    static func databaseLabel(_ connection: AppState.Connection) -> String {
        switch connection {
        case .connected: return "DB ok"
        case .lost: return "DB offline"
        }
    }
}
