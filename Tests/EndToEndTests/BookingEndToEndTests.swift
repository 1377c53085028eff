import ClinicCore
import Foundation
import Testing

/// A walk-in booked from the grid, checked in, and the schedule updated live by a plain SQL insert.
@Suite("end to end: walk-in booking and live schedule", .serialized)
struct BookingEndToEndTests {
    /// A fixed-offset zone where it is about 10:00 now, so "the rest of today" has free slots whenever the test runs.
    static func morningZone() -> String {
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date()).hour ?? 0
        var offset = 10 - hour
        if offset < -12 { offset += 24 }
        // Etc/GMT-5 is five hours east of UTC (the sign is inverted by POSIX convention).
        return offset == 0 ? "Etc/UTC" : "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset))"
    }

    @Test("book a walk-in from the grid (W), check it in (i, token shown), and see a plain SQL insert appear on the schedule")
    func walkInCheckInLive() async throws {
        let demo = try await DemoDatabase.create(prefix: "e2e_booking")
        let workDirectory = NSTemporaryDirectory() + "clinic-e2e-booking-\(getpid())"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let stateFile = workDirectory + "/tty"
        do {
            // Only one clinician works at Indiranagar in this copy, all day, in a zone where it is morning.
            let setup = try await demo.database.transaction { session in
                let centre: Int64 = try session.queryOne("SELECT id FROM centres WHERE name LIKE '%Indiranagar%'").decode("id")
                try session.execute("UPDATE centres SET timezone = \(BookingEndToEndTests.morningZone()) WHERE id = \(centre)")
                try session.execute("UPDATE clinician_availability_rules SET is_active = FALSE WHERE centre_id = \(centre)")
                let user: Int64 = try session.queryOne(
                    "INSERT INTO users (phone, full_name, user_type) VALUES ('9000011111', 'Zz Endtoend Clinician', 'STAFF') RETURNING id"
                ).decode("id")
                let clinician: Int64 = try session.queryOne(
                    """
                    INSERT INTO clinician_profiles (user_id, primary_centre_id, default_consultation_duration_minutes, consultation_fee)
                    VALUES (\(user), \(centre), 30, 900) RETURNING id
                    """
                ).decode("id")
                for weekday in 0...6 {
                    try session.execute(
                        """
                        INSERT INTO clinician_availability_rules (clinician_id, centre_id, day_of_week, start_time, end_time, slot_duration_minutes, mode)
                        VALUES (\(clinician), \(centre), \(weekday), '00:00', '23:30', 30, 'IN_PERSON')
                        """)
                }
                let otherUser: Int64 = try session.queryOne(
                    "INSERT INTO users (phone, full_name, user_type) VALUES ('919000033333', 'Xavier Liveupdate', 'PATIENT') RETURNING id"
                ).decode("id")
                let other: Int64 = try session.queryOne(
                    "INSERT INTO patient_profiles (user_id, is_active) VALUES (\(otherUser), true) RETURNING id"
                ).decode("id")
                return (centre, clinician, other, "Xavier Liveupdate")
            }
            let command =
                "cd \(workDirectory) && " + (try demo.deskCommand(stateFile: stateFile, extraEnvironment: "CLINIC_MESSAGE_CHANNEL=console"))
            let tmux = try TmuxSession(name: "booking", width: 110, height: 34, command: command)
            try tmux.waitFor("staff sign-in")
            try tmux.send("frontdesk.blr", literal: true)
            try tmux.send("Enter")
            try tmux.send("demo-frontdesk-1", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor("Today at")

            try tmux.send("F3")
            try tmux.waitFor("Find a patient")
            try tmux.send("C-n")
            try tmux.waitFor("Register a walk-in")
            try tmux.send("Yamini", literal: true)
            try tmux.send("Tab")
            try tmux.send("Gridbooking", literal: true)
            try tmux.send("Tab")
            try tmux.send("+91 90000 22222", literal: true)
            try tmux.send("Tab")
            try tmux.send("C-s")
            try tmux.waitFor("MRN ")

            try tmux.send("F4")
            try tmux.waitFor("Zz Endtoend")
            try tmux.send("W", literal: true)
            try tmux.waitFor("Walk-in for Yamini Gridbooking")
            try tmux.send("Enter")
            try tmux.waitFor("Booked Yamini Gridbooking")
            let booked = try await demo.database.query(
                """
                SELECT a.id, a.source, a.status, a.scheduled_start_at FROM appointments a
                JOIN patient_profiles pp ON pp.id = a.patient_id JOIN users u ON u.id = pp.user_id
                WHERE u.full_name = 'Yamini Gridbooking'
                """)
            let row = try #require(booked.first)
            #expect(try row.decode("source", as: String.self) == "ADMIN_FRONT_DESK")
            #expect(try row.decode("status", as: String.self) == "BOOKED")

            try tmux.send("F2")
            try tmux.waitFor("Yamini Gridbooking")
            // The test clinician sorts last, with one appointment: the last row.
            try tmux.send("G", literal: true)
            try tmux.send("i", literal: true)
            // A walk-in is not paid yet (and may start later): the desk asks before queueing the patient.
            try tmux.waitFor("Check in Yamini Gridbooking (")
            try tmux.send("Enter")
            try tmux.waitFor("Queue token 1")
            let checkedIn = try await demo.database.query(
                "SELECT desk_queue_token FROM appointments WHERE id = \(try row.decode("id", as: Int64.self))")
            #expect(try checkedIn[0].decode("desk_queue_token", as: Int?.self) == 1)

            // Someone else (the web, another desk) books the next hour: the open schedule shows it by itself.
            let start: Instant = try row.decode("scheduled_start_at")
            try await demo.database.execute(
                """
                INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at,
                                          duration_minutes, status, booked_by_user_id, source, is_active)
                VALUES (\(setup.2), \(setup.1), \(setup.0), 'IN_PERSON', \(start.adding(minutes: 60)), \(start.adding(minutes: 90)), 30, 'BOOKED',
                        (SELECT user_id FROM patient_profiles WHERE id = \(setup.2)), 'WEB_PATIENT', true)
                """)
            try tmux.waitFor(setup.3, seconds: 5)
            try tmux.send("C-q")
            try tmux.waitFor("DESK-EXITED")
            tmux.close()
        } catch {
            await demo.drop()
            throw error
        }
        await demo.drop()
        try? FileManager.default.removeItem(atPath: workDirectory)
    }
}
