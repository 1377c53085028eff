import ClinicCore
import Foundation

/// The availability grid: moving over slots, days and centres, and the booking dialog.
extension DeskUpdate {
    /// Shows the grid (for moving `moving` when given), at `day` or the day already shown.
    static func openAvailability(_ state: inout AppState, moving: MovingAppointment? = nil, day: LocalDate? = nil) -> [Effect] {
        guard let session = state.session else { return [] }
        state.overlay = nil
        state.screen = .availability
        state.availability.moving = moving
        if let moving {
            state.availability.centreID = moving.centreID ?? session.centre.id
            state.availability.mode = .day
            state.availability.focusAfterLoad = nil
        }
        if state.availability.centreID == nil { state.availability.centreID = session.centre.id }
        if let day { state.availability.day = day }
        if state.availability.day == nil { state.availability.day = session.local(state.now).date }
        return reloadGrid(&state)
    }

    /// Reads the grid again; a load in flight is followed by one more.
    static func reloadGrid(_ state: inout AppState) -> [Effect] {
        guard let session = state.session, let centre = state.availability.centreID, let day = state.availability.day else { return [] }
        if state.availability.pendingRequest != nil {
            state.availability.reloadQueued = true
            return []
        }
        let requestID = state.makeRequestID()
        state.availability.pendingRequest = requestID
        let clinician = state.availability.mode == .week ? state.availability.weekClinicianID : nil
        return [
            .loadGrid(
                requestID: requestID, actor: session.actor, centreID: centre, day: day, clinicianID: clinician,
                specialization: state.availability.specialization)
        ]
    }

    /// Keys the grid takes before the key maps: the prompt and the booking dialog.
    static func handleAvailability(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        if let prompt = state.availability.prompt {
            switch prompt {
            case .goToDate(var field), .specialization(var field):
                let isDate: Bool
                if case .goToDate = prompt { isDate = true } else { isDate = false }
                switch key {
                case .escape:
                    state.availability.prompt = nil
                case .enter:
                    state.availability.prompt = nil
                    if isDate {
                        switch DateInput.parse(field.text, today: session.local(state.now).date) {
                        case .success(let day):
                            state.availability.day = day
                            return reloadGrid(&state)
                        case .failure(let problem):
                            state.message = UserMessageLine(.error, problem.description)
                            state.availability.prompt = .goToDate(field)
                        }
                    } else {
                        state.availability.specialization = field.text.trimmingCharacters(in: .whitespaces)
                        state.availability.row = 0
                        return reloadGrid(&state)
                    }
                default:
                    if field.handle(key) { state.availability.prompt = isDate ? .goToDate(field) : .specialization(field) }
                }
                return []
            }
        }
        guard var dialog = state.availability.booking else {
            if key == .escape, let moving = state.availability.moving {
                state.availability.moving = nil
                state.message = UserMessageLine(.info, "Not moved.")
                if moving.returnTo == .setup { state.screen = .setup }
                return []
            }
            return nil
        }
        defer { if state.availability.booking != nil { state.availability.booking = dialog } }
        switch dialog.step {
        case .sending:
            return []
        case .booked:
            if key == .enter || key == .escape {
                state.availability.booking = nil
                return []
            }
            return []
        case .confirm:
            switch key {
            case .escape:
                state.availability.booking = nil
                return []
            case .character("t"):
                let order: [AppointmentType] = [.inPerson, .online, .followUp]
                dialog.type = order[((order.firstIndex(of: dialog.type) ?? 0) + 1) % order.count]
                state.availability.draftType = dialog.type
                return []
            case .enter:
                dialog.error = nil
                if dialog.slot.isBookable {
                    guard let booking = request(dialog, centreID: state.availability.centreID, overbook: nil) else {
                        dialog.error = "Open the patient first (F3), then book."
                        return []
                    }
                    dialog.step = .sending
                    return [.book(actor: session.actor, booking)]
                }
                dialog.step = .overbookReason
                return []
            default:
                return []
            }
        case .overbookReason, .moveReason:
            switch key {
            case .escape:
                state.availability.booking = nil
                return []
            case .enter:
                let reason = dialog.reason.text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else {
                    dialog.error = "Type the reason first."
                    return []
                }
                let wasMove = dialog.step == .moveReason
                dialog.step = .sending
                dialog.error = nil
                if wasMove, let moving = state.availability.moving {
                    return [
                        .reschedule(
                            actor: session.actor, appointmentID: moving.appointmentID, start: dialog.slot.start,
                            clinicianID: dialog.clinician.id, reason: reason)
                    ]
                }
                guard let booking = request(dialog, centreID: state.availability.centreID, overbook: reason) else {
                    dialog.step = .overbookReason
                    dialog.error = "Open the patient first (F3), then book."
                    return []
                }
                return [.book(actor: session.actor, booking)]
            default:
                if dialog.reason.handle(key) { dialog.error = nil }
                return []
            }
        }
    }

