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
            "Queues — cancellation requests, unpaid holds, paid after release",
            x: header.x + 1, y: header.y, style: .title, maxWidth: header.width - 2)
        let rows = items.map { row($0, offsetSeconds: offsetSeconds) }
        var body = rest
        if state.prompt != nil { body = rest.splitBottom(1).rest }
        TableView.render(
            columns: columns, rows: rows, state: state.queueTable, into: &buffer, rect: body,
            emptyMessage: state.queues == nil ? "Loading the queues…" : "Nothing waiting. Q: back to the schedule.")
        let line = rest.row(rest.height - 1)
        switch state.prompt {
        case .declineReason(let id, let field)?:
            buffer.fill(line, style: .normal)
            let request = items.lazy.compactMap { item -> QueueEntry? in
                if case .request(let entry) = item, entry.appointmentID == id { return entry }
                return nil
            }.first
            let label = request.map { "Decline \($0.patientName)'s request — reason: " } ?? "Decline — reason: "
            return PromptLine.render(label, field: field, into: &buffer, line: line)
        case .confirm(let question, _, let command)?:
            PromptLine.question(
                question, answer: command.answerHint, into: &buffer, line: line)
        case .cancelReason?, nil:
            break
        }
        return nil
    }

    /// The keys that act on a line of this kind.
    static func keysHint(_ item: QueueItem) -> String {
        switch item {
        case .request(let entry):
            // The list cuts a long reason; the whole of it is read here.
            let reason = entry.reason.map { "“\($0)” — " } ?? ""
            return reason + "a approves the cancellation, X declines it (asks why)."
        case .hold: return "An unpaid hold: R releases it (the slot becomes free)."
        case .paidAfterRelease: return "Paid after its release: o puts the visit back, f marks the payment for refund."
        }
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
