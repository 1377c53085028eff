import ClinicCore

/// Reads what a manager typed into the Hours & leave forms, or says in words what is wrong.
enum SetupInput {
    /// "mon", "Monday" or 1 (0 is Sunday, as the web stores it).
    static func weekday(_ text: String) -> Int? {
        if let number = Int(text), (0...6).contains(number) { return number }
        return DisplayDate.weekday(named: text)
    }

    /// "9", "9:30", "09:30" or "24:00".
    static func time(_ text: String) -> LocalTime? {
        let full = text.contains(":") ? text : text + ":00"
        guard let time = LocalTime(sqlText: full), time.second == 0, time.hour < 24 || time.minute == 0 else { return nil }
        return time
    }

    /// "in person" / "i" or "online" / "o".
    static func mode(_ text: String) -> ConsultationMode? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("i") { return .inPerson }
        if lowered.hasPrefix("o") { return .online }
        return nil
    }

    /// A new weekly window at `centreID` from the form's five fields.
    static func window(_ form: FieldForm, centreID: Int64) -> Result<WeeklyRules.Window, SetupInputError> {
        guard let day = weekday(form.text(0)) else { return .failure(.day(form.text(0))) }
        guard let start = time(form.text(1)) else { return .failure(.time("start", form.text(1))) }
        guard let end = time(form.text(2)) else { return .failure(.time("end", form.text(2))) }
        guard end > start else { return .failure(.endBeforeStart) }
        guard let minutes = Int(form.text(3)), minutes >= 5, minutes <= end.minutesSinceMidnight - start.minutesSinceMidnight else {
            return .failure(.slotLength(form.text(3)))
        }
        guard let mode = mode(form.text(4)) else { return .failure(.mode(form.text(4))) }
        return .success(WeeklyRules.Window(centreID: centreID, weekday: day, start: start, end: end, slotMinutes: minutes, mode: mode))
    }

    /// The clinician a typed name means: the one whose name contains it (ignoring case).
    static func clinician(_ typed: String, among clinicians: [ClinicianChoice]) -> Result<ClinicianChoice, SetupInputError> {
        let wanted = typed.lowercased()
        guard !wanted.isEmpty else { return .failure(.noClinician) }
        if let exact = clinicians.first(where: { $0.name.lowercased() == wanted }) { return .success(exact) }
        let matches = clinicians.filter { $0.name.lowercased().contains(wanted) }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(.unknownClinician(typed))
        default: return .failure(.ambiguousClinician(typed, matches.prefix(3).map(\.name)))
        }
    }

    /// Policies from the form's eight fields (the order `SetupForms.policies` builds).
    static func policies(_ form: FieldForm) -> Result<DeskPolicies, SetupInputError> {
        guard let cap = Int(form.text(0)), (0...20).contains(cap) else { return .failure(.number("overbook cap", "0 to 20")) }
        guard let minutes = Int(form.text(1)), (5...10_080).contains(minutes) else {
            return .failure(.number("stale-hold age", "5 to 10080 minutes"))
        }
        let auto: Bool
        switch form.text(2).lowercased() {
        case "y", "yes", "on": auto = true
        case "n", "no", "off": auto = false
        default: return .failure(.yesNo("release stale holds by themselves"))
        }
        guard let reminder = time(form.text(3)), reminder.hour < 24 else { return .failure(.time("reminder", form.text(3))) }
        let names = (4...6).map { form.text($0) }
        guard names.allSatisfy({ isTemplateName($0) }) else { return .failure(.templateName) }
        let brand = form.text(7)
        guard !brand.isEmpty else { return .failure(.brand) }
        return .success(
            DeskPolicies(
                overbookCapPerClinicianDay: cap, staleHoldMinutes: minutes, staleHoldAutoRelease: auto, reminderLocalTime: reminder,
                cancellationTemplate: names[0], rescheduleTemplate: names[1], reminderTemplate: names[2], brandName: brand))
    }

    /// WhatsApp template names: lower-case letters, digits and underscores.
    static func isTemplateName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 512
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// A form field that could not be read, in words a manager can act on.
enum SetupInputError: Error, Equatable, CustomStringConvertible {
    case day(String)
    case time(String, String)
    case endBeforeStart
    case slotLength(String)
    case mode(String)
    case noClinician
    case unknownClinician(String)
    case ambiguousClinician(String, [String])
    case number(String, String)
    case yesNo(String)
    case templateName
    case brand
    case dates(String)

    var description: String {
        switch self {
        case .day(let typed): return "Day \"\(typed)\" is not a weekday: type mon, tue, … sun."
        case .time(let which, let typed): return "The \(which) time \"\(typed)\" is not a time: type it as 9:30 or 14:00."
        case .endBeforeStart: return "The end must be after the start."
        case .slotLength(let typed): return "Slot length \"\(typed)\": type minutes, at least 5, that fit between start and end."
        case .mode(let typed): return "Mode \"\(typed)\": type i (in person) or o (online)."
        case .noClinician: return "Type the clinician's name (part of it is enough)."
        case .unknownClinician(let typed): return "No clinician of this centre is called \"\(typed)\"."
        case .ambiguousClinician(let typed, let names):
            return "\"\(typed)\" fits several clinicians (\(names.joined(separator: ", "))); type more of the name."
        case .number(let what, let range): return "The \(what) must be a whole number, \(range)."
        case .yesNo(let what): return "Type yes or no for \"\(what)\"."
        case .templateName: return "Template names are lower-case letters, digits and _ (as approved in WhatsApp)."
        case .brand: return "Type the clinic's brand name for confirmations."
        case .dates(let why): return why
        }
    }
}