    private static func request(_ dialog: BookingDialogState, centreID: Int64?, overbook: String?) -> BookingRequest? {
        guard let patientID = dialog.patientID else { return nil }
        return BookingRequest(
            patientID: patientID, clinicianID: dialog.clinician.id, centreID: centreID ?? dialog.slot.centreID,
            start: dialog.slot.start, type: dialog.type, overbookReason: overbook)
    }

    /// Runs a grid action; nil when the action is not the grid's.
    static func performAvailability(_ action: DeskAction, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        var grid = state.availability
        defer { state.availability = grid }
        // Reads the grid again with the changes made so far (reloadGrid works on the whole state).
        func reload() -> [Effect] {
            state.availability = grid
            defer { grid = state.availability }
            return reloadGrid(&state)
        }
        let rows = grid.grid?.rows.count ?? 0
        let columns = grid.grid?.times.count ?? 0
        switch action {
        case .moveUp, .moveDown:
            grid.row = max(0, min(rows - 1, grid.row + (action == .moveUp ? -1 : 1)))
        case .moveLeft, .moveRight:
            grid.column = max(0, min(columns - 1, grid.column + (action == .moveLeft ? -1 : 1)))
            keepColumnVisible(&grid, width: state.size.width)
        case .previousDay, .nextDay:
            let step = grid.mode == .week ? 7 : 1
            grid.day = (grid.day ?? session.local(state.now).date).adding(days: action == .nextDay ? step : -step)
            return reload()
        case .goToDate:
            grid.prompt = .goToDate(TextField(label: "Date", maxLength: 12))
        case .filterSpecialization:
            grid.prompt = .specialization(TextField(label: "Specialization", text: grid.specialization, maxLength: 60))
        case .toggleWeek:
            if grid.mode == .day {
                guard let clinician = grid.grid?.rows[safe: grid.row]?.clinician else {
                    state.message = UserMessageLine(.info, "Select a clinician's row first.")
                    return []
                }
                grid.mode = .week
                grid.weekClinicianID = clinician.id
                grid.row = 0
            } else {
                grid.mode = .day
                grid.row = 0
            }
            return reload()
        case .nextCentre:
            guard grid.moving == nil else {
                state.message = UserMessageLine(.info, "An appointment moves within its centre: pick a slot here, or Esc.")
                return []
            }
            guard session.centres.count > 1 else {
                state.message = UserMessageLine(.info, "You work at one centre only.")
                return []
            }
            let index = session.centres.firstIndex { $0.id == grid.centreID } ?? 0
            grid.centreID = session.centres[(index + 1) % session.centres.count].id
            grid.row = 0
            grid.mode = .day
            return reload()
        case .firstFree:
            let requestID = state.makeRequestID()
            return [
                .findFirstFree(
                    requestID: requestID, actor: session.actor, centreID: grid.centreID ?? session.centre.id,
                    specialization: grid.specialization, after: state.now)
            ]
        case .refresh:
            return reload()
        case .bookSlot:
            guard let slot = grid.selectedSlot, let clinician = grid.grid?.rows[safe: grid.row]?.clinician else {
                state.message = UserMessageLine(.info, "Move to a slot first.")
                return []
            }
            let centreName = grid.grid?.centre.name ?? session.centre.name
            if let moving = grid.moving {
                guard slot.isBookable else {
                    state.message = UserMessageLine(.error, "Pick a free slot to move \(moving.patientName) to.")
                    return []
                }
                grid.booking = BookingDialogState(
                    patientID: nil, patientName: moving.patientName, movingFrom: moving, slot: slot, clinician: clinician,
                    centreName: centreName, type: moving.type ?? slot.mode.appointmentType, step: .moveReason)
                return []
            }
            guard let patient = state.openPatient else {
                state.message = UserMessageLine(
                    .error, "Open the patient first: F3 (Patients), find them, Enter — then F4 and Enter on the slot.")
                return []
            }
            let canOverbook = PermissionTable.allows(session.actor, .overbook, centreID: grid.centreID)
            let occupied: Set<SlotState> = [.bookedUnpaid, .paid, .checkedIn, .inSession, .tooShort]
            guard slot.isBookable || (canOverbook && occupied.contains(slot.state) && slot.start >= state.now) else {
                state.message = UserMessageLine(
                    .error, SlotLabel.describe(slot, clinician: clinician, patientName: grid.selectedPatientName) + " Pick a free slot.")
                return []
            }
            grid.booking = BookingDialogState(
                patientID: patient.id, patientName: patient.name, patientIdentity: patient.identity, slot: slot, clinician: clinician,
                centreName: centreName, type: grid.draftType ?? slot.mode.appointmentType)
        case .walkIn:
            guard let patient = state.openPatient else {
                state.message = UserMessageLine(.error, "Open the walk-in patient first: F3 (Patients), find or register them, Enter.")
                return []
            }
            guard !grid.walkInPending else {
                state.message = UserMessageLine(.info, "Booking the walk-in…")
                return []
            }
            let mrn = patient.identity.components(separatedBy: " · ").first ?? ""
            let name = mrn.isEmpty ? patient.name : "\(patient.name) (\(mrn))"
            state.overlay = .confirmWalkIn(patientID: patient.id, name: name, centreID: grid.centreID ?? session.centre.id)
            return []
        default:
            return nil
        }
        return []
    }

