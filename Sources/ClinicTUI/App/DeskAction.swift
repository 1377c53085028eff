/// Everything a key, the palette or a button can ask the desk to do.
enum DeskAction: Hashable, Sendable {
    case showToday
    case showPatients
    case showAvailability
    case showSetup
    case nextSection
    case newLeave
    case newHoliday
    case liftLeave
    case showCovered
    case keepCovered
    case cancelCovered
    case moveCovered
    case previousClinician
    case nextClinician
    case addHours
    case deleteHours
    case saveHours
    case editPolicies
    case previousDay
    case nextDay
    case goToToday
    case checkIn
    case startSession
    case completeSession
    case markNoShow
    case cancelAppointment
    case moveAppointment
    case showDetails
    case toggleQueues
    case exportCSV
    case printDay
    case approveRequest
    case declineRequest
    case releaseHold
    case restorePaid
    case refundPaid
    case moveLeft
    case moveRight
    case bookSlot
    case goToDate
    case toggleWeek
    case nextCentre
    case filterSpecialization
    case firstFree
    case walkIn
    case registerPatient
    case openSelected
    case sendCode
    case convertPhone
    case showViewers
    case editPatient
    case showHelp
    case openPalette
    case lock
    case redraw
    case quit
    case back
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case top
    case bottom
    case refresh
    case switchCentre
    case signOut
    case submit
    case nextField
    case previousField
}

