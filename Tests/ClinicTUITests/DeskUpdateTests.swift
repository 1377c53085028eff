import ClinicCore
import Testing

@testable import ClinicTUI

@Suite("update: keys and results in, state and effects out")
struct DeskUpdateTests {
    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = DeskUpdate.update(&state, .key(.character(character))) }
    }

    @Test("signing in: typing fills the fields, Enter sends one request, a late answer to an old request is ignored")
    func signInFlow() {
        var state = AppState()
        state.now = DeskFixtures.now
        type("frontdesk.blr", into: &state)
        #expect(DeskUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(state.signIn.focus == .password)
        type("demo-frontdesk-1", into: &state)
        let effects = DeskUpdate.update(&state, .key(.enter))
        guard case .signIn(let requestID, "frontdesk.blr", "demo-frontdesk-1")? = effects.first else {
            Issue.record("expected a sign-in effect, got \(effects)")
            return
        }
        // A stale failure (another request id) changes nothing.
        _ = DeskUpdate.update(&state, .signInFailed(requestID: requestID + 99, UserMessageLine(.error, "old")))
        #expect(state.signIn.isBusy)
        let loaded = DeskUpdate.update(&state, .signedIn(requestID: requestID, DeskFixtures.session()))
        #expect(state.phase == .working)
        guard case .loadToday(_, _, 1, let day)? = loaded.first else {
            Issue.record("expected today's appointments to load, got \(loaded)")
            return
        }
        #expect(day == LocalDate(year: 2026, month: 11, day: 26))
        #expect(state.signIn.password.text.isEmpty, "the password must not stay in memory")
    }

    @Test("an empty form says what is missing instead of sending")
    func emptyFormIsRefused() {
        var state = AppState()
        state.signIn.focus = .password
        #expect(DeskUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(state.signIn.error == "Type your username or phone number.")
    }

    @Test("a refused sign-in shows the message and clears only the password")
    func failedSignIn() {
        var state = AppState()
        type("frontdesk.blr", into: &state)
        state.signIn.focus = .password
        type("wrong", into: &state)
        guard case .signIn(let id, _, _)? = DeskUpdate.update(&state, .key(.enter)).first else {
            Issue.record("no sign-in effect")
            return
        }
        _ = DeskUpdate.update(&state, .signInFailed(requestID: id, UserMessageLine(.error, "Wrong username or password.")))
        #expect(state.signIn.error == "Wrong username or password.")
        #expect(state.signIn.login.text == "frontdesk.blr")
        #expect(state.signIn.password.text.isEmpty)
        #expect(!state.signIn.isBusy)
    }

    @Test("a focused field takes printable keys first: q and 1 are text while signing in")
    func focusedFieldTakesKeys() {
        var state = AppState()
        #expect(DeskUpdate.update(&state, .key(.character("q"))).isEmpty)
        type("1", into: &state)
        #expect(state.signIn.login.text == "q1")
        #expect(!state.isQuitting)
    }

    @Test("quitting with something typed asks first; y quits, any other key stays")
    func quitConfirmation() {
        var state = AppState()
        type("admin", into: &state)
        #expect(DeskUpdate.update(&state, .key(.control("q"))).isEmpty)
        #expect(state.overlay == .confirmQuit)
        _ = DeskUpdate.update(&state, .key(.character("n")))
        #expect(state.overlay == nil)
        #expect(state.signIn.login.text == "admin")
        _ = DeskUpdate.update(&state, .key(.control("q")))
        #expect(DeskUpdate.update(&state, .key(.character("y"))) == [.quit])
    }

    @Test("on Today, q asks before quitting and Ctrl-Q quits at once (nothing unsaved), ? opens help, Ctrl-P the palette, Esc closes")
    func workingKeys() {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.character("?")))
        #expect(state.overlay == .help(offset: 0))
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.overlay == nil)
        _ = DeskUpdate.update(&state, .key(.control("p")))
        #expect(state.overlay == .palette(PaletteState()))
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(DeskUpdate.update(&state, .key(.character("q"))).isEmpty)
        #expect(DeskFixtures.render(state).plainText().contains("Quit clinic-desk? y: quit   any other key: stay"))
        _ = DeskUpdate.update(&state, .key(.character("r")))
        #expect(!state.isQuitting)
        _ = DeskUpdate.update(&state, .key(.character("q")))
        #expect(DeskUpdate.update(&state, .key(.character("y"))) == [.quit])
        var direct = DeskFixtures.working()
        #expect(DeskUpdate.update(&direct, .key(.control("q"))) == [.quit])
    }

    @Test("the palette finds an action by part of its name and runs it")
    func paletteRunsActions() {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.character(":")))
        type("lock", into: &state)
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.lock != nil)
        #expect(state.overlay == nil)
    }

    @Test("moving through the day's appointments stays inside the list")
    func tableMovement() {
        var state = DeskFixtures.working()
        for _ in 0..<20 { _ = DeskUpdate.update(&state, .key(.down)) }
        #expect(state.today.table.selectedRow == DeskFixtures.entries.count - 1)
        _ = DeskUpdate.update(&state, .key(.home))
        #expect(state.today.table.selectedRow == 0)
        _ = DeskUpdate.update(&state, .key(.character("G")))
        #expect(state.today.table.selectedRow == DeskFixtures.entries.count - 1)
    }

    @Test("live updates reload today only for this centre and day; bursts coalesce; stale loads are dropped")
    func liveUpdates() {
        var state = DeskFixtures.working()
        let other = ChangeNotification(table: "appointments", op: "INSERT", id: 9, centre: 2, day: "2026-11-26")
        #expect(DeskUpdate.update(&state, .databaseChanged([other])).isEmpty)
        let tomorrow = ChangeNotification(table: "appointments", op: "INSERT", id: 9, centre: 1, day: "2026-11-27")
        #expect(DeskUpdate.update(&state, .databaseChanged([tomorrow])).isEmpty)
        let here = ChangeNotification(table: "payments", op: "UPDATE", id: 4, centre: 1, day: "2026-11-26")
        let first = DeskUpdate.update(&state, .databaseChanged([here]))
        guard case .loadToday(let requestID, _, _, _)? = first.first else {
            Issue.record("expected a reload, got \(first)")
            return
        }
        #expect(DeskUpdate.update(&state, .databaseChanged([here])).isEmpty, "a reload in flight is followed by one more, not many")
        #expect(state.today.reloadQueued)
        let stale = TodaySnapshot(day: LocalDate(year: 2026, month: 11, day: 26), entries: [])
        _ = DeskUpdate.update(&state, .todayLoaded(requestID: requestID - 1, stale))
        #expect(state.today.entries.count == DeskFixtures.entries.count, "an older answer must not overwrite")
        let next = DeskUpdate.update(&state, .todayLoaded(requestID: requestID, stale))
        #expect(state.today.entries.isEmpty)
        #expect(next.count == 1, "the queued reload runs once the first finishes")
    }

    @Test("a lost connection shows the banner state, backs off, keeps what was typed, and reloads when back")
    func connectionLoss() {
        var state = AppState()
        type("frontdesk.blr", into: &state)
        #expect(DeskUpdate.update(&state, .connectionLost) == [.probeDatabase(attempt: 1, afterMilliseconds: 500)])
        #expect(DeskUpdate.update(&state, .connectionStillDown(attempt: 1)) == [.probeDatabase(attempt: 2, afterMilliseconds: 1000)])
        #expect(state.connection == .lost(attempt: 2))
        #expect(DeskUpdate.update(&state, .connectionLost).isEmpty, "one reconnect loop at a time")
        _ = DeskUpdate.update(&state, .connectionRestored)
        #expect(state.connection == .connected)
        #expect(state.signIn.login.text == "frontdesk.blr")
        #expect(DeskUpdate.backoff(attempt: 20) == 15_000)
    }

    @Test("idle for the configured minutes locks; the same user unlocks and finds everything as it was")
    func idleLock() {
        var state = DeskFixtures.working()
        state.idleLockMinutes = 5
        _ = DeskUpdate.update(&state, .key(.down))
        _ = DeskUpdate.update(&state, .tick(DeskFixtures.now.adding(minutes: 4)))
        #expect(state.lock == nil)
        _ = DeskUpdate.update(&state, .tick(DeskFixtures.now.adding(minutes: 5)))
        #expect(state.lock != nil)
        // Keys go to the password field, not the screen behind.
        for character in "demo-frontdesk-1" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        #expect(state.today.table.selectedRow == 1)
        let effects = DeskUpdate.update(&state, .key(.enter))
        #expect(effects == [.verifyUnlock(DeskFixtures.session().actor, password: "demo-frontdesk-1")])
        _ = DeskUpdate.update(&state, .unlockFailed(UserMessageLine(.error, "That password is not right.")))
        #expect(state.lock?.error == "That password is not right.")
        #expect(state.lock?.password.text.isEmpty == true)
        _ = DeskUpdate.update(&state, .unlocked)
        #expect(state.lock == nil)
        #expect(state.today.table.selectedRow == 1)
    }

    @Test("F12 locks at once; F10 on the lock screen asks before signing someone else in")
    func lockAndSwitchUser() {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.function(12)))
        #expect(state.lock != nil)
        _ = DeskUpdate.update(&state, .key(.function(10)))
        #expect(state.lock?.isConfirmingSwitch == true)
        _ = DeskUpdate.update(&state, .key(.character("n")))
        #expect(state.lock?.isConfirmingSwitch == false)
        _ = DeskUpdate.update(&state, .key(.function(10)))
        #expect(DeskUpdate.update(&state, .key(.character("y"))) == [.signOut(DeskFixtures.session().actor)])
        _ = DeskUpdate.update(&state, .signedOut)
        #expect(state.phase == .signIn)
        #expect(state.session == nil)
        #expect(state.lock == nil)
    }

    @Test("staff reaching several centres choose one, and can switch later with F9")
    func centreChoice() {
        var state = AppState()
        state.now = DeskFixtures.now
        state.signIn.pendingRequest = 3
        _ = DeskUpdate.update(
            &state, .signedIn(requestID: 3, DeskFixtures.session(centres: [DeskFixtures.indiranagar, DeskFixtures.kadavanthra])))
        #expect(state.phase == .choosingCentre)
        _ = DeskUpdate.update(&state, .key(.down))
        let effects = DeskUpdate.update(&state, .key(.enter))
        #expect(state.session?.centre == DeskFixtures.kadavanthra)
        #expect(state.session?.actor.activeCentreID == 2)
        guard case .loadToday(_, _, 2, _)? = effects.first else {
            Issue.record("expected Kadavanthra's day to load, got \(effects)")
            return
        }
        _ = DeskUpdate.update(&state, .key(.function(9)))
        #expect(state.phase == .choosingCentre)
        #expect(state.centrePicker.table.selectedRow == 1)
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.phase == .working)
        #expect(state.session?.centre == DeskFixtures.kadavanthra)

        // The grid follows the desk to its new centre.
        _ = DeskUpdate.update(&state, .key(.function(4)))
        #expect(state.availability.centreID == 2)
        _ = DeskUpdate.update(&state, .key(.function(9)))
        _ = DeskUpdate.update(&state, .key(.up))
        let switched = DeskUpdate.update(&state, .key(.enter))
        #expect(state.screen == .availability)
        #expect(state.availability.centreID == 1)
        #expect(
            switched.contains {
                if case .loadGrid(_, _, 1, _, _, _) = $0 { return true }
                return false
            })
    }

    @Test("a message answers one key: the next key clears it, so an old error never sits under a later success")
    func messagesLastOneKey() {
        var state = DeskFixtures.working()
        state.message = UserMessageLine(.error, "t+400 is more than a year away; type the date instead, e.g. 24/11/2027.")
        _ = DeskUpdate.update(&state, .key(.down))
        #expect(state.message == nil)
        _ = DeskUpdate.update(&state, .appointmentChanged(UserMessageLine(.success, "Checked in. Queue token 1.")))
        #expect(state.message?.text == "Checked in. Queue token 1.")
        _ = DeskUpdate.update(&state, .key(.function(4)))
        #expect(state.message == nil)
    }

    @Test("F9 and sign-out never drop typed work silently: the switch is refused naming it, sign-out asks first")
    func unsavedWorkSurvivesCentreSwitchAndSignOut() throws {
        var state = DeskFixtures.working()
        state.session = DeskFixtures.session(centres: [DeskFixtures.indiranagar, DeskFixtures.kadavanthra])
        state.session?.actor.assignments = [RoleAssignment(role: .centreManager, centreID: 1)]
        _ = DeskUpdate.update(&state, .key(.function(5)))
        _ = DeskUpdate.update(&state, .key(.tab))
        _ = DeskUpdate.update(
            &state, .setup(.hours(clinicians: SetupUpdateTests.clinicians, clinicianID: 3, windows: [SetupUpdateTests.window(1, 9, 13)])))
        _ = DeskUpdate.update(&state, .key(.character("a")))
        for character in "wed\t14:00\t17" {
            _ = DeskUpdate.update(&state, .key(character == "\t" ? .tab : .character(character)))
        }
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.setup.hasUnsavedHours)
        _ = DeskUpdate.update(&state, .key(.function(9)))
        #expect(state.phase == .working)
        #expect(state.setup.hasUnsavedHours)
        #expect(state.message?.text == "Centre not switched: save (s, then y) or drop (r) the unsaved weekly hours first.")
        let asked = DeskUpdate.update(&state, .key(.function(10)))
        #expect(asked.isEmpty)
        #expect(state.overlay == .confirmSignOut)
        #expect(DeskFixtures.render(state).plainText().contains("Sign out and lose the unsaved weekly hours? y: sign out"))
        _ = DeskUpdate.update(&state, .key(.character("n")))
        #expect(state.overlay == nil)
        #expect(state.setup.hasUnsavedHours)
        _ = DeskUpdate.update(&state, .key(.function(10)))
        let actor = try #require(state.session?.actor)
        #expect(DeskUpdate.update(&state, .key(.character("y"))) == [.signOut(actor)])
    }
}
