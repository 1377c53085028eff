/// Draws the whole state into a buffer. Pure: the same state always gives the same frame.
enum DeskRender {
    static let minimumWidth = 80
    static let minimumHeight = 24

    /// Renders and returns where the cursor belongs (nil = hidden).
    @discardableResult
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) -> (x: Int, y: Int)? {
        buffer.clear()
        let full = Rect(x: 0, y: 0, width: buffer.width, height: buffer.height)
        if buffer.width < minimumWidth || buffer.height < minimumHeight {
            let text = "Make the window larger (now \(buffer.width)×\(buffer.height), need \(minimumWidth)×\(minimumHeight))."
            buffer.draw(text, x: 0, y: buffer.height / 2, style: .warning, maxWidth: buffer.width)
            return nil
        }
        let (statusLine, belowStatus) = full.splitTop(1)
        StatusBar.render(state, into: &buffer, rect: statusLine)
        var body = belowStatus
        if case .lost(let attempt) = state.connection {
            let (bannerLine, rest) = body.splitTop(1)
            Banner("Database connection lost — reconnecting (attempt \(attempt))… Your typing is kept.")
                .render(into: &buffer, rect: bannerLine)
            body = rest
        }
        let (content, bottom) = body.splitBottom(2)
        let messageLine = bottom.row(0)
        let footerLine = bottom.row(1)

        if let lock = state.lock, let session = state.session {
            return point(LockView.render(lock, userName: session.actor.fullName, into: &buffer, rect: body))
        }
        var cursor: (x: Int, y: Int)?
        switch state.phase {
        case .signIn:
            cursor = point(SignInView.render(state.signIn, into: &buffer, rect: content))
        case .choosingCentre:
            if let session = state.session {
                CentrePickerView.render(state.centrePicker, session: session, into: &buffer, rect: content)
            }
        case .working:
            if let session = state.session {
                switch state.screen {
                case .patients:
                    cursor = point(PatientsView.render(state.patients, session: session, now: state.now, into: &buffer, rect: content))
                case .today:
                    cursor = point(TodayView.render(state.today, session: session, now: state.now, into: &buffer, rect: content))
                case .setup:
                    cursor = point(SetupView.render(state.setup, session: session, into: &buffer, rect: content))
                case .availability:
                    cursor = point(
                        AvailabilityView.render(
                            state.availability, bookingFor: state.availability.moving == nil ? state.openPatient?.name : nil,
                            into: &buffer, rect: content))
                }
            }
        }
        switch state.overlay {
        case .help(let offset)?:
            HelpView.render(helpMaps(state), offset: offset, into: &buffer, rect: content)
            cursor = nil
        case .palette(let palette)?:
            cursor = point(
                PaletteView.render(
                    palette, matches: DeskUpdate.paletteMatches(palette.query.text), into: &buffer,
                    rect: content))
        case .confirmQuit?, .confirmSignOut?:
            let leaving = state.overlay == .confirmQuit ? "Quit" : "Sign out"
            let question =
                state.unsavedWork.map { "\(leaving) and lose \($0)?" }
                ?? (state.phase != .signIn && state.overlay == .confirmQuit ? "Quit clinic-desk?" : "\(leaving) and lose what you typed?")
            buffer.fill(messageLine, style: .warning)
            buffer.draw(
                "\(question) y: \(leaving.lowercased())   any other key: stay", x: messageLine.x + 1,
                y: messageLine.y, style: .warning, maxWidth: messageLine.width - 2)
        case .confirmWalkIn(_, let name, _)?:
            buffer.fill(messageLine, style: .warning)
            buffer.draw(
                "Walk-in for \(name), next free slot today? Enter: book  Esc: no", x: messageLine.x + 1,
                y: messageLine.y, style: .warning, maxWidth: messageLine.width - 2)
        case nil:
            break
        }
        let asking: Bool
        switch state.overlay {
        case .confirmQuit?, .confirmSignOut?, .confirmWalkIn?: asking = true
        default: asking = false
        }
        if !asking, let message = state.message {
            message.render(into: &buffer, rect: messageLine)
        }
        Footer.render(footerEntries(state, width: footerLine.width), into: &buffer, rect: footerLine)
        return cursor
    }

    /// The key maps the help shows for the current screen.
    static func helpMaps(_ state: AppState) -> [KeyMap<DeskAction>] {
        guard state.phase == .working else { return [DeskKeyMaps.form] }
        return [DeskKeyMaps.global, screenMap(state.screen)]
    }

    /// The key map of a signed-in screen.
    static func screenMap(_ screen: AppState.Screen) -> KeyMap<DeskAction> {
        switch screen {
        case .today: return DeskKeyMaps.today
        case .patients: return DeskKeyMaps.patients
        case .availability: return DeskKeyMaps.availability
        case .setup: return DeskKeyMaps.setup
        }
    }

    static func footerEntries(_ state: AppState, width: Int) -> [Footer.Entry] {
        let bindings: [KeyBinding<DeskAction>]
        switch state.phase {
        case .signIn: bindings = DeskKeyMaps.form.footerBindings(width: width) { _ in .visible }
        case .choosingCentre: bindings = []
        case .working:
            bindings =
                screenMap(state.screen).footerBindings(width: width) { action in
                    switch state.screen {
                    case .setup: return DeskKeyMaps.setupFooterAvailability(action, state.setup)
                    case .today: return DeskKeyMaps.todayFooterAvailability(action, state.today)
                    case .patients: return DeskKeyMaps.patientsFooterAvailability(action, state.patients)
                    case .availability: return .visible
                    }
                }
                + DeskKeyMaps.global.footerBindings(width: width) { _ in .visible }
        }
        var entries = bindings.map { Footer.Entry(keyName: $0.primaryKeyName, title: $0.title) }
        if state.phase == .choosingCentre {
            entries = [Footer.Entry(keyName: "Enter", title: "Work here")]
            if state.centrePicker.canGoBack { entries.append(Footer.Entry(keyName: "Esc", title: "Back")) }
            entries.append(Footer.Entry(keyName: "q", title: "Quit"))
        }
        return entries
    }

    private static func point(_ position: (cursorX: Int, cursorY: Int)?) -> (x: Int, y: Int)? {
        position.map { ($0.cursorX, $0.cursorY) }
    }
}
