import ClinicCore

/// The smallest set of rows a booking needs: two centres, a clinician, a staff user, patients.
struct TestData: Sendable {
    var centreIDs: [Int64]
    var clinicianID: Int64
    var clinicianUserID: Int64
    var staffUserID: Int64
    var patientIDs: [Int64]
    var patientUserIDs: [Int64]

    /// Inserts the rows through plain SQL, as the web writes them.
    static func insert(into database: Database, patients: Int = 3) async throws -> TestData {
        try await database.transaction { session in
            var centres: [Int64] = []
            for (name, city) in [("Mind Clinic Indiranagar", "bengaluru"), ("Mind Clinic Kakkanad", "kochi")] {
                centres.append(
                    try session.queryOne(
                        """
                        INSERT INTO centres (name, city, pincode, contact_phone) VALUES (\(name), \(city), '560038', '8045671234') RETURNING id
                        """
                    ).decode("id"))
            }
            let clinicianUser: Int64 = try session.queryOne(
                """
                INSERT INTO users (phone, username, full_name, user_type) VALUES ('9000000001', 'dr.test', 'Dr. Test', 'STAFF') RETURNING id
                """
            ).decode("id")
            let clinician: Int64 = try session.queryOne(
                """
                INSERT INTO clinician_profiles (user_id, primary_centre_id, default_consultation_duration_minutes, consultation_fee)
                VALUES (\(clinicianUser), \(centres[0]), 50, 1700) RETURNING id
                """
            ).decode("id")
            let staff: Int64 = try session.queryOne(
                """
                INSERT INTO users (phone, username, full_name, user_type) VALUES ('9000000002', 'desk.test', 'Desk Test', 'STAFF') RETURNING id
                """
            ).decode("id")
            var profiles: [Int64] = []
            var users: [Int64] = []
            for index in 0..<patients {
                let phone = "9198450\(String(10000 + index))"
                let user: Int64 = try session.queryOne(
                    """
                    INSERT INTO users (phone, full_name, user_type) VALUES (\(phone), \("Patient \(index)"), 'PATIENT') RETURNING id
                    """
                ).decode("id")
                users.append(user)
                profiles.append(
                    try session.queryOne(
                        """
                        INSERT INTO patient_profiles (user_id, is_active) VALUES (\(user), true) RETURNING id
                        """
                    ).decode("id"))
            }
            return TestData(
                centreIDs: centres, clinicianID: clinician, clinicianUserID: clinicianUser, staffUserID: staff,
                patientIDs: profiles, patientUserIDs: users)
        }
    }

    /// An appointment of the test clinician at `start` (IST wall clock on 2027-01-15 unless given).
    func appointment(
        start: Instant, minutes: Int = 50, patient: Int = 0, centre: Int = 0,
        status: String = "BOOKED"
    ) -> NewAppointment {
        NewAppointment(
            patientID: patientIDs[patient], clinicianID: clinicianID, centreID: centreIDs[centre],
            type: .inPerson, start: start, durationMinutes: minutes, bookedByUserID: staffUserID,
            source: .adminFrontDesk, status: status)
    }

    /// 2027-01-15 at `hour`:`minute` in India (+05:30).
    static func ist(_ hour: Int, _ minute: Int = 0, day: Int = 15) -> Instant {
        Instant(date: LocalDate(year: 2027, month: 1, day: day), time: LocalTime(hour: hour, minute: minute), offsetSeconds: 19_800)
    }
}
