import ClinicCore
import Foundation
import Testing

/// The desk's WhatsApp OTP on the web's `otp_requests` rows: every rule, and both directions of
/// interoperability against rows written exactly as the web writes them. Time moves by writing rows
/// in the past (the rules use the database clock), never by sleeping.
@Suite("OTP verification, interoperable with the web flow")
struct OTPTests {
    /// bcryptjs cost 10 of '483920', from Tests/Fixtures/web/migrated-data.sql.
    static let webHash = "$2a$10$K6HvwM8mxvcUaD0uIYGmz.wRCoG9N7jInA25bnUaafieCgmENsVoi"
    static let webCode = "483920"

    struct Fixture {
        var test: TestDatabase
        var data: TestData
        var actor: StaffActor
        var otp: OTPVerification
        var database: Database { test.database }
        /// The first test patient's phone as the web stores it.
        var phone: String { "919845010000" }
        var patient: Int64 { data.patientIDs[0] }
    }

    static func withFixture(_ prefix: String, _ body: (Fixture) async throws -> Void) async throws {
        try await TestDatabase.with(prefix: prefix) { test in
            let data = try await TestData.insert(into: test.database)
            let actor = StaffTestData.actor(.frontDesk, at: data.centreIDs[0], userID: data.staffUserID)
            try await body(Fixture(test: test, data: data, actor: actor, otp: OTPVerification(database: test.database)))
        }
    }

    /// The plain code waiting for delivery (the test plays the patient reading WhatsApp).
    static func pendingCode(_ database: Database, notification: Int64) async throws -> String {
        try await database.query("SELECT code FROM desk_pending_otp_codes WHERE notification_id = \(notification)")[0].decode("code")
    }

    /// Runs a web statement from web-flow-statements.sql with text parameters.
    @discardableResult
    static func web(_ database: Database, _ source: String, _ parameters: [String?]) async throws -> [Row] {
        try await database.query(SQLQuery(unsafeSQL: try StaffTestData.webStatement(source), parameters: parameters))
    }

    /// The web's storeOTP: delete the phone's unused codes (web-schema.md §1.4), then its INSERT.
    static func webStoreOTP(_ database: Database, phone: String, hash: String = webHash) async throws -> Int64 {
        try await database.execute("DELETE FROM otp_requests WHERE phone = \(phone) AND is_used = false")
        return try await web(database, "storeOTP", [phone, hash, "LOGIN"])[0].decode("id")
    }

    // MARK: - Sending

