import ClinicCore
import Foundation
import Testing

/// A walk-in registered at the desk, verified by a WhatsApp code (console channel), checked in the database.
@Suite("end to end: walk-in and OTP", .serialized)
struct PatientWalkInEndToEndTests {
    @Test("register a walk-in, send a code, read it from the outbox log, verify it, and find the rows")
    func registerAndVerify() async throws {
        let demo = try await DemoDatabase.create(prefix: "e2e_walkin")
        let workDirectory = NSTemporaryDirectory() + "clinic-e2e-walkin-\(getpid())"
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let stateFile = workDirectory + "/tty"
        // A number the demo data cannot hold: the demo never writes 9000…
        let tenDigits = "90000" + String(format: "%05d", Int(getpid()) % 100_000)
        do {
            let command =
                "cd \(workDirectory) && " + (try demo.deskCommand(stateFile: stateFile, extraEnvironment: "CLINIC_MESSAGE_CHANNEL=console"))
            let tmux = try TmuxSession(name: "walkin", width: 110, height: 34, command: command)
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
            try tmux.send("Zoya", literal: true)
            try tmux.send("Tab")
            try tmux.send("Walkintest", literal: true)
            try tmux.send("Tab")
            try tmux.send("+91 \(tenDigits.prefix(5)) \(tenDigits.suffix(5))", literal: true)
            try tmux.send("Tab")
            try tmux.send("C-s")
            let record = try tmux.waitFor("MRN ")
            #expect(record.contains("Zoya Walkintest"))

            try tmux.send("o", literal: true)
            try tmux.waitFor("Send a 6-digit code on WhatsApp")
            try tmux.send("Enter")
            try tmux.waitFor("Sent to")
            let code = try waitForCode(in: workDirectory + "/.clinic/outbox.log")
            try tmux.send(code, literal: true)
            try tmux.send("Enter")
            try tmux.waitFor("Verified")

            let rows = try await demo.database.query(
                """
                SELECT u.phone, pp.mrn, o.is_used, n.status,
                       (SELECT count(*) FROM desk_pending_otp_codes) AS pending
                FROM users u
                JOIN patient_profiles pp ON pp.user_id = u.id
                JOIN otp_requests o ON o.phone = u.phone
                JOIN notifications n ON n.user_id = u.id
                WHERE u.full_name = 'Zoya Walkintest'
                """)
            let row = try #require(rows.first)
            #expect(try row.decode("phone", as: String.self) == "91" + tenDigits, "stored in the web's login format")
            #expect(try row.decode("mrn", as: String?.self) != nil)
            #expect(try row.decode("is_used", as: Bool.self))
            #expect(try row.decode("status", as: String.self) == "SENT")
            #expect(try row.decode("pending", as: Int64.self) == 0, "the code is gone once delivered")
            // Esc and q in one burst would read as Alt-q: wait for the dialog to close first.
            try tmux.send("Escape")
            try tmux.waitForAbsence(of: "WhatsApp code")
            try tmux.waitFor("Phone verified")
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

    /// The six-digit code in the console channel's log, waiting (with a deadline) for it to appear.
    private func waitForCode(in path: String) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let match = text.range(of: #"\b\d{6}\b"#, options: [.regularExpression, .backwards])
            {
                return String(text[match])
            }
            usleep(50_000)
        }
        throw EndToEndError.timeout("a code in \(path)")
    }
}
