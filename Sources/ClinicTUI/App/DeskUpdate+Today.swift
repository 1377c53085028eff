import ClinicCore
import Foundation

/// The day schedule's keys: day navigation, actions on the selected appointment, the queues.
extension DeskUpdate {
    /// Keys the schedule takes before the key maps (a reason being typed, the details panel).
    static func handleToday(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        if let prompt = state.today.prompt {
            switch prompt {
            case .confirm(_, let id, let command):
                state.today.prompt = nil
                // Enter is also the details key: what cannot be undone takes a y.
                let yes = key == .character("y") || key == .character("Y") || (key == .enter && !command.needsExplicitYes)
                guard yes else {
                    state.message = UserMessageLine(.info, "Nothing changed.")
                    return []
                }
                return [.changeAppointment(actor: session.actor, appointmentID: id, command)]
            case .cancelReason(let id, var field), .declineReason(let id, var field):
                let isCancel: Bool
                if case .cancelReason = prompt { isCancel = true } else { isCancel = false }
                switch key {
                case .escape:
                    state.today.prompt = nil
                    state.message = UserMessageLine(.info, isCancel ? "Not cancelled." : "Request left waiting.")
                case .enter:
                    let reason = field.text.trimmingCharacters(in: .whitespaces)
                    guard !reason.isEmpty else {
                        state.message = UserMessageLine(.error, "Type the reason, then Enter (Esc: leave it).")
                        return []
                    }
                    state.today.prompt = nil
                    let override = PermissionTable.allows(session.actor, .cancelWithin24Hours, centreID: session.centre.id)
                    return [
                        .changeAppointment(
                            actor: session.actor, appointmentID: id,
                            isCancel ? .cancel(reason: reason, override: override) : .declineRequest(reason: reason))
                    ]
                default:
                    if field.handle(key) {
                        state.today.prompt = isCancel ? .cancelReason(appointmentID: id, field) : .declineReason(appointmentID: id, field)
                    }
                }
                return []
            }
        }
        if state.today.details != nil, key == .escape {
            state.today.details = nil
            return []
        }
        if state.today.view == .queues, key == .escape {
            state.today.view = .schedule
            return []
        }
        return nil
    }