    @Test("a send stores the web's row (91 phone, LOGIN, $2b$10$ hash only, +10 min by the DB clock) and queues a code-free message")
    func sendWritesWebRows() async throws {
        try await Self.withFixture("otp_send") { f in
            let receipt = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            let row = try await f.database.query(
                """
                SELECT id, phone, otp_hash, purpose, is_used, attempts_count, expires_at - created_at = INTERVAL '10 minutes' AS ten
                FROM otp_requests
                """)
            #expect(row.count == 1)
            #expect(try row[0].decode("phone", as: String.self) == f.phone)
            #expect(try row[0].decode("purpose", as: String.self) == "LOGIN")
            #expect(try row[0].decode("is_used", as: Bool.self) == false)
            #expect(try row[0].decode("attempts_count", as: Int.self) == 0)
            #expect(try row[0].decode("ten", as: Bool.self))
            let hash: String = try row[0].decode("otp_hash")
            #expect(hash.hasPrefix("$2b$10$") && hash.count == 60)
            let code = try await Self.pendingCode(f.database, notification: receipt.notificationID)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            #expect(PasswordHasher.verify(code, against: hash))
            #expect(!hash.contains(code))

            let note = try await f.database.query(
                """
                SELECT user_id, phone, channel, status, desk_template_name, payload_data::text AS payload,
                       payload_data->>'notification_type' AS kind
                FROM notifications WHERE id = \(receipt.notificationID)
                """)[0]
            #expect(try note.decode("user_id", as: Int64.self) == f.data.patientUserIDs[0])
            #expect(try note.decode("phone", as: String.self) == f.phone)
            #expect(try note.decode("channel", as: String.self) == "WHATSAPP")
            #expect(try note.decode("status", as: String.self) == "QUEUED")
            #expect(try note.decode("desk_template_name", as: String.self) == "otp_verification")
            #expect(try note.decode("kind", as: String.self) == "OTP_VERIFICATION")
            #expect(try !note.decode("payload", as: String.self).contains(code))

            // The web's notification screens read these; none shows the code.
            for rows in [
                try await Self.web(f.database, "getNotificationsByUser", [String(f.data.patientUserIDs[0]), "50"]),
                try await Self.web(
                    f.database, "getNotificationHistory",
                    [String(f.data.patientUserIDs[0]), "WHATSAPP", "QUEUED", "2000-01-01", "2100-01-01", "100"]),
            ] {
                #expect(rows.count == 1)
                for row in rows {
                    for index in row.columnNames.indices { #expect(row.text(at: index)?.contains(code) != true) }
                }
            }
            #expect(receipt.attemptsLeft == 5)
            #expect(receipt.expiresAt == receipt.sentAt.adding(minutes: 10))
            #expect(receipt.nextSendAllowedAt <= receipt.sentAt)
            #expect(receipt.maskedPhone == "98•••••000")
            #expect(!receipt.isHolderPhone)

            let audit = try await StaffTestData.auditRows(f.database, action: "patient.otp.sent")
            #expect(audit.count == 1)
            let details: String = try audit[0].decode("details")
            #expect(!details.contains(code))
            #expect(!details.contains("9845010000"))
            #expect(details.contains("98•••••000"))
        }
    }

    @Test("a new send replaces the phone's unused code, as the web's storeOTP does; the old message is never sent")
    func sendReplacesUnusedCode() async throws {
        try await Self.withFixture("otp_replace") { f in
            let first = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            let firstCode = try await Self.pendingCode(f.database, notification: first.notificationID)
            let second = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            let rows = try await f.database.query("SELECT count(*) AS n FROM otp_requests WHERE phone = \(f.phone) AND NOT is_used")
            #expect(try rows[0].decode("n", as: Int64.self) == 1)
            let waiting = try await f.database.query("SELECT notification_id FROM desk_pending_otp_codes")
            #expect(try waiting.map { try $0.decode("notification_id", as: Int64.self) } == [second.notificationID])
            let secondCode = try await Self.pendingCode(f.database, notification: second.notificationID)
            if firstCode != secondCode {
                #expect(try await f.otp.verify(patientID: f.patient, code: firstCode, actor: f.actor) == .wrongCode(attemptsLeft: 4))
            }
            let channel = RecordingChannel()
            let summary = try await OutboxWorker(database: f.database, channel: channel).deliverDue()
            #expect(summary.sent == 1 && summary.expired == 1)
            #expect(channel.delivered.map(\.notificationID) == [second.notificationID])
            #expect(try await f.otp.verify(patientID: f.patient, code: secondCode, actor: f.actor) == .verified)
        }
    }

    @Test("at most 3 sends per phone in 5 minutes; the refusal says when the next is allowed; old sends stop counting")
    func sendLimit() async throws {
        try await Self.withFixture("otp_limit") { f in
            // Two sends 4 and 2 minutes ago (written in the past), then one now.
            for minutes in [4, 2] {
                try await f.database.execute(
                    """
                    INSERT INTO otp_requests (phone, otp_hash, purpose, expires_at, created_at)
                    VALUES (\(f.phone), \(Self.webHash), 'LOGIN', NOW() + INTERVAL '6 minutes',
                            NOW() - make_interval(mins => \(minutes)))
                    """)
            }
            let oldest: Instant = try await f.database.query("SELECT min(created_at) AS t FROM otp_requests")[0].decode("t")
            let third = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            #expect(third.nextSendAllowedAt == oldest.adding(minutes: 5))
            await #expect(throws: OTPError.tooManySends(nextAllowedAt: oldest.adding(minutes: 5))) {
                _ = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            }
            let status = try await f.otp.status(patientID: f.patient, actor: f.actor)
            #expect(status.sendsInLastFiveMinutes == 3 && !status.canSendNow)
            #expect(try await StaffTestData.auditRows(f.database, action: "patient.otp.send_refused").count == 1)
            // The oldest send moves out of the window: allowed again.
            try await f.database.execute(
                "UPDATE desk_otp_send_log SET created_at = NOW() - INTERVAL '5 minutes 1 second' WHERE created_at = \(oldest)")
            _ = try await f.otp.send(toPatient: f.patient, actor: f.actor)
        }
    }

