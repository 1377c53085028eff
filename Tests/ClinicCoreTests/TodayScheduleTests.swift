import ClinicCore
import Testing

@Suite("today's schedule")
struct TodayScheduleTests {
    static let day = LocalDate(year: 2027, month: 1, day: 15)

    /// Inserts appointments through ClinicCore's web-shaped insert and returns their ids.
    static func book(_ database: Database, _ appointments: [NewAppointment]) async throws -> [Int64] {
        try await database.transaction { session in
            try appointments.map { try AppointmentStore.insert($0, in: session) }
        }
    }

    static func payment(
        _ database: Database, appointment: Int64, patient: Int64, status: String, link: Bool = false,
        minutesAgo: Int = 0
    ) async throws {
        try await database.execute(
            """
            INSERT INTO payments (patient_id, appointment_id, provider, order_id, amount, status, payment_link_id, payment_link_url,
                                  created_at, updated_at)
            VALUES (\(patient), \(appointment), 'RAZORPAY', \(link ? "plink_\(appointment)" : "order_\(appointment)"), 1700, \(status),
                    \(link ? "plink_\(appointment)" : nil), \(link ? "https://rzp.io/i/x\(appointment)" : nil),
                    now() - make_interval(mins => \(minutesAgo)), now() - make_interval(mins => \(minutesAgo)))
            """)
    }

