import ClinicCore
import Foundation

/// Draws the day schedule: a timeline per clinician (patient, status, payment, token), or the queues.
enum TodayView {
    static let columns = [
        TableColumn("Clinician", width: .flexible(minimum: 12)),
        TableColumn("Time", width: .fixed(12)),
        TableColumn("Patient", width: .flexible(minimum: 16)),
        TableColumn("Status", width: .fixed(13)),
        TableColumn("Payment", width: .fixed(9)),
        TableColumn("Tok", width: .fixed(4), alignment: .trailing),
    ]

    static func render(_ state: TodayState, session: DeskSession, now: Instant, into buffer: inout ScreenBuffer, rect: Rect)
        -> (cursorX: Int, cursorY: Int)?
    {
        if state.view == .queues { return QueuesView.render(state, offsetSeconds: session.centre.offsetSeconds, into: &buffer, rect: rect) }
        let (header, rest) = rect.splitTop(1)
        let today = session.local(now).date
        let day = state.snapshot?.day ?? state.day ?? today
        let dayName = day == today ? "Today" : DisplayDate.long(day)
        let count = state.snapshot.map { "\($0.entries.count) appointment\($0.entries.count == 1 ? "" : "s")" } ?? "loading…"
        buffer.draw(
            "\(dayName) at \(session.centre.name) — \(day == today ? DisplayDate.long(day) : "[ ] days, t today") — \(count)",
            x: header.x + 1, y: header.y, style: .title, maxWidth: header.width - 2)
        let entries = state.entries
        let rows = entries.enumerated().map { index, entry in
            let firstOfClinician =
                index == 0 || entries[index - 1].clinicianID != entry.clinicianID
                || entries[index - 1].clinicianName != entry.clinicianName
            return [
                firstOfClinician ? entry.clinicianName : "", timeRange(entry, session: session),
                entry.patientName + (entry.overbookReason == nil ? "" : " (overbook)") + awayNote(entry), statusLabel(entry),
                paymentLabel(entry.paymentState), entry.queueToken.map(String.init) ?? "",
            ]
        }
        let styles: [StyleRole?] = entries.map(style)
        var body = rest
        if state.prompt != nil || state.details != nil { body = rest.splitBottom(state.details != nil ? 7 : 1).rest }
        TableView.render(
            columns: columns, rows: rows, rowStyles: styles, state: state.table, into: &buffer, rect: body,
            emptyMessage: state.snapshot == nil ? "Loading the day's appointments…" : "No appointments this day.")
        if let details = state.details {
            drawDetails(details, session: session, into: &buffer, rect: rest.splitBottom(7).bottom)
        }
        let line = rest.row(rest.height - 1)
        switch state.prompt {
        case .cancelReason(let id, let field)?:
            buffer.fill(line, style: .normal)
            let visit = entries.first { $0.appointmentID == id }
            let label =
                visit.map { visit in
                    let local = session.local(visit.start)
                    let date = local.date == today ? "" : DisplayDate.short(local.date) + " "
                    return "Cancel \(visit.patientName) \(date)\(clock(local.time)) — reason: "
                } ?? "Cancel — reason: "
            return PromptLine.render(label, field: field, into: &buffer, line: line)
        case .confirm(let question, _, let command)?:
            PromptLine.question(
                question, answer: command.answerHint, into: &buffer, line: line)
        case .declineReason?, nil:
            break
        }
        return nil
    }

    static func style(_ entry: ScheduleEntry) -> StyleRole? {
        switch entry.status {
        case "CANCELLED", "CANCELLED_BY_ADMIN", "NO_SHOW", "COMPLETED": return .muted
        case "IN_PROGRESS": return .slotCheckedIn
        case "CANCELLATION_REQUESTED": return .warning
        default:
            if entry.checkedInAt != nil { return .slotCheckedIn }
            return entry.paymentState == .paid ? .slotPaid : .slotBooked
        }
    }

    static func drawDetails(_ entry: ScheduleEntry, session: DeskSession, into buffer: inout ScreenBuffer, rect: Rect) {
        let inner = Frame.render(title: "Appointment \(entry.appointmentID)", into: &buffer, rect: rect)
        let lines = [
            "\(entry.patientName)  \(entry.patientPhone.flatMap { PhoneNumber($0)?.display } ?? "no phone")  with \(entry.clinicianName)",
            "\(DisplayDate.long(session.local(entry.start).date)) \(timeRange(entry, session: session))  \(AppointmentType.displayName(of: entry.type))  booked by \(BookingSource.displayName(of: entry.source))",
            "Status: \(statusLabel(entry))   Payment: \(paymentLabel(entry.paymentState))"
                + (entry.queueToken.map { "   Token \($0)" } ?? ""),
            entry.overbookReason.map { "Overbook: \($0)" } ?? entry.cancellationReason.map { "Reason given: \($0)" } ?? "",
            "i check in  s start  d complete  n no-show  x cancel  m move  Esc close",
        ]
        for (index, text) in lines.enumerated() where index < inner.height {
            buffer.draw(
                text, x: inner.x + 1, y: inner.y + index, style: index == lines.count - 1 ? .keyHint : .normal, maxWidth: inner.width - 2)
        }
    }

    /// " (on leave)" (the clinician) or " (closed)" (the centre): a visit kept through leave, or not yet decided.
    static func awayNote(_ entry: ScheduleEntry) -> String {
        guard let away = entry.awayBecause, TodayView.style(entry) != .muted else { return "" }
        return away == .leave ? " (on leave)" : " (closed)"
    }

    static func timeRange(_ entry: ScheduleEntry, session: DeskSession) -> String {
        let start = session.local(entry.start).time
        let end = session.local(entry.end).time
        return "\(clock(start))–\(clock(end))"
    }

    static func clock(_ time: LocalTime) -> String { DisplayDate.clock(time) }

    static func statusLabel(_ entry: ScheduleEntry) -> String {
        if entry.checkedInAt != nil, ["BOOKED", "CONFIRMED", "RESCHEDULED", "PENDING"].contains(entry.status) {
            return "Checked in"
        }
        return statusLabel(entry.status)
    }

    static func statusLabel(_ status: String) -> String {
        AppointmentStatus(rawValue: status)?.displayName ?? status.capitalized
    }

    static func paymentLabel(_ state: PaymentState) -> String { state == .paid ? "✓ Paid" : paymentWords(state) }

    /// The payment state in words (files and screen readers: no symbol).
    static func paymentWords(_ state: PaymentState) -> String {
        switch state {
        case .paid: return "Paid"
        case .linkSent: return "Link sent"
        case .unpaid: return "Unpaid"
        case .refunded: return "Refunded"
        }
    }
}
