import ClinicCore
import Foundation
import Testing

/// The notification outbox on real PostgreSQL: claims, leases, retries, failures and the OTP code's
/// life until delivery. Time moves by writing `desk_next_attempt_at` in the past, never by sleeping.
@Suite("Notification outbox and delivery worker")
struct OutboxTests {
    /// Queues `count` plain test messages to the first test patient and returns their ids.
    static func enqueue(_ database: Database, _ data: TestData, count: Int) async throws -> [Int64] {
        let user = data.patientUserIDs[0]
        return try await database.transaction { session in
            try (0..<count).map { index in
                try Outbox.enqueue(
                    NewNotification(
                        recipientUserID: user, phone: "919845010000", recipientName: "Patient 0", template: "test_template",
                        notificationType: "TEST", summary: "test message \(index)", bodyValues: ["n": String(index)]),
                    in: session)
            }
        }
    }

    static func row(_ database: Database, _ id: Int64) async throws -> Row {
        try await database.query(
            """
            SELECT status, desk_attempts, error_message, desk_last_error, desk_provider_message_id, sent_at IS NOT NULL AS has_sent_at,
                   desk_claim_token IS NULL AS unclaimed,
                   round(extract(epoch FROM desk_next_attempt_at - NOW()))::int AS due_in
            FROM notifications WHERE id = \(id)
            """)[0]
    }

    /// Makes every queued row due now (its lease or backoff is over).
    static func makeDue(_ database: Database) async throws {
        try await database.execute("UPDATE notifications SET desk_next_attempt_at = NOW() - INTERVAL '1 second' WHERE status = 'QUEUED'")
    }

    @Test("two concurrent workers on their own connections never deliver one row twice")
    func concurrentWorkers() async throws {
        try await TestDatabase.with(prefix: "outbox_concurrent") { test in
            let data = try await TestData.insert(into: test.database)
            let ids = try await Self.enqueue(test.database, data, count: 60)
            let channel = RecordingChannel()
            let workers = [Database(url: test.url), Database(url: test.url)].map { OutboxWorker(database: $0, channel: channel) }
            let summaries = try await withThrowingTaskGroup(of: [OutboxRunSummary].self) { group in
                for worker in workers {
                    group.addTask {
                        var runs: [OutboxRunSummary] = []
                        while true {
                            let summary = try await worker.deliverDue(limit: 4)
                            runs.append(summary)
                            if summary.claimed == 0 { return runs }
                        }
                    }
                }
                return try await group.reduce(into: [[OutboxRunSummary]]()) { $0.append($1) }
            }
            let delivered = channel.delivered.map(\.notificationID)
            #expect(delivered.count == ids.count)
            #expect(Set(delivered) == Set(ids))
            // Which worker sent how many depends on scheduling; together they sent each row once.
            #expect(summaries.flatMap { $0 }.reduce(0) { $0 + $1.sent } == ids.count)
            let sent = try await test.database.query("SELECT count(*) AS n FROM notifications WHERE status = 'SENT' AND desk_attempts = 1")
            #expect(try sent[0].decode("n", as: Int64.self) == Int64(ids.count))
            #expect(try await Outbox(database: test.database).undeliveredCount() == 0)
        }
    }

    @Test("a worker that dies after claiming leaves the row (and its code) to be delivered once the lease ends")
    func crashAfterClaim() async throws {
        try await TestDatabase.with(prefix: "outbox_crash") { test in
            let data = try await TestData.insert(into: test.database)
            let actor = StaffTestData.actor(.frontDesk, at: data.centreIDs[0], userID: data.staffUserID)
            let receipt = try await OTPVerification(database: test.database).send(toPatient: data.patientIDs[0], actor: actor)
            let channel = RecordingChannel()
            let dying = OutboxWorker(database: Database(url: test.url), channel: channel)
            let claimed = try await dying.claimDue(limit: 10)
            #expect(claimed.claims.count == 1)
            // The worker dies here: nothing is sent or recorded. Others skip the leased row meanwhile.
            let other = OutboxWorker(database: test.database, channel: channel)
            #expect(try await other.deliverDue().claimed == 0)
            let leased = try await Self.row(test.database, receipt.notificationID)
            #expect(try leased.decode("status", as: String.self) == "QUEUED")
            #expect(try (100...120).contains(leased.decode("due_in", as: Int.self)))
            #expect(try await test.database.query("SELECT 1 FROM desk_pending_otp_codes").count == 1)
            // The lease ends (written in the past): the next worker delivers it, exactly once.
            try await Self.makeDue(test.database)
            let summary = try await other.deliverDue()
            #expect(summary.sent == 1)
            #expect(channel.delivered.count == 1)
            let sent = try await Self.row(test.database, receipt.notificationID)
            #expect(try sent.decode("status", as: String.self) == "SENT")
            #expect(try sent.decode("desk_attempts", as: Int.self) == 2)
            #expect(try sent.decode("desk_provider_message_id", as: String.self) == "rec-\(receipt.notificationID)")
            // After delivery the code is nowhere in the database.
            #expect(try await test.database.query("SELECT 1 FROM desk_pending_otp_codes").isEmpty)
            let code = try #require(channel.delivered.first?.bodyValues["otp"])
            #expect(try await Self.textColumnsContaining(code, in: test.database).isEmpty)
        }
    }

