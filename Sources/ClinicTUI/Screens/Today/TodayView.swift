import ClinicCore
import Foundation

/// Draws today's appointments as a table.
enum TodayView {
    static let columns = [
        TableColumn("Time", width: .fixed(13)),
        TableColumn("Patient", width: .flexible(minimum: 18)),
        TableColumn("Clinician", width: .flexible(minimum: 14)),
        TableColumn("Status", width: .fixed(13)),
        TableColumn("Payment", width: .fixed(10)),
    ]

    static func render(_ state: TodayState, session: DeskSession, into buffer: inout ScreenBuffer, rect: Rect) {
        let (header, rest) = rect.splitTop(1)
        let day = state.snapshot?.day.description ?? "…"
        let count = state.snapshot.map { "\($0.entries.count) appointment\($0.entries.count == 1 ? "" : "s")" } ?? "loading…"
        buffer.draw(
            "Today at \(session.centre.name) — \(day) — \(count)", x: header.x + 1, y: header.y, style: .title,
            maxWidth: header.width - 2)
        let rows = state.entries.map { entry in
            [
                timeRange(entry, session: session), entry.patientName, entry.clinicianName, statusLabel(entry.status),
                paymentLabel(entry.paymentState),
            ]
        }
        let styles: [StyleRole?] = state.entries.map { entry in
            switch entry.status {
            case "CANCELLED", "CANCELLED_BY_ADMIN", "NO_SHOW": return .muted
            case "IN_PROGRESS": return .slotCheckedIn
            default: return entry.paymentState == .paid ? .slotPaid : nil
            }
        }
        TableView.render(
            columns: columns, rows: rows, rowStyles: styles, state: state.table, into: &buffer, rect: rest,
            emptyMessage: state.snapshot == nil ? "Loading today's appointments…" : "No appointments today.")
    }

    static func timeRange(_ entry: ScheduleEntry, session: DeskSession) -> String {
        let start = session.local(entry.start).time
        let end = session.local(entry.end).time
        return "\(clock(start))–\(clock(end))"
    }

    static func clock(_ time: LocalTime) -> String {
        (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }

    static func statusLabel(_ status: String) -> String {
        switch status {
        case "BOOKED", "PENDING": return "Booked"
        case "CONFIRMED": return "Confirmed"
        case "IN_PROGRESS": return "In session"
        case "RESCHEDULED": return "Rescheduled"
        case "COMPLETED": return "Completed"
        case "CANCELLED": return "Cancelled"
        case "CANCELLED_BY_ADMIN": return "Cancelled (clinic)"
        case "CANCELLATION_REQUESTED": return "Cancel asked"
        case "NO_SHOW": return "No-show"
        default: return status.capitalized
        }
    }

    static func paymentLabel(_ state: PaymentState) -> String {
        switch state {
        case .paid: return "✓ Paid"
        case .linkSent: return "Link sent"
        case .unpaid: return "Unpaid"
        case .refunded: return "Refunded"
        }
    }
}
