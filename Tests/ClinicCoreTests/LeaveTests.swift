import ClinicCore
import Testing

@Suite("leave and holidays")
struct LeaveTests {
    @Test(
        "leave writes one blocked_slots row per generated slot at every centre of the clinician; the web's own lookup sees them; lifting reverses it"
    )
    func leaveSeenByWeb() async throws {
        try await TestDatabase.with(prefix: "leave_web") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "11:00", slot: 30)
            try await data.addRule(test.database, from: "14:00", to: "15:00", slot: 60, centre: 1)
            let leaves = LeaveBook(database: test.database)
            await #expect(throws: AccessError.self) {
                _ = try await leaves.addLeave(
                    clinicianID: data.clinicianID, from: TestData.friday, to: TestData.friday, reason: "conference",
                    by: data.staff(.frontDesk))
            }
            // A manager of one centre cannot block the clinician's other centre.
            await #expect(throws: AccessError.self) {
                _ = try await leaves.addLeave(
                    clinicianID: data.clinicianID, from: TestData.friday, to: TestData.friday, reason: "conference",
                    by: data.staff(.centreManager))
            }
            let leave = try await leaves.addLeave(
                clinicianID: data.clinicianID, from: TestData.friday, to: TestData.friday.adding(days: 7), reason: "conference",
                by: data.staff(.manager))
            #expect(leave.blockedSlots == 2 * (4 + 1))
            let lookup = try StaffTestData.webStatement("isSlotBlocked  (exact start AND end match")
            func webSeesBlocked(_ centre: Int64, _ start: String, _ end: String) async throws -> Bool {
                let rows = try await test.database.query(
                    SQLQuery(unsafeSQL: lookup, parameters: [String(data.clinicianID), String(centre), "2027-01-15", start, end]))
                return try rows[0].decode("count", as: Int64.self) == 1
            }
            #expect(try await webSeesBlocked(data.centreIDs[0], "09:30", "10:00"))
            #expect(try await webSeesBlocked(data.centreIDs[1], "14:00", "15:00"))
            let grid = try await Availability(database: test.database).dayGrid(
                for: data.staff(.manager), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(grid.rows[0].slots.allSatisfy { $0.state == .blocked })
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM slot_blocking_audit WHERE action_type = 'BLOCK'") == 10)
            // Both centres list it, with its slots there; the front desk may read the list.
            for (index, centre) in data.centreIDs.enumerated() {
                let listed = try await leaves.upcoming(centreID: centre, for: data.staff(.frontDesk, centre: index))
                #expect(listed.map(\.id) == [leave.leaveID])
                #expect(listed.first?.blockedSlots == 10)
                #expect(listed.first?.kind == .leave)
                #expect(listed.first?.title.hasPrefix("Leave: ") == true)
            }
            let choices = try await WeeklyRules(database: test.database).clinicians(
                centreID: data.centreIDs[1], for: data.staff(.frontDesk, centre: 1))
            #expect(choices.map(\.id).contains(data.clinicianID))
            try await leaves.lift(leave.leaveID, by: data.staff(.manager))
            #expect(try await leaves.upcoming(centreID: data.centreIDs[0], for: data.staff(.frontDesk)).isEmpty)
            #expect(try await webSeesBlocked(data.centreIDs[0], "09:30", "10:00") == false)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM slot_blocking_audit WHERE action_type = 'UNBLOCK'") == 10)
            let after = try await Availability(database: test.database).dayGrid(
                for: data.staff(.manager), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(after.rows[0].slots.allSatisfy { $0.state != .blocked })
            #expect(after.rows[0].slots.filter { $0.state == .free }.count == 3)
            await #expect(throws: AppointmentError.self) {
                _ = try await leaves.addLeave(
                    clinicianID: data.clinicianID, from: LocalDate(year: 2020, month: 1, day: 1),
                    to: LocalDate(year: 2020, month: 1, day: 2), reason: "past", by: data.staff(.manager))
            }
        }
    }

    @Test("leave over booked visits lists them; the manager keeps one and cancels another as the web's slot blocking does")
    func coveredAppointments() async throws {
        try await TestDatabase.with(prefix: "leave_cover") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30)
            let bookings = Bookings(database: test.database)
            let kept = try await bookings.book(data.request(TestData.ist(9)), by: data.staff(.frontDesk))
            let cancelled = try await bookings.book(data.request(TestData.ist(11), patient: 1), by: data.staff(.frontDesk))
            try await TodayScheduleTests.payment(
                test.database, appointment: cancelled.appointmentID, patient: data.patientIDs[1], status: "SUCCESS")
            let leaves = LeaveBook(database: test.database)
            let leave = try await leaves.addHoliday(
                centreID: data.centreIDs[0], from: TestData.friday, to: TestData.friday, reason: "Sankranti", by: data.staff(.centreManager)
            )
            #expect(leave.coveredAppointments.map(\.appointmentID) == [kept.appointmentID, cancelled.appointmentID])
            // An appointment outside the leave cannot be cancelled "for leave".
            let outside = try await bookings.book(
                data.request(TestData.ist(9), patient: 2, centre: 0).withDay(22), by: data.staff(.frontDesk))
            await #expect(throws: AppointmentError.notCoveredByLeave) {
                try await leaves.resolve(
                    appointmentID: outside.appointmentID, leaveID: leave.leaveID, cancel: true, by: data.staff(.centreManager))
            }
            try await leaves.resolve(
                appointmentID: kept.appointmentID, leaveID: leave.leaveID, cancel: false, by: data.staff(.centreManager))
            try await leaves.resolve(
                appointmentID: cancelled.appointmentID, leaveID: leave.leaveID, cancel: true, by: data.staff(.centreManager))
            let row = try await test.database.query(
                "SELECT status, refund_eligible, refund_status, blocked_slot_id IS NOT NULL AS linked FROM appointments WHERE id = \(cancelled.appointmentID)"
            )[0]
            #expect(try row.decode("status", as: String.self) == "CANCELLED_BY_ADMIN")
            #expect(try row.decode("refund_eligible", as: Bool.self))
            #expect(try row.decode("refund_status", as: String?.self) == "PENDING")
            #expect(try row.decode("linked", as: Bool.self))
            #expect(
                try await Count.of(
                    test.database, "SELECT count(*) AS n FROM patient_notifications WHERE notification_type = 'APPOINTMENT_BLOCKED'") == 1)
            #expect(
                try await Count.of(test.database, "SELECT count(*) AS n FROM slot_blocking_audit WHERE affected_patient_count = 1") == 1)
            #expect(try await StaffTestData.auditRows(test.database, action: "leave.appointment_kept").count == 1)
            let remaining = try await leaves.coveredAppointments(leave.leaveID, for: data.staff(.centreManager))
            #expect(remaining.map(\.appointmentID) == [kept.appointmentID])
            // The day schedule marks the visit kept through the holiday, so the desk knows the centre is closed.
            let day = try await TodaySchedule(database: test.database).appointments(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(day.first { $0.appointmentID == kept.appointmentID }?.awayBecause == .holiday)
            let otherDay = try await TodaySchedule(database: test.database).appointments(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday.adding(days: 7))
            #expect(otherDay.allSatisfy { $0.awayBecause == nil })
            // The clinician's own leave says more than the closed centre; lifted, neither is said.
            let away = try await leaves.addLeave(
                clinicianID: data.clinicianID, from: TestData.friday, to: TestData.friday, reason: "conference", by: data.staff(.manager))
            let both = try await TodaySchedule(database: test.database).appointments(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(both.first { $0.appointmentID == kept.appointmentID }?.awayBecause == .leave)
            try await leaves.lift(away.leaveID, by: data.staff(.manager))
            try await leaves.lift(leave.leaveID, by: data.staff(.manager))
            let lifted = try await TodaySchedule(database: test.database).appointments(
                for: data.staff(.frontDesk), centreID: data.centreIDs[0], day: TestData.friday)
            #expect(lifted.allSatisfy { $0.awayBecause == nil })
        }
    }

    @Test("weekly rules: a change keeps unchanged rules, deactivates removed ones (never deletes), and lists stranded visits first")
    func weeklyRules() async throws {
        try await TestDatabase.with(prefix: "leave_rules") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30)
            _ = try await Bookings(database: test.database).book(data.request(TestData.ist(12)), by: data.staff(.frontDesk))
            let rules = WeeklyRules(database: test.database)
            let morning = WeeklyRules.Window(
                centreID: data.centreIDs[0], weekday: 5, start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 11, minute: 0),
                slotMinutes: 30, mode: .inPerson)
            await #expect(throws: AccessError.self) {
                _ = try await rules.apply(
                    clinicianID: data.clinicianID, windows: [morning], acceptStranded: true, by: data.staff(.frontDesk))
            }
            let preview = try await rules.preview(clinicianID: data.clinicianID, windows: [morning], by: data.staff(.centreManager))
            #expect(preview.stranded.count == 1)
            await #expect(throws: AppointmentError.self) {
                _ = try await rules.apply(
                    clinicianID: data.clinicianID, windows: [morning], acceptStranded: false, by: data.staff(.centreManager))
            }
            _ = try await rules.apply(
                clinicianID: data.clinicianID, windows: [morning], acceptStranded: true, by: data.staff(.centreManager))
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM clinician_availability_rules") == 2)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM clinician_availability_rules WHERE is_active") == 1)
            let again = try await rules.apply(
                clinicianID: data.clinicianID, windows: [morning], acceptStranded: false, by: data.staff(.centreManager))
            #expect(again.kept == 1 && again.added.isEmpty && again.deactivatedRuleIDs.isEmpty)
        }
    }

    @Test("db doctor reports blocks and exceptions the web would not match")
    func doctorUnmatchedBlocks() async throws {
        try await TestDatabase.with(prefix: "leave_doctor") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database, from: "09:00", to: "13:00", slot: 30)
            try await test.database.execute(
                """
                INSERT INTO blocked_slots (clinician_id, centre_id, blocked_date, start_time, end_time, reason, blocked_by_admin_id, is_blocked)
                VALUES (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', '09:00', '09:30', 'matches', \(data.staffUserID), TRUE),
                       (\(data.clinicianID), \(data.centreIDs[0]), '2027-01-15', '09:00', '10:00', 'an hour', \(data.staffUserID), TRUE)
                """)
            let report = try await DatabaseDoctor(database: test.database, script: try TestDatabase.schemaScript()).examine()
            let finding = try #require(report.findings.first { $0.title.contains("the web would not match") })
            #expect(finding.details.count == 1)
            #expect(finding.details[0].contains("09:00:00–10:00:00"))
        }
    }
}
