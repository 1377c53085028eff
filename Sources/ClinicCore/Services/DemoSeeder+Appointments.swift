// Appointments: every clinician's slots from 60 days back to 21 days ahead, filled the way a busy
// practice fills them, in every status the web writes, never double-booking a clinician or a patient.

extension DemoSeeder {
    /// India Standard Time, +05:30 (the web hard-codes it; centres.timezone is never read).
    static let istOffset = 19_800
    static let pastDays = 60
    static let futureDays = 21

    /// How an appointment was (or will be) paid.
    enum PaymentChannel: Sendable, Equatable {
        /// Razorpay Checkout from the patient's web booking.
        case checkout
        /// A Razorpay payment link sent by staff.
        case link
        /// Cash, card or UPI taken at the desk (`payment_method`).
        case direct(String)
    }

    /// The payment rows an appointment gets.
    enum PaymentPlan: Sendable, Equatable {
        case none
        case success(PaymentChannel)
        case failedThenSuccess(PaymentChannel)
        case created(PaymentChannel)
        case failed(PaymentChannel)
        case failedThenCreated(PaymentChannel)

        var isPaid: Bool {
            switch self {
            case .success, .failedThenSuccess: return true
            default: return false
            }
        }
    }

    /// One clinician with the ids the seed gave them.
    struct ClinicianRecord: Sendable {
        var staffIndex: Int
        var userID: Int64
        var profileID: Int64
        var fullName: String
        var profile: ClinicianTemplate
        var rules: [(id: Int64, rule: RuleTemplate)]
        /// What the web charges: the fee, or ₹500 when it is not set.
        var fee: Money { Money(rupees: Int64(profile.fee ?? 500)) }
    }

    /// One appointment row to write (ids as the database will hold them).
    struct PlannedAppointment: Sendable {
        var id: Int64
        var patient: Int
        var clinician: Int
        var centre: Int
        var type: AppointmentType
        var start: Instant
        var durationMinutes: Int
        var status = "BOOKED"
        var isActive = true
        var source: BookingSource
        var bookedBy: Int64
        var bookedAt: Instant
        var parentID: Int64?
        var notes: String?
        var patientNotes: String?
        var sessionStartedAt: Instant?
        var sessionEndedAt: Instant?
        var cancellationReason: String?
        var cancellationRequestedAt: Instant?
        var meetLink: String?
        var meetEventID: String?
        var refundEligible = false
        var refundStatus: String?
        var blockedSlotID: Int64?
        var payment = PaymentPlan.none

        var end: Instant { start.adding(minutes: durationMinutes) }
    }

    enum DayClass: Sendable { case past, today, future }

    static let allStatuses = [
        "BOOKED", "CONFIRMED", "IN_PROGRESS", "PENDING", "RESCHEDULED", "COMPLETED", "CANCELLED",
        "CANCELLED_BY_ADMIN", "CANCELLATION_REQUESTED", "NO_SHOW",
    ]
    /// "CANCELLED" whose checkout failed: the web's rollback also sets is_active = false.
    static let rolledBack = "CANCELLED:rollback"

    private static let statusWeights: [DayClass: [(String, Int)]] = [
        .past: [
            ("COMPLETED", 640), ("NO_SHOW", 80), ("CANCELLED", 110), (rolledBack, 25), ("CANCELLED_BY_ADMIN", 20),
            ("CONFIRMED", 45), ("BOOKED", 30), ("RESCHEDULED", 50),
        ],
        .today: [
            ("CONFIRMED", 600), ("BOOKED", 150), ("CANCELLED", 100), ("RESCHEDULED", 60), ("PENDING", 50),
            (rolledBack, 40),
        ],
        .future: [
            ("CONFIRMED", 470), ("BOOKED", 220), ("CANCELLED", 90), (rolledBack, 20), ("RESCHEDULED", 60),
            ("PENDING", 40), ("CANCELLATION_REQUESTED", 100),
        ],
    ]

    /// Who can book, and the users.id they book as.
    struct Bookers: Sendable {
        var frontDesk: [Int64]  // by centre
        var careCoordinator: Int64
        var manager: Int64
        var admin: Int64
    }

