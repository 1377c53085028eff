import ClinicCore

/// The only place the app's state changes: a message in, the effects to run out. No I/O here.
enum DeskUpdate {
    static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        let effects = apply(message, &state)
        // Only a key or a new grid moves the cursor onto another cell.
        switch message {
        case .key, .gridLoaded: return effects + lookUpSelectedPatient(&state)
        default: return effects
        }
    }

    private static func apply(_ message: Message, _ state: inout AppState) -> [Effect] {
        switch message {
        case .key(let key):
            state.lastInputAt = state.now
            return handle(key, &state)
        case .tick(let now):
            state.now = now
            if let deadline = state.idleDeadline, now >= deadline {
                state.lock = LockState()
                state.overlay = nil
            }
            // Waiting messages are delivered about once a minute, and at once after a send.
            guard state.phase == .working, state.lastDeliveryRunAt.map({ now >= $0.adding(minutes: 1) }) ?? true else { return [] }
            state.lastDeliveryRunAt = now
            guard let session = state.session else { return [.deliverOutbox] }
            return [.backgroundJobs(actor: session.actor, centreID: session.centre.id), .deliverOutbox]
        case .resized(let width, let height):
            state.size = (width, height)
            return [.redrawAll]
        case .signedIn(let requestID, let session):
            guard state.signIn.pendingRequest == requestID else { return [] }
            state.signIn = SignInState()
            state.session = session
            state.lastInputAt = state.now
            state.today = TodayState()
            state.message = UserMessageLine(.success, "Signed in as \(session.actor.fullName).")
            if session.centres.count > 1 {
                state.phase = .choosingCentre
                state.centrePicker = CentrePickerState()
                return []
            }
            state.phase = .working
            return reloadToday(&state)
        case .signInFailed(let requestID, let line):
            guard state.signIn.pendingRequest == requestID else { return [] }
            state.signIn.pendingRequest = nil
            state.signIn.error = line.text
            state.signIn.password.text = ""
            state.signIn.password.cursor = 0
            state.signIn.focus = .password
            return []
        case .todayLoaded(let requestID, let snapshot):
            guard state.today.pendingRequest == requestID else { return [] }
            state.today.pendingRequest = nil
            // The selection follows its appointment when a live reload adds or removes rows above it.
            let selected = state.today.selectedEntry?.appointmentID
            state.today.snapshot = snapshot
            if let selected, let row = state.today.entries.firstIndex(where: { $0.appointmentID == selected }) {
                state.today.table.selectedRow = row
            }
            state.today.table.clamp(rowCount: snapshot.entries.count, visibleRows: DeskLayout.todayRows(state))
            if state.today.reloadQueued {
                state.today.reloadQueued = false
                return reloadToday(&state)
            }
            return []
        case .todayFailed(let requestID, let line):
            guard state.today.pendingRequest == requestID else { return [] }
            state.today.pendingRequest = nil
            state.message = line
            return []
        case .unlocked:
            state.lock = nil
            state.lastInputAt = state.now
            state.message = UserMessageLine(.success, "Welcome back.")
            return []
        case .unlockFailed(let line):
            state.lock?.isChecking = false
            state.lock?.error = line.text
            state.lock?.password = TextField(label: "Password", maxLength: 128, isSecure: true)
            return []
        case .databaseChanged(let notifications):
            guard state.phase == .working, let session = state.session else { return [] }
            func touches(centre: Int64?, day: LocalDate?) -> Bool {
                notifications.contains {
                    $0.centre == nil || ($0.centre == centre && ($0.day == nil || day == nil || $0.day == day?.description))
                }
            }
            var effects: [Effect] = []
            if let snapshot = state.today.snapshot, touches(centre: session.centre.id, day: snapshot.day) {
                effects += reloadToday(&state)
            }
            if state.today.view == .queues, touches(centre: session.centre.id, day: nil) {
                effects.append(.loadQueues(actor: session.actor, centreID: session.centre.id))
            }
            if state.availability.grid != nil,
                touches(centre: state.availability.centreID, day: state.availability.mode == .day ? state.availability.day : nil)
            {
                effects += reloadGrid(&state)
            }
            return effects
        case .connectionLost:
            if case .lost = state.connection { return [] }
            state.connection = .lost(attempt: 1)
            return [.probeDatabase(attempt: 1, afterMilliseconds: backoff(attempt: 1))]
        case .connectionStillDown(let attempt):
            state.connection = .lost(attempt: attempt + 1)
            return [.probeDatabase(attempt: attempt + 1, afterMilliseconds: backoff(attempt: attempt + 1))]
        case .connectionRestored:
            let wasLost = state.connection != .connected
            state.connection = .connected
            guard wasLost else { return [] }
            state.message = UserMessageLine(.success, "Database connection is back.")
            guard state.phase == .working else { return [] }
            return reloadToday(&state) + (state.availability.grid != nil ? reloadGrid(&state) : [])
        case .setup(let result):
            return updateSetup(&state, result)
        case .gridLoaded, .gridFailed, .firstFreeFound, .patientNameFound, .booked, .bookingFailed, .moved:
            return updateAvailability(&state, message)
        case .appointmentChanged, .appointmentChangeFailed, .queuesLoaded, .exported:
            return updateToday(&state, message)
        case .notice(let line):
            state.message = line
            return []
        case .patientsFound, .patientOpened, .duplicatesChecked, .patientRegistered, .patientUpdated, .patientRequestFailed, .otpSent,
            .otpChecked, .otpFailed, .outboxCount, .patientVerification, .patientViewers, .patientRefreshed:
            return updatePatients(&state, message)
        case .signedOut:
            state = AppState(size: state.size, now: state.now, idleLockMinutes: state.idleLockMinutes)
            state.message = UserMessageLine(.info, "Signed out.")
            return []
        }
    }

    /// Reconnect delays: 0.5 s, 1 s, 2 s, 4 s … capped at 15 s.
    static func backoff(attempt: Int) -> Int {
        min(15_000, 500 << min(attempt - 1, 5))
    }

    /// Asks for today's appointments; a load already in flight is followed by one more.
    static func reloadToday(_ state: inout AppState) -> [Effect] {
        guard let session = state.session else { return [] }
        if state.today.pendingRequest != nil {
            state.today.reloadQueued = true
            return []
        }
        let requestID = state.makeRequestID()
        state.today.pendingRequest = requestID
        let day = state.today.day ?? session.local(state.now).date
        return [.loadToday(requestID: requestID, actor: session.actor, centreID: session.centre.id, day: day)]
    }

    // MARK: - Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .resize { return [.redrawAll] }
        if key == .control("l") { return [.redrawAll] }
        if state.lock != nil { return handleLocked(key, &state) }
        if case .confirmQuit? = state.overlay {
            switch key {
            case .character("y"), .character("Y"):
                state.isQuitting = true
                return [.quit]
            default:
                state.overlay = nil
                return []
            }
        }
        if case .confirmWalkIn(let patientID, _, let centreID)? = state.overlay {
            state.overlay = nil
            guard key == .enter || key == .character("y") || key == .character("Y"), let session = state.session else {
                state.message = UserMessageLine(.info, "No walk-in booked.")
                return []
            }
            state.availability.walkInPending = true
            return [.walkIn(actor: session.actor, patientID: patientID, centreID: centreID)]
        }
        if case .confirmSignOut? = state.overlay {
            state.overlay = nil
            guard key == .character("y") || key == .character("Y"), let session = state.session else { return [] }
            return [.signOut(session.actor)]
        }
        switch state.phase {
        case .signIn: return handleSignIn(key, &state)
        case .choosingCentre: return handleCentrePicker(key, &state)
        case .working: return handleWorking(key, &state)
        }
    }

    private static func handleSignIn(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard !state.signIn.isBusy else { return key == .control("q") ? quit(&state) : [] }
        if !DeskKeyMaps.isPriority(key), state.signIn.withFocusedField({ $0.handle(key) }) {
            state.signIn.error = nil
            return []
        }
        switch DeskKeyMaps.form.action(for: key) {
        case .nextField?, .previousField?:
            state.signIn.focus = state.signIn.focus == .login ? .password : .login
            return []
        case .submit?:
            if state.signIn.focus == .login, state.signIn.password.text.isEmpty, !state.signIn.login.text.isEmpty {
                state.signIn.focus = .password
                return []
            }
            if let problem = state.signIn.validationError {
                state.signIn.error = problem
                return []
            }
            let requestID = state.makeRequestID()
            state.signIn.pendingRequest = requestID
            state.signIn.error = nil
            return [.signIn(requestID: requestID, login: state.signIn.login.text, password: state.signIn.password.text)]
        case .quit?:
            return quit(&state)
        default:
            if key == .escape { state.signIn.error = nil }
            return []
        }
    }

    private static func handleCentrePicker(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var session = state.session else { return [] }
        switch key {
        case .enter:
            let index = state.centrePicker.table.selectedRow
            guard session.centres.indices.contains(index) else { return [] }
            session.centre = session.centres[index]
            session.actor.activeCentreID = session.centre.id
            state.session = session
            state.phase = .working
            state.today = TodayState()
            // The grid follows the desk to its new centre; one left on the old centre invites a booking there.
            state.availability = AvailabilityState()
            // Leave, clinicians and hours on screen belonged to the centre left behind.
            state.setup = SetupState(section: state.setup.section)
            state.message = UserMessageLine(.info, "Working at \(session.centre.name).")
            switch state.screen {
            case .availability: return reloadToday(&state) + openAvailability(&state)
            case .setup: return reloadToday(&state) + openSetup(&state)
            case .today, .patients: return reloadToday(&state)
            }
        case .escape where state.centrePicker.canGoBack:
            state.phase = .working
            state.message = UserMessageLine(.info, "Still working at \(session.centre.name).")
            return []
        case .character("q") where state.centrePicker.canGoBack:
            state.overlay = .confirmQuit
            return []
        case .control("q"), .character("q"):
            return quit(&state)
        default:
            _ = state.centrePicker.table.handle(key, rowCount: session.centres.count, visibleRows: DeskLayout.listRows(state))
            return []
        }
    }

    private static func handleWorking(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .palette(var palette)? = state.overlay {
            let matches = paletteMatches(palette.query.text)
            switch key {
            case .escape:
                state.overlay = nil
                return []
            case .enter:
                state.overlay = nil
                let index = palette.table.selectedRow
                guard matches.indices.contains(index) else { return [] }
                return perform(matches[index].action, &state)
            case .up, .down, .pageUp, .pageDown:
                _ = palette.table.handle(key, rowCount: matches.count, visibleRows: 10)
            default:
                if palette.query.handle(key) { palette.table = TableView() }
            }
            state.overlay = .palette(palette)
            return []
        }
        if case .help(let offset)? = state.overlay {
            let page = DeskLayout.helpRows(state)
            let textWidth = HelpView.textWidth(boxWidth: state.size.width)
            let last = max(0, HelpView.lines(DeskRender.helpMaps(state), textWidth: textWidth).count - page)
            switch key {
            case .down, .character("j"): state.overlay = .help(offset: min(last, offset + 1))
            case .up, .character("k"): state.overlay = .help(offset: max(0, offset - 1))
            case .pageDown, .character(" "): state.overlay = .help(offset: min(last, offset + page))
            case .pageUp: state.overlay = .help(offset: max(0, offset - page))
            case .escape, .function(1), .character("?"): state.overlay = nil
            default:
                // Any other key closes the help and then does what it does on the screen beneath.
                state.overlay = nil
                return handleWorking(key, &state)
            }
            return []
        }
        // A message answers the key before; the next key starts afresh, so an old error never sits
        // under a newer success.
        state.message = nil
        if state.screen == .patients, let effects = handlePatients(key, &state) { return effects }
        if state.screen == .today, let effects = handleToday(key, &state) { return effects }
        if state.screen == .availability, let effects = handleAvailability(key, &state) { return effects }
        if state.screen == .setup, let effects = handleSetup(key, &state) { return effects }
        let screenMap = DeskRender.screenMap(state.screen)
        if let action = DeskKeyMaps.global.action(for: key) ?? screenMap.action(for: key) {
            // A lone q is easily typed by mistake (a name typed on the wrong screen); Ctrl-Q is meant.
            if action == .quit, key == .character("q") {
                state.overlay = .confirmQuit
                return []
            }
            return perform(action, &state)
        }
        return []
    }

    private static func handleLocked(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var lock = state.lock, let session = state.session else { return [] }
        defer { state.lock = lock }
        if lock.isConfirmingSwitch {
            if key == .character("y") || key == .character("Y") {
                lock.isConfirmingSwitch = false
                return [.signOut(session.actor)]
            }
            lock.isConfirmingSwitch = false
            return []
        }
        guard !lock.isChecking else { return [] }
        switch key {
        case .enter:
            guard !lock.password.text.isEmpty else {
                lock.error = "Type your password to unlock."
                return []
            }
            lock.isChecking = true
            lock.error = nil
            return [.verifyUnlock(session.actor, password: lock.password.text)]
        case .function(10):
            lock.isConfirmingSwitch = true
            return []
        default:
            if lock.password.handle(key) { lock.error = nil }
            return []
        }
    }

    /// Runs an action from a key or the palette.
    static func perform(_ action: DeskAction, _ state: inout AppState) -> [Effect] {
        if state.screen == .availability, let effects = performAvailability(action, &state) { return effects }
        if state.screen == .setup, let effects = performSetup(action, &state) { return effects }
        if state.screen == .today, let effects = performToday(action, &state) { return effects }
        let visibleRows = DeskLayout.todayRows(state)
        let inQueues = state.today.view == .queues
        let rowCount = inQueues ? (state.today.queues?.items.count ?? 0) : state.today.entries.count
        var table = inQueues ? state.today.queueTable : state.today.table
        defer {
            if inQueues { state.today.queueTable = table } else { state.today.table = table }
        }
        switch action {
        case .showHelp:
            state.overlay = .help(offset: 0)
        case .openPalette:
            state.overlay = .palette(PaletteState())
        case .showToday:
            state.overlay = nil
            // F2 on the queues goes back to the schedule.
            if state.screen == .today { state.today.view = .schedule }
            state.screen = .today
        case .showPatients:
            state.overlay = nil
            state.screen = .patients
        case .lock:
            state.lock = LockState()
            state.overlay = nil
        case .redraw:
            return [.redrawAll]
        case .quit:
            return quit(&state)
        case .back:
            state.overlay = nil
            state.message = nil
        case .moveUp: table.move(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .moveDown: table.move(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: table.pageUp(rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: table.pageDown(rowCount: rowCount, visibleRows: visibleRows)
        case .top: table.moveToFirst(rowCount: rowCount, visibleRows: visibleRows)
        case .bottom: table.moveToLast(rowCount: rowCount, visibleRows: visibleRows)
        case .refresh:
            guard let session = state.session else { return [] }
            return reloadToday(&state) + (inQueues ? [.loadQueues(actor: session.actor, centreID: session.centre.id)] : [])
        case .showAvailability:
            return openAvailability(&state)
        case .showSetup:
            return openSetup(&state)
        case .walkIn:
            // From the schedule, the walk-in is for the schedule's centre, whatever the grid last showed.
            state.availability.centreID = state.session?.centre.id
            return performAvailability(.walkIn, &state) ?? []
        case .switchCentre:
            guard let session = state.session, session.centres.count > 1 else {
                state.message = UserMessageLine(.info, "You work at one centre only.")
                return []
            }
            if let unsaved = state.unsavedWork {
                state.message = UserMessageLine(
                    .error,
                    unsaved == AppState.unsavedHours
                        ? "Centre not switched: save (s, then y) or drop (r) the unsaved weekly hours first."
                        : "Centre not switched: finish or drop \(unsaved) first.")
                return []
            }
            state.phase = .choosingCentre
            state.centrePicker = CentrePickerState(canGoBack: true)
            if let current = session.centres.firstIndex(of: session.centre) {
                state.centrePicker.table.move(by: current, rowCount: session.centres.count, visibleRows: DeskLayout.listRows(state))
            }
        case .signOut:
            guard let session = state.session else { return [] }
            if state.hasUnsavedInput {
                state.overlay = .confirmSignOut
                return []
            }
            return [.signOut(session.actor)]
        case .registerPatient:
            state.overlay = nil
            state.screen = .patients
            if state.patients.registration == nil { state.patients.registration = RegistrationState() }
        case .editPatient:
            guard state.screen == .patients, state.patients.record?.record != nil, state.patients.registration == nil else {
                state.message = UserMessageLine(.info, "Open the patient first (F3, find them, Enter), then e.")
                return []
            }
            startEditingPatient(&state)
            return []
        case .submit, .nextField, .previousField, .openSelected, .sendCode, .convertPhone, .showViewers:
            break
        // The rest come from the palette on another screen: go to their screen and do it there.
        case .previousDay, .nextDay, .goToToday, .checkIn, .startSession, .completeSession, .markNoShow, .cancelAppointment,
            .moveAppointment, .showDetails, .toggleQueues, .exportCSV, .printDay, .approveRequest, .declineRequest, .releaseHold,
            .restorePaid, .refundPaid:
            guard state.screen != .today else { break }
            state.overlay = nil
            state.screen = .today
            return performToday(action, &state) ?? []
        case .moveLeft, .moveRight, .bookSlot, .goToDate, .toggleWeek, .nextCentre, .filterSpecialization, .firstFree:
            guard state.screen != .availability else { break }
            let opened = openAvailability(&state)
            return opened + (performAvailability(action, &state) ?? [])
        case .nextSection, .newLeave, .newHoliday, .liftLeave, .showCovered, .keepCovered, .cancelCovered, .moveCovered,
            .previousClinician, .nextClinician, .addHours, .deleteHours, .saveHours, .editPolicies:
            let opened = openSetup(&state)
            return opened + (performSetup(action, &state) ?? [])
        }
        return []
    }

    private static func quit(_ state: inout AppState) -> [Effect] {
        if state.hasUnsavedInput {
            state.overlay = .confirmQuit
            return []
        }
        state.isQuitting = true
        return [.quit]
    }

    /// Palette entries for a query: every action of the signed-in screens.
    static func paletteMatches(_ query: String) -> [KeyBinding<DeskAction>] {
        let all =
            DeskKeyMaps.global.search(query) + DeskKeyMaps.today.search(query) + DeskKeyMaps.availability.search(query)
            + DeskKeyMaps.setup.search(query)
            + DeskKeyMaps.patients.search(query)
        return all.filter { $0.action != .back }
    }
}
