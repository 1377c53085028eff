import ClinicCore
import Foundation

/// Draws an opened patient as scrollable lines, and the OTP dialog over it.
enum PatientRecordView {
    static func lines(_ state: PatientRecordState, _ record: PatientRecord, session: DeskSession) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        lines.append((record.fullName + (record.mrn.map { "   MRN \($0)" } ?? ""), .title))
        lines.append(("e edit details · o send a code to verify · v who looked · Esc back", .keyHint))
        let phone =
            record.phone?.display ?? record.holder.flatMap { $0.phoneDisplay.map { "\($0) (family: \(record.holder?.fullName ?? ""))" } }
            ?? "no mobile"
        lines.append(("Mobile: \(phone)", .normal))
        if let verified = state.verification {
            let local = session.local(verified.verifiedAt)
            let place = verified.source == .desk ? "at the desk" : "on the web"
            lines.append(("✓ Phone verified \(DisplayDate.short(local.date)) \(TodayView.clock(local.time)) \(place)", .success))
        } else {
            lines.append(("Phone not verified yet: press o to send a WhatsApp code.", .muted))
        }
        switch state.conversionOffer {
        case .convertToWebFormat?:
            lines.append(("Stored in the old 10-digit form: press c to convert it so the web sign-in finds this account.", .warning))
        case .mergeWithWebAccount(let other)?:
            lines.append(("A web account (patient \(other)) already uses this number: a centre manager can merge the two.", .warning))
        case nil:
            break
        }
        var facts: [String] = []
        if let age = record.age { facts.append("Age \(age)") }
        if let born = record.dateOfBirth { facts.append("born \(born.day) \(DisplayDate.months[born.month - 1]) \(born.year)") }
        if let gender = record.gender, !gender.isEmpty { facts.append(gender) }
        if let email = record.email { facts.append(email) }
        lines.append((facts.isEmpty ? "No date of birth or email recorded." : facts.joined(separator: " · "), .normal))
        if let name = record.emergencyContactName {
            lines.append(("Emergency contact: \(name) \(record.emergencyContactPhone ?? "")", .normal))
        }
        if let holder = record.holder { lines.append(("Household: messages go to \(holder.fullName)'s phone", .normal)) }
        if !record.householdMembers.isEmpty {
            lines.append(("Household: " + record.householdMembers.map(\.fullName).joined(separator: ", "), .normal))
        }
        lines.append(("", .normal))
        lines.append(("Upcoming appointments", .title))
        if record.upcomingAppointments.isEmpty { lines.append(("  none", .muted)) }
        for visit in record.upcomingAppointments { lines.append((appointmentLine(visit, session: session), .normal)) }
        lines.append(("Past appointments", .title))
        if record.pastAppointments.isEmpty { lines.append(("  none", .muted)) }
        for visit in record.pastAppointments.prefix(20) { lines.append((appointmentLine(visit, session: session), .muted)) }
        lines.append(("Payments", .title))
        if record.payments.isEmpty { lines.append(("  none", .muted)) }
        for payment in record.payments.prefix(20) {
            let when = session.local(payment.paidAt ?? payment.createdAt)
            lines.append(
                (
                    "  \(DisplayDate.short(when.date))  \(payment.amount)  \(paymentStatus(payment.status))  "
                        + paymentMethod(payment.method), .normal
                ))
        }
        if let viewers = state.viewers {
            lines.append(("Who opened this record (audit log)", .title))
            if viewers.isEmpty { lines.append(("  nobody yet", .muted)) }
            for view in viewers.prefix(30) {
                let local = session.local(view.at)
                lines.append(
                    ("  \(DisplayDate.short(local.date)) \(TodayView.clock(local.time))  \(view.who)  \(view.host ?? "")", .normal))
            }
        }
        lines.append(("Messages", .title))
        if record.messages.isEmpty { lines.append(("  none", .muted)) }
        for message in record.messages.prefix(20) {
            let template = (message.template ?? "message").replacingOccurrences(of: "_", with: " ").lowercased()
            let when = session.local(message.createdAt)
            lines.append(
                (
                    "  \(DisplayDate.short(when.date)) \(TodayView.clock(when.time))  \(template)  \(message.status.capitalized)"
                        + (message.isToHolder ? " (family phone)" : ""), message.status == "FAILED" ? .danger : .normal
                ))
        }
        return lines
    }

    static func appointmentLine(_ visit: PatientAppointment, session: DeskSession) -> String {
        let local = session.local(visit.start)
        return
            "  \(DisplayDate.short(local.date)) \(TodayView.clock(local.time))  \(TodayView.statusLabel(visit.status))  \(visit.clinicianName), \(visit.centreName)"
    }

    /// A payment row's status in the desk's words (the web stores SUCCESS, CREATED, PENDING, FAILED, REFUNDED).
    static func paymentStatus(_ stored: String) -> String {
        switch stored {
        case "SUCCESS": return "paid"
        case "CREATED", "PENDING": return "waiting"
        case "FAILED": return "failed"
        case "REFUNDED": return "refunded"
        default: return stored.lowercased()
        }
    }

    /// How it was paid, in words ("ONLINE" is Razorpay).
    static func paymentMethod(_ stored: String?) -> String {
        switch stored {
        case "ONLINE"?: return "online (Razorpay)"
        case "CASH"?: return "cash"
        case "CARD"?: return "card"
        case "UPI"?: return "UPI"
        case let other?: return other.lowercased()
        case nil: return ""
        }
    }

    static func render(
        _ state: PatientRecordState, session: DeskSession, now: Instant, into buffer: inout ScreenBuffer,
        rect: Rect
    ) -> (cursorX: Int, cursorY: Int)? {
        guard let record = state.record else {
            buffer.draw("Opening the patient…", x: rect.x + 1, y: rect.y, style: .muted)
            return nil
        }
        let all = lines(state, record, session: session)
        for (row, line) in all.dropFirst(state.scroll).prefix(rect.height).enumerated() {
            buffer.draw(line.0, x: rect.x + 1, y: rect.y + row, style: line.1, maxWidth: rect.width - 2)
        }
        guard let otp = state.otp else { return nil }
        return OTPDialogView.render(otp, now: now, into: &buffer, rect: rect)
    }
}

