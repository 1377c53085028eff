import Testing

@testable import ClinicCore
@testable import ClinicTUI

@Suite("Hours & leave: update and drawing")
struct SetupUpdateTests {
    static let today = LocalDate(year: 2026, month: 11, day: 26)
    static let clinicians = [ClinicianChoice(id: 3, name: "Dr. Ananya Iyer"), ClinicianChoice(id: 4, name: "Kavya Hegde")]
    static let leave = LeaveSummary(
        id: 8, kind: .leave, clinicianName: "Dr. Ananya Iyer", centreName: nil, firstDay: today.adding(days: 1),
        lastDay: today.adding(days: 2), reason: "Conference", blockedSlots: 12)
    static let covered = QueueEntry(
        appointmentID: 41, status: "CONFIRMED", start: DeskFixtures.ist(10, 0).adding(minutes: 24 * 60), createdAt: DeskFixtures.now,
        patientName: "प्रिया शर्मा", clinicianName: "Dr. Ananya Iyer", reason: nil, isPaid: true, hasOpenPaymentLink: false)

    static func type(_ text: String, _ state: inout AppState) {
        for character in text { _ = DeskUpdate.update(&state, .key(.character(character))) }
    }

    static func setupRequests(_ effects: [Effect]) -> [SetupRequest] {
        effects.compactMap { effect in
            if case .setup(_, let request) = effect { return request }
            return nil
        }
    }

    static func screen(_ state: AppState) -> String { DeskFixtures.render(state).plainText() }

    /// A weekly window from `from` to `to` o'clock on `day` (0 = Sunday).
    static func window(_ day: Int, _ from: Int, _ to: Int, minutes: Int = 30, centre: Int64 = 1) -> WeeklyRules.Window {
        WeeklyRules.Window(
            centreID: centre, weekday: day, start: LocalTime(hour: from, minute: 0), end: LocalTime(hour: to, minute: 0),
            slotMinutes: minutes, mode: .inPerson)
    }

    /// Signed in as the centre's manager (leave, holidays and hours are theirs to change).
    static func manager(size: (Int, Int) = (80, 24)) -> AppState {
        var state = DeskFixtures.working(size: size)
        state.session?.actor.assignments = [RoleAssignment(role: .centreManager, centreID: 1)]
        return state
    }

