/// What the receptionist typed to register a patient; `PatientDirectory.validate` checks it.
///
/// Text is kept as typed (the form keeps it when a save fails); the directory trims and normalises
/// it when saving.
public struct PatientRegistration: Sendable, Equatable {
    /// Required.
    public var firstName: String
    /// Required.
    public var lastName: String
    /// The patient's own mobile, in any typed form; required unless `householdHolderPatientID` is set.
    public var phone: String
    /// Optional; must be complete and not used by another account.
    public var email: String
    /// Optional; not in the future.
    public var dateOfBirth: LocalDate?
    /// Free text as the web stores it ("Female", "Male", "Other"); optional.
    public var gender: String
    /// Optional.
    public var emergencyContactName: String
    /// Optional; when given, an Indian mobile number.
    public var emergencyContactPhone: String
    /// `patient_profiles.notes` (reception notes, not clinical notes); optional.
    public var notes: String
    /// For a person without a phone of their own: the `patient_profiles.id` of the family member
    /// whose phone reaches them (then `phone` stays empty).
    public var householdHolderPatientID: Int64?

    /// A form; everything but the names is optional here (validation says what is missing).
    public init(
        firstName: String, lastName: String, phone: String = "", email: String = "", dateOfBirth: LocalDate? = nil,
        gender: String = "", emergencyContactName: String = "", emergencyContactPhone: String = "", notes: String = "",
        householdHolderPatientID: Int64? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.email = email
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.emergencyContactName = emergencyContactName
        self.emergencyContactPhone = emergencyContactPhone
        self.notes = notes
        self.householdHolderPatientID = householdHolderPatientID
    }
}

/// A field of the registration or edit form, the key of validation messages.
public enum PatientField: String, Sendable, CaseIterable, Hashable {
    case firstName, lastName, phone, email, dateOfBirth, gender, emergencyContactName, emergencyContactPhone, notes
    case household
}

/// Changes to a patient's details; nil leaves a field as it is, an empty text clears it.
public struct PatientChanges: Sendable, Equatable {
    /// A new first name (cannot be cleared).
    public var firstName: String?
    /// A new last name (cannot be cleared).
    public var lastName: String?
    /// A new own phone in any typed form; "" removes it (only with a household holder).
    public var phone: String?
    /// A new e-mail address; "" removes it.
    public var email: String?
    /// A new date of birth.
    public var dateOfBirth: LocalDate?
    /// Removes the date of birth (and the age derived from it).
    public var clearsDateOfBirth: Bool
    /// A new gender; "" clears it.
    public var gender: String?
    /// A new emergency contact name; "" clears it.
    public var emergencyContactName: String?
    /// A new emergency contact phone; "" clears it.
    public var emergencyContactPhone: String?
    /// New reception notes; "" clears them.
    public var notes: String?
    /// Joins the household of this holder (`patient_profiles.id`).
    public var householdHolderPatientID: Int64?
    /// Leaves the household (the patient must then have a phone of their own).
    public var leavesHousehold: Bool

    /// Changes; every field defaults to "leave as it is".
    public init(
        firstName: String? = nil, lastName: String? = nil, phone: String? = nil, email: String? = nil,
        dateOfBirth: LocalDate? = nil, clearsDateOfBirth: Bool = false, gender: String? = nil,
        emergencyContactName: String? = nil, emergencyContactPhone: String? = nil, notes: String? = nil,
        householdHolderPatientID: Int64? = nil, leavesHousehold: Bool = false
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.email = email
        self.dateOfBirth = dateOfBirth
        self.clearsDateOfBirth = clearsDateOfBirth
        self.gender = gender
        self.emergencyContactName = emergencyContactName
        self.emergencyContactPhone = emergencyContactPhone
        self.notes = notes
        self.householdHolderPatientID = householdHolderPatientID
        self.leavesHousehold = leavesHousehold
    }
}