    @Test("the limit counts web-written codes, even after the web's storeOTP and cleanup deleted their rows")
    func sendLimitCountsWebRows() async throws {
        try await Self.withFixture("otp_limit_web") { f in
            _ = try await Self.webStoreOTP(f.database, phone: f.phone)
            let secondWeb = try await Self.webStoreOTP(f.database, phone: f.phone)
            // The web's own count sees only the surviving row; the send log keeps both.
            let webCount = try await Self.web(f.database, "countRecentOTPRequests", [f.phone])
            #expect(try webCount[0].decode("count", as: Int64.self) == 1)
            _ = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            #expect(try await f.database.query("SELECT id FROM otp_requests WHERE id = \(secondWeb)").isEmpty)
            await #expect(throws: OTPError.self) { _ = try await f.otp.send(toPatient: f.patient, actor: f.actor) }
            // A legacy 10-digit record of the same number shares the count (one phone, two spellings).
            let legacy = try await Self.insertPatient(f, phone: "9845010000", name: "Same Phone Legacy")
            await #expect(throws: OTPError.self) { _ = try await f.otp.send(toPatient: legacy, actor: f.actor) }
            // Staff codes (SHA-256, 10-digit phone) do not count against a patient's limit.
            let logged = try await f.database.query(
                "SELECT count(*) AS n FROM desk_otp_send_log WHERE phone_digits = '9845010000' AND is_patient_code")
            #expect(try logged[0].decode("n", as: Int64.self) == 3)
        }
    }

    // MARK: - Verifying

    @Test("desk → web: a code the desk sent verifies through the web's statements and bcrypt compare")
    func deskCodeVerifiesOnWeb() async throws {
        try await Self.withFixture("otp_desk_to_web") { f in
            let receipt = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            let code = try await Self.pendingCode(f.database, notification: receipt.notificationID)
            // The web's verifyOTP: findLatestValidOtp, attempts check, incrementOtpAttempts, bcrypt.compare, markOTPAsUsed.
            let found = try await Self.web(f.database, "findLatestValidOtp", [f.phone, "LOGIN"])
            let row = try #require(found.first)
            #expect(try row.decode("attempts_count", as: Int.self) < 5)
            let id: Int64 = try row.decode("id")
            try await Self.web(f.database, "incrementOtpAttempts", [String(id)])
            let hash: String = try row.decode("otp_hash")
            #expect(PasswordHasher.verify(code, against: hash))
            // bcryptjs reads $2b$ as $2a$: for a 6-digit code both prefixes give the same digest.
            #expect(PasswordHasher.verify(code, against: "$2a$" + hash.dropFirst(4)))
            try await Self.web(f.database, "markOTPAsUsed", [String(id)])

            #expect(try await Self.web(f.database, "findLatestValidOtp", [f.phone, "LOGIN"]).isEmpty)
            #expect(try await f.otp.verify(patientID: f.patient, code: code, actor: f.actor) == .noActiveCode)
            let status = try await f.otp.status(patientID: f.patient, actor: f.actor)
            #expect(status.verification?.source == .web)
            #expect(status.verification?.verifiedByUserID == nil)
        }
    }

    @Test("web → desk: a code the web stored ($2a$10$, bcryptjs) verifies at the desk and marks the phone verified")
    func webCodeVerifiesAtDesk() async throws {
        try await Self.withFixture("otp_web_to_desk") { f in
            let id = try await Self.webStoreOTP(f.database, phone: f.phone)
            #expect(try await f.otp.verify(patientID: f.patient, code: "483921", actor: f.actor) == .wrongCode(attemptsLeft: 4))
            #expect(try await f.otp.verify(patientID: f.patient, code: Self.webCode, actor: f.actor) == .verified)
            let row = try await f.database.query("SELECT is_used, attempts_count FROM otp_requests WHERE id = \(id)")[0]
            #expect(try row.decode("is_used", as: Bool.self))
            #expect(try row.decode("attempts_count", as: Int.self) == 2)
            let profile = try await f.database.query(
                """
                SELECT desk_phone_verified_at IS NOT NULL AS verified, desk_phone_verified_phone, desk_phone_verified_by_user_id
                FROM patient_profiles WHERE id = \(f.patient)
                """)[0]
            #expect(try profile.decode("verified", as: Bool.self))
            #expect(try profile.decode("desk_phone_verified_phone", as: String.self) == f.phone)
            #expect(try profile.decode("desk_phone_verified_by_user_id", as: Int64.self) == f.actor.userID)
            let status = try await f.otp.status(patientID: f.patient, actor: f.actor)
            #expect(status.verification?.source == .desk)
            #expect(status.verification?.verifiedByUserID == f.actor.userID)
            // Used codes are refused on the web too.
            #expect(try await Self.web(f.database, "findLatestValidOtp", [f.phone, "LOGIN"]).isEmpty)
            // The verification survives the web's cleanup of old OTP rows.
            try await f.database.execute("UPDATE otp_requests SET expires_at = NOW() - INTERVAL '25 hours'")
            try await Self.web(f.database, "cleanupExpiredData (OTP part)", [])
            #expect(try await f.otp.status(patientID: f.patient, actor: f.actor).verification?.source == .desk)
            let audits = try await StaffTestData.auditRows(f.database, action: "patient.otp.verified")
            #expect(audits.count == 1)
            #expect(try await StaffTestData.auditRows(f.database, action: "patient.otp.verify_failed").count == 1)
        }
    }