    /// Runs a schedule action; nil when the action is not the schedule's.
    static func performToday(_ action: DeskAction, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        let today = session.local(state.now).date
        let shown = state.today.day ?? today
        switch action {
        case .previousDay, .nextDay, .goToToday:
            let day = action == .goToToday ? today : shown.adding(days: action == .nextDay ? 1 : -1)
            state.today.day = day == today ? nil : day
            state.today.table = TableView()
            state.today.details = nil
            return reloadToday(&state)
        case .showDetails where state.today.view == .queues:
            state.message = UserMessageLine(.info, state.today.selectedQueueItem.map(QueuesView.keysHint) ?? "Nothing waiting.")
            return []
        case .checkIn, .startSession, .completeSession, .markNoShow, .cancelAppointment, .moveAppointment, .showDetails:
            guard state.today.view == .schedule, let entry = state.today.selectedEntry else {
                state.message = UserMessageLine(.info, "Select an appointment first (↑/↓).")
                return []
            }
            let command: ScheduleCommand
            // What the core would refuse is said at once, before any question or typing (it checks again).
            if let refusal = refusalBeforeAsking(action, entry, session: session, now: state.now) {
                state.message = refusal
                return []
            }
            let visit = "\(entry.patientName) (\(TodayView.clock(session.local(entry.start).time)))"
            switch action {
            case .checkIn:
                // A stray key must not queue a patient who is not here: early or unpaid check-ins are asked first.
                if let worry = checkInWorry(entry, now: state.now) {
                    ask(
                        question: "Check in \(entry.patientName) (\(TodayView.clock(session.local(entry.start).time)))? \(worry)",
                        appointmentID: entry.appointmentID, .checkIn, &state)
                    return []
                }
                command = .checkIn
            case .startSession: command = .start
            case .completeSession: command = .complete
            case .markNoShow:
                // Final: a patient marked not come cannot be checked in any more.
                ask(
                    question: "Mark \(visit) as not come? The slot is freed; this cannot be undone.", appointmentID: entry.appointmentID,
                    .noShow, &state)
                return []
            case .cancelAppointment:
                state.today.prompt = .cancelReason(appointmentID: entry.appointmentID, TextField(label: "Reason", maxLength: 200))
                return []
            case .moveAppointment:
                state.today.details = nil
                return openAvailability(&state, moving: MovingAppointment(entry), day: session.local(entry.start).date)
            default:
                state.today.details = entry
                return []
            }
            return [.changeAppointment(actor: session.actor, appointmentID: entry.appointmentID, command)]
        case .toggleQueues:
            state.today.view = state.today.view == .schedule ? .queues : .schedule
            state.today.details = nil
            return state.today.view == .queues ? [.loadQueues(actor: session.actor, centreID: session.centre.id)] : []
        case .approveRequest, .declineRequest, .releaseHold, .restorePaid, .refundPaid:
            guard state.today.view == .queues, let item = state.today.selectedQueueItem else {
                state.message = UserMessageLine(.info, "Open the queues with Q and select a line first.")
                return []
            }
            let when = { (start: Instant) in
                let local = session.local(start)
                return DisplayDate.shortWithClock(local.date, local.time)
            }
            let permission: Permission
            switch action {
            case .approveRequest, .declineRequest: permission = .approveCancellationRequest
            case .releaseHold: permission = .releaseStaleHolds
            default: permission = .refundPayment
            }
            if let refusal = roleRefusal(permission, session: session) {
                state.message = refusal
                return []
            }
            switch (action, item) {
            case (.approveRequest, .request(let entry)):
                let refund = entry.isPaid ? " (paid: refund due)" : ""
                ask(
                    question: "Approve: cancel \(entry.patientName), \(when(entry.start))\(refund)?",
                    appointmentID: entry.appointmentID, .approveRequest, &state)
                return []
            case (.declineRequest, .request(let entry)):
                state.today.prompt = .declineReason(appointmentID: entry.appointmentID, TextField(label: "Reason", maxLength: 200))
                return []
            case (.releaseHold, .hold(let entry)):
                ask(
                    question: "Release \(entry.patientName)'s unpaid hold \(when(entry.start))? "
                        + (entry.start < state.now ? "Its time has passed." : "The slot becomes free."),
                    appointmentID: entry.appointmentID, .releaseHold, &state)
                return []
            case (.restorePaid, .paidAfterRelease(let entry)), (.refundPaid, .paidAfterRelease(let entry)):
                let restore = action == .restorePaid
                ask(
                    question: restore
                        ? "Put \(entry.patientName)'s paid visit \(when(entry.start)) back in its slot?"
                        : "Mark \(entry.patientName)'s payment \(entry.amount.description) for refund?",
                    appointmentID: entry.appointmentID, .resolvePaid(entryID: entry.id, restore: restore), &state)
                return []
            default:
                state.message = UserMessageLine(.info, "That key does not apply to the selected line.")
                return []
            }
        case .exportCSV, .printDay:
            guard let snapshot = state.today.snapshot else { return [] }
            return [
                .exportDay(
                    DayListExport(
                        format: action == .exportCSV ? .csv : .text, centreName: session.centre.name, day: snapshot.day,
                        offsetSeconds: session.centre.offsetSeconds, entries: state.today.entries))
            ]
        default:
            return nil
        }
    }

