/// Why a patient-directory operation was refused, in words a receptionist can act on.
///
/// Descriptions name no patient data beyond what the receptionist typed in the form.
public enum PatientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The form has mistakes: one sentence per field.
    case validation([PatientField: String])
    /// A patient already has this phone (in either stored format): open them instead, or add the new
    /// person to their household.
    case phoneAlreadyRegistered(existing: PatientSearchResult)
    /// A staff account holds this phone in the web's login format, so a patient cannot.
    case phoneUsedByStaffAccount
    /// Another account already has this e-mail address (the web requires it to be unique).
    case emailAlreadyRegistered
    /// No active patient has this id.
    case patientNotFound(patientID: Int64)
    /// The household holder must be an active patient with a phone of their own.
    case holderHasNoPhone(patientID: Int64)
    /// A merge of a patient with itself, or with an inactive (already merged) record.
    case cannotMerge(String)

    public var description: String {
        switch self {
        case .validation(let problems):
            let ordered = PatientField.allCases.compactMap { problems[$0] }
            return ordered.isEmpty ? "Check the form." : ordered.joined(separator: " ")
        case .phoneAlreadyRegistered(let existing):
            let mrn = existing.mrn.map { " (MRN \($0))" } ?? ""
            return "This phone number is already registered to \(existing.fullName)\(mrn). Open that patient, "
                + "or add the new person to their household."
        case .phoneUsedByStaffAccount:
            return "This phone number belongs to a staff account, so it cannot be a patient's login. "
                + "Use another number, or add the patient to a family member's phone."
        case .emailAlreadyRegistered:
            return "Another account already uses this e-mail address. Leave it empty or use another one."
        case .patientNotFound(let patientID):
            return "Patient \(patientID) was not found (it may have been merged into another record)."
        case .holderHasNoPhone(let patientID):
            return "Patient \(patientID) has no phone of their own; choose the family member who holds the phone."
        case .cannotMerge(let reason):
            return "These records cannot be merged: \(reason)."
        }
    }
}
