import ClinicCore

/// Availability rules, actors and clocks for the booking tests.
extension TestData {
    /// Friday 2027-01-15, the tests' usual far-future day (weekday 5).
    static let friday = LocalDate(year: 2027, month: 1, day: 15)

    /// Adds an active rule for the test clinician (or `clinician`) at `centre` (index).
    func addRule(
        _ database: Database, weekday: Int = 5, from start: String = "09:00", to end: String = "13:00", slot: Int = 30,
        centre: Int = 0, mode: String = "IN_PERSON", clinician: Int64? = nil
    ) async throws {
        try await database.execute(
            """
            INSERT INTO clinician_availability_rules (clinician_id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode, is_active)
            VALUES (\(clinician ?? clinicianID), \(centreIDs[centre]), \(weekday), \(start)::time, \(end)::time, \(slot), \(mode), TRUE)
            """)
    }

    /// Rules on every weekday (tests around "now").
    func addRuleEveryDay(_ database: Database, from start: String = "00:00", to end: String = "23:30", slot: Int = 30, centre: Int = 0)
        async throws
    {
        for weekday in 0...6 { try await addRule(database, weekday: weekday, from: start, to: end, slot: slot, centre: centre) }
    }

    /// A staff member of the test data (the staff user) holding `role` at centre index `centre`.
    func staff(_ role: StaffRole, centre: Int = 0) -> StaffActor {
        StaffTestData.actor(role, at: centreIDs[centre], userID: staffUserID)
    }

    /// The test clinician, signed in.
    var clinicianActor: StaffActor {
        StaffTestData.actor(.clinician, at: centreIDs[0], clinicianID: clinicianID, userID: clinicianUserID)
    }

    /// A booking request for the test clinician.
    func request(_ start: Instant, patient: Int = 0, centre: Int = 0, overbook: String? = nil) -> BookingRequest {
        BookingRequest(
            patientID: patientIDs[patient], clinicianID: clinicianID, centreID: centreIDs[centre], start: start, overbookReason: overbook)
    }

    /// The database's "now" in India, rounded down to the half hour, plus `hours`.
    static func indiaHalfHour(_ database: Database, plusHours hours: Int) async throws -> Instant {
        let now = try await DatabaseClock(database: database).now()
        let halfHour: Int64 = 30 * 60_000_000
        // India is +05:30, so UTC half hours are India half hours.
        let floored = Instant(microsecondsSinceEpoch: now.microsecondsSinceEpoch / halfHour * halfHour)
        return floored.adding(minutes: hours * 60)
    }
}

extension BookingRequest {
    /// The same request a week (or more) later: the same wall-clock time on 2027-01-`day`.
    func withDay(_ day: Int) -> BookingRequest {
        var copy = self
        copy.start = start.adding(minutes: (day - 15) * 24 * 60)
        return copy
    }
}

enum Count {
    static func of(_ database: Database, _ query: SQLQuery) async throws -> Int64 {
        try await database.query(query)[0].decode("n")
    }
}