    /// Fills the clinicians' slots. `blocked[clinician][date][startMinute]` is the blocked_slots.id of a
    /// slot the admin blocked; its bookings become CANCELLED_BY_ADMIN.
    struct AppointmentPlanner {
        let today: LocalDate
        /// Minutes after midnight (IST) today at which visits are in session.
        let inSessionMinute: Int
        let patients: Int
        let clinicians: [ClinicianRecord]
        let bookers: Bookers
        let patientUserBase: Int64
        let blocked: [Int: [LocalDate: [Int: Int64]]]
        var generator: SeededGenerator
        var appointments: [PlannedAppointment] = []
        private var nextID: Int64
        private var busy: [Int: [(Int64, Int64)]] = [:]
        private var history: [[Int]]
        private var parents = Set<Int64>()

        init(
            today: LocalDate, inSessionMinute: Int, patients: Int, clinicians: [ClinicianRecord], bookers: Bookers,
            patientUserBase: Int64,
            blocked: [Int: [LocalDate: [Int: Int64]]], firstID: Int64, generator: SeededGenerator
        ) {
            self.today = today
            self.inSessionMinute = inSessionMinute
            self.patients = patients
            self.clinicians = clinicians
            self.bookers = bookers
            self.patientUserBase = patientUserBase
            self.blocked = blocked
            self.generator = generator
            nextID = firstID
            history = Array(repeating: [], count: clinicians.count)
        }

        /// Walks every day, clinician and slot in time order.
        mutating func plan() {
            for offset in -pastDays...futureDays {
                let date = today.adding(days: offset)
                let dayClass: DayClass = offset < 0 ? .past : offset == 0 ? .today : .future
                let occupancy = dayClass == .past ? 700 : dayClass == .today ? 800 : 850 - (offset - 1) * 28
                for clinician in clinicians.indices {
                    let rules = clinicians[clinician].rules.map { $0.rule }.filter { $0.weekday == date.weekday }
                    for rule in rules.sorted(by: { $0.start < $1.start }) {
                        let duration = clinicians[clinician].profile.durationMinutes
                        var minute = rule.start.minutesSinceMidnight
                        while minute + duration <= rule.end.minutesSinceMidnight {
                            let blockedID = blocked[clinician]?[date]?[minute]
                            let inProgressSlot =
                                dayClass == .today && rule.mode == "IN_PERSON" && minute <= inSessionMinute
                                && inSessionMinute < minute + duration && (clinician == 0 || generator.chance(perMille: 600))
                            if inProgressSlot || generator.chance(perMille: occupancy) {
                                fill(
                                    clinician: clinician, rule: rule, date: date, minute: minute, dayClass: dayClass,
                                    blockedID: blockedID, inProgress: inProgressSlot)
                            }
                            minute += duration
                        }
                    }
                }
            }
            ensureEveryStatus()
        }

        private mutating func fill(
            clinician: Int, rule: RuleTemplate, date: LocalDate, minute: Int, dayClass: DayClass,
            blockedID: Int64?, inProgress: Bool
        ) {
            let start = Instant(date: date, time: LocalTime(hour: minute / 60, minute: minute % 60), offsetSeconds: istOffset)
            guard var appointment = makeAppointment(clinician: clinician, rule: rule, start: start, rebooking: nil)
            else { return }
            let status =
                blockedID != nil
                ? "CANCELLED_BY_ADMIN"
                : inProgress ? "IN_PROGRESS" : generator.pick(weighted: statusWeights[dayClass] ?? [])
            appointment.blockedSlotID = blockedID
            apply(status, to: &appointment)
            add(appointment)
            // A slot freed by a cancellation is often booked again by someone else.
            guard blockedID == nil, appointment.status == "CANCELLED", generator.chance(perMille: 400),
                var second = makeAppointment(clinician: clinician, rule: rule, start: start, rebooking: appointment)
            else { return }
            var again = generator.pick(weighted: statusWeights[dayClass] ?? [])
            if again == "CANCELLED" || again == rolledBack { again = dayClass == .past ? "COMPLETED" : "CONFIRMED" }
            apply(again, to: &second)
            add(second)
        }

