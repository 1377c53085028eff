/// Everything the patient view shows about one patient, as `PatientDirectory.record` reads it.
///
/// Clinical notes (`patient_medical_notes`, `appointments.notes`) are present only when
/// `PermissionTable` lets the reader see them; `clinicalNotesHidden` says when they were left out.
public struct PatientRecord: Sendable, Equatable {
    /// `patient_profiles.id`.
    public var patientID: Int64
    /// `users.id`.
    public var userID: Int64
    public var firstName: String?
    public var lastName: String?
    /// `users.full_name` (first + " " + last for patients the desk or the web's signup wrote).
    public var fullName: String
    /// The patient's own phone, when it reads as an Indian mobile.
    public var phone: PhoneNumber?
    /// `users.phone` exactly as stored ("919845012345" or "9845012345"), nil for a household member.
    public var storedPhone: String?
    public var email: String?
    public var dateOfBirth: LocalDate?
    /// Whole years at the centre's today (IST) from the date of birth, else the stored age.
    public var age: Int?
    public var gender: String?
    public var bloodGroup: String?
    public var emergencyContactName: String?
    public var emergencyContactPhone: String?
    /// Reception notes (`patient_profiles.notes`).
    public var notes: String?
    public var mrn: String?
    /// `patient_profiles.is_active`; false after the record was merged into another.
    public var isActive: Bool
    /// `patient_profiles.created_at`.
    public var registeredAt: Instant
    /// The family member whose phone reaches this patient, when they have none of their own.
    public var holder: PatientSummary?
    /// The household members reached on this patient's phone.
    public var householdMembers: [PatientSummary]
    /// Appointments from now on, soonest first.
    public var upcomingAppointments: [PatientAppointment]
    /// Earlier appointments, latest first.
    public var pastAppointments: [PatientAppointment]
    /// Payments, latest first.
    public var payments: [PatientPayment]
    /// Messages to the patient (or, for a household member, to the holder's phone), latest first.
    public var messages: [PatientMessage]
    /// `patient_medical_notes`, latest first; empty when hidden.
    public var clinicalNotes: [ClinicalNote]
    /// True when clinical notes exist but the reader's role may not see them.
    public var clinicalNotesHidden: Bool
}

/// A patient named inside another's record (household holder or member).
public struct PatientSummary: Sendable, Equatable {
    public var patientID: Int64
    public var fullName: String
    /// Their phone as people read it, when they have one.
    public var phoneDisplay: String?
    public var mrn: String?
}

/// One appointment in a patient's record.
public struct PatientAppointment: Sendable, Equatable {
    public var id: Int64
    public var start: Instant
    public var end: Instant
    /// The web's status text ("BOOKED", "COMPLETED", …).
    public var status: String
    /// `appointments.appointment_type`.
    public var type: String
    public var clinicianName: String
    public var centreName: String
    /// `appointments.notes` (clinical); nil when hidden from the reader.
    public var clinicalNotes: String?
}

/// One payment row in a patient's record.
public struct PatientPayment: Sendable, Equatable {
    public var id: Int64
    public var appointmentID: Int64
    public var amount: Money
    /// CREATED, PENDING, SUCCESS, FAILED or REFUNDED.
    public var status: String
    /// ONLINE, CASH, CARD or UPI, when recorded.
    public var method: String?
    public var paidAt: Instant?
    public var createdAt: Instant
}

/// One WhatsApp message (`notifications` row) to the patient or their household holder.
public struct PatientMessage: Sendable, Equatable {
    public var id: Int64
    /// The template or notification type from `payload_data` ("APPOINTMENT_REMINDER"), if any.
    public var template: String?
    /// QUEUED, SENT, DELIVERED or FAILED.
    public var status: String
    public var createdAt: Instant
    public var sentAt: Instant?
    /// True when it went to the household holder's phone (it is listed in the holder's record too).
    public var isToHolder: Bool
}

/// One clinical note (`patient_medical_notes`).
public struct ClinicalNote: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var authorName: String?
    public var createdAt: Instant
}
