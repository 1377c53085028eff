import ClinicCore

/// Draws the Patients screen: the search box and results, or the opened patient, or the form.
enum PatientsView {
    static let columns = [
        TableColumn("Patient", width: .flexible(minimum: 20)),
        TableColumn("Mobile", width: .fixed(19)),
        TableColumn("Age", width: .fixed(4), alignment: .trailing),
        TableColumn("MRN", width: .fixed(10)),
        TableColumn("Next visit", width: .fixed(17)),
    ]

    static func render(
        _ state: PatientsState, session: DeskSession, now: Instant, into buffer: inout ScreenBuffer,
        rect: Rect
    ) -> (cursorX: Int, cursorY: Int)? {
        if let registration = state.registration {
            return RegistrationView.render(registration, into: &buffer, rect: rect)
        }
        if let record = state.record {
            return PatientRecordView.render(record, session: session, now: now, into: &buffer, rect: rect)
        }
        let (box, rest) = rect.splitTop(2)
        buffer.draw("Find a patient:", x: box.x + 1, y: box.y, style: .title)
        let cursor = state.query.render(
            into: &buffer, rect: Rect(x: box.x + 17, y: box.y, width: max(1, box.width - 18), height: 1),
            focused: state.focus == .search)
        let hint =
            state.pendingSearch != nil
            ? "searching…"
            : state.query.text.isEmpty ? "name, mobile in any format, last 4+ digits, or MRN" : "\(state.results.count) shown"
        buffer.draw(hint, x: box.x + 17, y: box.y + 1, style: .muted, maxWidth: box.width - 18)
        let rows = state.results.map { result -> [String] in
            [
                result.fullName, (result.phoneDisplay ?? "—") + (result.isHolderPhone ? " (family)" : ""),
                result.age.map(String.init) ?? "", result.mrn ?? "",
                result.nextAppointment.map { nextVisit($0, session: session) } ?? "",
            ]
        }
        var table = state.table
        if state.focus == .search { table.selectedRow = -1 }
        TableView.render(
            columns: columns, rows: rows, state: table, into: &buffer, rect: rest,
            emptyMessage: state.query.text.isEmpty
                ? "Type to search. Ctrl-N registers a walk-in."
                : "No patient matches. Ctrl-N registers a new one.")
        return state.focus == .search ? cursor : nil
    }

    static func nextVisit(_ instant: Instant, session: DeskSession) -> String {
        let local = session.local(instant)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(local.date.day) \(months[local.date.month - 1]) \(TodayView.clock(local.time))"
    }
}
