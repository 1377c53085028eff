import ClinicCore

/// Patients written with plain SQL, as the web (or an older desk) left them, for directory tests.
enum PatientTestData {
    /// Inserts a `users` + `patient_profiles` pair and returns (profile id, users.id).
    @discardableResult
    static func insert(
        _ database: Database, first: String?, last: String?, fullName: String? = nil, phone: String?,
        email: String? = nil, dateOfBirth: LocalDate? = nil, mrn: String? = nil, isActive: Bool = true,
        holder: Int64? = nil, notes: String? = nil
    ) async throws -> (patientID: Int64, userID: Int64) {
        let name = fullName ?? [first, last].compactMap { $0 }.joined(separator: " ")
        return try await database.transaction { session in
            let userID: Int64 = try session.queryOne(
                """
                INSERT INTO users (phone, email, full_name, first_name, last_name, user_type, is_active)
                VALUES (\(phone), \(email), \(name), \(first), \(last), 'PATIENT', \(isActive)) RETURNING id
                """
            ).decode("id")
            let patientID: Int64 = try session.queryOne(
                """
                INSERT INTO patient_profiles (user_id, date_of_birth, mrn, is_active, desk_contact_holder_patient_id, notes)
                VALUES (\(userID), \(dateOfBirth), \(mrn), \(isActive), \(holder), \(notes)) RETURNING id
                """
            ).decode("id")
            return (patientID, userID)
        }
    }

    /// A staff user (for audit rows' actor) and an actor with `role` at the first centre of `data`.
    static func actor(_ role: StaffRole, data: TestData, clinicianID: Int64? = nil) -> StaffActor {
        StaffTestData.actor(role, at: data.centreIDs[0], clinicianID: clinicianID, userID: data.staffUserID)
    }

    /// A count from a query returning one `n` column.
    static func count(_ database: Database, _ query: SQLQuery) async throws -> Int64 {
        try await database.query(query)[0].decode("n")
    }
}
