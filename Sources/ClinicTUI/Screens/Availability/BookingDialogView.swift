import ClinicCore

/// The booking dialog: who, with whom, when, type and fee; one key books.
enum BookingDialogView {
    static func render(_ dialog: BookingDialogState, into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)? {
        let width = min(rect.width - 4, 70)
        let height = 13
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + max(0, (rect.height - height) / 2), width: width, height: height)
        let title: String
        switch dialog.step {
        case .booked: title = "Booked"
        case .moveReason: title = "Move appointment"
        default: title = dialog.slot.isBookable ? "Book an appointment" : "Overbook (manager)"
        }
        let inner = Frame.render(title: title, into: &buffer, rect: box)
        var y = inner.y
        func line(_ label: String, _ value: String, style: StyleRole = .normal) {
            buffer.draw(label, x: inner.x + 1, y: y, style: .muted)
            buffer.draw(value, x: inner.x + 13, y: y, style: style, maxWidth: inner.width - 14)
            y += 1
        }
        let when =
            "\(DisplayDate.long(dialog.slot.localDate)) \(DisplayDate.time(dialog.slot.localTime)) (\(dialog.clinician.visitMinutes) min)"
        line("Patient", dialog.patientName + (dialog.patientIdentity.isEmpty ? "" : "  (\(dialog.patientIdentity))"), style: .title)
        if let moving = dialog.movingFrom, let start = moving.start {
            // The centre's offset, read off the slot (its local wall-clock time against its instant).
            let slotWallClock = Instant(date: dialog.slot.localDate, time: dialog.slot.localTime, offsetSeconds: 0)
            let offset = Int((slotWallClock.microsecondsSinceEpoch - dialog.slot.start.microsecondsSinceEpoch) / 1_000_000)
            let local = start.local(offsetSeconds: offset)
            line(
                "Now",
                "\(DisplayDate.short(local.date)) \(DisplayDate.time(local.time))" + (moving.clinicianName.map { " with \($0)" } ?? ""))
        }
        line("Clinician", dialog.clinician.name)
        line(dialog.movingFrom == nil ? "When" : "Moves to", when)
        line("Centre", dialog.centreName)
        line("Type", dialog.type.displayName + (dialog.step == .confirm ? "   (t: change)" : ""))
        if let moving = dialog.movingFrom {
            let otherClinician = moving.clinicianName.map { $0 != dialog.clinician.name } ?? false
            line("Fee", otherClinician ? "as before: another clinician's fee does not change it" : "as before (a move keeps it)")
        } else {
            line("Fee", "\(dialog.clinician.fee) (the clinician's fee)")
        }
        y += 1
        var cursor: (cursorX: Int, cursorY: Int)?
        switch dialog.step {
        case .confirm:
            let action = dialog.slot.isBookable ? "Enter: book" : "Enter: overbook (needs a reason)"
            buffer.draw("\(action)    t: type    Esc: cancel", x: inner.x + 1, y: y, style: .keyHint, maxWidth: inner.width - 2)
        case .overbookReason, .moveReason:
            cursor = PromptLine.render("Reason: ", field: dialog.reason, into: &buffer, line: inner.row(y - inner.y))
            y += 1
            buffer.draw("Enter: \(dialog.step == .moveReason ? "move" : "overbook")    Esc: cancel", x: inner.x + 1, y: y, style: .keyHint)
        case .sending:
            buffer.draw("Saving…", x: inner.x + 1, y: y, style: .muted)
        case .booked(let receipt):
            buffer.draw(
                "✓ Appointment \(receipt.appointmentID) booked\(receipt.isOverbook ? " as an overbook" : ""); WhatsApp confirmation queued.",
                x: inner.x + 1, y: y, style: .success, maxWidth: inner.width - 2)
            y += 1
            buffer.draw(
                "Fee \(receipt.fee) due (shown unpaid until paid). Enter: done",
                x: inner.x + 1, y: y, style: .keyHint, maxWidth: inner.width - 2)
        }
        if let error = dialog.error {
            buffer.draw(error, x: inner.x + 1, y: inner.maxY - 1, style: .danger, maxWidth: inner.width - 2)
        }
        return cursor
    }
}
