import ClinicCore
import Testing

@Suite("day-before reminders")
struct RemindersTests {
    @Test("tomorrow's visits get one reminder each, as a template, never twice; today's and cancelled ones get none")
    func onceOnly() async throws {
        try await TestDatabase.with(prefix: "remind") { test in
            let data = try await TestData.insert(into: test.database, patients: 4)
            // Reminder time 00:00 so that "after the reminder time" holds whenever the test runs.
            var policies = try await DeskPolicies.current(test.database)
            policies.reminderLocalTime = LocalTime(hour: 0, minute: 0)
            try await DeskPolicies.save(policies, by: data.staff(.admin), in: test.database)
            let today = try await DatabaseClock(database: test.database).today(inZone: "Asia/Kolkata")
            let noon = { (day: LocalDate) in Instant(date: day, time: LocalTime(hour: 12, minute: 0), offsetSeconds: 19_800) }
            let tomorrow = try await AppointmentChangeTests.insert(test.database, data, start: noon(today.adding(days: 1)), patient: 0)
            let cancelled = try await AppointmentChangeTests.insert(
                test.database, data, start: noon(today.adding(days: 1)).adding(minutes: 60), patient: 1)
            try await test.database.execute("UPDATE appointments SET status = 'CANCELLED' WHERE id = \(cancelled)")
            _ = try await AppointmentChangeTests.insert(test.database, data, start: noon(today.adding(days: 2)), patient: 2)
            let reminders = Reminders(database: test.database)
            #expect(try await reminders.sendDue() == 1)
            #expect(try await reminders.sendDue() == 0)
            let rows = try await test.database.query(
                "SELECT desk_template_name, payload_data->>'notification_type' AS kind, (payload_data->>'appointment_id')::bigint AS id FROM notifications"
            )
            #expect(rows.count == 1)
            #expect(try rows[0].decode("desk_template_name", as: String.self) == "appointment_reminder")
            #expect(try rows[0].decode("kind", as: String.self) == "APPOINTMENT_REMINDER")
            #expect(try rows[0].decode("id", as: Int64.self) == tomorrow)
        }
    }
}