        private mutating func makeAppointment(
            clinician index: Int, rule: RuleTemplate, start: Instant,
            rebooking earlier: PlannedAppointment?
        ) -> PlannedAppointment? {
            let clinician = clinicians[index]
            let end = start.adding(minutes: clinician.profile.durationMinutes)
            var patient: Int?
            var parent: Int64?
            for attempt in 0..<6 {
                var candidate = generator.below(patients)
                var candidateParent: Int64?
                if attempt < 3, !history[index].isEmpty, generator.chance(perMille: 350) {
                    let previous = appointments[generator.pick(Array(history[index].suffix(40)))]
                    candidate = previous.patient
                    candidateParent = previous.id
                }
                if isFree(candidate, start, end), candidate != earlier?.patient {
                    patient = candidate
                    parent = candidateParent
                    break
                }
            }
            guard let patient else { return nil }
            let source = generator.pick(weighted: [
                (BookingSource.webPatient, 550), (.adminFrontDesk, 280),
                (.adminCareCoordinator, 110), (.adminManager, 60),
            ])
            let bookedBy: Int64
            switch source {
            case .webPatient: bookedBy = patientUserBase + Int64(patient)
            case .adminFrontDesk: bookedBy = bookers.frontDesk[rule.centre]
            case .adminCareCoordinator: bookedBy = bookers.careCoordinator
            case .adminManager: bookedBy = bookers.manager
            }
            let type: AppointmentType = rule.mode == "ONLINE" ? .online : parent != nil ? .followUp : .inPerson
            let leadMinutes = generator.int(in: 60...(14 * 24 * 60))
            var bookedAt = clampBooking(start.adding(minutes: -leadMinutes), before: start)
            if let earlier {
                bookedAt = clampBooking(earlier.bookedAt.adding(minutes: generator.int(in: 300...2880)), before: start)
            }
            let patientNotes =
                source == .webPatient && generator.chance(perMille: 150)
                ? generator.pick([
                    "Difficulty sleeping for 3 weeks", "First consultation", "Follow-up on medication",
                    "Referred by my family doctor", "Prefer a female therapist", "Need a medical certificate",
                    "Feeling anxious before exams", "हिंदी में बात करना पसंद है",
                ]) : nil
            return PlannedAppointment(
                id: 0, patient: patient, clinician: index, centre: rule.centre, type: type,
                start: start, durationMinutes: clinician.profile.durationMinutes, source: source,
                bookedBy: bookedBy, bookedAt: bookedAt, parentID: parent, patientNotes: patientNotes)
        }

        /// Bookings happen before the appointment and no later than early on `today`.
        private mutating func clampBooking(_ candidate: Instant, before start: Instant) -> Instant {
            let latest = Instant(date: today, time: LocalTime(hour: 8, minute: 0), offsetSeconds: istOffset)
                .adding(minutes: -generator.int(in: 0...600))
            return min(candidate, start.adding(minutes: -15), latest)
        }

        private func isFree(_ patient: Int, _ start: Instant, _ end: Instant) -> Bool {
            guard let taken = busy[patient] else { return true }
            return !taken.contains { $0.0 < end.microsecondsSinceEpoch && start.microsecondsSinceEpoch < $0.1 }
        }

        private mutating func add(_ planned: PlannedAppointment) {
            var appointment = planned
            appointment.id = nextID
            nextID += 1
            if let parent = appointment.parentID { parents.insert(parent) }
            busy[appointment.patient, default: []].append(
                (appointment.start.microsecondsSinceEpoch, appointment.end.microsecondsSinceEpoch))
            if appointment.status == "COMPLETED" { history[appointment.clinician].append(appointments.count) }
            appointments.append(appointment)
        }

