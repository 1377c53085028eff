import ClinicCore
import Foundation

/// The day schedule's keys: day navigation, actions on the selected appointment, the queues.
extension DeskUpdate {
    /// Keys the schedule takes before the key maps (a reason being typed, the details panel).
    static func handleToday(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        if let prompt = state.today.prompt {
            switch prompt {
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
        case .checkIn, .startSession, .completeSession, .markNoShow, .cancelAppointment, .moveAppointment, .showDetails:
            guard state.today.view == .schedule, let entry = state.today.selectedEntry else {
                state.message = UserMessageLine(.info, "Select an appointment first (↑/↓).")
                return []
            }
            let command: ScheduleCommand
            switch action {
            case .checkIn: command = .checkIn
            case .startSession: command = .start
            case .completeSession: command = .complete
            case .markNoShow: command = .noShow
            case .cancelAppointment:
                // Say at once when no reason would help (the core checks again when it runs).
                if let status = AppointmentStatus(rawValue: entry.status),
                    StatusTransitions.target(of: .cancel, from: status, paid: entry.paymentState == .paid) == nil
                {
                    state.message = UserMessage.line(for: AppointmentError.notFromStatus(.cancel, status))
                    return []
                }
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
            switch (action, item) {
            case (.approveRequest, .request(let entry)):
                return [.changeAppointment(actor: session.actor, appointmentID: entry.appointmentID, .approveRequest)]
            case (.declineRequest, .request(let entry)):
                state.today.prompt = .declineReason(appointmentID: entry.appointmentID, TextField(label: "Reason", maxLength: 200))
                return []
            case (.releaseHold, .hold(let entry)):
                return [.changeAppointment(actor: session.actor, appointmentID: entry.appointmentID, .releaseHold)]
            case (.restorePaid, .paidAfterRelease(let entry)), (.refundPaid, .paidAfterRelease(let entry)):
                return [
                    .changeAppointment(
                        actor: session.actor, appointmentID: entry.appointmentID,
                        .resolvePaid(entryID: entry.id, restore: action == .restorePaid))
                ]
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