    /// Why the core would refuse `action` on this visit, said before anything is asked or typed.
    private static func refusalBeforeAsking(_ action: DeskAction, _ entry: ScheduleEntry, session: DeskSession, now: Instant)
        -> UserMessageLine?
    {
        let appointmentAction: AppointmentAction
        let permission: Permission
        switch action {
        case .checkIn: (appointmentAction, permission) = (.checkIn, .checkIn)
        case .markNoShow: (appointmentAction, permission) = (.markNoShow, .markNoShow)
        case .cancelAppointment: (appointmentAction, permission) = (.cancel, .cancelAhead)
        case .moveAppointment: (appointmentAction, permission) = (.reschedule, .rescheduleAhead)
        default: return nil
        }
        // In the core's order: the role, then the status, then the time.
        if let refusal = roleRefusal(permission, session: session) { return refusal }
        if appointmentAction == .checkIn, entry.checkedInAt != nil {
            return UserMessageLine(.info, "Already checked in" + (entry.queueToken.map { ", queue token \($0)." } ?? "."))
        }
        if let status = AppointmentStatus(rawValue: entry.status),
            StatusTransitions.target(of: appointmentAction, from: status, paid: entry.paymentState == .paid) == nil
        {
            return UserMessage.line(for: AppointmentError.notFromStatus(appointmentAction, status))
        }
        let within24Hours = entry.start < now.adding(minutes: 24 * 60)
        switch appointmentAction {
        case .checkIn where session.local(entry.start).date != session.local(now).date:
            return UserMessage.line(for: AppointmentError.checkInOnAnotherDay)
        case .markNoShow where entry.start > now:
            return UserMessage.line(for: AppointmentError.noShowBeforeStart)
        case .cancel where within24Hours && !PermissionTable.allows(session.actor, .cancelWithin24Hours, centreID: session.centre.id):
            return UserMessage.line(for: AppointmentError.within24Hours(.cancel))
        case .reschedule
        where within24Hours && !PermissionTable.allows(session.actor, .rescheduleWithin24Hours, centreID: session.centre.id):
            return UserMessage.line(for: AppointmentError.within24Hours(.reschedule))
        default:
            return nil
        }
    }

    /// The role's refusal of `permission` at the working centre, said before a question is asked.
    private static func roleRefusal(_ permission: Permission, session: DeskSession) -> UserMessageLine? {
        do {
            try PermissionTable.check(session.actor, permission, centreID: session.centre.id)
            return nil
        } catch {
            return UserMessage.line(for: error)
        }
    }

    /// Puts a yes/no question before `command` on the prompt line (how to answer is drawn with it).
    private static func ask(question: String, appointmentID: Int64, _ command: ScheduleCommand, _ state: inout AppState) {
        state.today.prompt = .confirm(question: question, appointmentID: appointmentID, command)
    }

    /// Why checking this visit in deserves a question first (nil: check in at once).
    static func checkInWorry(_ entry: ScheduleEntry, now: Instant) -> String? {
        let minutesAhead = Int((entry.start.microsecondsSinceEpoch - now.microsecondsSinceEpoch) / 60_000_000)
        if minutesAhead > 60 { return "Starts in \(minutesAhead / 60) h \(minutesAhead % 60) min." }
        if entry.end < now { return "Its time is over." }
        if entry.paymentState != .paid { return "Not paid yet." }
        return nil
    }

    /// Results of schedule actions.
    static func updateToday(_ state: inout AppState, _ message: Message) -> [Effect] {
        guard let session = state.session else { return [] }
        switch message {
        case .appointmentChanged(let line), .appointmentChangeFailed(let line):
            state.message = line
            var effects = reloadToday(&state)
            if state.today.view == .queues { effects.append(.loadQueues(actor: session.actor, centreID: session.centre.id)) }
            if state.availability.grid != nil { effects += reloadGrid(&state) }
            if case .appointmentChanged = message { effects.append(.deliverOutbox) }
            return effects
        case .queuesLoaded(let snapshot):
            state.today.queues = snapshot
            state.today.queueTable.clamp(rowCount: snapshot.items.count, visibleRows: DeskLayout.todayRows(state))
            return []
        case .exported(let line):
            state.message = line
            return []
        default:
            return []
        }
    }
}
