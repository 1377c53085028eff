extension PatientDirectory {
    /// The patient's full record, and a `patient.viewed` audit row saying who opened it.
    ///
    /// Staff with `Permission.searchPatients` may open any record; a clinician may open the record of
    /// a patient they have an appointment with. Clinical notes are included only where
    /// `PermissionTable` allows `readClinicalNotes` (a clinician, for their own appointments and
    /// patients); front desk and care coordinators never receive them.
    /// - Throws: `PatientError.patientNotFound`, `AccessError`, or a `DatabaseError`.
    public func record(patientID: Int64, actor: StaffActor) async throws -> PatientRecord {
        let record = try await loadRecord(patientID: patientID, actor: actor)
        try await PatientRecordAudit(database: database).recordView(actor: actor, patientID: patientID)
        return record
    }

    /// Reads again a record `actor` already has open (after a send or a change), without recording a
    /// second view: the opening was audited once.
    /// - Throws: `PatientError.patientNotFound`, `AccessError`, or a `DatabaseError`.
    public func refresh(patientID: Int64, actor: StaffActor) async throws -> PatientRecord {
        try await loadRecord(patientID: patientID, actor: actor)
    }

    /// The record as `actor` may see it, without auditing the view (registration returns it).
    func loadRecord(patientID: Int64, actor: StaffActor) async throws -> PatientRecord {
        let mayBrowse = PermissionTable.allows(actor, .searchPatients)
        // The clinician whose own notes the reader may see (nil: no clinical notes at all).
        let noteReader: Int64? = actor.clinicianID.flatMap {
            PermissionTable.allows(actor, .readClinicalNotes, clinicianID: $0) ? $0 : nil
        }
        return try await database.transaction(isolation: .repeatableRead) { session in
            let isOwnPatient: Bool
            if let noteReader {
                isOwnPatient = try !session.query(
                    "SELECT 1 AS found FROM appointments WHERE patient_id = \(patientID) AND clinician_id = \(noteReader) LIMIT 1"
                ).isEmpty
            } else {
                isOwnPatient = false
            }
            guard mayBrowse || isOwnPatient else {
                throw AccessError.notAllowed(.searchPatients, role: actor.highestRole)
            }
            var record = try PatientDirectory.profile(patientID, in: session)
            try PatientDirectory.addHousehold(to: &record, in: session)
            try PatientDirectory.addAppointments(to: &record, noteReader: noteReader, in: session)
            try PatientDirectory.addPaymentsAndMessages(to: &record, in: session)
            try PatientDirectory.addClinicalNotes(to: &record, visible: isOwnPatient, in: session)
            return record
        }
    }

    // MARK: - Parts of the record

    private static func profile(_ patientID: Int64, in session: DatabaseSession) throws -> PatientRecord {
        let rows = try session.query(
            """
            SELECT pp.id, pp.user_id, u.first_name, u.last_name, u.full_name, u.phone, u.email, pp.date_of_birth,
                   coalesce(date_part('year', age((now() AT TIME ZONE 'Asia/Kolkata')::date, pp.date_of_birth))::int, pp.age) AS age,
                   pp.gender, pp.blood_group, pp.emergency_contact_name, pp.emergency_contact_phone, pp.notes, pp.mrn,
                   pp.is_active, pp.created_at, pp.desk_contact_holder_patient_id
            FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
            WHERE pp.id = \(patientID) AND u.user_type = 'PATIENT'
            """)
        guard let row = rows.first else { throw PatientError.patientNotFound(patientID: patientID) }
        let storedPhone: String? = try row.decode("phone")
        let holderID: Int64? = try row.decode("desk_contact_holder_patient_id")
        return PatientRecord(
            patientID: try row.decode("id"), userID: try row.decode("user_id"), firstName: try row.decode("first_name"),
            lastName: try row.decode("last_name"), fullName: try row.decode("full_name"),
            phone: storedPhone.flatMap { PhoneNumber($0) }, storedPhone: storedPhone, email: try row.decode("email"),
            dateOfBirth: try row.decode("date_of_birth"), age: try row.decode("age"), gender: try row.decode("gender"),
            bloodGroup: try row.decode("blood_group"), emergencyContactName: try row.decode("emergency_contact_name"),
            emergencyContactPhone: try row.decode("emergency_contact_phone"), notes: try row.decode("notes"),
            mrn: try row.decode("mrn"), isActive: try row.decode("is_active"), registeredAt: try row.decode("created_at"),
            holder: holderID.map { PatientSummary(patientID: $0, fullName: "", phoneDisplay: nil, mrn: nil) },
            householdMembers: [], upcomingAppointments: [], pastAppointments: [], payments: [], messages: [],
            clinicalNotes: [], clinicalNotesHidden: false)
    }

    private static func addHousehold(to record: inout PatientRecord, in session: DatabaseSession) throws {
        let holderID = record.holder?.patientID
        let rows = try session.query(
            """
            SELECT pp.id, u.full_name, u.phone, pp.mrn, pp.id = \(holderID) AS is_holder
            FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
            WHERE pp.id = \(holderID) OR (pp.desk_contact_holder_patient_id = \(record.patientID) AND pp.is_active)
            ORDER BY pp.id
            """)
        record.holder = nil
        for row in rows {
            let phone: String? = try row.decode("phone")
            let summary = PatientSummary(
                patientID: try row.decode("id"), fullName: try row.decode("full_name"), phoneDisplay: phone.map(displayPhone),
                mrn: try row.decode("mrn"))
            if try row.decode("is_holder", as: Bool?.self) == true {
                record.holder = summary
            } else {
                record.householdMembers.append(summary)
            }
        }
    }

    private static func addAppointments(to record: inout PatientRecord, noteReader: Int64?, in session: DatabaseSession) throws {
        let rows = try session.query(
            """
            SELECT a.id, a.scheduled_start_at, a.scheduled_end_at, a.status, a.appointment_type,
                   cu.full_name AS clinician_name, c.name AS centre_name, a.scheduled_start_at > now() AS upcoming,
                   CASE WHEN a.clinician_id = \(noteReader) THEN a.notes END AS notes
            FROM appointments a
            JOIN clinician_profiles cp ON cp.id = a.clinician_id
            JOIN users cu ON cu.id = cp.user_id
            JOIN centres c ON c.id = a.centre_id
            WHERE a.patient_id = \(record.patientID) AND a.is_active
            ORDER BY a.scheduled_start_at, a.id
            """)
        for row in rows {
            let appointment = PatientAppointment(
                id: try row.decode("id"), start: try row.decode("scheduled_start_at"), end: try row.decode("scheduled_end_at"),
                status: try row.decode("status"), type: try row.decode("appointment_type"),
                clinicianName: try row.decode("clinician_name"), centreName: try row.decode("centre_name"),
                clinicalNotes: try row.decode("notes"))
            if try row.decode("upcoming", as: Bool.self) {
                record.upcomingAppointments.append(appointment)
            } else {
                record.pastAppointments.insert(appointment, at: 0)
            }
        }
    }

    private static func addPaymentsAndMessages(to record: inout PatientRecord, in session: DatabaseSession) throws {
        let payments = try session.query(
            """
            SELECT p.id, p.appointment_id, p.amount, p.status, p.payment_method, p.paid_at, p.created_at
            FROM payments p WHERE p.patient_id = \(record.patientID)
            ORDER BY p.created_at DESC, p.id DESC LIMIT 200
            """)
        record.payments = try payments.map { row in
            PatientPayment(
                id: try row.decode("id"), appointmentID: try row.decode("appointment_id"), amount: try row.decode("amount"),
                status: try row.decode("status"), method: try row.decode("payment_method"), paidAt: try row.decode("paid_at"),
                createdAt: try row.decode("created_at"))
        }
        // A household member's messages go to the holder's phone, under the holder's users.id; the
        // payload names the patient they are about.
        let messages = try session.query(
            """
            SELECT n.id, n.status, n.created_at, n.sent_at, n.user_id <> \(record.userID) AS to_holder,
                   coalesce(n.payload_data ->> 'template_name', n.payload_data ->> 'template',
                            n.payload_data ->> 'notification_type') AS template
            FROM notifications n
            WHERE n.user_id = \(record.userID)
               OR (n.user_id = (SELECT hp.user_id FROM patient_profiles hp WHERE hp.id = \(record.holder?.patientID))
                   -- Only the holder's messages about this member, never the holder's own.
                   AND n.payload_data ->> 'patient_id' = \(String(record.patientID)))
            ORDER BY n.created_at DESC, n.id DESC LIMIT 200
            """)
        record.messages = try messages.map { row in
            PatientMessage(
                id: try row.decode("id"), template: try row.decode("template"), status: try row.decode("status"),
                createdAt: try row.decode("created_at"), sentAt: try row.decode("sent_at"), isToHolder: try row.decode("to_holder"))
        }
    }

    private static func addClinicalNotes(to record: inout PatientRecord, visible: Bool, in session: DatabaseSession) throws {
        guard visible else {
            // Say that notes exist without reading them.
            let count: Int64 = try session.queryOne(
                """
                SELECT (SELECT count(*) FROM patient_medical_notes WHERE patient_id = \(record.patientID))
                     + (SELECT count(*) FROM appointments WHERE patient_id = \(record.patientID) AND notes IS NOT NULL) AS n
                """
            ).decode("n")
            record.clinicalNotesHidden = count > 0
            return
        }
        let rows = try session.query(
            """
            SELECT m.id, m.note_text, au.full_name AS author, m.created_at
            FROM patient_medical_notes m LEFT JOIN users au ON au.id = m.author_user_id
            WHERE m.patient_id = \(record.patientID)
            ORDER BY m.created_at DESC, m.id DESC
            """)
        record.clinicalNotes = try rows.map { row in
            ClinicalNote(
                id: try row.decode("id"), text: try row.decode("note_text"), authorName: try row.decode("author"),
                createdAt: try row.decode("created_at"))
        }
    }
}
