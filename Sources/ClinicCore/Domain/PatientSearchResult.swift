/// One patient found by `PatientDirectory.search`, with what the results table shows.
public struct PatientSearchResult: Sendable, Equatable, Hashable {
    /// `patient_profiles.id`: the patient id everywhere (appointments, payments).
    public var patientID: Int64
    /// `users.id` of the patient.
    public var userID: Int64
    /// `users.full_name`.
    public var fullName: String
    /// The phone to call, as people read it ("+91 98450 12345"); for a household member without a
    /// phone of their own it is the holder's, marked "(holder: Name)". Nil when there is none.
    public var phoneDisplay: String?
    /// True when `phoneDisplay` is the household holder's phone, not the patient's own.
    public var isHolderPhone: Bool
    /// The holder's `patient_profiles.id` when this patient is a household member.
    public var holderPatientID: Int64?
    /// Whole years, from the date of birth at the centre's today (IST), else the stored age.
    public var age: Int?
    /// `patient_profiles.date_of_birth`.
    public var dateOfBirth: LocalDate?
    /// `patient_profiles.mrn`.
    public var mrn: String?
    /// The start of the next appointment that still holds its slot, if any.
    public var nextAppointment: Instant?
    /// Why this patient matched, which also decides their place in the ranking.
    public var matchKind: PatientMatchKind

    /// A result as the search builds it.
    public init(
        patientID: Int64, userID: Int64, fullName: String, phoneDisplay: String?, isHolderPhone: Bool,
        holderPatientID: Int64?, age: Int?, dateOfBirth: LocalDate?, mrn: String?, nextAppointment: Instant?,
        matchKind: PatientMatchKind
    ) {
        self.patientID = patientID
        self.userID = userID
        self.fullName = fullName
        self.phoneDisplay = phoneDisplay
        self.isHolderPhone = isHolderPhone
        self.holderPatientID = holderPatientID
        self.age = age
        self.dateOfBirth = dateOfBirth
        self.mrn = mrn
        self.nextAppointment = nextAppointment
        self.matchKind = matchKind
    }
}

/// How a search result matched, best first: exact phone, MRN or name; then prefixes and phone
/// endings; then names containing every typed word; then names close to a misspelling.
public enum PatientMatchKind: String, Sendable, CaseIterable, Comparable {
    /// The whole phone number, in either stored format.
    case exactPhone
    /// A household member whose holder's phone was typed.
    case household
    /// The MRN.
    case exactMRN
    /// The whole name, first-last or last-first.
    case exactName
    /// The name starts with what was typed (first-last or last-first).
    case namePrefix
    /// The phone ends with the digits typed.
    case phoneEnding
    /// The phone starts with the digits typed (a number being dictated), when none ends with them.
    case phoneStart
    /// Every typed word appears in the name, in any order.
    case nameContains
    /// The name is close to what was typed (a typo).
    case nameFuzzy

    /// The ranking tier: 0 exact, 1 prefix, 2 contains, 3 fuzzy.
    public var tier: Int {
        switch self {
        case .exactPhone, .household, .exactMRN, .exactName: return 0
        case .namePrefix, .phoneEnding, .phoneStart: return 1
        case .nameContains: return 2
        case .nameFuzzy: return 3
        }
    }

    public static func < (lhs: PatientMatchKind, rhs: PatientMatchKind) -> Bool { lhs.tier < rhs.tier }
}