    @Test("five tries per code, counted before the comparison; then even the right code is refused")
    func fiveAttempts() async throws {
        try await Self.withFixture("otp_attempts") { f in
            _ = try await Self.webStoreOTP(f.database, phone: f.phone)
            for left in [4, 3, 2, 1, 0] {
                #expect(try await f.otp.verify(patientID: f.patient, code: "000000", actor: f.actor) == .wrongCode(attemptsLeft: left))
            }
            #expect(try await f.otp.verify(patientID: f.patient, code: Self.webCode, actor: f.actor) == .tooManyAttempts)
            let attempts: Int = try await f.database.query("SELECT attempts_count FROM otp_requests")[0].decode("attempts_count")
            #expect(attempts == 5)
            // A row the web left at 5 attempts (as in the fixtures) is refused the same way.
            try await f.database.execute("UPDATE otp_requests SET attempts_count = 7")
            #expect(try await f.otp.verify(patientID: f.patient, code: Self.webCode, actor: f.actor) == .tooManyAttempts)
        }
    }

    @Test("an expired code (written in the past) is refused, by the desk and by the web's lookup")
    func expiredCode() async throws {
        try await Self.withFixture("otp_expired") { f in
            let receipt = try await f.otp.send(toPatient: f.patient, actor: f.actor)
            let code = try await Self.pendingCode(f.database, notification: receipt.notificationID)
            try await f.database.execute(
                "UPDATE otp_requests SET created_at = created_at - INTERVAL '11 minutes', expires_at = expires_at - INTERVAL '11 minutes'")
            #expect(try await Self.web(f.database, "findLatestValidOtp", [f.phone, "LOGIN"]).isEmpty)
            #expect(try await f.otp.verify(patientID: f.patient, code: code, actor: f.actor) == .expired)
            // The waiting code of an expired request is gone and never sent.
            #expect(try await f.database.query("SELECT 1 FROM desk_pending_otp_codes").isEmpty)
            #expect(try await f.otp.status(patientID: f.patient, actor: f.actor).activeCodeExpiresAt == nil)
        }
    }

