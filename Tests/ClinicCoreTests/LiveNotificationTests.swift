import ClinicCore
import Testing

@Suite("live notifications")
struct LiveNotificationTests {
    @Test("an appointment inserted with plain SQL reaches a listener on another connection, with its IST day")
    func notifyReachesListener() async throws {
        try await TestDatabase.with(prefix: "notify") { test in
            let data = try await TestData.insert(into: test.database)
            let listener = try ChangeListener(url: test.url)
            // 2027-01-15 20:30 UTC is 2027-01-16 02:00 in India: the notification must name the IST day.
            let start = Instant(date: LocalDate(year: 2027, month: 1, day: 15), time: LocalTime(hour: 20, minute: 30), offsetSeconds: 0)
            let writer = Database(url: test.url)
            let inserted = try await writer.query(
                """
                INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at,
                    duration_minutes, status, booked_by_user_id, source, is_active)
                VALUES (\(data.patientIDs[0]), \(data.clinicianID), \(data.centreIDs[1]), 'ONLINE', \(start), \(start.adding(minutes: 30)),
                    30, 'BOOKED', \(data.patientUserIDs[0]), 'WEB_PATIENT', true)
                RETURNING id
                """)
            let id: Int64 = try inserted[0].decode("id")
            var received: [ChangeNotification] = []
            for _ in 0..<50 where received.isEmpty {
                received += try listener.waitForNotifications(timeoutMilliseconds: 200)
            }
            #expect(
                received.first
                    == ChangeNotification(table: "appointments", op: "INSERT", id: id, centre: data.centreIDs[1], day: "2027-01-16"))

            try await writer.execute(
                """
                INSERT INTO payments (patient_id, appointment_id, provider, order_id, amount, currency, status)
                VALUES (\(data.patientIDs[0]), \(id), 'RAZORPAY', 'order_TEST1', '1700.05', 'INR', 'CREATED')
                """)
            var payments: [ChangeNotification] = []
            for _ in 0..<50 where payments.isEmpty {
                payments += try listener.waitForNotifications(timeoutMilliseconds: 200)
            }
            #expect(payments.first?.table == "payments")
            #expect(payments.first?.centre == data.centreIDs[1])
            #expect(payments.first?.day == "2027-01-16")
        }
    }
}
