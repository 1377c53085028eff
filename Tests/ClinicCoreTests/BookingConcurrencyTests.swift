import ClinicCore
import Testing

@Suite("booking under concurrency")
struct BookingConcurrencyTests {
    enum Outcome: Sendable {
        case done, refused
        case failed(String)
    }

    @Test(
        "16 connections, 2,000 mixed book/reschedule/cancel operations (half ClinicCore, half the web's plain INSERT): no overlapping active appointments"
    )
    func mixedLoad() async throws {
        try await TestDatabase.with(prefix: "book_load") { test in
            let data = try await TestData.insert(into: test.database, patients: 16)
            var clinicians = [data.clinicianID]
            for index in 0..<3 {
                clinicians.append(
                    try await test.database.transaction { session in
                        let user: Int64 = try session.queryOne(
                            "INSERT INTO users (phone, full_name, user_type) VALUES (\("90000001\(10 + index)"), \("Dr. Load \(index)"), 'STAFF') RETURNING id"
                        ).decode("id")
                        return try session.queryOne(
                            "INSERT INTO clinician_profiles (user_id, primary_centre_id, default_consultation_duration_minutes) VALUES (\(user), \(data.centreIDs[0]), 30) RETURNING id"
                        ).decode("id")
                    })
            }
            try await test.database.execute("UPDATE clinician_profiles SET default_consultation_duration_minutes = 30")
            for clinician in clinicians {
                try await data.addRule(test.database, from: "08:00", to: "20:00", slot: 15, clinician: clinician)
            }
            let actor = data.staff(.centreManager)
            let webInsert = DoubleBookingTests.webInsert
            let outcomes = await withTaskGroup(of: [Outcome].self) { group in
                for worker in 0..<16 {
                    let clinicianIDs = clinicians
                    group.addTask {
                        let database = Database(url: test.url)
                        let bookings = Bookings(database: database)
                        let changes = AppointmentChanges(database: database)
                        var random = SeededGenerator(seed: UInt64(1000 + worker))
                        var outcomes: [Outcome] = []
                        var mine: [Int64] = []
                        for step in 0..<125 {
                            let clinician = clinicianIDs[Int.random(in: 0..<clinicianIDs.count, using: &random)]
                            let quarter = Int.random(in: 0..<46, using: &random)
                            let start = TestData.ist(8 + quarter / 4, quarter % 4 * 15)
                            do {
                                if step % 2 == 1 {
                                    try await database.execute(
                                        SQLQuery(
                                            unsafeSQL: webInsert,
                                            parameters: [
                                                String(data.patientIDs[worker]), String(clinician), String(data.centreIDs[0]), "IN_PERSON",
                                                start.sqlParameter, start.adding(minutes: 30).sqlParameter, "30",
                                                String(data.patientUserIDs[worker]), "WEB_PATIENT", nil, nil,
                                            ]))
                                } else {
                                    switch Int.random(in: 0..<4, using: &random) {
                                    case 0, 1:
                                        let receipt = try await bookings.book(
                                            BookingRequest(
                                                patientID: data.patientIDs[worker], clinicianID: clinician, centreID: data.centreIDs[0],
                                                start: start),
                                            by: actor)
                                        mine.append(receipt.appointmentID)
                                    case 2:
                                        guard let id = mine.randomElement(using: &random) else { throw BookingError.slotTaken }
                                        try await bookings.reschedule(
                                            id, to: start, clinicianID: clinician, reason: "load", override: true, by: actor)
                                    default:
                                        guard let id = mine.popLast() else { throw BookingError.slotTaken }
                                        try await changes.cancel(id, reason: "load", override: true, by: actor)
                                    }
                                }
                                outcomes.append(.done)
                            } catch is BookingError {
                                outcomes.append(.refused)
                            } catch is AppointmentError {
                                outcomes.append(.refused)
                            } catch let error as DatabaseError where error.sqlState == "23P01" {
                                outcomes.append(.refused)
                            } catch {
                                outcomes.append(.failed("\(error)"))
                            }
                        }
                        return outcomes
                    }
                }
                var all: [Outcome] = []
                for await part in group { all += part }
                return all
            }
            #expect(outcomes.count == 2_000)
            let failures = outcomes.compactMap { if case .failed(let text) = $0 { text } else { nil } }
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            #expect(outcomes.filter { if case .done = $0 { true } else { false } }.count > 100)
            let overlaps = try await Count.of(
                test.database,
                """
                SELECT count(*) AS n FROM appointments a JOIN appointments b
                  ON a.clinician_id = b.clinician_id AND a.id < b.id
                 AND a.scheduled_start_at < b.scheduled_end_at AND b.scheduled_start_at < a.scheduled_end_at
                WHERE a.is_active AND b.is_active
                  AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW') AND b.status NOT IN ('CANCELLED', 'CANCELLED_BY_ADMIN', 'NO_SHOW')
                  AND a.desk_overbook_reason IS NULL AND b.desk_overbook_reason IS NULL
                """)
            #expect(overlaps == 0)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM appointments WHERE status = 'BOOKED'") > 20)
        }
    }
}
