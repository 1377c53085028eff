/// Writes appointment rows exactly as the web's `createAppointment` does, with desk error mapping.
public enum AppointmentStore {
    /// The INSERT, shaped like the web's `createAppointment` (also the benchmark's raw-path SQL).
    public static func insertQuery(_ appointment: NewAppointment) -> SQLQuery {
        """
        INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at,
                                  scheduled_end_at, duration_minutes, status, booked_by_user_id, source, notes,
                                  patient_notes, is_active)
        VALUES (\(appointment.patientID), \(appointment.clinicianID), \(appointment.centreID),
                \(appointment.type.rawValue), \(appointment.start), \(appointment.end),
                \(appointment.durationMinutes), \(appointment.status), \(appointment.bookedByUserID),
                \(appointment.source.rawValue), \(appointment.notes), \(appointment.patientNotes), true)
        RETURNING id
        """
    }

    /// Inserts one appointment and returns its id.
    /// - Throws: `BookingError.slotTaken` when the clinician already has an overlapping active
    ///   appointment, `BookingError.endNotAfterStart`, or the underlying `DatabaseError`.
    public static func insert(_ appointment: NewAppointment, in session: DatabaseSession) throws -> Int64 {
        do {
            let row = try session.queryOne(insertQuery(appointment))
            return try row.decode("id")
        } catch let error as DatabaseError {
            if let bookingError = BookingError(error) { throw bookingError }
            throw error
        }
    }
}

/// An appointment to insert; ids are the web's (`patient_profiles.id`, `clinician_profiles.id`).
public struct NewAppointment: Sendable, Equatable {
    public var patientID: Int64
    public var clinicianID: Int64
    public var centreID: Int64
    public var type: AppointmentType
    public var start: Instant
    public var durationMinutes: Int
    public var status: String
    public var bookedByUserID: Int64
    public var source: BookingSource
    public var notes: String?
    public var patientNotes: String?

    /// The end instant: start plus the duration.
    public var end: Instant { start.adding(minutes: durationMinutes) }

    /// An appointment; status defaults to BOOKED (unpaid), as every web path writes it.
    public init(
        patientID: Int64, clinicianID: Int64, centreID: Int64, type: AppointmentType, start: Instant,
        durationMinutes: Int, bookedByUserID: Int64, source: BookingSource, status: String = "BOOKED",
        notes: String? = nil, patientNotes: String? = nil
    ) {
        self.patientID = patientID
        self.clinicianID = clinicianID
        self.centreID = centreID
        self.type = type
        self.start = start
        self.durationMinutes = durationMinutes
        self.status = status
        self.bookedByUserID = bookedByUserID
        self.source = source
        self.notes = notes
        self.patientNotes = patientNotes
    }
}

/// The web's `appointments.appointment_type` values.
public enum AppointmentType: String, Sendable, CaseIterable {
    case inPerson = "IN_PERSON"
    case online = "ONLINE"
    case inpatientAssessment = "INPATIENT_ASSESSMENT"
    case followUp = "FOLLOW_UP"

    /// The type as staff say it ("Follow-up").
    public var displayName: String {
        switch self {
        case .inPerson: return "In person"
        case .online: return "Online"
        case .followUp: return "Follow-up"
        case .inpatientAssessment: return "Inpatient assessment"
        }
    }

    /// A stored value in words; an unknown value as stored.
    public static func displayName(of stored: String) -> String { AppointmentType(rawValue: stored)?.displayName ?? stored }
}

/// The web's `appointments.source` values.
public enum BookingSource: String, Sendable, CaseIterable {
    case webPatient = "WEB_PATIENT"
    case adminFrontDesk = "ADMIN_FRONT_DESK"
    case adminCareCoordinator = "ADMIN_CARE_COORDINATOR"
    case adminManager = "ADMIN_MANAGER"

    /// Who booked, as staff say it ("the web", "the front desk").
    public var displayName: String {
        switch self {
        case .webPatient: return "the web"
        case .adminFrontDesk: return "the front desk"
        case .adminCareCoordinator: return "a care coordinator"
        case .adminManager: return "a manager"
        }
    }

    /// A stored value in words; an unknown value as stored.
    public static func displayName(of stored: String) -> String { BookingSource(rawValue: stored)?.displayName ?? stored }
}
