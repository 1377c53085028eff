import ClinicCore
import Foundation

/// The walk-in registration form; what is typed stays when a save fails.
struct RegistrationState: Equatable, Sendable {
    static let fields: [PatientField] = [
        .firstName, .lastName, .phone, .email, .dateOfBirth, .gender, .emergencyContactName,
        .emergencyContactPhone, .notes,
    ]

    var values: [PatientField: TextField] = Dictionary(
        uniqueKeysWithValues: RegistrationState.fields.map { field in
            (field, TextField(label: RegistrationState.label(field), maxLength: field == .notes ? 500 : 100))
        })
    var focus: PatientField = .firstName
    /// Problems shown next to fields, filled as the receptionist leaves each one.
    var problems: [PatientField: String] = [:]
    var visited: Set<PatientField> = []
    var duplicates: [PatientSearchResult]?
    var duplicateTable = TableView()
    var isSaving = false
    var pendingRequest: Int?
    var error: String?
    /// Set when the person is added to a household instead of having a phone of their own.
    var householdHolderPatientID: Int64?
    /// The patient whose details are being corrected (nil: a new registration).
    var editing: PatientRecord?

    init() {}

    /// The form filled with a patient's details, to correct them.
    init(editing record: PatientRecord) {
        editing = record
        householdHolderPatientID = record.holder?.patientID
        for (field, text) in RegistrationState.shown(record) {
            // Built anew so the cursor sits after the text, ready to correct it.
            values[field] = TextField(label: RegistrationState.label(field), text: text, maxLength: field == .notes ? 500 : 100)
        }
    }

    /// A patient's details as the form shows them (what an edit is compared against).
    static func shown(_ record: PatientRecord) -> [PatientField: String] {
        // Old rows without first and last names: the full name split as ClinicCore does for an edit.
        let words = record.fullName.split(separator: " ")
        let legacyFirst = words.dropLast().joined(separator: " ")
        return [
            .firstName: record.firstName ?? (legacyFirst.isEmpty ? record.fullName : legacyFirst),
            .lastName: record.lastName ?? (legacyFirst.isEmpty ? "-" : words.last.map(String.init) ?? ""),
            .phone: record.phone?.display ?? record.storedPhone ?? "", .email: record.email ?? "",
            .dateOfBirth: record.dateOfBirth.map(dayMonthYear) ?? "", .gender: record.gender ?? "",
            .emergencyContactName: record.emergencyContactName ?? "", .emergencyContactPhone: record.emergencyContactPhone ?? "",
            .notes: record.notes ?? "",
        ]
    }

    /// "07-03-1990", the form's date shape.
    static func dayMonthYear(_ date: LocalDate) -> String {
        "\(date.day < 10 ? "0" : "")\(date.day)-\(date.month < 10 ? "0" : "")\(date.month)-\(date.year)"
    }

    /// Something typed would be lost by closing the form: any text in a new registration, a change in an edit.
    var hasUnsavedChanges: Bool {
        editing == nil ? values.values.contains { !$0.text.isEmpty } : changes != PatientChanges()
    }

    /// What an edit changes: only the fields typed differently from what was shown.
    var changes: PatientChanges {
        guard let record = editing else { return PatientChanges() }
        let before = RegistrationState.shown(record)
        func changed(_ field: PatientField) -> String? {
            let typed = text(field).trimmingCharacters(in: .whitespaces)
            return typed == before[field]?.trimmingCharacters(in: .whitespaces) ? nil : typed
        }
        var changes = PatientChanges(
            firstName: changed(.firstName), lastName: changed(.lastName), phone: changed(.phone), email: changed(.email),
            gender: changed(.gender), emergencyContactName: changed(.emergencyContactName),
            emergencyContactPhone: changed(.emergencyContactPhone), notes: changed(.notes))
        if let date = changed(.dateOfBirth) {
            if date.isEmpty { changes.clearsDateOfBirth = true } else { changes.dateOfBirth = RegistrationState.parseDate(date) }
        }
        return changes
    }

    static func label(_ field: PatientField) -> String {
        switch field {
        case .firstName: return "First name"
        case .lastName: return "Last name"
        case .phone: return "Mobile"
        case .email: return "Email"
        case .dateOfBirth: return "Date of birth"
        case .gender: return "Gender"
        case .emergencyContactName: return "Emergency contact"
        case .emergencyContactPhone: return "Emergency phone"
        case .notes: return "Notes"
        case .household: return "Household"
        }
    }

    func text(_ field: PatientField) -> String { values[field]?.text ?? "" }

    /// The form as ClinicCore takes it, and a problem with the date's shape, if any.
    var form: (registration: PatientRegistration, dateProblem: String?) {
        let typedDate = text(.dateOfBirth).trimmingCharacters(in: .whitespaces)
        let date = RegistrationState.parseDate(typedDate)
        let problem: String?
        if typedDate.isEmpty || date != nil {
            problem = nil
        } else if typedDate.split(whereSeparator: { "-/.".contains($0) }).count == 3,
            typedDate.allSatisfy({ $0.isNumber || "-/.".contains($0) })
        {
            problem = "\(typedDate) is not a date on the calendar. Type DD-MM-YYYY, for example 07-03-1990."
        } else {
            problem = "Type the date of birth as DD-MM-YYYY, for example 07-03-1990."
        }
        let registration = PatientRegistration(
            firstName: text(.firstName), lastName: text(.lastName), phone: text(.phone), email: text(.email), dateOfBirth: date,
            gender: text(.gender), emergencyContactName: text(.emergencyContactName),
            emergencyContactPhone: text(.emergencyContactPhone), notes: text(.notes), householdHolderPatientID: householdHolderPatientID)
        return (registration, problem)
    }

    /// DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD.
    static func parseDate(_ text: String) -> LocalDate? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4 { return LocalDate(sqlText: "\(parts[0])-\(parts[1].padding(2))-\(parts[2].padding(2))") }
        guard parts[2].count == 4 else { return nil }
        return LocalDate(sqlText: "\(parts[2])-\(parts[1].padding(2))-\(parts[0].padding(2))")
    }

    /// Recomputes the problems of the fields already visited (validation as you leave them).
    mutating func validateVisited(today: LocalDate) {
        let (registration, dateProblem) = form
        var all = PatientFormRules.problems(in: registration, today: today)
        if let dateProblem { all[.dateOfBirth] = dateProblem }
        if let record = editing {
            // As ClinicCore does: contact details left as stored are not judged again (the web keeps some as typed).
            let before = RegistrationState.shown(record)
            for field in [PatientField.phone, .email, .emergencyContactPhone] where text(field) == before[field] { all[field] = nil }
        }
        problems = all.filter { visited.contains($0.key) }
    }

    /// Every problem, for a save attempt.
    mutating func validateAll(today: LocalDate) -> Bool {
        visited = Set(RegistrationState.fields)
        validateVisited(today: today)
        return problems.isEmpty
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
