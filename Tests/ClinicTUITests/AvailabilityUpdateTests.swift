import Foundation
import Testing

@testable import ClinicCore
@testable import ClinicTUI

@Suite("Availability and day schedule: update and drawing")
struct AvailabilityUpdateTests {
    static func withPatient(_ state: AppState) -> AppState {
        var state = state
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        return state
    }

    @Test("the move dialog says where the visit is now and that a move keeps the fee")
    func moveDialogShowsTheOldSlot() {
        var state = AvailabilityFixtures.state(size: (100, 30))
        state.availability.moving = MovingAppointment(DeskFixtures.entries[3])
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.booking?.step == .moveReason)
        let screen = DeskFixtures.render(state).plainText()
        #expect(screen.contains("Now         Thu 26 Nov 11:30 AM with Dr. Ananya Iyer"))
        #expect(screen.contains("Moves to"))
        #expect(screen.contains("Fee         as before"))
    }

    @Test("F4 opens the grid at the working centre's today and asks for it")
    func opens() {
        var state = DeskFixtures.working()
        let effects = DeskUpdate.update(&state, .key(.function(4)))
        #expect(state.screen == .availability)
        guard case .loadGrid(_, _, 1, let day, nil, "")? = effects.first else {
            Issue.record("expected a grid load, got \(effects)")
            return
        }
        #expect(day == LocalDate(year: 2026, month: 11, day: 26))
    }

    @Test("arrows move over the cells; Enter without an open patient says how to open one; with one it opens the dialog and books")
    func bookFromGrid() {
        var state = AvailabilityFixtures.state(size: (80, 24))
        _ = DeskUpdate.update(&state, .key(.right))
        #expect(state.availability.column == 4)
        _ = DeskUpdate.update(&state, .key(.left))
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.booking == nil)
        #expect(state.message?.text.contains("Open the patient first") == true)
        state = Self.withPatient(state)
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.booking?.patientID == PatientRecordFixture.record.patientID)
        // Two patients of one name are told apart by MRN in the dialog.
        #expect(DeskFixtures.render(state).plainText().contains("Anil Kumar  (MB-000005)"))
        _ = DeskUpdate.update(&state, .key(.character("t")))
        #expect(state.availability.booking?.type == .online)
        let effects = DeskUpdate.update(&state, .key(.enter))
        guard case .book(_, let request)? = effects.first else {
            Issue.record("expected a booking, got \(effects)")
            return
        }
        #expect(request.clinicianID == 4)
        #expect(request.start == DeskFixtures.ist(10, 30))
        #expect(request.type == .online)
        #expect(request.overbookReason == nil)
    }

    @Test("slot just taken: the dialog stays with its choices and the words, and the grid is read again")
    func slotTaken() {
        var state = Self.withPatient(AvailabilityFixtures.state(size: (80, 24)))
        _ = DeskUpdate.update(&state, .key(.enter))
        _ = DeskUpdate.update(&state, .key(.character("t")))
        _ = DeskUpdate.update(&state, .key(.enter))
        let effects = DeskUpdate.update(&state, .bookingFailed(UserMessage.line(for: BookingError.slotTaken), slotTaken: true))
        #expect(state.availability.booking?.error?.contains("just taken") == true)
        #expect(state.availability.booking?.step == .confirm)
        #expect(state.availability.booking?.type == .online)
        #expect(effects.contains { if case .loadGrid = $0 { true } else { false } })
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.availability.draftType == .online)
    }

    @Test("an occupied slot: a front desk is told to pick a free one; a centre manager is asked for an overbook reason")
    func overbook() {
        var state = Self.withPatient(AvailabilityFixtures.state(size: (80, 24)))
        state.availability.column = 4  // booked, unpaid
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.booking == nil)
        state.session?.actor = DeskFixtures.actor(role: .centreManager)
        _ = DeskUpdate.update(&state, .key(.enter))
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.booking?.step == .overbookReason)
        for character in "crisis" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        let effects = DeskUpdate.update(&state, .key(.enter))
        guard case .book(_, let request)? = effects.first else {
            Issue.record("expected an overbook, got \(effects)")
            return
        }
        #expect(request.overbookReason == "crisis")
    }

    @Test("[ ] step days, g takes t+3 or 24/11, w shows the selected clinician's week, F asks for the first free slot")
    func navigation() {
        var state = AvailabilityFixtures.state(size: (80, 24))
        _ = DeskUpdate.update(&state, .key(.character("]")))
        #expect(state.availability.day == AvailabilityFixtures.day.adding(days: 1))
        _ = DeskUpdate.update(
            &state, .gridLoaded(requestID: state.availability.pendingRequest ?? 0, GridData(day: AvailabilityFixtures.grid)))
        _ = DeskUpdate.update(&state, .key(.character("g")))
        for character in "t+3" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        #expect(DeskFixtures.render(state).plainText().contains(" Go to date (t, t+3, mon, 24/11): t+3"))
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.availability.day == AvailabilityFixtures.day.adding(days: 3))
        _ = DeskUpdate.update(
            &state, .gridLoaded(requestID: state.availability.pendingRequest ?? 0, GridData(day: AvailabilityFixtures.grid)))
        _ = DeskUpdate.update(&state, .key(.character("g")))
        for character in "31/2" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        _ = DeskUpdate.update(&state, .key(.enter))
        #expect(state.message?.text.contains("not a real date") == true)
        _ = DeskUpdate.update(&state, .key(.escape))
        state.availability.row = 2
        let week = DeskUpdate.update(&state, .key(.character("w")))
        #expect(state.availability.mode == .week)
        guard case .loadGrid(_, _, _, _, let clinician?, _)? = week.first else {
            Issue.record("expected a week load, got \(week)")
            return
        }
        #expect(clinician == 5)
        let first = DeskUpdate.update(&state, .key(.character("F")))
        guard case .findFirstFree? = first.first else {
            Issue.record("expected a first-free search, got \(first)")
            return
        }
        let slot = AvailabilityFixtures.grid.rows[2].slots[7]
        _ = DeskUpdate.update(
            &state,
            .firstFreeFound(
                requestID: 0, AvailableSlot(slot: slot, clinician: AvailabilityFixtures.clinicians[2], centre: AvailabilityFixtures.centre))
        )
        _ = DeskUpdate.update(
            &state, .gridLoaded(requestID: state.availability.pendingRequest ?? 0, GridData(day: AvailabilityFixtures.grid)))
        #expect(state.availability.mode == .day)
        #expect(state.availability.row == 2 && state.availability.column == 7)
    }

    @Test("dates as typed: t, tomorrow, t+3, t-1, mon, Monday, 24/11, 24/11/2026; nonsense says what is accepted")
    func dateInput() throws {
        let today = LocalDate(year: 2026, month: 11, day: 26)  // a Thursday
        #expect(try DateInput.parse("t", today: today).get() == today)
        #expect(try DateInput.parse("t+3", today: today).get() == LocalDate(year: 2026, month: 11, day: 29))
        #expect(try DateInput.parse("t-1", today: today).get() == LocalDate(year: 2026, month: 11, day: 25))
        #expect(try DateInput.parse("mon", today: today).get() == LocalDate(year: 2026, month: 11, day: 30))
        #expect(try DateInput.parse("thu", today: today).get() == today)
        #expect(try DateInput.parse("Monday", today: today).get() == LocalDate(year: 2026, month: 11, day: 30))
        #expect(DateInput.parse("mo", today: today) == .failure(.notUnderstood("mo")))
        #expect(try DateInput.parse("tomorrow", today: today).get() == LocalDate(year: 2026, month: 11, day: 27))
        #expect(try DateInput.parse("yesterday", today: today).get() == LocalDate(year: 2026, month: 11, day: 25))
        #expect(try DateInput.parse("24/11", today: today).get() == LocalDate(year: 2026, month: 11, day: 24))
        #expect(try DateInput.parse("2/1/2027", today: today).get() == LocalDate(year: 2027, month: 1, day: 2))
        #expect(DateInput.parse("30/2", today: today) == .failure(.noSuchDate("30/2")))
        #expect(try DateInput.parse("01-12-2026", today: today).get() == LocalDate(year: 2026, month: 12, day: 1))
        #expect(try DateInput.parse("1.12.26", today: today).get() == LocalDate(year: 2026, month: 12, day: 1))
        #expect(try DateInput.parse("2 dec", today: today).get() == LocalDate(year: 2026, month: 12, day: 2))
        #expect(try DateInput.parse("Dec 2, 2027", today: today).get() == LocalDate(year: 2027, month: 12, day: 2))
        #expect(DateInput.parse("31 feb", today: today) == .failure(.noSuchDate("31 feb")))
        #expect(DateInput.parse("t+400", today: today) == .failure(.tooFar("t+400")))
        // As the desk itself shows a date: the weekday name does not decide.
        #expect(try DateInput.parse("Tue 1 Dec 2026", today: today).get() == LocalDate(year: 2026, month: 12, day: 1))
        #expect(DateInput.parse("soon", today: today) == .failure(.notUnderstood("soon")))
    }

    @Test("the grid: every row's cells start in the same column, a Devanagari clinician name included; the cursor cell is highlighted")
    func gridAlignment() {
        let buffer = DeskFixtures.render(AvailabilityFixtures.state(size: (80, 24)))
        let x = AvailabilityView.labelWidth
        // Rows: 0 status, 1 title, 2 legend, 3 times, 4… clinicians.
        #expect(buffer[x: x, y: 3].grapheme == "0")
        for y in 4...6 { #expect(buffer[x: x, y: y].grapheme == "p", "row \(y)") }
        #expect(buffer[x: x + 3 * AvailabilityView.cellWidth, y: 5].grapheme == "f")
        #expect(buffer[x: x + 3 * AvailabilityView.cellWidth, y: 5].style == .selection)
        #expect(buffer[x: x + 4 * AvailabilityView.cellWidth, y: 5].style == .slotBooked)
        let line = buffer.plainText().split(separator: "\n")[5]
        #expect(line.contains("डॉ. अनन्या अय्यर"))
    }

    @Test("an action of another screen chosen in the palette goes to that screen and does it there")
    func paletteActionsOfOtherScreens() {
        var state = DeskFixtures.working()
        let effects = DeskUpdate.perform(.firstFree, &state)
        #expect(state.screen == .availability)
        #expect(effects.contains { if case .findFirstFree = $0 { return true } else { return false } })
        state.today.table.selectedRow = 0
        _ = DeskUpdate.perform(.showDetails, &state)
        #expect(state.screen == .today)
        #expect(state.today.details != nil)
    }

    @Test("a booked cell names its patient: the name is read once, for the cell under the cursor, and shown under the grid")
    func namesTheSelectedPatient() {
        var state = AvailabilityFixtures.state(size: (100, 30))
        func lookups(_ effects: [Effect]) -> [Int64] {
            effects.compactMap { effect in
                if case .lookUpPatientName(_, let id) = effect { return id }
                return nil
            }
        }
        #expect(lookups(DeskUpdate.update(&state, .key(.right))) == [4])
        #expect(!DeskFixtures.render(state).plainText().contains("प्रिया शर्मा"))
        #expect(lookups(DeskUpdate.update(&state, .key(.left))).isEmpty)
        #expect(lookups(DeskUpdate.update(&state, .key(.right))).isEmpty)
        _ = DeskUpdate.update(&state, .patientNameFound(appointmentID: 4, "प्रिया शर्मा"))
        #expect(DeskFixtures.render(state).plainText().contains("प्रिया शर्मा, booked, not paid"))
        #expect(lookups(DeskUpdate.update(&state, .key(.left)) + DeskUpdate.update(&state, .key(.right))).isEmpty)
    }

    @Test(
        "the schedule: i checks in (an early or unpaid visit is asked first), x asks a reason naming the visit (empty refused), the 24-hour rule is said at once, Q shows the queues, a asks before approving"
    )
    func scheduleActions() {
        var state = DeskFixtures.working()
        // 09:50 and in session: refused at once, nothing asked.
        state.today.table.selectedRow = state.today.entries.firstIndex { $0.appointmentID == 2 } ?? 0
        #expect(DeskUpdate.update(&state, .key(.character("i"))).isEmpty)
        #expect(state.today.prompt == nil)
        #expect(state.message?.text.contains("in session") == true)
        let paidNow = state.today.entries.firstIndex { $0.appointmentID == 3 } ?? 0  // 10:40, paid
        state.today.table.selectedRow = paidNow
        let atOnce = DeskUpdate.update(&state, .key(.character("i")))
        #expect(atOnce == [.changeAppointment(actor: DeskFixtures.actor(), appointmentID: 3, .checkIn)])
        // 11:30 and not paid (a link sent); "now" is 10:07.
        state.today.table.selectedRow = state.today.entries.firstIndex { $0.appointmentID == 4 } ?? 0
        #expect(DeskUpdate.update(&state, .key(.character("i"))).isEmpty)
        #expect(DeskFixtures.render(state).plainText().contains("Check in Mohammed Rafiq (11:30)? Starts in 1 h 23 min."))
        #expect(DeskUpdate.update(&state, .key(.escape)).isEmpty)
        #expect(state.message?.text == "Nothing changed.")
        _ = DeskUpdate.update(&state, .key(.character("i")))
        #expect(DeskUpdate.update(&state, .key(.enter)) == [.changeAppointment(actor: DeskFixtures.actor(), appointmentID: 4, .checkIn)])
        #expect(DeskUpdate.checkInWorry(state.today.entries[paidNow], now: DeskFixtures.now) == nil)
        var unpaid = state.today.entries[paidNow]
        unpaid.paymentState = .unpaid
        #expect(DeskUpdate.checkInWorry(unpaid, now: DeskFixtures.now) == "Not paid yet.")

        // The front desk cannot cancel a visit within 24 hours: said before any reason is typed.
        #expect(DeskUpdate.update(&state, .key(.character("x"))).isEmpty)
        #expect(state.today.prompt == nil)
        #expect(state.message?.text.contains("24-hour rule") == true)

        var manager = DeskFixtures.working()
        manager.session?.actor.assignments = [RoleAssignment(role: .centreManager, centreID: 1)]
        let managerActor = manager.session?.actor ?? DeskFixtures.actor()
        manager.today.table.selectedRow = manager.today.entries.firstIndex { $0.appointmentID == 4 } ?? 0
        _ = DeskUpdate.update(&manager, .key(.character("x")))
        #expect(DeskUpdate.update(&manager, .key(.enter)).isEmpty)
        #expect(manager.message?.text.contains("Type the reason") == true)
        for character in "unwell" { _ = DeskUpdate.update(&manager, .key(.character(character))) }
        let prompt = DeskFixtures.render(manager).plainText().components(separatedBy: "\n")
        #expect(prompt.contains { $0.hasPrefix(" Cancel Mohammed Rafiq 11:30 — reason: unwell") })
        let cancel = DeskUpdate.update(&manager, .key(.enter))
        #expect(cancel == [.changeAppointment(actor: managerActor, appointmentID: 4, .cancel(reason: "unwell", override: true))])

        let queues = DeskUpdate.update(&manager, .key(.character("Q")))
        #expect(queues == [.loadQueues(actor: managerActor, centreID: 1)])
        let start = DeskFixtures.ist(16, 0)
        let request = { (id: Int64, start: Instant, name: String) in
            QueueEntry(
                appointmentID: id, status: "CANCELLATION_REQUESTED", start: start, createdAt: DeskFixtures.now, patientName: name,
                clinicianName: "C", reason: nil, isPaid: true, hasOpenPaymentLink: false)
        }
        _ = DeskUpdate.update(
            &manager,
            .queuesLoaded(
                QueuesSnapshot(
                    requests: [request(9, start.adding(minutes: 24 * 60), "Later"), request(8, start, "Sooner")], holds: [],
                    paidAfterRelease: [])))
        // The soonest visit first; the footer shows the queue keys, not the schedule's.
        #expect(manager.today.selectedQueueItem == .request(request(8, start, "Sooner")))
        let screen = DeskFixtures.render(manager).plainText()
        #expect(screen.contains("a Approve"))
        #expect(!screen.contains("i Check in"))
        _ = DeskUpdate.update(&manager, .key(.enter))
        #expect(manager.message?.text.hasSuffix("a approves the cancellation, X declines it (asks why).") == true)
        #expect(DeskUpdate.update(&manager, .key(.character("a"))).isEmpty)
        // The question and how to answer it on one line; at 80 columns the question gives way.
        #expect(
            DeskFixtures.render(manager).plainText().contains(
                " Approve: cancel Sooner, Thu 26 Nov 16:00 (paid: refund due…  y: yes  other: no"))
        #expect(
            DeskUpdate.update(&manager, .key(.character("y"))) == [
                .changeAppointment(actor: managerActor, appointmentID: 8, .approveRequest)
            ])
        // Esc (or F2) leaves the queues for the schedule.
        _ = DeskUpdate.update(&manager, .key(.escape))
        #expect(manager.today.view == .schedule)
    }

    @Test("a visit kept through leave or a centre holiday says so on the schedule")
    func awayMarker() {
        var state = DeskFixtures.working(size: (100, 30))
        var entries = DeskFixtures.entries
        entries[3].awayBecause = .leave
        entries[4].awayBecause = .holiday  // cancelled: no note
        state.today.snapshot = TodaySnapshot(day: DeskFixtures.now.local(offsetSeconds: 19_800).date, entries: entries)
        let screen = DeskFixtures.render(state).plainText()
        #expect(screen.contains("Mohammed Rafiq (on leave)"))
        #expect(!screen.contains("(closed)"))
    }

    @Test("n asks before marking a patient not come (it cannot be undone); before the start it is refused at once")
    func noShowAsksFirst() {
        var state = DeskFixtures.working()
        var late = DeskFixtures.entry(8, 9, 30, patient: "Jessy Pinto", clinician: "Kavya Hegde", status: "BOOKED", payment: .unpaid)
        late.checkedInAt = nil
        state.today.snapshot = TodaySnapshot(
            day: DeskFixtures.now.local(offsetSeconds: 19_800).date, entries: DeskFixtures.entries + [late])
        state.today.table.selectedRow = state.today.entries.firstIndex { $0.appointmentID == 6 } ?? 0  // 14:00, not yet
        #expect(DeskUpdate.update(&state, .key(.character("n"))).isEmpty)
        #expect(state.today.prompt == nil)
        #expect(state.message?.text.contains("only after the appointment's start time") == true)
        state.today.table.selectedRow = state.today.entries.firstIndex { $0.appointmentID == 8 } ?? 0
        #expect(DeskUpdate.update(&state, .key(.character("n"))).isEmpty)
        #expect(DeskFixtures.render(state).plainText().contains("Mark Jessy Pinto (09:30) as not come?"))
        // Enter (also the details key) is no answer to what cannot be undone: only y is.
        #expect(DeskUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(state.message?.text == "Nothing changed.")
        _ = DeskUpdate.update(&state, .key(.character("n")))
        #expect(
            DeskUpdate.update(&state, .key(.character("y"))) == [.changeAppointment(actor: DeskFixtures.actor(), appointmentID: 8, .noShow)]
        )
    }

    @Test("x on an appointment that cannot be cancelled says so at once instead of asking for a reason")
    func cancelRefusedAtOnce() {
        var state = DeskFixtures.working()
        state.today.table.selectedRow = state.today.entries.firstIndex { $0.status == "CANCELLED" } ?? 0
        #expect(DeskUpdate.update(&state, .key(.character("x"))).isEmpty)
        #expect(state.today.prompt == nil)
        #expect(state.message?.text.contains("cancelled") == true)
    }

    @Test("W asks first, naming the patient; a second W while it books books nothing; a failed queue read says so once")
    func walkInOnceAndQueueFailure() {
        var state = Self.withPatient(DeskFixtures.working())
        #expect(DeskUpdate.update(&state, .key(.character("W"))).isEmpty)
        #expect(
            DeskFixtures.render(state).plainText().contains(
                "Walk-in for Anil Kumar (MB-000005), next free slot today? Enter: book  Esc: no"))
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.message?.text == "No walk-in booked.")
        _ = DeskUpdate.update(&state, .key(.character("W")))
        let first = DeskUpdate.update(&state, .key(.enter))
        _ = DeskUpdate.update(&state, .key(.character("W")))
        let second = DeskUpdate.update(&state, .key(.enter))
        #expect(first.count == 1)
        #expect(second.isEmpty)
        _ = DeskUpdate.update(&state, .key(.character("Q")))
        let after = DeskUpdate.update(&state, .notice(UserMessageLine(.error, "Your role cannot see the queues.")))
        #expect(after.isEmpty)
        #expect(state.message?.text == "Your role cannot see the queues.")
    }

    @Test("the schedule's selection stays on its appointment when a live reload adds a row above it")
    func selectionFollowsAppointment() {
        var state = DeskFixtures.working()
        state.today.table.selectedRow = 3
        let selected = state.today.selectedEntry?.appointmentID
        let effects = DeskUpdate.update(&state, .key(.character("r")))
        guard case .loadToday(let requestID, _, _, _)? = effects.first else {
            Issue.record("expected a reload, got \(effects)")
            return
        }
        var entries = DeskFixtures.entries
        entries.append(
            DeskFixtures.entry(99, 8, 0, patient: "Aaron Early", clinician: "Dr. Ananya Iyer", status: "BOOKED", payment: .unpaid))
        _ = DeskUpdate.update(&state, .todayLoaded(requestID: requestID, TodaySnapshot(day: AvailabilityFixtures.day, entries: entries)))
        #expect(state.today.selectedEntry?.appointmentID == selected)
    }

    @Test("a change from anywhere (another desk, the web) reloads the schedule and the grid of that centre and day")
    func liveUpdates() {
        var state = AvailabilityFixtures.state(size: (80, 24))
        state.today.snapshot = TodaySnapshot(day: AvailabilityFixtures.day, entries: [])
        let effects = DeskUpdate.update(
            &state, .databaseChanged([ChangeNotification(table: "appointments", op: "INSERT", id: 1, centre: 1, day: "2026-11-26")]))
        #expect(effects.contains { if case .loadToday = $0 { true } else { false } })
        #expect(effects.contains { if case .loadGrid = $0 { true } else { false } })
        var other = AvailabilityFixtures.state(size: (80, 24))
        other.today.snapshot = TodaySnapshot(day: AvailabilityFixtures.day, entries: [])
        let none = DeskUpdate.update(
            &other, .databaseChanged([ChangeNotification(table: "appointments", op: "INSERT", id: 1, centre: 2, day: "2026-11-26")]))
        #expect(none.isEmpty)
    }

    @Test("the day list exports as CSV (quoted, formula-safe) and as printable text grouped by clinician")
    func export() {
        var entries = DeskFixtures.entries
        entries[0].patientName = "=HYPERLINK(\"x\"), Jr"
        let csv = DayListExport(
            format: .csv, centreName: "Mind Clinic", day: AvailabilityFixtures.day, offsetSeconds: 19_800, entries: entries)
        let lines = csv.contents.components(separatedBy: "\r\n")
        // A byte-order mark first, so Excel reads the names as UTF-8.
        #expect(lines[0] == "\u{FEFF}date,start,end,clinician,patient,phone,status,payment,checked_in,token,appointment_id,status_code")
        #expect(lines[1].contains("\"'=HYPERLINK(\"\"x\"\"), Jr\""))
        #expect(csv.fileName == "day-list-mind-clinic-2026-11-26.csv")
        // A checked-in visit says so (as on screen); phones read one way whatever the stored format; no raw codes but the last.
        var checkedIn = DeskFixtures.entries[3]
        checkedIn.checkedInAt = DeskFixtures.ist(11, 5)
        checkedIn.queueToken = 4
        checkedIn.patientPhone = "9845012345"
        let one = DayListExport(
            format: .csv, centreName: "Mibo Mind Clinic – Indiranagar", day: AvailabilityFixtures.day, offsetSeconds: 19_800,
            entries: [checkedIn])
        #expect(
            one.contents.components(separatedBy: "\r\n")[1]
                == "2026-11-26,11:30,12:20,Dr. Ananya Iyer,Mohammed Rafiq,98450 12345,Checked in,Link sent,11:05,4,4,BOOKED")
        #expect(one.fileName == "day-list-mibo-mind-clinic-indiranagar-2026-11-26.csv")
        let text = DayListExport(
            format: .text, centreName: "Mind Clinic", day: AvailabilityFixtures.day, offsetSeconds: 19_800, entries: entries)
        #expect(text.contents.contains("Dr. Ananya Iyer\n  09:00–09:50"))
    }

    @Test("the export is written to the configured folder and the desk says where; a folder that is not there is said in words")
    func exportWritesToConfiguredFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = DayListExport(
            format: .csv, centreName: "Mind Clinic", day: AvailabilityFixtures.day, offsetSeconds: 19_800, entries: DeskFixtures.entries)
        let unused = Database(url: "postgresql:///unused?host=/nonexistent")
        let runner = EffectRunner(database: unused, host: "test", exportDirectory: folder.path)
        let path = folder.appendingPathComponent(export.fileName).path
        let written = await runner.run(.exportDay(export), now: DeskFixtures.now)
        #expect(written == [.exported(UserMessageLine(.success, "Written to \(path)."))])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(export.contents.utf8))

        let missing = EffectRunner(database: unused, host: "test", exportDirectory: folder.path + "/not-there")
        let refused = await missing.run(.exportDay(export), now: DeskFixtures.now)
        guard case .exported(let line)? = refused.first else {
            Issue.record("expected an export answer, got \(refused)")
            return
        }
        #expect(line.kind == .error)
        #expect(line.text.hasPrefix("Could not write \(folder.path)/not-there/"))
    }
}
