// Payments (Razorpay Checkout, payment links, cash/card/UPI at the desk), the status history the web
// writes, and the admin's future blocked slots.

extension DemoSeeder {
    /// The one-time registration fee (₹100), charged with a patient's first successful payment.
    static let registrationFee = Money(rupees: 100)

    /// One payments row.
    struct PlannedPayment: Sendable {
        var id: Int64 = 0
        var appointment: Int
        var patient: Int
        var provider = "RAZORPAY"
        var orderID: String
        var paymentID: String?
        var status: String
        var methodDetails: String?
        var errorCode: String?
        var errorDescription: String?
        var paidAt: Instant?
        var createdAt: Instant
        var updatedAt: Instant
        var linkID: String?
        var linkURL: String?
        var registrationFee = Money.zero
        var consultationFee: Money
        var method = "ONLINE"
        var notes: String?

        var amount: Money { registrationFee + consultationFee }
    }

    /// One appointment_status_history row.
    struct PlannedHistory: Sendable {
        var appointmentID: Int64
        var previous: String?
        var new: String
        var changedBy: Int64
        var changedAt: Instant
        var reason: String?
    }

    /// One blocked_slots row (a slot of the clinician's grid, as the web's exact-match lookup needs).
    struct PlannedBlock: Sendable {
        var id: Int64
        var clinician: Int
        var centre: Int
        var date: LocalDate
        var start: LocalTime
        var end: LocalTime
        var reason: String
    }