    @Test("the day runs midnight to midnight IST: 00:15 is in, 23:50 the day before is not; ordered by start")
    func dayEdges() async throws {
        try await TestDatabase.with(prefix: "today_edges") { test in
            let data = try await TestData.insert(into: test.database)
            let ids = try await TodayScheduleTests.book(
                test.database,
                [
                    data.appointment(start: TestData.ist(23, 50, day: 14), minutes: 20, patient: 0),  // the day before
                    data.appointment(start: TestData.ist(10, 0), minutes: 50, patient: 1),
                    data.appointment(start: TestData.ist(0, 15), minutes: 50, patient: 2),
                    data.appointment(start: TestData.ist(23, 50), minutes: 10, patient: 0),
                    data.appointment(start: TestData.ist(0, 0, day: 16), minutes: 30, patient: 1),  // the day after
                    data.appointment(start: TestData.ist(12, 0), minutes: 50, patient: 1, centre: 1),  // the other centre
                ])
            try await test.database.execute("UPDATE appointments SET notes = 'private clinical note' WHERE id = \(ids[1])")
            let desk = StaffTestData.actor(.frontDesk, at: data.centreIDs[0])
            let entries = try await TodaySchedule(database: test.database)
                .appointments(for: desk, centreID: data.centreIDs[0], day: TodayScheduleTests.day)
            #expect(entries.map(\.appointmentID) == [ids[2], ids[1], ids[3]])
            #expect(
                entries.map(\.localStart) == [
                    LocalTime(hour: 0, minute: 15), LocalTime(hour: 10, minute: 0), LocalTime(hour: 23, minute: 50),
                ])
            let first = try #require(entries.first)
            #expect(first.start == TestData.ist(0, 15))
            #expect(first.end == TestData.ist(1, 5))
            #expect(first.patientName == "Patient 2")
            #expect(first.patientPhone == "919845010002")
            #expect(first.patientID == data.patientIDs[2])
            #expect(first.clinicianName == "Dr. Test")
            #expect(first.clinicianID == data.clinicianID)
            #expect(first.status == "BOOKED")
            #expect(first.type == "IN_PERSON")
            #expect(first.source == "ADMIN_FRONT_DESK")
            // Clinical notes are never read into the schedule.
            #expect(!entries.contains { String(describing: $0).contains("private clinical note") })
        }
    }

    @Test("payment state: paid, link sent, unpaid, refunded")
    func paymentState() async throws {
        try await TestDatabase.with(prefix: "today_payment") { test in
            let data = try await TestData.insert(into: test.database, patients: 4)
            let ids = try await TodayScheduleTests.book(
                test.database,
                (0..<4).map { index in
                    data.appointment(start: TestData.ist(9 + index), minutes: 50, patient: index)
                })
            let p = data.patientIDs
            try await TodayScheduleTests.payment(test.database, appointment: ids[0], patient: p[0], status: "FAILED", minutesAgo: 30)
            try await TodayScheduleTests.payment(test.database, appointment: ids[0], patient: p[0], status: "SUCCESS")
            try await TodayScheduleTests.payment(test.database, appointment: ids[1], patient: p[1], status: "CREATED", link: true)
            try await TodayScheduleTests.payment(test.database, appointment: ids[2], patient: p[2], status: "FAILED")
            try await TodayScheduleTests.payment(test.database, appointment: ids[3], patient: p[3], status: "SUCCESS", minutesAgo: 60)
            try await TodayScheduleTests.payment(test.database, appointment: ids[3], patient: p[3], status: "REFUNDED")
            let entries = try await TodaySchedule(database: test.database)
                .appointments(for: StaffTestData.actor(.manager), centreID: data.centreIDs[0], day: TodayScheduleTests.day)
            #expect(entries.map(\.paymentState) == [.paid, .linkSent, .unpaid, .refunded])
        }
    }

    @Test("centre scope: front desk at A reads A, is refused at B; a manager reads both")
    func centreScope() async throws {
        try await TestDatabase.with(prefix: "today_scope") { test in
            let data = try await TestData.insert(into: test.database)
            _ = try await TodayScheduleTests.book(
                test.database,
                [
                    data.appointment(start: TestData.ist(10), patient: 0, centre: 0),
                    data.appointment(start: TestData.ist(12), patient: 1, centre: 1),
                ])
            let schedule = TodaySchedule(database: test.database)
            let (a, b) = (data.centreIDs[0], data.centreIDs[1])
            let desk = StaffTestData.actor(.frontDesk, at: a)
            #expect(try await schedule.appointments(for: desk, centreID: a, day: TodayScheduleTests.day).count == 1)
            await #expect(throws: AccessError.outsideYourCentres(centreID: b)) {
                try await schedule.appointments(for: desk, centreID: b, day: TodayScheduleTests.day)
            }
            let manager = StaffTestData.actor(.manager)
            #expect(try await schedule.appointments(for: manager, centreID: b, day: TodayScheduleTests.day).count == 1)
            await #expect(throws: ScheduleError.unknownCentre(424_242)) {
                try await schedule.appointments(for: manager, centreID: 424_242, day: TodayScheduleTests.day)
            }
        }
    }

    @Test("a clinician sees only their own appointments")
    func clinicianOwn() async throws {
        try await TestDatabase.with(prefix: "today_clinician") { test in
            let data = try await TestData.insert(into: test.database)
            let other: Int64 = try await test.database.transaction { session in
                let user: Int64 = try session.queryOne(
                    """
                    INSERT INTO users (phone, username, full_name, user_type) VALUES ('9000000003', 'dr.other', 'Dr. Other', 'STAFF') RETURNING id
                    """
                ).decode("id")
                return try session.queryOne(
                    """
                    INSERT INTO clinician_profiles (user_id, primary_centre_id) VALUES (\(user), \(data.centreIDs[0])) RETURNING id
                    """
                ).decode("id")
            }
            var otherVisit = data.appointment(start: TestData.ist(11), patient: 1)
            otherVisit.clinicianID = other
            let ids = try await TodayScheduleTests.book(test.database, [data.appointment(start: TestData.ist(10), patient: 0), otherVisit])
            let schedule = TodaySchedule(database: test.database)
            let clinician = StaffTestData.actor(
                .clinician, at: data.centreIDs[0], clinicianID: data.clinicianID, userID: data.clinicianUserID)
            let own = try await schedule.appointments(for: clinician, centreID: data.centreIDs[0], day: TodayScheduleTests.day)
            #expect(own.map(\.appointmentID) == [ids[0]])
            let all = try await schedule.appointments(
                for: StaffTestData.actor(.careCoordinator, at: data.centreIDs[0]),
                centreID: data.centreIDs[0], day: TodayScheduleTests.day)
            #expect(all.map(\.appointmentID) == ids)
            // A clinician's role row without a clinician profile sees nothing.
            var noProfile = clinician
            noProfile.clinicianID = nil
            await #expect(throws: AccessError.notYourOwnSchedule) {
                try await schedule.appointments(for: noProfile, centreID: data.centreIDs[0], day: TodayScheduleTests.day)
            }
        }
    }

    @Test("the centre's today comes from the database clock in the centre's zone")
    func centreDay() async throws {
        try await TestDatabase.with(prefix: "today_centre_day") { test in
            let centre = try await StaffTestData.centre(test.database, name: "A")
            let (today, zone, offset) = try await TodaySchedule(database: test.database).centreDay(centreID: centre)
            let expected: LocalDate = try await test.database.query("SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date AS d")[0].decode("d")
            #expect(today == expected)
            #expect(zone == "Asia/Kolkata")
            #expect(offset == 19_800)
            let dubai = try await StaffTestData.centre(test.database, name: "Dubai", city: "dubai", timezone: "Asia/Dubai")
            #expect(try await TodaySchedule(database: test.database).centreDay(centreID: dubai).offsetSeconds == 14_400)
        }
    }
}