    /// Results of grid reads and bookings.
    static func updateAvailability(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .gridLoaded(let requestID, let data):
            guard state.availability.pendingRequest == requestID else { return [] }
            state.availability.pendingRequest = nil
            state.availability.grid = data
            state.availability.nameLookups.removeAll()
            // An older grid arriving first leaves the "first free" target for the grid of its day.
            if let focus = state.availability.focusAfterLoad, data.rows.contains(where: { $0.day == focus.localDate }) {
                state.availability.focusAfterLoad = nil
                if let row = data.rows.firstIndex(where: { $0.clinician.id == focus.clinicianID && $0.day == focus.localDate }),
                    let column = data.times.firstIndex(of: focus.localTime)
                {
                    state.availability.row = row
                    state.availability.column = column
                }
            }
            state.availability.row = max(0, min(state.availability.row, data.rows.count - 1))
            state.availability.column = max(0, min(state.availability.column, data.times.count - 1))
            keepColumnVisible(&state.availability, width: state.size.width)
            if state.availability.reloadQueued {
                state.availability.reloadQueued = false
                return reloadGrid(&state)
            }
            return []
        case .patientNameFound(let appointmentID, let name):
            guard let name else { return [] }
            state.availability.nameLookups.remove(appointmentID)
            if state.availability.patientNames.count > 2_000 { state.availability.patientNames.removeAll() }
            state.availability.patientNames[appointmentID] = name
            return []
        case .gridFailed(let requestID, let line):
            guard state.availability.pendingRequest == requestID else { return [] }
            state.availability.pendingRequest = nil
            state.message = line
            return []
        case .firstFreeFound(_, let found):
            guard let found else {
                state.message = UserMessageLine(.info, "No free slot in the next four weeks with this filter.")
                return []
            }
            state.availability.mode = .day
            state.availability.centreID = found.centre.id
            state.availability.day = found.slot.localDate
            state.availability.focusAfterLoad = found.slot
            state.message = UserMessageLine(
                .success,
                "First free: \(found.clinician.name), \(DisplayDate.long(found.slot.localDate)) \(DisplayDate.time(found.slot.localTime)).")
            return reloadGrid(&state)
        case .booked(let receipt):
            state.availability.walkInPending = false
            if state.availability.booking != nil {
                state.availability.booking?.step = .booked(receipt)
            }
            state.message = UserMessageLine(
                .success,
                "Booked \(receipt.patientName) with \(receipt.clinicianName), \(DisplayDate.short(receipt.localDate)) \(DisplayDate.time(receipt.localTime)). Fee \(receipt.fee)."
            )
            return reloadGrid(&state) + reloadToday(&state) + [.deliverOutbox]
        case .bookingFailed(let line, let slotTaken):
            state.availability.walkInPending = false
            if state.availability.booking != nil {
                state.availability.booking?.error = line.text
                state.availability.booking?.step = state.availability.moving != nil ? .moveReason : .confirm
            } else {
                state.message = line
            }
            return slotTaken ? reloadGrid(&state) : []
        case .moved(let line):
            let returnTo = state.availability.moving?.returnTo ?? .today
            state.availability.booking = nil
            state.availability.moving = nil
            state.message = line
            state.screen = returnTo
            return reloadGrid(&state) + reloadToday(&state) + (returnTo == .setup ? reloadSetup(&state) : []) + [.deliverOutbox]
        default:
            return []
        }
    }

    /// Reads the name of the patient in the cell under the cursor, once per appointment.
    static func lookUpSelectedPatient(_ state: inout AppState) -> [Effect] {
        guard state.screen == .availability, let session = state.session,
            let appointment = state.availability.selectedSlot?.appointment,
            state.availability.patientNames[appointment.id] == nil, !state.availability.nameLookups.contains(appointment.id)
        else { return [] }
        state.availability.nameLookups.insert(appointment.id)
        return [.lookUpPatientName(actor: session.actor, appointmentID: appointment.id)]
    }

    /// Scrolls the grid sideways so the cursor's column is on screen.
    static func keepColumnVisible(_ grid: inout AvailabilityState, width: Int) {
        let visible = AvailabilityView.visibleColumns(width: width)
        if grid.column < grid.firstColumn { grid.firstColumn = grid.column }
        if grid.column >= grid.firstColumn + visible { grid.firstColumn = grid.column - visible + 1 }
        grid.firstColumn = max(0, grid.firstColumn)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
