import Testing

@testable import ClinicCore
@testable import ClinicTUI

/// Every screen at 80×24 and at 160×48, compared with the plain-text files in Snapshots/.
@Suite("screen snapshots")
struct ScreenSnapshotTests {
    static let sizes: [(Int, Int)] = [(80, 24), (160, 48)]

    static func states(size: (Int, Int)) -> [(String, AppState)] {
        var signIn = AppState()
        signIn.size = size
        signIn.signIn.login.text = "frontdesk.blr"
        signIn.signIn.login.cursor = 13
        signIn.signIn.password.text = "secret"
        signIn.signIn.password.cursor = 6
        signIn.signIn.focus = .password
        signIn.signIn.error = "Wrong username or password."

        var picker = DeskFixtures.working(size: size)
        picker.phase = .choosingCentre
        picker.session = DeskFixtures.session(centres: [DeskFixtures.indiranagar, DeskFixtures.kadavanthra])

        var help = DeskFixtures.working(size: size)
        help.overlay = .help(offset: 0)

        var palette = DeskFixtures.working(size: size)
        var query = PaletteState()
        query.query.text = "lo"
        query.query.cursor = 2
        palette.overlay = .palette(query)

        var locked = DeskFixtures.working(size: size)
        locked.lock = LockState()

        var offline = DeskFixtures.working(size: size)
        offline.connection = .lost(attempt: 3)

        var empty = DeskFixtures.working(size: size)
        empty.today.snapshot = TodaySnapshot(day: LocalDate(year: 2026, month: 11, day: 26), entries: [])

        var patients = DeskFixtures.working(size: size)
        patients.screen = .patients
        patients.patients.query.text = "priya"
        patients.patients.query.cursor = 5
        patients.patients.results = [
            PatientsUpdateTests.result(1, "Priya Sharma"), PatientsUpdateTests.result(2, "प्रिया शर्मा"),
            PatientsUpdateTests.result(3, "Priya Nair"),
        ]

        var record = DeskFixtures.working(size: size)
        record.screen = .patients
        record.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)

        var otp = record
        var dialog = OTPDialogState()
        dialog.isBusy = false
        dialog.receipt = OTPSendReceipt(
            maskedPhone: "98•••••345", isHolderPhone: false, expiresAt: DeskFixtures.now.adding(minutes: 10), attemptsLeft: 4,
            nextSendAllowedAt: DeskFixtures.now.adding(minutes: 2), sentAt: DeskFixtures.now, notificationID: 1)
        dialog.attemptsLeft = 4
        dialog.result = UserMessageLine(.error, OTPVerifyOutcome.wrongCode(attemptsLeft: 4).sentence)
        otp.patients.record?.otp = dialog

        var register = DeskFixtures.working(size: size)
        register.screen = .patients
        var form = RegistrationState()
        form.values[.firstName]?.text = "Anil"
        form.values[.phone]?.text = "98450"
        form.visited = [.firstName, .lastName, .phone]
        form.validateVisited(today: LocalDate(year: 2026, month: 11, day: 26))
        form.focus = .phone
        register.patients.registration = form

        var details = DeskFixtures.working(size: size)
        details.today.table.selectedRow = 1
        details.today.details = details.today.selectedEntry

        var queues = DeskFixtures.working(size: size)
        queues.today.view = .queues
        let start = DeskFixtures.ist(16, 0)
        queues.today.queues = QueuesSnapshot(
            requests: [
                QueueEntry(
                    appointmentID: 9, status: "CANCELLATION_REQUESTED", start: start, createdAt: start, patientName: "Priya Sharma",
                    clinicianName: "Dr. Ananya Iyer", reason: "Travelling that week", isPaid: true, hasOpenPaymentLink: false)
            ],
            holds: [
                QueueEntry(
                    appointmentID: 10, status: "BOOKED", start: start.adding(minutes: 60), createdAt: start.adding(minutes: -3000),
                    patientName: "Mohammed Rafiq", clinicianName: "Kavya Hegde", reason: nil, isPaid: false, hasOpenPaymentLink: true)
            ],
            paidAfterRelease: [
                PaidReleasedEntry(
                    id: 1, paymentID: 7, appointmentID: 11, patientName: "Sneha Kulkarni", start: start, amount: Money(rupees: 1700),
                    appointmentStatus: "CANCELLED", isActive: false)
            ])

        var week = AvailabilityFixtures.state(size: size)
        week.availability.mode = .week
        week.availability.grid = GridData(
            week: WeekGrid(
                centre: AvailabilityFixtures.centre, clinician: AvailabilityFixtures.clinicians[0],
                days: (0..<7).map { offset in
                    (AvailabilityFixtures.day.adding(days: offset), offset == 3 ? [] : AvailabilityFixtures.grid.rows[offset % 3].slots)
                }, now: DeskFixtures.now))
        week.availability.row = 0
        // The selected cell's patient, as the name lookup leaves it.
        week.availability.patientNames[3] = "प्रिया शर्मा"

