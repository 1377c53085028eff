import ClinicCore

/// The manager's queues: patients' cancellation requests, stale unpaid holds, payments after release.
enum QueuesView {
    static let columns = [
        TableColumn("Queue", width: .fixed(16)),
        TableColumn("When", width: .fixed(16)),
        TableColumn("Patient", width: .flexible(minimum: 14)),
        TableColumn("Detail", width: .flexible(minimum: 16)),
    ]

    static func render(_ state: TodayState, offsetSeconds: Int, into buffer: inout ScreenBuffer, rect: Rect) -> (
        cursorX: Int, cursorY: Int
    )? {
        let (header, rest) = rect.splitTop(1)
        let items = state.queues?.items ?? []
        buffer.draw(
            "Queues — cancellation requests (a approve, X decline), stale holds (R release), paid after release (o restore, f refund)",
            x: header.x + 1, y: header.y, style: .title, maxWidth: header.width - 2)
        let rows = items.map { row($0, offsetSeconds: offsetSeconds) }
        var body = rest
        if state.prompt != nil { body = rest.splitBottom(1).rest }
        TableView.render(
            columns: columns, rows: rows, state: state.queueTable, into: &buffer, rect: body,
            emptyMessage: state.queues == nil ? "Loading the queues…" : "Nothing waiting. Q: back to the schedule.")
        if case .declineReason(_, let field)? = state.prompt {
            let line = rest.row(rest.height - 1)
            buffer.fill(line, style: .normal)
            return PromptLine.render("Decline — reason: ", field: field, into: &buffer, line: line)
        }
        return nil
    }

    static func row(_ item: QueueItem, offsetSeconds: Int) -> [String] {
        let ist = { (instant: Instant) -> String in
            let local = instant.local(offsetSeconds: offsetSeconds)
            return "\(DisplayDate.short(local.date)) \(DisplayDate.clock(local.time))"
        }
        switch item {
        case .request(let entry):
            return ["Cancel request", ist(entry.start), entry.patientName, (entry.isPaid ? "paid; " : "") + (entry.reason ?? "")]
        case .hold(let entry):
            return [
                "Stale hold", ist(entry.start), entry.patientName,
                "booked \(ist(entry.createdAt))" + (entry.hasOpenPaymentLink ? "; link out (kept)" : ""),
            ]
        case .paidAfterRelease(let entry):
            return [
                "Paid, released", ist(entry.start), entry.patientName,
                "\(entry.amount) paid; visit \(entry.appointmentStatus.lowercased())",
            ]
        }
    }
}
