/// A patient's appointments split as the web dashboard splits them: upcoming and past.
public struct PatientAppointments: Sendable {
    let database: Database

    /// Appointments on `database`.
    public init(database: Database) { self.database = database }

    /// One appointment in a patient's list.
    public struct Entry: Sendable, Equatable {
        public var appointmentID: Int64
        public var start: Instant
        public var status: String
        public var clinicianName: String
        public var centreName: String
        public var type: String
        public var isPaid: Bool
    }

    /// Upcoming (starting from now, not cancelled, no-show or completed; soonest first) and past (the
    /// rest; latest first).
    public func split(patientID: Int64, by actor: StaffActor) async throws -> (upcoming: [Entry], past: [Entry]) {
        try PermissionTable.check(actor, .searchPatients)
        let rows = try await database.query(
            """
            SELECT a.id, a.scheduled_start_at, a.status, a.appointment_type, cu.full_name AS clinician_name, c.name AS centre_name,
                   EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.id AND p.status = 'SUCCESS') AS paid,
                   (a.scheduled_start_at >= now() AND a.is_active
                    AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW', 'COMPLETED')) AS upcoming
            FROM appointments a
            JOIN clinician_profiles cp ON cp.id = a.clinician_id JOIN users cu ON cu.id = cp.user_id
            JOIN centres c ON c.id = a.centre_id
            WHERE a.patient_id = \(patientID)
            ORDER BY a.scheduled_start_at
            """)
        var upcoming: [Entry] = []
        var past: [Entry] = []
        for row in rows {
            let entry = Entry(
                appointmentID: try row.decode("id"), start: try row.decode("scheduled_start_at"), status: try row.decode("status"),
                clinicianName: try row.decode("clinician_name"), centreName: try row.decode("centre_name"),
                type: try row.decode("appointment_type"), isPaid: try row.decode("paid"))
            if try row.decode("upcoming", as: Bool.self) { upcoming.append(entry) } else { past.insert(entry, at: 0) }
        }
        return (upcoming, past)
    }
}
