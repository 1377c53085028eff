import ClinicCore
import Testing

@Suite("booking at the desk")
struct BookingTests {
    @Test(
        "a booking is BOOKED, the clinician's length, source from the role, booked_by the staff user, with history, audit and a confirmation"
    )
    func bookingRow() async throws {
        try await TestDatabase.with(prefix: "book_row") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            let bookings = Bookings(database: test.database)
            let receipt = try await bookings.book(data.request(TestData.ist(9)), by: data.staff(.careCoordinator))
            #expect(receipt.fee == Money(rupees: 1700))
            #expect(receipt.end == TestData.ist(9, 50))
            let row = try await test.database.query(
                """
                SELECT status, duration_minutes, source, booked_by_user_id, appointment_type, scheduled_end_at, desk_overbook_reason
                FROM appointments WHERE id = \(receipt.appointmentID)
                """)[0]
            #expect(try row.decode("status", as: String.self) == "BOOKED")
            #expect(try row.decode("duration_minutes", as: Int.self) == 50)
            #expect(try row.decode("source", as: String.self) == "ADMIN_CARE_COORDINATOR")
            #expect(try row.decode("booked_by_user_id", as: Int64.self) == data.staffUserID)
            #expect(try row.decode("appointment_type", as: String.self) == "IN_PERSON")
            #expect(try row.decode("desk_overbook_reason", as: String?.self) == nil)
            let history = try await test.database.query(
                "SELECT previous_status, new_status, changed_by_user_id FROM appointment_status_history WHERE appointment_id = \(receipt.appointmentID)"
            )
            #expect(history.count == 1)
            #expect(try history[0].decode("previous_status", as: String?.self) == nil)
            #expect(try history[0].decode("new_status", as: String.self) == "BOOKED")
            #expect(try await StaffTestData.auditRows(test.database, action: "appointment.booked").count == 1)
            let message = try await test.database.query(
                """
                SELECT desk_template_name, payload_data->>'notification_type' AS kind, payload_data->'body_values'->>'time' AS time
                FROM notifications WHERE (payload_data->>'appointment_id')::bigint = \(receipt.appointmentID)
                """)
            #expect(message.count == 1)
            #expect(try message[0].decode("desk_template_name", as: String.self) == "booking_conformation")
            #expect(try message[0].decode("kind", as: String.self) == "APPOINTMENT_CONFIRMATION")
            #expect(try message[0].decode("time", as: String.self) == "9:00 AM")
            let manager = try await bookings.book(data.request(TestData.ist(11), patient: 1), by: data.staff(.centreManager))
            let frontDesk = try await bookings.book(data.request(TestData.ist(12), patient: 2), by: data.staff(.frontDesk))
            let sources = try await test.database.query(
                "SELECT source FROM appointments WHERE id IN (\(manager.appointmentID), \(frontDesk.appointmentID)) ORDER BY id")
            #expect(try sources.map { try $0.decode("source", as: String.self) } == ["ADMIN_MANAGER", "ADMIN_FRONT_DESK"])
        }
    }

    @Test("the fee is the clinician's whole rupees, 500 when it is 0 or NULL (the web's fallback)")
    func feeFallback() async throws {
        #expect(ClinicianInfo.webFee(1700) == Money(rupees: 1700))
        #expect(ClinicianInfo.webFee(0) == Money(rupees: 500))
        #expect(ClinicianInfo.webFee(nil) == Money(rupees: 500))
        try await TestDatabase.with(prefix: "book_fee") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            try await test.database.execute("UPDATE clinician_profiles SET consultation_fee = NULL")
            let receipt = try await Bookings(database: test.database).book(data.request(TestData.ist(9)), by: data.staff(.frontDesk))
            #expect(receipt.fee == Money(rupees: 500))
        }
    }

    @Test("a slot the web took a moment earlier is refused as 'slot just taken'; times that are not slots, or passed, say why")
    func slotTakenAndRefusals() async throws {
        try await TestDatabase.with(prefix: "book_taken") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            try await test.database.execute(
                SQLQuery(
                    unsafeSQL: DoubleBookingTests.webInsert,
                    parameters: [
                        String(data.patientIDs[1]), String(data.clinicianID), String(data.centreIDs[0]), "IN_PERSON",
                        TestData.ist(10).sqlParameter, TestData.ist(10, 50).sqlParameter, "50", String(data.patientUserIDs[1]),
                        "WEB_PATIENT", nil, nil,
                    ]))
            let bookings = Bookings(database: test.database)
            await #expect(throws: BookingError.slotTaken) {
                _ = try await bookings.book(data.request(TestData.ist(10)), by: data.staff(.frontDesk))
            }
            await #expect(throws: AppointmentError.self) {
                _ = try await bookings.book(data.request(TestData.ist(9, 10)), by: data.staff(.frontDesk))
            }
            await #expect(throws: AccessError.self) {
                _ = try await bookings.book(data.request(TestData.ist(9)), by: data.clinicianActor)
            }
            #expect(BookingError.slotTaken.description.contains("just taken"))
        }
    }

    @Test("overbook: only CENTRE_MANAGER and above, with a reason, at most the cap per clinician per day; not a double booking")
    func overbook() async throws {
        try await TestDatabase.with(prefix: "book_over") { test in
            let data = try await TestData.insert(into: test.database, patients: 6)
            try await data.addRule(test.database)
            let bookings = Bookings(database: test.database)
            _ = try await bookings.book(data.request(TestData.ist(10)), by: data.staff(.frontDesk))
            await #expect(throws: AccessError.self) {
                _ = try await bookings.book(data.request(TestData.ist(10), patient: 1, overbook: "urgent"), by: data.staff(.frontDesk))
            }
            await #expect(throws: AppointmentError.reasonRequired("for the overbook")) {
                _ = try await bookings.book(data.request(TestData.ist(10), patient: 1, overbook: "  "), by: data.staff(.centreManager))
            }
            let first = try await bookings.book(
                data.request(TestData.ist(10), patient: 1, overbook: "crisis walk-in"), by: data.staff(.centreManager))
            #expect(first.isOverbook)
            _ = try await bookings.book(
                data.request(TestData.ist(10, 30), patient: 2, overbook: "family request"), by: data.staff(.centreManager))
            await #expect(throws: AppointmentError.overbookCapReached(cap: 2)) {
                _ = try await bookings.book(
                    data.request(TestData.ist(10), patient: 3, overbook: "one more"), by: data.staff(.centreManager))
            }
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM desk_clinician_overlaps()") == 0)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM desk_schema_violations()") == 0)
            #expect(try await StaffTestData.auditRows(test.database, action: "appointment.overbooked").count == 2)
            let grid = try await Availability(database: test.database).dayGrid(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(grid.rows[0].slots.first { DisplayDate.clock($0.localTime) == "10:00" }?.hasOverbook == true)
            // An overbook moved to a free time becomes an ordinary visit that holds its new slot.
            try await bookings.reschedule(first.appointmentID, to: TestData.ist(12), reason: "moved", by: data.staff(.centreManager))
            let moved = try await test.database.query("SELECT desk_overbook_reason FROM appointments WHERE id = \(first.appointmentID)")
            #expect(try moved[0].decode("desk_overbook_reason", as: String?.self) == nil)
            await #expect(throws: BookingError.slotTaken) {
                _ = try await bookings.book(data.request(TestData.ist(12), patient: 4), by: data.staff(.frontDesk))
            }
            // A policy change in the database applies at once.
            try await test.database.execute(
                "INSERT INTO settings (key, value_json) VALUES ('clinic_desk.overbook_cap_per_clinician_day', '3')")
            _ = try await bookings.book(data.request(TestData.ist(10), patient: 3, overbook: "one more"), by: data.staff(.centreManager))
            // The web's conflict check still sees the slot as taken.
            let web = try await test.database.query(
                SQLQuery(
                    unsafeSQL: try StaffTestData.webStatement("checkSchedulingConflicts  (clinician-wide, any centre)"),
                    parameters: [String(data.clinicianID), TestData.ist(10).sqlParameter, TestData.ist(10, 50).sqlParameter]))
            #expect(try web[0].decode("count", as: Int64.self) == 3)
        }
    }

    @Test("reschedule moves the same row, keeps a paid visit CONFIRMED, records old and new start; a taken slot changes nothing")
    func reschedule() async throws {
        try await TestDatabase.with(prefix: "book_move") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            let bookings = Bookings(database: test.database)
            let moving = try await bookings.book(data.request(TestData.ist(9)), by: data.staff(.frontDesk))
            _ = try await bookings.book(data.request(TestData.ist(11), patient: 1), by: data.staff(.frontDesk))
            try await TodayScheduleTests.payment(
                test.database, appointment: moving.appointmentID, patient: data.patientIDs[0], status: "SUCCESS")
            try await test.database.execute("UPDATE appointments SET status = 'CONFIRMED' WHERE id = \(moving.appointmentID)")
            let before = try await TableSnapshot.take(test.database)
            await #expect(throws: BookingError.slotTaken) {
                try await bookings.reschedule(
                    moving.appointmentID, to: TestData.ist(11), reason: "patient asked", by: data.staff(.frontDesk))
            }
            #expect(try await before.retake(test.database) == before)
            try await bookings.reschedule(moving.appointmentID, to: TestData.ist(12), reason: "patient asked", by: data.staff(.frontDesk))
            let row = try await test.database.query(
                "SELECT status, scheduled_start_at FROM appointments WHERE id = \(moving.appointmentID)")[0]
            #expect(try row.decode("status", as: String.self) == "CONFIRMED")
            #expect(try row.decode("scheduled_start_at", as: Instant.self) == TestData.ist(12))
            let history = try await test.database.query(
                """
                SELECT previous_status, new_status, previous_start_at, new_start_at FROM appointment_status_history
                WHERE appointment_id = \(moving.appointmentID) AND new_start_at IS NOT NULL
                """)
            #expect(history.count == 1)
            #expect(try history[0].decode("previous_start_at", as: Instant.self) == TestData.ist(9))
            #expect(try history[0].decode("new_start_at", as: Instant.self) == TestData.ist(12))
            #expect(try history[0].decode("new_status", as: String.self) == "CONFIRMED")
            #expect(try await StaffTestData.auditRows(test.database, action: "appointment.rescheduled").count == 1)
            #expect(
                try await Count.of(
                    test.database,
                    "SELECT count(*) AS n FROM notifications WHERE payload_data->>'notification_type' = 'APPOINTMENT_RESCHEDULED'") == 1)
        }
    }

    @Test("a patient's appointments split into upcoming and past, as the web dashboard does")
    func patientSplit() async throws {
        try await TestDatabase.with(prefix: "book_split") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            let bookings = Bookings(database: test.database)
            let future = try await bookings.book(data.request(TestData.ist(9)), by: data.staff(.frontDesk))
            let cancelled = try await bookings.book(data.request(TestData.ist(11)), by: data.staff(.frontDesk))
            try await AppointmentChanges(database: test.database).cancel(
                cancelled.appointmentID, reason: "moved away", by: data.staff(.frontDesk))
            let past = try await test.database.transaction { session in
                try AppointmentStore.insert(
                    data.appointment(
                        start: Instant(
                            date: LocalDate(year: 2025, month: 1, day: 3), time: LocalTime(hour: 5, minute: 0), offsetSeconds: 0),
                        status: "COMPLETED"), in: session)
            }
            let split = try await PatientAppointments(database: test.database).split(
                patientID: data.patientIDs[0], by: data.staff(.frontDesk))
            #expect(split.upcoming.map(\.appointmentID) == [future.appointmentID])
            #expect(Set(split.past.map(\.appointmentID)) == [cancelled.appointmentID, past])
        }
    }
}