/// The OTP dialog.
enum OTPDialogView {
    static func render(_ state: OTPDialogState, now: Instant, into buffer: inout ScreenBuffer, rect: Rect) -> (cursorX: Int, cursorY: Int)?
    {
        let width = min(64, rect.width - 4)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + 2, width: width, height: 10)
        let inner = Frame.render(title: "WhatsApp code", into: &buffer, rect: box)
        if state.isConfirmingSend {
            buffer.draw(
                "Send a 6-digit code on WhatsApp to this patient's mobile?", x: inner.x + 1, y: inner.y + 1, style: .normal,
                maxWidth: inner.width - 2)
            buffer.draw("Enter: send · Esc: close", x: inner.x + 1, y: inner.y + 3, style: .keyHint, maxWidth: inner.width - 2)
            return nil
        }
        guard let receipt = state.receipt else {
            buffer.draw(
                state.result?.text ?? "Sending a code…", x: inner.x + 1, y: inner.y + 1,
                style: state.result == nil ? .muted : .danger, maxWidth: inner.width - 2)
            return nil
        }
        buffer.draw(
            "Sent to \(receipt.maskedPhone)\(receipt.isHolderPhone ? " (family phone)" : "").", x: inner.x + 1, y: inner.y,
            style: .normal, maxWidth: inner.width - 2)
        let left = max(0, (receipt.expiresAt.microsecondsSinceEpoch - now.microsecondsSinceEpoch) / 1_000_000)
        let countdown = left > 0 ? "Expires in \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60)" : "Expired"
        buffer.draw(
            "\(countdown) · \(state.attemptsLeft) tries left", x: inner.x + 1, y: inner.y + 1, style: .muted,
            maxWidth: inner.width - 2)
        buffer.draw("Code the patient reads out:", x: inner.x + 1, y: inner.y + 3, style: .normal)
        let cursor = state.code.render(
            into: &buffer, rect: Rect(x: inner.x + 29, y: inner.y + 3, width: 8, height: 1),
            focused: !state.isBusy && !state.isVerified)
        if let result = state.result {
            result.render(into: &buffer, rect: Rect(x: inner.x + 1, y: inner.y + 5, width: inner.width - 2, height: 1))
        }
        let canResend = receipt.nextSendAllowedAt <= now
        let resend =
            canResend
            ? "Ctrl-R: send a new code"
            : "new code allowed at \(TodayView.clock(receipt.nextSendAllowedAt.local(offsetSeconds: 19_800).time))"
        buffer.draw(
            "Enter: check · \(resend) · Esc: close", x: inner.x + 1, y: inner.y + 7, style: canResend ? .keyHint : .muted,
            maxWidth: inner.width - 2)
        return state.isBusy || state.isVerified ? nil : cursor
    }
}