        /// Sets the status and what goes with it: session times, cancellation fields, payment plan.
        private mutating func apply(_ status: String, to appointment: inout PlannedAppointment) {
            appointment.status = status == rolledBack ? "CANCELLED" : status
            appointment.isActive = status != rolledBack
            appointment.notes = nil
            appointment.sessionStartedAt = nil
            appointment.sessionEndedAt = nil
            appointment.cancellationReason = nil
            appointment.cancellationRequestedAt = nil
            appointment.meetLink = nil
            appointment.meetEventID = nil
            appointment.refundEligible = false
            appointment.refundStatus = nil
            let web = appointment.source == .webPatient
            let channel: PaymentChannel =
                web
                ? .checkout
                : generator.chance(perMille: 550)
                    ? .direct(generator.pick(weighted: [("CASH", 400), ("UPI", 450), ("CARD", 150)])) : .link
            let unpaidChannel: PaymentChannel = web ? .checkout : .link
            switch status {
            case "COMPLETED":
                let started = appointment.start.adding(minutes: generator.int(in: 0...10))
                appointment.sessionStartedAt = started
                appointment.sessionEndedAt = started.adding(minutes: appointment.durationMinutes - generator.int(in: 0...6))
                if generator.chance(perMille: 400) {
                    appointment.notes = generator.pick([
                        "Reviewed sleep diary; continue current plan.",
                        "Dose adjusted; review in four weeks.",
                        "Worked on thought records; homework given.",
                        "Family session; follow-up in two weeks.",
                        "Initial assessment done.",
                    ])
                }
            case "IN_PROGRESS":
                appointment.sessionStartedAt = appointment.start.adding(minutes: generator.int(in: 1...6))
            case "CANCELLED" where web:
                appointment.notes = generator.pick([
                    "Feeling better, will book later", "Travelling that week",
                    "Exam clash", "Could not get leave from work",
                ])
            case "CANCELLATION_REQUESTED":
                appointment.cancellationReason = generator.pick([
                    "Unable to attend due to a family function",
                    "Need to reschedule because of office travel",
                    "Unwell, would like to cancel this session",
                ])
                appointment.cancellationRequestedAt = clampBooking(
                    appointment.bookedAt.adding(minutes: generator.int(in: 60...2880)), before: appointment.start)
            case "RESCHEDULED":
                appointment.notes = "Rescheduled at the patient's request"
            default:
                break
            }
            switch status {
            case "CONFIRMED", "COMPLETED", "IN_PROGRESS", "RESCHEDULED", "CANCELLATION_REQUESTED":
                appointment.payment = web && generator.chance(perMille: 80) ? .failedThenSuccess(channel) : .success(channel)
            case "NO_SHOW":
                appointment.payment = generator.chance(perMille: 700) ? .success(channel) : .none
            case "CANCELLED_BY_ADMIN":
                appointment.payment = generator.chance(perMille: 600) ? .success(channel) : .none
                appointment.refundEligible = appointment.payment.isPaid
                appointment.refundStatus = appointment.payment.isPaid ? "PENDING" : "NOT_APPLICABLE"
            case "CANCELLED":
                appointment.payment =
                    generator.chance(perMille: 300)
                    ? .success(channel)
                    : generator.chance(perMille: 150) ? .created(unpaidChannel) : .none
            case rolledBack:
                appointment.payment = .failed(unpaidChannel)
            case "BOOKED":
                appointment.payment = generator.pick(weighted: [
                    (PaymentPlan.created(unpaidChannel), 400),
                    (.failedThenCreated(unpaidChannel), 100),
                    (.failed(unpaidChannel), 100), (.none, 400),
                ])
            case "PENDING":
                appointment.payment = generator.chance(perMille: 600) ? .created(unpaidChannel) : .none
            default:
                appointment.payment = .none
            }
            if appointment.type == .online, appointment.payment.isPaid, appointment.status != "CANCELLED" {
                appointment.meetLink = "https://meet.google.com/\(generator.letters(3))-\(generator.letters(4))-\(generator.letters(3))"
                appointment.meetEventID = generator.letters(26)
            }
        }

        /// Small seeds can miss a rare status by chance; turn one suitable appointment into each missing one.
        private mutating func ensureEveryStatus() {
            var counts: [String: Int] = [:]
            for appointment in appointments { counts[appointment.status, default: 0] += 1 }
            let occupying: Set<String> = [
                "BOOKED", "CONFIRMED", "IN_PROGRESS", "PENDING", "RESCHEDULED", "COMPLETED",
                "CANCELLATION_REQUESTED",
            ]
            for status in allStatuses where counts[status, default: 0] == 0 {
                let candidate = appointments.indices.first { index in
                    let appointment = appointments[index]
                    let date = appointment.start.local(offsetSeconds: istOffset).date
                    let fits: Bool
                    switch status {
                    case "COMPLETED", "NO_SHOW": fits = date < today
                    case "IN_PROGRESS":
                        let starts = appointment.start.local(offsetSeconds: istOffset).time.minutesSinceMidnight
                        let ends = appointment.end.local(offsetSeconds: istOffset).time.minutesSinceMidnight
                        fits = date == today && starts <= inSessionMinute && inSessionMinute < ends
                    case "CANCELLATION_REQUESTED": fits = date > today
                    default: fits = true
                    }
                    return fits && appointment.isActive && occupying.contains(appointment.status)
                        && counts[appointment.status, default: 0] > 1 && !parents.contains(appointment.id)
                        && appointment.blockedSlotID == nil
                }
                guard let index = candidate else { continue }
                counts[appointments[index].status, default: 0] -= 1
                var changed = appointments[index]
                apply(status, to: &changed)
                appointments[index] = changed
                counts[status, default: 0] += 1
            }
        }
    }
}