    /// Payment rows for every appointment's plan, ordered by creation time, with the registration
    /// fee on each patient's first successful payment. Returns the rows and, per patient index, when
    /// the registration fee was paid.
    static func planPayments(
        _ appointments: [PlannedAppointment], clinicians: [ClinicianRecord], firstID: Int64,
        generator: inout SeededGenerator
    ) -> (payments: [PlannedPayment], registered: [Int: Instant]) {
        var rows: [PlannedPayment] = []
        var counter = 0
        func identifier(_ prefix: String) -> String {
            counter += 1
            return prefix + "DEMO" + base62(counter, width: 4) + generator.alphanumeric(6)
        }
        for (index, appointment) in appointments.enumerated() {
            let fee = clinicians[appointment.clinician].fee
            func attempt(_ channel: PaymentChannel, _ outcome: String, at created: Instant) -> PlannedPayment {
                var row = PlannedPayment(
                    appointment: index, patient: appointment.patient, orderID: "", status: outcome,
                    createdAt: created, updatedAt: created, consultationFee: fee)
                switch channel {
                case .checkout:
                    row.orderID = identifier("order_")
                case .link:
                    row.orderID = identifier("plink_")
                    row.linkID = row.orderID
                    row.linkURL = "https://rzp.io/i/DEMO" + generator.alphanumeric(6)
                case .direct(let method):
                    row.provider = "DIRECT"
                    row.method = method
                }
                switch outcome {
                case "SUCCESS":
                    let paid: Instant
                    switch channel {
                    case .checkout:
                        paid = created.adding(seconds: Int64(generator.int(in: 60...300)))
                        row.paymentID = identifier("pay_")
                        row.methodDetails = jsonObject([("method", json(generator.pick(["upi", "card", "netbanking", "wallet"])))])
                    case .link:
                        paid = created.adding(minutes: generator.int(in: 2...25))
                        row.paymentID = row.linkID
                        row.methodDetails = jsonObject([("method", json("payment_link"))])
                    case .direct(let method):
                        paid = created
                        row.orderID = "direct_\(appointment.id)_\(paid.microsecondsSinceEpoch / 1000)"
                        row.paymentID = "\(method)_\(appointment.id)_\(appointment.bookedBy)"
                        row.notes =
                            generator.chance(perMille: 400)
                            ? generator.pick(["Paid at reception", "Paid by spouse", "UPI reference shown on phone"]) : nil
                    }
                    row.paidAt = paid
                    row.updatedAt = paid
                case "FAILED":
                    if channel == .link {
                        row.errorCode = "LINK_EXPIRED"
                        row.errorDescription = "Payment link expired"
                        row.updatedAt = created.adding(minutes: 30)
                    } else {
                        let declined = generator.chance(perMille: 300)
                        row.errorCode = declined ? "BAD_REQUEST_ERROR" : "PAYMENT_CANCELLED"
                        row.errorDescription =
                            declined
                            ? "Payment failed: the bank declined the transaction"
                            : "Payment cancelled by user"
                        row.updatedAt = created.adding(minutes: 3)
                    }
                default:
                    break
                }
                return row
            }
            let opened = appointment.bookedAt.adding(seconds: 20)
            switch appointment.payment {
            case .none:
                break
            case .success(let channel):
                rows.append(attempt(channel, "SUCCESS", at: paymentTime(channel, appointment, &generator)))
            case .failedThenSuccess(let channel):
                rows.append(attempt(channel, "FAILED", at: opened))
                rows.append(attempt(channel, "SUCCESS", at: opened.adding(minutes: 5)))
            case .created(let channel):
                rows.append(attempt(channel, "CREATED", at: opened))
            case .failed(let channel):
                rows.append(attempt(channel, "FAILED", at: opened))
            case .failedThenCreated(let channel):
                rows.append(attempt(channel, "FAILED", at: opened))
                rows.append(attempt(channel, "CREATED", at: opened.adding(minutes: 10)))
            }
        }
        let ordered = rows.enumerated().sorted {
            ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset)
        }.map { $0.element }
        var registered: [Int: Instant] = [:]
        var payments: [PlannedPayment] = []
        payments.reserveCapacity(ordered.count)
        var paiseShown = false
        for var row in ordered {
            row.id = firstID + Int64(payments.count)
            if registered[row.patient] == nil { row.registrationFee = registrationFee }
            if row.status == "SUCCESS", registered[row.patient] == nil, let paid = row.paidAt {
                registered[row.patient] = paid
            }
            if !paiseShown, row.status == "SUCCESS", row.method == "CARD" {
                // One amount with paise, as card machines sometimes round.
                row.consultationFee = row.consultationFee + Money(paise: 5)
                row.notes = "Card machine round-off: 5 paise"
                paiseShown = true
            }
            payments.append(row)
        }
        return (payments, registered)
    }

    /// When a successful payment's row is written: Checkout right after booking, a link a few minutes
    /// later, cash/card/UPI on arrival for past visits (at booking for later ones).
    private static func paymentTime(
        _ channel: PaymentChannel, _ appointment: PlannedAppointment,
        _ generator: inout SeededGenerator
    ) -> Instant {
        switch channel {
        case .checkout:
            return appointment.bookedAt.adding(seconds: 20)
        case .link:
            return appointment.bookedAt.adding(minutes: generator.int(in: 1...10))
        case .direct:
            let arrival = appointment.start.adding(minutes: -generator.int(in: 5...20))
            let atBooking = appointment.bookedAt.adding(minutes: 2)
            return appointment.sessionStartedAt != nil ? max(arrival, atBooking) : atBooking
        }
    }

    /// The history rows the web's appointment repository would have written for these appointments.
    static func planHistory(
        _ appointments: [PlannedAppointment], payments: [PlannedPayment],
        clinicians: [ClinicianRecord], bookers: Bookers, today: LocalDate
    ) -> [PlannedHistory] {
        var directPayments: [Int: PlannedPayment] = [:]
        for payment in payments where payment.provider == "DIRECT" && payment.status == "SUCCESS" {
            directPayments[payment.appointment] = payment
        }
        let blockedAt = Instant(date: today, time: LocalTime(hour: 9, minute: 0), offsetSeconds: istOffset)
        var rows: [PlannedHistory] = []
        for (index, appointment) in appointments.enumerated() {
            let clinicianUser = clinicians[appointment.clinician].userID
            let id = appointment.id
            if appointment.source != .webPatient {
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: nil, new: "BOOKED", changedBy: appointment.bookedBy,
                        changedAt: appointment.bookedAt, reason: nil))
            }
            var current = "BOOKED"
            if let direct = directPayments[index], let paid = direct.paidAt {
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: "BOOKED", new: "CONFIRMED",
                        changedBy: appointment.bookedBy, changedAt: paid,
                        reason: "Direct payment received: \(direct.method)"))
                current = "CONFIRMED"
            } else if appointment.payment.isPaid {
                current = "CONFIRMED"
            }
            switch appointment.status {
            case "IN_PROGRESS", "COMPLETED":
                if let started = appointment.sessionStartedAt {
                    rows.append(
                        PlannedHistory(
                            appointmentID: id, previous: current, new: "IN_PROGRESS",
                            changedBy: clinicianUser, changedAt: started, reason: nil))
                }
                if appointment.status == "COMPLETED", let ended = appointment.sessionEndedAt {
                    rows.append(
                        PlannedHistory(
                            appointmentID: id, previous: "IN_PROGRESS", new: "COMPLETED",
                            changedBy: clinicianUser, changedAt: ended, reason: nil))
                }
            case "RESCHEDULED":
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: current, new: "RESCHEDULED",
                        changedBy: bookers.careCoordinator,
                        changedAt: appointment.bookedAt.adding(minutes: 90),
                        reason: "Rescheduled at the patient's request"))
            case "NO_SHOW":
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: current, new: "NO_SHOW",
                        changedBy: bookers.frontDesk[appointment.centre],
                        changedAt: appointment.end.adding(minutes: 15), reason: "Patient did not arrive"))
            case "CANCELLED_BY_ADMIN":
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: current, new: "CANCELLED_BY_ADMIN",
                        changedBy: bookers.admin,
                        changedAt: appointment.blockedSlotID != nil
                            ? blockedAt
                            : appointment.start.adding(minutes: -24 * 60),
                        reason: "Clinician unavailable"))
            case "CANCELLED" where appointment.isActive && appointment.source != .webPatient:
                rows.append(
                    PlannedHistory(
                        appointmentID: id, previous: current, new: "CANCELLED",
                        changedBy: appointment.bookedBy,
                        changedAt: appointment.bookedAt.adding(minutes: 240),
                        reason: "Cancelled by phone on the patient's request"))
            default:
                break
            }
        }
        return rows.sorted { ($0.changedAt, $0.appointmentID) < ($1.changedAt, $1.appointmentID) }
    }

    /// A few future blocks: one clinician's day of leave (every slot of that day) and another's
    /// conference afternoon. `firstDate` is the earliest date the CHECK (`>= CURRENT_DATE`) allows with margin.
    static func planBlocks(_ clinicians: [ClinicianRecord], firstDate: LocalDate, firstID: Int64) -> [PlannedBlock] {
        var blocks: [PlannedBlock] = []
        func workingDay(_ clinician: Int, from date: LocalDate) -> (LocalDate, [RuleTemplate])? {
            for offset in 0..<14 {
                let day = date.adding(days: offset)
                let rules = clinicians[clinician].rules.map { $0.rule }.filter { $0.weekday == day.weekday }
                if !rules.isEmpty { return (day, rules.sorted { $0.start < $1.start }) }
            }
            return nil
        }
        func block(_ clinician: Int, _ date: LocalDate, _ rule: RuleTemplate, limit: Int, reason: String) {
            let duration = clinicians[clinician].profile.durationMinutes
            var minute = rule.start.minutesSinceMidnight
            var count = 0
            while minute + duration <= rule.end.minutesSinceMidnight && count < limit {
                let end = minute + duration
                blocks.append(
                    PlannedBlock(
                        id: firstID + Int64(blocks.count), clinician: clinician, centre: rule.centre,
                        date: date, start: LocalTime(hour: minute / 60, minute: minute % 60),
                        end: LocalTime(hour: end / 60, minute: end % 60), reason: reason))
                minute = end
                count += 1
            }
        }
        let onLeave = clinicians.count > 1 ? 1 : 0
        var leaveDay: LocalDate?
        if case let (date, rules)? = workingDay(onLeave, from: firstDate.adding(days: 3)) {
            leaveDay = date
            for rule in rules { block(onLeave, date, rule, limit: .max, reason: "Clinician on leave") }
        }
        let travelling = clinicians.count > 2 ? 2 : onLeave
        var from = firstDate
        if travelling == onLeave, let leaveDay { from = leaveDay.adding(days: 1) }
        if case let (date, rules)? = workingDay(travelling, from: from), let afternoon = rules.last {
            block(travelling, date, afternoon, limit: 2, reason: "Attending a conference")
        }
        return blocks
    }

    /// `value` in base 62, left-padded with zeros to `width` digits.
    static func base62(_ value: Int, width: Int) -> String {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var remaining = value
        var text = ""
        repeat {
            text.insert(digits[remaining % 62], at: text.startIndex)
            remaining /= 62
        } while remaining > 0
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
