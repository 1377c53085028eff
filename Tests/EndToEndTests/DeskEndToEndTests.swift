import ClinicCore
import Foundation
import Testing

/// The real binary in tmux against the test database. Serial: each test owns a tmux server.
@Suite("end to end in tmux", .serialized)
struct DeskEndToEndTests {
    @Test("sign in, see Today, open help, lock and unlock, resize, live update, quit with the terminal restored")
    func receptionistDay() async throws {
        let demo = try await DemoDatabase.create(prefix: "e2e_day")
        let stateFile = NSTemporaryDirectory() + "clinic-e2e-\(getpid())"
        do {
            let tmux = try TmuxSession(name: "day", width: 100, height: 30, command: try demo.deskCommand(stateFile: stateFile))
            try tmux.waitFor("staff sign-in")
            try tmux.send("frontdesk.blr", literal: true)
            try tmux.send("Enter")
            try tmux.send("demo-frontdesk-1", literal: true)
            try tmux.send("Enter")
            let today = try tmux.waitFor("Today at Mibo Mind Clinic – Indiranagar")
            #expect(today.contains("Front desk"))
            #expect(today.contains("appointment"))

            try tmux.send("?", literal: true)
            try tmux.waitFor("Keys —")
            try tmux.send("Escape")
            try tmux.waitFor("Q Queues")

            // Live: a booking written with plain SQL (as the web would) appears without a key press.
            try await insertLateAppointment(demo.database, patientName: "Zed Livetest")
            try tmux.send("G", literal: true)
            try tmux.waitFor("Zed Livetest")

            try tmux.send("F12")
            let locked = try tmux.waitFor("Desk locked")
            #expect(!locked.contains("Zed Livetest"), "the lock screen must hide patient data")
            try tmux.send("wrong-password", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor("not right")
            try tmux.send("demo-frontdesk-1", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor("Zed Livetest")

            try tmux.resize(width: 70, height: 20)
            try tmux.waitFor("need 80×24")
            try tmux.resize(width: 120, height: 35)
            let larger = try tmux.waitFor("Zed Livetest")
            #expect(larger.split(separator: "\n").first.map { DeskEndToEndTests.width(of: String($0)) } ?? 0 > 100)

            try tmux.send("C-q")
            try tmux.waitFor("DESK-EXITED")
            // The window was resized on purpose: compare every setting but its size.
            let before = DeskEndToEndTests.withoutSize(try String(contentsOfFile: stateFile + ".before", encoding: .utf8))
            let after = DeskEndToEndTests.withoutSize(try String(contentsOfFile: stateFile + ".after", encoding: .utf8))
            #expect(before == after, "stty -a differs after quitting")
            #expect(try String(contentsOfFile: stateFile + ".exit", encoding: .utf8).contains("exit=0"))
            tmux.close()
        } catch {
            await demo.drop()
            throw error
        }
        await demo.drop()
    }

    @Test("SIGTERM restores the terminal too")
    func terminatedDeskRestoresTerminal() async throws {
        let demo = try await DemoDatabase.create(prefix: "e2e_term")
        let stateFile = NSTemporaryDirectory() + "clinic-e2e-term-\(getpid())"
        do {
            let tmux = try TmuxSession(name: "term", width: 100, height: 30, command: try demo.deskCommand(stateFile: stateFile))
            try tmux.waitFor("staff sign-in")
            let shell = try TmuxSession.run(["-L", tmux.server, "list-panes", "-t", tmux.session, "-F", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
            // The desk is the pane shell's only child while it runs.
            let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            let desk = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
            #expect(kill(desk, SIGTERM) == 0)
            try tmux.waitFor("DESK-EXITED")
            let before = try String(contentsOfFile: stateFile + ".before", encoding: .utf8)
            let after = try String(contentsOfFile: stateFile + ".after", encoding: .utf8)
            #expect(before == after, "stty -a differs after SIGTERM")
            tmux.close()
        } catch {
            await demo.drop()
            throw error
        }
        await demo.drop()
    }

    /// `stty -a` output without its "rows N; columns N;" part.
    static func withoutSize(_ settings: String) -> String {
        settings.replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
    }

    /// Display columns of a captured line (tmux pads nothing; count scalars that are not combining).
    static func width(of line: String) -> Int {
        line.unicodeScalars.filter { !$0.properties.isGraphemeExtend }.count
    }

    /// A new patient booked at 23:00 IST today at Indiranagar, with a clinician free then.
    private func insertLateAppointment(_ database: Database, patientName: String) async throws {
        try await database.transaction { session in
            let user: Int64 = try session.queryOne(
                """
                INSERT INTO users (phone, full_name, first_name, last_name, user_type)
                VALUES ('919999900001', \(patientName), 'Zed', 'Livetest', 'PATIENT') RETURNING id
                """
            ).decode("id")
            let patient: Int64 = try session.queryOne("INSERT INTO patient_profiles (user_id) VALUES (\(user)) RETURNING id").decode("id")
            try session.execute(
                """
                INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at,
                    duration_minutes, status, booked_by_user_id, source, is_active)
                SELECT \(patient), cp.id, c.id, 'IN_PERSON', t.start, t.start + interval '30 minutes', 30, 'BOOKED', \(user), 'WEB_PATIENT', true
                FROM centres c
                JOIN clinician_profiles cp ON cp.primary_centre_id = c.id
                CROSS JOIN LATERAL (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Kolkata') + interval '23 hours')
                                           AT TIME ZONE 'Asia/Kolkata' AS start) t
                WHERE c.name LIKE '%Indiranagar%'
                ORDER BY cp.id LIMIT 1
                """)
        }
    }
}