        var covered = DeskFixtures.working(size: size)
        covered.screen = .setup
        covered.setup.covered = SetupState.Covered(
            leave: SetupUpdateTests.leave,
            entries: [
                SetupUpdateTests.covered,
                {
                    var kept = SetupUpdateTests.covered; kept.patientName = "Rahul Menon"; kept.isKept = true; return kept
                }(),
            ])
        var hours = DeskFixtures.working(size: size)
        hours.screen = .setup
        hours.setup.section = .hours
        hours.setup.clinicians = SetupUpdateTests.clinicians
        hours.setup.clinicianID = 3
        hours.setup.windows = [
            WeeklyRules.Window(
                centreID: 1, weekday: 1, start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 13, minute: 0), slotMinutes: 30,
                mode: .inPerson)
        ]
        hours.setup.savedWindows = hours.setup.windows ?? []
        hours.setup.windowForm = SetupForms.window(centreName: "Mibo Mind Clinic – Indiranagar")

        return [
            ("setup-covered", covered), ("setup-hours-form", hours),
            ("availability", AvailabilityFixtures.state(size: size)), ("booking-dialog", AvailabilityFixtures.bookingDialog(size: size)),
            ("availability-week", week), ("today-details", details), ("queues", queues),
            ("patients-search", patients), ("patient-record", record), ("patient-otp", otp), ("patient-register", register),
            ("sign-in", signIn), ("centre-picker", picker), ("today", DeskFixtures.working(size: size)), ("help", help),
            ("palette", palette), ("locked", locked), ("offline", offline), ("today-empty", empty),
        ]
    }

    @Test("each screen matches its snapshot", arguments: [0, 1])
    func snapshots(sizeIndex: Int) {
        let size = ScreenSnapshotTests.sizes[sizeIndex]
        for (name, state) in ScreenSnapshotTests.states(size: size) {
            assertSnapshot(DeskFixtures.render(state), named: "\(name)-\(size.0)x\(size.1)")
        }
    }

    @Test("while the search box has the focus no result is highlighted; in the list the selected one is")
    func searchSelection() {
        var state = DeskFixtures.working()
        state.screen = .patients
        state.patients.results = [PatientsUpdateTests.result(1, "Priya Sharma"), PatientsUpdateTests.result(2, "Priya Nair")]
        var buffer = DeskFixtures.render(state)
        // Row 0 status, 1 search box, 2 hint, 3 table header, 4 first result.
        #expect(buffer[x: 2, y: 4].style != .selection)
        state.patients.focus = .results
        buffer = DeskFixtures.render(state)
        #expect(buffer[x: 2, y: 4].style == .selection)
    }

    @Test("a window below 80×24 asks to be made larger, naming both sizes")
    func tooSmall() {
        let buffer = DeskFixtures.render(DeskFixtures.working(size: (70, 20)))
        #expect(buffer.plainText().contains("Make the window larger (now 70×20, need 80×24)."))
    }

    @Test("the lock screen shows no patient data")
    func lockHidesPatients() {
        var state = DeskFixtures.working()
        state.lock = LockState()
        let text = DeskFixtures.render(state).plainText()
        for entry in DeskFixtures.entries {
            #expect(!text.contains(entry.patientName))
        }
        #expect(text.contains("Desk locked"))
    }

    @Test("styles that carry meaning: the selected row, the error line, the lock screen")
    func meaningfulStyles() {
        var state = DeskFixtures.working()
        state.message = UserMessageLine(.error, "The database refused the change.")
        var buffer = DeskFixtures.render(state)
        // Row 0 status bar, 1 title, 2 table header, 3 first appointment (selected).
        #expect(buffer[x: 2, y: 3].style == .selection)
        #expect(buffer[x: 2, y: 4].style != .selection)
        #expect(buffer[x: 2, y: 22].style == .danger)
        state.lock = LockState()
        buffer = DeskFixtures.render(state)
        #expect(buffer[x: 40, y: 12].style == .locked)
    }

    @Test("Devanagari and Malayalam names line up with ASCII rows on Today")
    func wideNamesAlign() {
        let lines = DeskFixtures.render(DeskFixtures.working()).plainText().split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains("Dr. Ananya Iyer") || $0.contains("Kavya Hegde") }
        let columns = rows.map { line -> Int in
            let prefix = line.components(separatedBy: line.contains("Dr. Ananya Iyer") ? "Dr. Ananya Iyer" : "Kavya Hegde")[0]
            return DisplayWidth.of(prefix)
        }
        #expect(Set(columns).count == 1, "clinician column starts at different columns: \(columns)")
    }
}