/// The key bindings of each context, as data: the footer, `?` help and the palette render from them.
enum DeskKeyMaps {
    /// Available on every signed-in screen; F-keys and Ctrl keys also reach past a focused text field.
    static let global = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.function(1), .character("?")], action: .showHelp, title: "Help",
            help: "Show every key of this screen, grouped.", group: "General"),
        KeyBinding(
            keys: [.control("p"), .character(":")], action: .openPalette, title: "Commands",
            help: "Find any action by typing part of its name.", group: "General"),
        KeyBinding(
            keys: [.function(2), .character("1")], action: .showToday, title: "Today",
            help: "Today's appointments at your centre.", group: "Screens"),
        KeyBinding(
            keys: [.function(3), .character("2")], action: .showPatients, title: "Patients",
            help: "Find, register and verify patients.", group: "Screens"),
        KeyBinding(
            keys: [.function(4), .character("3")], action: .showAvailability, title: "Availability",
            help: "Who is free when: the centre's day grid, a clinician's week, booking.", group: "Screens"),
        KeyBinding(
            keys: [.function(5), .character("4")], action: .showSetup, title: "Hours & leave",
            help: "Leave and holidays, clinicians' weekly hours, and the desk's policies.", group: "Screens"),
        KeyBinding(
            keys: [.function(9)], action: .switchCentre, title: "Centre",
            help: "Work at another of your centres.", group: "Session"),
        KeyBinding(
            keys: [.function(12)], action: .lock, title: "Lock",
            help: "Lock the desk now; your work stays as it is.", group: "Session"),
        KeyBinding(
            keys: [.function(10)], action: .signOut, title: "Sign out",
            help: "Sign out and return to the sign-in screen.", group: "Session", showsInFooter: false),
        KeyBinding(
            keys: [.control("l")], action: .redraw, title: "Redraw",
            help: "Redraw the whole screen.", group: "General", showsInFooter: false),
        KeyBinding(
            keys: [.character("q"), .control("q")], action: .quit, title: "Quit",
            help: "Quit clinic-desk (asks first when something is unsaved).", group: "General"),
        KeyBinding(
            keys: [.escape], action: .back, title: "Back",
            help: "Close the open panel or go back.", group: "General", showsInFooter: false),
    ])

    /// The Today screen.
    static let today = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.down, .character("j")], action: .moveDown, title: "Down",
            help: "Select the next appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.up, .character("k")], action: .moveUp, title: "Up",
            help: "Select the previous appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.pageDown], action: .pageDown, title: "Page down",
            help: "Scroll one screen down.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.pageUp], action: .pageUp, title: "Page up",
            help: "Scroll one screen up.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.home, .character("g")], action: .top, title: "First",
            help: "Jump to the first appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.end, .character("G")], action: .bottom, title: "Last",
            help: "Jump to the last appointment.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("r")], action: .refresh, title: "Refresh",
            help: "Read the day's appointments again (they also refresh by themselves).", group: "Today",
            showsInFooter: false),
        KeyBinding(
            keys: [.character("i")], action: .checkIn, title: "Check in",
            help: "Check the selected patient in; shows their queue token.", group: "Appointment"),
        KeyBinding(
            keys: [.character("s")], action: .startSession, title: "Start",
            help: "Start the session (the clinician's own action).", group: "Appointment", showsInFooter: false),
        KeyBinding(
            keys: [.character("d")], action: .completeSession, title: "Complete",
            help: "Complete the session (the clinician's own action).", group: "Appointment", showsInFooter: false),
        KeyBinding(
            keys: [.character("n")], action: .markNoShow, title: "No-show",
            help: "Mark the selected patient as not come (after the start time).", group: "Appointment", showsInFooter: false),
        KeyBinding(
            keys: [.character("x")], action: .cancelAppointment, title: "Cancel",
            help: "Cancel the selected appointment (asks for a reason; 24-hour rule).", group: "Appointment"),
        KeyBinding(
            keys: [.character("m")], action: .moveAppointment, title: "Move",
            help: "Reschedule: pick a new slot on the availability grid.", group: "Appointment"),
        KeyBinding(
            keys: [.enter], action: .showDetails, title: "Details",
            help: "Show the selected appointment's details.", group: "Appointment", showsInFooter: false),
        KeyBinding(
            keys: [.character("[")], action: .previousDay, title: "Day before",
            help: "Show the day before.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("]")], action: .nextDay, title: "Day after",
            help: "Show the day after.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("t")], action: .goToToday, title: "Today",
            help: "Back to today.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("Q")], action: .toggleQueues, title: "Queues",
            help: "Cancellation requests, stale holds and payments after release (and back).", group: "Queues"),
        KeyBinding(
            keys: [.character("a")], action: .approveRequest, title: "Approve",
            help: "Queues: approve the selected cancellation request (managers).", group: "Queues"),
        KeyBinding(
            keys: [.character("X")], action: .declineRequest, title: "Decline",
            help: "Queues: decline the selected cancellation request, with a reason (managers).", group: "Queues"),
        KeyBinding(
            keys: [.character("R")], action: .releaseHold, title: "Release",
            help: "Queues: release the selected stale unpaid hold (managers).", group: "Queues"),
        KeyBinding(
            keys: [.character("o")], action: .restorePaid, title: "Restore",
            help: "Queues: put a visit paid after its release back in its slot (managers).", group: "Queues"),
        KeyBinding(
            keys: [.character("f")], action: .refundPaid, title: "Refund",
            help: "Queues: mark a payment after release for refund (managers).", group: "Queues"),
        KeyBinding(
            keys: [.character("e")], action: .exportCSV, title: "Export CSV",
            help: "Write the day's list to a CSV file.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("P")], action: .printDay, title: "Print",
            help: "Write the day's list as a printable text file.", group: "Today", showsInFooter: false),
        KeyBinding(
            keys: [.character("W")], action: .walkIn, title: "Walk-in",
            help: "Book the open patient into the next free slot today.", group: "Appointment", showsInFooter: false),
    ])

    /// The availability grid.
    static let availability = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.up, .character("k")], action: .moveUp, title: "Up", help: "The clinician (or day) above.",
            group: "Grid", showsInFooter: false),
        KeyBinding(
            keys: [.down, .character("j")], action: .moveDown, title: "Down", help: "The clinician (or day) below.",
            group: "Grid", showsInFooter: false),
        KeyBinding(
            keys: [.left, .character("h")], action: .moveLeft, title: "Left", help: "The slot before.", group: "Grid",
            showsInFooter: false),
        KeyBinding(
            keys: [.right, .character("l")], action: .moveRight, title: "Right", help: "The slot after.", group: "Grid",
            showsInFooter: false),
        KeyBinding(
            keys: [.enter], action: .bookSlot, title: "Book",
            help: "Book the selected slot for the open patient (or move the appointment being moved).", group: "Grid"),
        KeyBinding(keys: [.character("[")], action: .previousDay, title: "Prev day", help: "The day (or week) before.", group: "Grid"),
        KeyBinding(keys: [.character("]")], action: .nextDay, title: "Next day", help: "The day (or week) after.", group: "Grid"),
        KeyBinding(
            keys: [.character("g")], action: .goToDate, title: "Go to",
            help: "Go to a date: t (today), t+3, mon, 24/11 or 24/11/2026.", group: "Grid"),
        KeyBinding(
            keys: [.character("w")], action: .toggleWeek, title: "Week",
            help: "The selected clinician's week (and back to the day).", group: "Grid"),
        KeyBinding(
            keys: [.character("c")], action: .nextCentre, title: "Centre", help: "Show the next of your centres.",
            group: "Grid", showsInFooter: false),
        KeyBinding(
            keys: [.character("f")], action: .filterSpecialization, title: "Filter",
            help: "Only clinicians of a specialization.", group: "Grid", showsInFooter: false),
        KeyBinding(
            keys: [.character("F")], action: .firstFree, title: "First free",
            help: "Jump to the first free slot from now (with the filter).", group: "Grid"),
        KeyBinding(
            keys: [.character("W")], action: .walkIn, title: "Walk-in",
            help: "Book the open patient into the next free slot today.", group: "Grid", showsInFooter: false),
        KeyBinding(
            keys: [.character("r")], action: .refresh, title: "Refresh", help: "Read the grid again.", group: "Grid",
            showsInFooter: false),
    ])

    /// Hours & leave.
    static let setup = KeyMap<DeskAction>([
        KeyBinding(keys: [.tab], action: .nextSection, title: "Section", help: "Leave & holidays, weekly hours, policies.", group: "Setup"),
        KeyBinding(
            keys: [.up, .character("k")], action: .moveUp, title: "Up", help: "The row above.", group: "Setup", showsInFooter: false),
        KeyBinding(
            keys: [.down, .character("j")], action: .moveDown, title: "Down", help: "The row below.", group: "Setup",
            showsInFooter: false),
        KeyBinding(keys: [.pageUp], action: .pageUp, title: "Page up", help: "One screen up.", group: "Setup", showsInFooter: false),
        KeyBinding(
            keys: [.pageDown], action: .pageDown, title: "Page down", help: "One screen down.", group: "Setup", showsInFooter: false),
        KeyBinding(
            keys: [.character("n")], action: .newLeave, title: "Leave",
            help: "Leave & holidays: record a clinician's leave (blocks their slots at every centre, for the web too).",
            group: "Leave"),
        KeyBinding(
            keys: [.character("H")], action: .newHoliday, title: "Holiday",
            help: "Leave & holidays: close this centre for every clinician on some days.", group: "Leave"),
        KeyBinding(
            keys: [.character("x")], action: .liftLeave, title: "Lift",
            help: "Leave & holidays: lift the selected leave or holiday (its slots open again).", group: "Leave"),
        KeyBinding(
            keys: [.enter], action: .showCovered, title: "Covered",
            help: "Leave & holidays: the booked visits the selected leave covers, to keep, move or cancel.", group: "Leave"),
        KeyBinding(
            keys: [.character("K")], action: .keepCovered, title: "Keep",
            help: "Covered visits: keep the selected visit (the clinician will see the patient).", group: "Leave"),
        KeyBinding(
            keys: [.character("m")], action: .moveCovered, title: "Move",
            help: "Covered visits: move the selected visit to a free slot on the grid.", group: "Leave"),
        KeyBinding(
            keys: [.character("C")], action: .cancelCovered, title: "Cancel visit",
            help: "Covered visits: cancel the selected visit as the web does (refund-eligible, the patient is told).",
            group: "Leave"),
        KeyBinding(
            keys: [.character("[")], action: .previousClinician, title: "Prev clinician",
            help: "Weekly hours: the clinician before.", group: "Hours", showsInFooter: false),
        KeyBinding(
            keys: [.character("]")], action: .nextClinician, title: "Next clinician", help: "Weekly hours: the next clinician.",
            group: "Hours"),
        KeyBinding(
            keys: [.character("a")], action: .addHours, title: "Add hours",
            help: "Weekly hours: add a window (day, times, slot length, mode).",
            group: "Hours"),
        KeyBinding(
            keys: [.character("d")], action: .deleteHours, title: "Remove hours", help: "Weekly hours: remove the selected window.",
            group: "Hours"),
        KeyBinding(
            keys: [.character("s")], action: .saveHours, title: "Save hours",
            help: "Weekly hours: save the week (booked visits that would fall outside are listed first).", group: "Hours"),
        KeyBinding(
            keys: [.character("e")], action: .editPolicies, title: "Edit policies",
            help: "Policies: overbook cap, stale holds, reminder time, template names (managers and administrators).",
            group: "Policies"),
        KeyBinding(
            keys: [.character("r")], action: .refresh, title: "Refresh", help: "Read the section again.", group: "Setup",
            showsInFooter: false),
    ])

    /// The Patients footer: the keys of what is open (the form, a record, or the search).
    static func patientsFooterAvailability(_ action: DeskAction, _ state: PatientsState) -> BindingAvailability {
        let shown: Set<DeskAction>
        if state.registration != nil {
            shown = [.submit, .nextField]
        } else if state.record != nil {
            shown = [.sendCode, .editPatient]
        } else {
            shown = [.registerPatient, .openSelected, .nextField]
        }
        return shown.contains(action) ? .visible : .hidden
    }

    /// Today's footer: the queue keys while the queues are shown, the appointment keys otherwise.
    static func todayFooterAvailability(_ action: DeskAction, _ state: TodayState) -> BindingAvailability {
        guard let binding = today.binding(for: action) else { return .hidden }
        switch state.view {
        case .schedule: return binding.group == "Queues" && action != .toggleQueues ? .hidden : .visible
        case .queues: return binding.group == "Queues" ? .visible : .hidden
        }
    }

    /// The footer of Hours & leave shows the open section's keys (or, over a leave's covered visits,
    /// keep, move and cancel) and the screen's own.
    static func setupFooterAvailability(_ action: DeskAction, _ state: SetupState) -> BindingAvailability {
        let coveredKeys: Set<DeskAction> = [.keepCovered, .moveCovered, .cancelCovered]
        if state.covered != nil { return coveredKeys.contains(action) ? .visible : .hidden }
        guard let binding = setup.binding(for: action), !coveredKeys.contains(action) else { return .hidden }
        let group: String
        switch state.section {
        case .leave: group = "Leave"
        case .hours: group = "Hours"
        case .policies: group = "Policies"
        }
        return binding.group == "Setup" || binding.group == group ? .visible : .hidden
    }

    /// The Patients screen (shown in help and the footer; the screen's own keys act as described).
    static let patients = KeyMap<DeskAction>([
        KeyBinding(
            keys: [.control("n")], action: .registerPatient, title: "Register",
            help: "Register a walk-in patient.", group: "Patients"),
        KeyBinding(
            keys: [.enter], action: .openSelected, title: "Open",
            help: "Open the selected patient (from the search box: the first result).", group: "Patients"),
        KeyBinding(
            keys: [.tab], action: .nextField, title: "Box/list",
            help: "Move between the search box and the results; in a form, to the next field.", group: "Patients"),
        KeyBinding(
            keys: [.character("o")], action: .sendCode, title: "Send code",
            help: "In a patient's record: send a WhatsApp code to verify their phone.", group: "Patients"),
        KeyBinding(
            keys: [.character("c")], action: .convertPhone, title: "Convert phone",
            help: "In a verified patient's record: store an old 10-digit phone in the web's format.", group: "Patients",
            showsInFooter: false),
        KeyBinding(
            keys: [.character("e")], action: .editPatient, title: "Edit",
            help: "In a patient's record: correct their name, mobile, date of birth or other details (audited).",
            group: "Patients"),
        KeyBinding(
            keys: [.character("v")], action: .showViewers, title: "Who looked",
            help: "In a patient's record (managers): list who opened it and when, from the audit log.", group: "Patients",
            showsInFooter: false),
        KeyBinding(
            keys: [.control("s")], action: .submit, title: "Save",
            help: "In the registration form: check for duplicates, then save.", group: "Patients"),
        KeyBinding(
            keys: [.control("r")], action: .refresh, title: "New code",
            help: "In the code dialog: send a new code when allowed.", group: "Patients", showsInFooter: false),
    ])

    /// Forms (sign-in, unlock): the field has focus, so only these keys act.
    static let form = KeyMap<DeskAction>([
        KeyBinding(keys: [.enter], action: .submit, title: "Sign in", help: "Send the form.", group: "Form"),
        KeyBinding(keys: [.tab, .down], action: .nextField, title: "Next field", help: "Move to the next field.", group: "Form"),
        KeyBinding(
            keys: [.backTab, .up], action: .previousField, title: "Previous field",
            help: "Move to the previous field.", group: "Form", showsInFooter: false),
        KeyBinding(keys: [.control("q")], action: .quit, title: "Quit", help: "Quit clinic-desk.", group: "General"),
    ])

    /// Keys that reach the screen even while a text field has focus.
    static func isPriority(_ key: Key) -> Bool {
        switch key {
        case .escape, .function, .control("p"), .control("q"), .control("l"), .control("n"), .control("s"), .control("r"), .enter,
            .tab, .backTab, .resize:
            return true
        default: return false
        }
    }
}