    @Test("no code, a malformed code, and a patient without a phone give plain answers without using a try")
    func plainRefusals() async throws {
        try await Self.withFixture("otp_refusals") { f in
            #expect(try await f.otp.verify(patientID: f.patient, code: "123456", actor: f.actor) == .noActiveCode)
            _ = try await Self.webStoreOTP(f.database, phone: f.phone)
            await #expect(throws: OTPError.invalidCodeFormat) {
                _ = try await f.otp.verify(patientID: f.patient, code: "48392", actor: f.actor)
            }
            #expect(try await f.database.query("SELECT attempts_count FROM otp_requests")[0].decode("attempts_count", as: Int.self) == 0)
            let noPhone = try await Self.insertPatient(f, phone: nil, name: "No Phone")
            await #expect(throws: OTPError.noMobileNumber(patientID: noPhone)) {
                _ = try await f.otp.send(toPatient: noPhone, actor: f.actor)
            }
            await #expect(throws: OTPError.patientNotFound(patientID: 999_999)) {
                _ = try await f.otp.send(toPatient: 999_999, actor: f.actor)
            }
            let clinician = StaffTestData.actor(.clinician, at: f.data.centreIDs[0], userID: f.data.clinicianUserID)
            await #expect(throws: AccessError.self) { _ = try await f.otp.send(toPatient: f.patient, actor: clinician) }
        }
    }

    @Test("a household member without a phone gets the code on the holder's phone, addressed to the holder's user")
    func householdMember() async throws {
        try await Self.withFixture("otp_household") { f in
            let child = try await Self.insertPatient(f, phone: nil, name: "Child Patient")
            try await f.database.execute(
                "UPDATE patient_profiles SET desk_contact_holder_patient_id = \(f.patient) WHERE id = \(child)")
            let receipt = try await f.otp.send(toPatient: child, actor: f.actor)
            #expect(receipt.isHolderPhone)
            let note = try await f.database.query("SELECT user_id, phone FROM notifications WHERE id = \(receipt.notificationID)")[0]
            #expect(try note.decode("user_id", as: Int64.self) == f.data.patientUserIDs[0])
            #expect(try note.decode("phone", as: String.self) == f.phone)
            let code = try await Self.pendingCode(f.database, notification: receipt.notificationID)
            #expect(try await f.otp.verify(patientID: child, code: code, actor: f.actor) == .verified)
            let verified = try await f.database.query(
                "SELECT desk_phone_verified_at IS NOT NULL AS v FROM patient_profiles WHERE id = \(child)")[0]
            #expect(try verified.decode("v", as: Bool.self))
        }
    }

    // MARK: - Legacy phones

    @Test("a verified legacy 10-digit phone is offered conversion to the web format (audited), or a merge when the web has the number")
    func legacyPhoneOffers() async throws {
        try await Self.withFixture("otp_legacy") { f in
            let legacy = try await Self.insertPatient(f, phone: "9876512345", name: "Legacy Patient")
            #expect(try await f.otp.phoneConversionOffer(patientID: legacy, actor: f.actor) == nil)
            let receipt = try await f.otp.send(toPatient: legacy, actor: f.actor)
            let row = try await f.database.query("SELECT phone FROM otp_requests")[0]
            #expect(try row.decode("phone", as: String.self) == "919876512345")
            let code = try await Self.pendingCode(f.database, notification: receipt.notificationID)
            #expect(try await f.otp.verify(patientID: legacy, code: code, actor: f.actor) == .verified)
            #expect(try await f.otp.phoneConversionOffer(patientID: legacy, actor: f.actor) == .convertToWebFormat)
            #expect(try await f.otp.phoneConversionOffer(patientID: f.patient, actor: f.actor) == nil)

            let web = try await Self.insertPatient(f, phone: "919876512345", name: "Web Patient")
            #expect(try await f.otp.phoneConversionOffer(patientID: legacy, actor: f.actor) == .mergeWithWebAccount(otherPatientID: web))
            await #expect(throws: OTPError.phoneHeldByWebAccount(otherPatientID: web)) {
                try await f.otp.convertPhoneToWebFormat(patientID: legacy, actor: f.actor)
            }
            try await f.database.execute(
                "UPDATE users SET phone = NULL WHERE id = (SELECT user_id FROM patient_profiles WHERE id = \(web))")
            try await f.otp.convertPhoneToWebFormat(patientID: legacy, actor: f.actor)
            let phone: String = try await f.database.query(
                "SELECT u.phone FROM users u JOIN patient_profiles p ON p.user_id = u.id WHERE p.id = \(legacy)")[0].decode("phone")
            #expect(phone == "919876512345")
            #expect(try await f.otp.phoneConversionOffer(patientID: legacy, actor: f.actor) == nil)
            let audit = try await StaffTestData.auditRows(f.database, action: "patient.phone.converted")
            #expect(audit.count == 1)
            #expect(try !audit[0].decode("details", as: String.self).contains("9876512345"))
        }
    }

    // MARK: - Codes and hashes

    @Test("codes are six digits from the CSPRNG; bcrypt vectors verify both ways ($2a$ bcryptjs, $2b$ ours)")
    func codesAndVectors() throws {
        #expect(PasswordHasher.verify(Self.webCode, against: Self.webHash))
        #expect(!PasswordHasher.verify("483921", against: Self.webHash))
        let ours = try PasswordHasher.hash("051234")
        #expect(ours.hasPrefix("$2b$10$") && ours.count == 60)
        #expect(PasswordHasher.verify("051234", against: ours))
        #expect(PasswordHasher.verify("051234", against: "$2a$" + ours.dropFirst(4)))
        #expect(!PasswordHasher.verify("051235", against: ours))
    }

    // MARK: - Helpers

    /// A patient as the web's admin screen writes one (`createPatient`), with `phone` as given.
    static func insertPatient(_ f: Fixture, phone: String?, name: String) async throws -> Int64 {
        let user: Int64 = try await web(f.database, "createPatient (user row, in db.tx)", [phone, name, nil])[0].decode("id")
        return try await f.database.query(
            "INSERT INTO patient_profiles (user_id, is_active) VALUES (\(user), true) RETURNING id")[0].decode("id")
    }
}