    @Test(
        "F5 opens leave & holidays; the front desk is told at once it cannot record leave; a manager's wrong name is refused in words, a right one records it"
    )
    func recordsLeave() {
        var desk = DeskFixtures.working()
        #expect(Self.setupRequests(DeskUpdate.update(&desk, .key(.function(5)))) == [.loadLeaves(centreID: 1)])
        _ = DeskUpdate.update(&desk, .key(.character("n")))
        #expect(desk.setup.leaveForm == nil)
        #expect(desk.message?.text.contains("cannot record clinicians' leave") == true)
        var state = Self.manager()
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.function(5)))) == [.loadLeaves(centreID: 1)])
        #expect(state.screen == .setup)
        _ = DeskUpdate.update(&state, .setup(.leaves([Self.leave], clinicians: Self.clinicians)))
        #expect(Self.screen(state).contains("Leave: Dr. Ananya Iyer"))
        _ = DeskUpdate.update(&state, .key(.character("n")))
        Self.type("zed", &state)
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.enter))).isEmpty)
        #expect(Self.screen(state).contains("No clinician of this centre is called \"zed\""))
        for _ in 0..<3 { _ = DeskUpdate.update(&state, .key(.backspace)) }
        Self.type("iyer", &state)
        // Whom the part of a name means is said while typing, before Enter.
        #expect(Self.screen(state).contains("Leave for Dr. Ananya Iyer. Enter saves, Esc cancels."))
        _ = DeskUpdate.update(&state, .key(.tab))
        Self.type("t+1", &state)
        _ = DeskUpdate.update(&state, .key(.tab))
        _ = DeskUpdate.update(&state, .key(.tab))
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.enter))).isEmpty)
        #expect(Self.screen(state).contains("Type a reason"))
        Self.type("Conference", &state)
        let effects = DeskUpdate.update(&state, .key(.enter))
        #expect(
            Self.setupRequests(effects) == [
                .addLeave(clinicianID: 3, from: Self.today.adding(days: 1), to: Self.today.adding(days: 1), reason: "Conference")
            ])
    }

    @Test("recorded leave over booked visits lists them: K keeps, C asks then cancels, m moves on the grid and comes back")
    func coveredVisits() {
        var state = Self.manager(size: (100, 30))
        _ = DeskUpdate.update(&state, .key(.function(5)))
        _ = DeskUpdate.update(
            &state, .setup(.leaveAdded(LeaveResult(leaveID: 8, blockedSlots: 12, coveredAppointments: [Self.covered]), Self.leave)))
        #expect(Self.screen(state).contains("प्रिया शर्मा"))
        #expect(state.message?.text.contains("1 booked visit(s) to decide") == true)
        #expect(
            Self.setupRequests(DeskUpdate.update(&state, .key(.character("K"))))
                == [.resolveCovered(Self.leave, appointmentID: 41, cancel: false)])
        // One change at a time: nothing else is sent until the answer comes.
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.character("K")))).isEmpty)
        #expect(state.message?.text == "Working…")
        _ = DeskUpdate.update(&state, .setup(.done(UserMessageLine(.success, "Kept: the visit stands."))))
        _ = DeskUpdate.update(&state, .key(.character("C")))
        #expect(Self.screen(state).contains("Cancel प्रिया शर्मा's visit (Conference)?"))
        #expect(
            Self.setupRequests(DeskUpdate.update(&state, .key(.character("y"))))
                == [.resolveCovered(Self.leave, appointmentID: 41, cancel: true)])
        _ = DeskUpdate.update(&state, .setup(.failed(UserMessageLine(.error, "The database refused the change."))))
        _ = DeskUpdate.update(&state, .key(.character("C")))
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.character("n")))).isEmpty)
        var elsewhere = Self.covered
        elsewhere.centreID = 99
        elsewhere.centreName = "Mibo Mind Clinic – Kadavanthra"
        _ = DeskUpdate.update(&state, .setup(.covered(Self.leave, [elsewhere])))
        _ = DeskUpdate.update(&state, .key(.character("m")))
        #expect(state.screen == .setup)
        #expect(state.message?.text.contains("is at Mibo Mind Clinic – Kadavanthra; a desk there moves it") == true)
        _ = DeskUpdate.update(&state, .setup(.covered(Self.leave, [Self.covered])))
        _ = DeskUpdate.update(&state, .key(.character("m")))
        #expect(state.screen == .availability)
        #expect(state.availability.moving?.appointmentID == 41)
        _ = DeskUpdate.update(&state, .moved(UserMessageLine(.success, "Moved.")))
        #expect(state.screen == .setup)
    }

    @Test("a new window starts with the clinician's usual slot length")
    func newWindowUsesUsualSlotLength() {
        var state = Self.manager()
        _ = DeskUpdate.update(&state, .key(.function(5)))
        _ = DeskUpdate.update(&state, .key(.tab))
        _ = DeskUpdate.update(
            &state,
            .setup(
                .hours(
                    clinicians: Self.clinicians, clinicianID: 3,
                    windows: [Self.window(1, 9, 13, minutes: 50), Self.window(2, 9, 13, minutes: 50), Self.window(3, 9, 13)])))
        _ = DeskUpdate.update(&state, .key(.character("a")))
        #expect(state.setup.windowForm?.text(3) == "50")
    }

    @Test("weekly hours: a adds a window (a wrong day is refused), unsaved hours keep the clinician, s previews, y saves")
    func editsHours() {
        var state = Self.manager(size: (100, 30))
        _ = DeskUpdate.update(&state, .key(.function(5)))
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.tab))) == [.loadHours(centreID: 1, clinicianID: nil)])
        let monday = WeeklyRules.Window(
            centreID: 1, weekday: 1, start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 13, minute: 0), slotMinutes: 30,
            mode: .inPerson)
        _ = DeskUpdate.update(&state, .setup(.hours(clinicians: Self.clinicians, clinicianID: 3, windows: [monday])))
        #expect(Self.screen(state).contains("Mon   09:00  13:00  30 min  in person"))
        _ = DeskUpdate.update(&state, .key(.character("a")))
        Self.type("someday", &state)
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(Self.screen(state).contains("Day \"someday\" is not a weekday"))
        for _ in 0..<7 { _ = DeskUpdate.update(&state, .key(.backspace)) }
        Self.type("wed", &state)
        _ = DeskUpdate.update(&state, .key(.tab))
        Self.type("14:00", &state)
        _ = DeskUpdate.update(&state, .key(.tab))
        Self.type("17", &state)
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.setup.windowForm == nil)
        #expect(state.setup.hasUnsavedHours)
        #expect(Self.screen(state).contains("changed, not saved"))
        // r asks before throwing typed hours away; any key but y keeps them.
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.character("r")))).isEmpty)
        #expect(Self.screen(state).contains("Drop your unsaved hours changes? y: drop"))
        _ = DeskUpdate.update(&state, .key(.character("n")))
        #expect(state.setup.hasUnsavedHours)
        // Round the sections and back: the hours typed are still there, not read over.
        for _ in 0..<3 { _ = DeskUpdate.update(&state, .key(.tab)) }
        #expect(state.setup.section == .hours)
        #expect(state.setup.windows?.count == 2)
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.character("]")))).isEmpty)
        let effects = DeskUpdate.update(&state, .key(.character("s")))
        guard case .previewHours(3, let windows)? = Self.setupRequests(effects).first else {
            Issue.record("expected a preview, got \(effects)")
            return
        }
        #expect(windows.count == 2)
        #expect(windows[1].weekday == 3 && windows[1].end == LocalTime(hour: 17, minute: 0))
        _ = DeskUpdate.update(
            &state,
            .setup(.hoursPreview(WeeklyRules.Preview(kept: 1, added: [windows[1]], deactivatedRuleIDs: [], stranded: [Self.covered]))))
        #expect(Self.screen(state).contains("1 booked visit(s) would fall outside the new hours"))
        let applied = Self.setupRequests(DeskUpdate.update(&state, .key(.character("y"))))
        #expect(applied == [.applyHours(clinicianID: 3, windows: windows, acceptStranded: true)])
        let saved = WeeklyRules.Preview(kept: 1, added: [windows[1]], deactivatedRuleIDs: [], stranded: [])
        #expect(Self.setupRequests(DeskUpdate.update(&state, .setup(.hoursApplied(saved)))) == [.loadHours(centreID: 1, clinicianID: 3)])

        // Another change, then r and y: the saved hours are read again and the change is gone.
        var dropping = state
        dropping.setup.isBusy = false
        dropping.setup.windows = []
        #expect(dropping.setup.hasUnsavedHours)
        _ = DeskUpdate.update(&dropping, .key(.character("r")))
        #expect(Self.setupRequests(DeskUpdate.update(&dropping, .key(.character("y")))) == [.loadHours(centreID: 1, clinicianID: 3)])
    }

    @Test("hours of a clinician who also works at a centre the manager does not manage: refused at once, naming that centre")
    func hoursElsewhereRefused() {
        var state = Self.manager(size: (100, 30))
        _ = DeskUpdate.update(&state, .key(.function(5)))
        _ = DeskUpdate.update(&state, .key(.tab))
        let elsewhere = WeeklyRules.Window(
            centreID: 2, weekday: 2, start: LocalTime(hour: 10, minute: 0), end: LocalTime(hour: 14, minute: 0), slotMinutes: 50,
            mode: .inPerson)
        _ = DeskUpdate.update(
            &state,
            .setup(
                .hours(
                    clinicians: Self.clinicians, clinicianID: 3, windows: [elsewhere], centreNames: [2: "Mibo Mind Clinic – Kadavanthra"])))
        #expect(Self.screen(state).contains("Mibo Mind Clinic – Kadavanthra"))
        _ = DeskUpdate.update(&state, .key(.character("a")))
        #expect(state.setup.windowForm == nil)
        #expect(state.message?.text == "Dr. Ananya Iyer also works at Mibo Mind Clinic – Kadavanthra; ask a Manager.")
    }

    @Test("policies: the front desk is told who may change them; a manager's e edits, a bad cap is refused in words, a good form saves")
    func editsPolicies() {
        var state = DeskFixtures.working(size: (100, 30))
        _ = DeskUpdate.update(&state, .key(.function(5)))
        _ = DeskUpdate.update(&state, .key(.tab))
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.tab))) == [.loadPolicies])
        _ = DeskUpdate.update(&state, .setup(.policies(.defaults)))
        #expect(Self.screen(state).split(separator: "\n").contains { $0.contains("released by themselves:") && $0.contains(" no ") })
        _ = DeskUpdate.update(&state, .key(.character("e")))
        #expect(state.setup.policyForm == nil)
        #expect(state.message?.text.contains("Only a Manager or Administrator") == true)
        state.session?.actor.assignments = [RoleAssignment(role: .manager, centreID: nil)]
        _ = DeskUpdate.update(&state, .key(.character("e")))
        _ = DeskUpdate.update(&state, .key(.backspace))
        Self.type("x", &state)
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.enter))).isEmpty)
        #expect(Self.screen(state).contains("The overbook cap must be a whole number"))
        _ = DeskUpdate.update(&state, .key(.backspace))
        Self.type("3", &state)
        _ = DeskUpdate.update(&state, .key(.tab))
        _ = DeskUpdate.update(&state, .key(.tab))
        for _ in 0..<2 { _ = DeskUpdate.update(&state, .key(.backspace)) }
        Self.type("yes", &state)
        var expected = DeskPolicies.defaults
        expected.overbookCapPerClinicianDay = 3
        expected.staleHoldAutoRelease = true
        #expect(Self.setupRequests(DeskUpdate.update(&state, .key(.enter))) == [.savePolicies(expected)])
    }
}