    @Test("a claim whose transaction rolls back leaves the row due at once, attempts unchanged")
    func claimRolledBack() async throws {
        try await TestDatabase.with(prefix: "outbox_rollback") { test in
            let data = try await TestData.insert(into: test.database)
            let ids = try await Self.enqueue(test.database, data, count: 1)
            struct Crash: Error {}
            await #expect(throws: Crash.self) {
                try await test.database.transaction { session in
                    try session.query(
                        """
                        UPDATE notifications SET desk_attempts = desk_attempts + 1, desk_claim_token = 'dead',
                               desk_next_attempt_at = NOW() + INTERVAL '2 minutes'
                        WHERE id = (SELECT id FROM notifications WHERE status = 'QUEUED' FOR UPDATE SKIP LOCKED LIMIT 1)
                        """)
                    throw Crash()
                }
            }
            let channel = RecordingChannel()
            #expect(try await OutboxWorker(database: test.database, channel: channel).deliverDue().sent == 1)
            #expect(try await Self.row(test.database, ids[0]).decode("desk_attempts", as: Int.self) == 1)
        }
    }

    @Test("Gallabox 503, 429 and a timeout are retried with growing backoff; then 202 marks the row SENT")
    func retriesThenSends() async throws {
        try await TestDatabase.with(prefix: "outbox_retry") { test in
            let data = try await TestData.insert(into: test.database)
            let actor = StaffTestData.actor(.frontDesk, at: data.centreIDs[0], userID: data.staffUserID)
            let receipt = try await OTPVerification(database: test.database).send(toPatient: data.patientIDs[0], actor: actor)
            let server = try FakeGallaboxServer()
            defer { server.stop() }
            server.script(.status(503, message: "Upstream unavailable"), .rateLimited(resetSeconds: 90), .noAnswer)
            // Generous timeouts for answered requests (a loaded machine must not turn them into timeouts
            // and shift the script); a short one only for the request that gets no answer.
            let worker = OutboxWorker(
                database: test.database, channel: GallaboxClient(configuration: server.configuration(timeoutSeconds: 10)))
            let impatient = OutboxWorker(
                database: test.database, channel: GallaboxClient(configuration: server.configuration(timeoutSeconds: 1)))
            let id = receipt.notificationID

            #expect(try await worker.deliverDue().retried == 1)
            var row = try await Self.row(test.database, id)
            #expect(try row.decode("status", as: String.self) == "QUEUED")
            #expect(try row.decode("desk_attempts", as: Int.self) == 1)
            #expect(try (29...30).contains(row.decode("due_in", as: Int.self)))
            #expect(try row.decode("desk_last_error", as: String.self) == "Gallabox server error (503): Upstream unavailable")
            #expect(try row.decode("error_message", as: String?.self) == nil)
            #expect(try await worker.deliverDue().claimed == 0, "not due before its backoff ends")

            try await Self.makeDue(test.database)
            #expect(try await worker.deliverDue().retried == 1)
            row = try await Self.row(test.database, id)
            #expect(try (80...91).contains(row.decode("due_in", as: Int.self)), "429's reset time beats the 60 s backoff")
            #expect(try row.decode("desk_last_error", as: String.self).contains("429"))

            try await Self.makeDue(test.database)
            #expect(try await impatient.deliverDue().retried == 1)
            row = try await Self.row(test.database, id)
            #expect(try (119...120).contains(row.decode("due_in", as: Int.self)))
            #expect(try row.decode("desk_last_error", as: String.self).contains("timeout"))

            try await Self.makeDue(test.database)
            #expect(try await worker.deliverDue().sent == 1)
            row = try await Self.row(test.database, id)
            #expect(try row.decode("status", as: String.self) == "SENT")
            #expect(try row.decode("has_sent_at", as: Bool.self))
            #expect(try row.decode("desk_attempts", as: Int.self) == 4)
            #expect(try row.decode("desk_last_error", as: String?.self) == nil)
            #expect(try row.decode("desk_provider_message_id", as: String?.self)?.count == 24)
            #expect(server.requests.count == 4)
            #expect(try await test.database.query("SELECT 1 FROM desk_pending_otp_codes").isEmpty)
        }
    }

    @Test("a Gallabox 4xx marks the row FAILED with the provider's message, never echoing the code, and drops the code")
    func rejectedFails() async throws {
        try await TestDatabase.with(prefix: "outbox_reject") { test in
            let data = try await TestData.insert(into: test.database)
            let actor = StaffTestData.actor(.frontDesk, at: data.centreIDs[0], userID: data.staffUserID)
            let receipt = try await OTPVerification(database: test.database).send(toPatient: data.patientIDs[0], actor: actor)
            let code = try await OTPTests.pendingCode(test.database, notification: receipt.notificationID)
            let server = try FakeGallaboxServer()
            defer { server.stop() }
            server.script(.status(400, message: "Template variable otp=\(code) does not match"))
            let worker = OutboxWorker(database: test.database, channel: GallaboxClient(configuration: server.configuration()))
            #expect(try await worker.deliverDue().failed == 1)
            let row = try await Self.row(test.database, receipt.notificationID)
            #expect(try row.decode("status", as: String.self) == "FAILED")
            let message = "Gallabox refused the message (400): Template variable otp=****** does not match"
            #expect(try row.decode("error_message", as: String.self) == message)
            #expect(try row.decode("desk_last_error", as: String.self) == message)
            #expect(try await test.database.query("SELECT 1 FROM desk_pending_otp_codes").isEmpty)
            #expect(try await worker.deliverDue().claimed == 0)
            #expect(try await Outbox(database: test.database).summary().failedLastDay == 1)
        }
    }

    @Test("an OTP whose code expired before delivery is never sent; temporary failures give up after the last attempt")
    func expiryAndGivingUp() async throws {
        try await TestDatabase.with(prefix: "outbox_expiry") { test in
            let data = try await TestData.insert(into: test.database)
            let actor = StaffTestData.actor(.frontDesk, at: data.centreIDs[0], userID: data.staffUserID)
            let receipt = try await OTPVerification(database: test.database).send(toPatient: data.patientIDs[0], actor: actor)
            try await test.database.execute("UPDATE desk_pending_otp_codes SET expires_at = NOW() - INTERVAL '1 second'")
            let channel = RecordingChannel()
            let policy = RetryPolicy(baseDelaySeconds: 30, maximumDelaySeconds: 1800, maximumAttempts: 2, leaseSeconds: 120)
            let worker = OutboxWorker(database: test.database, channel: channel, policy: policy)
            #expect(try await worker.deliverDue().expired == 1)
            #expect(channel.delivered.isEmpty)
            #expect(try await Self.row(test.database, receipt.notificationID).decode("status", as: String.self) == "FAILED")
            #expect(try await test.database.query("SELECT 1 FROM desk_pending_otp_codes").isEmpty)

            let ids = try await Self.enqueue(test.database, data, count: 1)
            channel.script(
                .retryLater(reason: "Gallabox server error (500): boom", retryAfterSeconds: nil),
                .retryLater(reason: "Gallabox server error (500): boom", retryAfterSeconds: nil))
            #expect(try await worker.deliverDue().retried == 1)
            try await Self.makeDue(test.database)
            #expect(try await worker.deliverDue().failed == 1)
            let row = try await Self.row(test.database, ids[0])
            #expect(try row.decode("status", as: String.self) == "FAILED")
            #expect(try row.decode("error_message", as: String.self) == "Gave up after 2 attempts: Gallabox server error (500): boom")
            #expect(policy.delaySeconds(afterAttempt: 1) == 30)
            #expect(RetryPolicy.standard.delaySeconds(afterAttempt: 3) == 120)
            #expect(RetryPolicy.standard.delaySeconds(afterAttempt: 12) == 1800)
        }
    }

    @Test("the console channel says it is for development and appends what the patient would read to a 0600 file")
    func consoleChannel() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("outbox.log").path
        let channel = ConsoleChannel(logPath: path)
        #expect(channel.startupNotice.contains("development only"))
        let message = OutboundMessage(
            notificationID: 7, phone: "919845010000", recipientName: "Asha", template: MessageTemplate.otpVerification,
            bodyValues: ["otp": "051234"])
        #expect(await channel.deliver(message) == .accepted(providerMessageID: "console-7"))
        #expect(await channel.deliver(message) == .accepted(providerMessageID: "console-7"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.components(separatedBy: "051234 is your verification code").count == 3)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// `table.column` for every text or JSON column of every table holding `needle` (hash columns,
    /// which are digests of the code, are excluded: `otp_requests.otp_hash`).
    static func textColumnsContaining(_ needle: String, in database: Database) async throws -> [String] {
        let columns = try await database.query(
            """
            SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')
              AND NOT (table_name = 'otp_requests' AND column_name = 'otp_hash')
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
            """)
        var found: [String] = []
        for column in columns {
            let table: String = try column.decode("t")
            let name: String = try column.decode("c")
            // Identifiers come from the catalog, quoted here: safe to splice.
            let hits = try await database.query(
                SQLQuery(
                    unsafeSQL: "SELECT count(*) AS n FROM \"\(table)\" WHERE \"\(name)\"::text LIKE '%' || $1 || '%'",
                    parameters: [needle]))
            if try hits[0].decode("n", as: Int64.self) > 0 { found.append("\(table).\(name)") }
        }
        return found
    }
}
