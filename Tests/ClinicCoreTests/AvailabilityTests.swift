import ClinicCore
import Testing

@Suite("availability and slot generation")
struct AvailabilityTests {
    static func states(_ grid: DayGrid) -> [String: SlotState] {
        var states: [String: SlotState] = [:]
        for slot in grid.rows.first?.slots ?? [] { states[DisplayDate.clock(slot.localTime)] = slot.state }
        return states
    }

    @Test("a 50-minute clinician on a 30-minute grid: a slot is free only when the whole visit fits before the end and the next visit")
    func lengthsDiffer() async throws {
        try await TestDatabase.with(prefix: "avail_len") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30)
            let bookings = Bookings(database: test.database)
            _ = try await bookings.book(data.request(TestData.ist(10)), by: data.staff(.frontDesk))
            let grid = try await Availability(database: test.database).dayGrid(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            let states = Self.states(grid)
            #expect(states.count == 8)
            #expect(states["09:00"] == .free)
            #expect(states["09:30"] == .tooShort)  // 09:30–10:20 runs into the 10:00 visit
            #expect(states["10:00"] == .bookedUnpaid)
            #expect(states["10:30"] == .bookedUnpaid)  // the 10:00 visit runs to 10:50
            #expect(states["11:00"] == .free)
            #expect(states["12:00"] == .free)  // 12:00–12:50 ends inside the window
            #expect(states["12:30"] == .tooShort)  // 12:30–13:20 would not
        }
    }

    @Test("blocked_slots (exact or partial overlap) and old slot exceptions block every slot they overlap, at their centre only")
    func blocksAndExceptions() async throws {
        try await TestDatabase.with(prefix: "avail_block") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30, centre: 1)
            try await test.database.execute(
                """
                INSERT INTO blocked_slots (clinician_id, centre_id, blocked_date, start_time, end_time, reason, blocked_by_admin_id, is_blocked)
                VALUES (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', '11:15', '11:20', 'errand', \(data.staffUserID), TRUE),
                       (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', '12:00', '12:30', 'lifted', \(data.staffUserID), FALSE)
                """)
            try await test.database.execute(
                """
                INSERT INTO clinician_slot_exceptions (clinician_id, centre_id, exception_date, start_time, end_time, mode)
                VALUES (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', '09:00', '09:30', 'IN_PERSON')
                """)
            let availability = Availability(database: test.database)
            let actor = data.staff(.admin)
            let states = Self.states(try await availability.dayGrid(for: actor, centreID: data.centreIDs[0], day: TestData.friday))
            #expect(states["09:00"] == .blocked)
            #expect(states["09:30"] == .free)
            #expect(states["10:30"] == .blocked)  // its 50-minute visit (10:30–11:20) would cross the 11:15 block
            #expect(states["11:00"] == .blocked)
            #expect(states["11:30"] == .free)
            #expect(states["12:00"] == .free)  // an unblocked row no longer blocks
            let other = Self.states(try await availability.dayGrid(for: actor, centreID: data.centreIDs[1], day: TestData.friday))
            #expect(other["09:00"] == .free)
            #expect(other["11:00"] == .free)
        }
    }

    @Test("Asia/Kolkata day edges: 00:00–05:30 local is the previous UTC day, and slots land on the local day")
    func indiaDayEdges() async throws {
        try await TestDatabase.with(prefix: "avail_ist") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, weekday: 5, from: "00:00", to: "02:00", slot: 60)
            try await data.addRule(test.database, weekday: 4, from: "23:00", to: "24:00", slot: 60)
            try await test.database.execute("UPDATE clinician_profiles SET default_consultation_duration_minutes = 60")
            let availability = Availability(database: test.database)
            let grid = try await availability.dayGrid(for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            let slots = grid.rows[0].slots
            #expect(slots.map(\.start.description) == ["2027-01-14T18:30:00.000000Z", "2027-01-14T19:30:00.000000Z"])
            #expect(slots.allSatisfy { $0.localDate == TestData.friday })
            // A visit at 23:00 Thursday (17:30Z) is Thursday's, not Friday's, though both are UTC 14 January.
            _ = try await Bookings(database: test.database).book(
                data.request(TestData.ist(23, day: 14)), by: data.staff(.frontDesk))
            let friday = try await availability.dayGrid(for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(friday.rows[0].slots.allSatisfy { $0.state == .free })
            let thursday = try await availability.dayGrid(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday.adding(days: -1))
            #expect(thursday.rows[0].slots.map(\.state) == [.bookedUnpaid])
        }
    }

    @Test("a zone with daylight saving: the skipped hour has no slot, the repeated hour has one, both transition days")
    func daylightSaving() async throws {
        try await TestDatabase.with(prefix: "avail_dst") { test in
            let data = try await TestData.insert(into: test.database)
            try await test.database.execute("UPDATE centres SET timezone = 'Europe/London' WHERE id = \(data.centreIDs[1])")
            try await data.addRule(test.database, weekday: 0, from: "00:00", to: "04:00", slot: 60, centre: 1)
            try await test.database.execute("UPDATE clinician_profiles SET default_consultation_duration_minutes = 60")
            let availability = Availability(database: test.database)
            let actor = data.staff(.admin)
            // 28 March 2027: clocks go 01:00 GMT → 02:00 BST.
            let spring = try await availability.dayGrid(
                for: actor, centreID: data.centreIDs[1], day: LocalDate(year: 2027, month: 3, day: 28))
            #expect(spring.rows[0].slots.map { DisplayDate.clock($0.localTime) } == ["00:00", "02:00", "03:00"])
            #expect(
                spring.rows[0].slots.map(\.start.description) == [
                    "2027-03-28T00:00:00.000000Z", "2027-03-28T01:00:00.000000Z", "2027-03-28T02:00:00.000000Z",
                ])
            // 31 October 2027: clocks go 02:00 BST → 01:00 GMT; 01:00 happens twice, listed once.
            let autumn = try await availability.dayGrid(
                for: actor, centreID: data.centreIDs[1], day: LocalDate(year: 2027, month: 10, day: 31))
            #expect(
                autumn.rows[0].slots.map(\.start.description) == [
                    "2027-10-30T23:00:00.000000Z", "2027-10-31T00:00:00.000000Z", "2027-10-31T02:00:00.000000Z",
                    "2027-10-31T03:00:00.000000Z",
                ])
            #expect(autumn.rows[0].slots.allSatisfy { $0.state == .free })
            #expect(autumn.centre.zoneWarning?.contains("+05:30") == true)
            #expect(spring.centre.zoneWarning != nil)
            let india = try await availability.dayGrid(for: actor, centreID: data.centreIDs[0], day: TestData.friday)
            #expect(india.centre.zoneWarning == nil)
            // A slot in the skipped hour cannot be booked.
            await #expect(throws: AppointmentError.self) {
                _ = try await Bookings(database: test.database).book(
                    data.request(
                        Instant(date: LocalDate(year: 2027, month: 3, day: 28), time: LocalTime(hour: 0, minute: 30), offsetSeconds: 0),
                        centre: 1),
                    by: actor)
            }
        }
    }

    @Test("property: every listed free slot books, and no other time does (random rules, blocks and bookings)")
    func listedIffBookable() async throws {
        try await TestDatabase.with(prefix: "avail_prop") { test in
            let data = try await TestData.insert(into: test.database, patients: 40)
            var random = SeededGenerator(seed: 20_261_126)
            let slot = [15, 20][Int.random(in: 0..<2, using: &random)]
            let visit = [20, 30, 45, 50][Int.random(in: 0..<4, using: &random)]
            try await test.database.execute("UPDATE clinician_profiles SET default_consultation_duration_minutes = \(visit)")
            try await data.addRule(test.database, from: "08:00", to: "11:00", slot: slot)
            try await data.addRule(test.database, from: "12:10", to: "14:40", slot: slot)
            for _ in 0..<3 {
                let hour = Int.random(in: 8...13, using: &random)
                let minute = Int.random(in: 0...5, using: &random) * 10
                try await test.database.execute(
                    """
                    INSERT INTO blocked_slots (clinician_id, centre_id, blocked_date, start_time, end_time, reason, blocked_by_admin_id, is_blocked)
                    VALUES (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', make_time(\(hour), \(minute), 0),
                            make_time(\(hour), \(minute), 0) + interval '25 minutes', 'x', \(data.staffUserID), TRUE)
                    ON CONFLICT DO NOTHING
                    """)
            }
            let bookings = Bookings(database: test.database)
            let actor = data.staff(.frontDesk)
            var candidates = stride(from: 7 * 60 + 30, through: 15 * 60, by: 5).map { TestData.ist($0 / 60, $0 % 60) }
            candidates.shuffle(using: &random)
            var booked = 0
            for (index, start) in candidates.enumerated() {
                let grid = try await Availability(database: test.database).dayGrid(
                    for: actor, centreID: data.centreIDs[0], day: TestData.friday)
                let listed = grid.rows[0].slots.contains { $0.start == start && $0.isBookable }
                var succeeded = false
                do {
                    _ = try await bookings.book(data.request(start, patient: index % 40), by: actor)
                    succeeded = true
                    booked += 1
                } catch is AppointmentError {
                } catch BookingError.slotTaken {
                }
                #expect(succeeded == listed, "\(start): listed \(listed), booked \(succeeded)")
            }
            #expect(booked > 2)
            #expect(booked < candidates.count)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM desk_clinician_overlaps()") == 0)
        }
    }

    @Test("next available: first N free slots across clinicians, filtered by specialization, mode and minimum length")
    func nextAvailable() async throws {
        try await TestDatabase.with(prefix: "avail_next") { test in
            let data = try await TestData.insert(into: test.database)
            try await test.database.execute(#"UPDATE clinician_profiles SET specialization = '["Psychiatry"]'::jsonb"#)
            let second: Int64 = try await test.database.transaction { session in
                let user: Int64 = try session.queryOne(
                    "INSERT INTO users (phone, full_name, user_type) VALUES ('9000000077', 'Dr. Second', 'STAFF') RETURNING id"
                ).decode("id")
                return try session.queryOne(
                    """
                    INSERT INTO clinician_profiles (user_id, primary_centre_id, default_consultation_duration_minutes, specialization)
                    VALUES (\(user), \(data.centreIDs[0]), 30, '["Clinical Psychology"]'::jsonb) RETURNING id
                    """
                ).decode("id")
            }
            try await data.addRule(test.database, from: "10:00", to: "12:00", slot: 60)
            try await data.addRule(test.database, from: "09:00", to: "10:00", slot: 30, mode: "ONLINE", clinician: second)
            let availability = Availability(database: test.database)
            let actor = data.staff(.frontDesk)
            let after = TestData.ist(0)
            let all = try await availability.nextAvailable(
                for: actor, NextAvailableQuery(after: after, centreID: data.centreIDs[0], limit: 3))
            #expect(all.map { DisplayDate.clock($0.slot.localTime) } == ["09:00", "09:30", "10:00"])
            let psychiatry = try await availability.nextAvailable(
                for: actor, NextAvailableQuery(after: after, centreID: data.centreIDs[0], specialization: "psychiatry", limit: 5))
            #expect(psychiatry.allSatisfy { $0.clinician.id == data.clinicianID })
            #expect(psychiatry.count >= 2)
            let online = try await availability.nextAvailable(for: actor, NextAvailableQuery(after: after, mode: .online, limit: 1))
            #expect(online.first?.clinician.id == second)
            let long = try await availability.nextAvailable(for: actor, NextAvailableQuery(after: after, minimumMinutes: 45, limit: 1))
            #expect(long.first?.clinician.id == data.clinicianID)
        }
    }
}
