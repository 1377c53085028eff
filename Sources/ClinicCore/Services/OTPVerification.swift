import Foundation

/// WhatsApp OTP at the desk, on the web flow's own `otp_requests` rows and rules, so a code sent by
/// the desk can be checked by the web's sign-in and the other way round.
///
/// The rules are the web's: a 6-digit code from a CSPRNG; the row holds the phone as `91XXXXXXXXXX`,
/// purpose `LOGIN`, only a bcrypt hash (`$2b$` cost 10 written; the web's `$2a$` verified too),
/// `expires_at = NOW() + 10 minutes` by the database clock, at most 5 tries (counted before the
/// comparison) and `is_used` after success; a new send deletes the phone's unused codes as the web's
/// `storeOTP` does. At most 3 codes go to one phone in 5 minutes, desk and web together, counted in
/// `desk_otp_send_log` (a trigger fills it, so the web's deletes cannot reset the count).
///
/// The code itself is never logged, audited, returned or shown: until the outbox worker delivers it,
/// it waits in `desk_pending_otp_codes`, not in `notifications`. Every send, check and refusal is
/// audited with the phone masked. All calls need `Permission.verifyPatientPhone`.
public struct OTPVerification: Sendable {
    /// Codes allowed to one phone per window.
    public static let maximumSends = 3
    /// The send window, in minutes.
    public static let sendWindowMinutes = 5
    /// Tries allowed on one code.
    public static let maximumAttempts = 5

    let database: Database

    /// OTP verification on `database`.
    public init(database: Database) { self.database = database }

    // MARK: - Send

    /// Stores a new code for the patient's contact phone (their own, or their household holder's)
    /// and queues its WhatsApp message, in one transaction.
    /// - Throws: `OTPError.tooManySends(nextAllowedAt:)`, `.patientNotFound`, `.noMobileNumber`,
    ///   `AccessError`, or a `DatabaseError`.
    public func send(toPatient patientID: Int64, actor: StaffActor) async throws -> OTPSendReceipt {
        try PermissionTable.check(actor, .verifyPatientPhone)
        let code = try OTPCode.generate()
        let hash = try PasswordHasher.hash(code)
        let outcome: SendOutcome = try await database.transaction { session in
            let recipient = try OTPRecipient.resolve(patientID: patientID, in: session)
            let phone = recipient.phone
            // Two desks pressing "send" together must not both slip under the limit.
            try session.execute("SELECT pg_advisory_xact_lock(hashtextextended(\("desk_otp:" + phone.tenDigit), 0))")
            let window = try SendWindow.read(phone, in: session)
            if window.count >= OTPVerification.maximumSends {
                try OTPVerification.audit(
                    "patient.otp.send_refused", actor: actor, patientID: patientID, recipient: recipient,
                    extra: ["reason": "three codes in five minutes", "next_allowed_at": window.nextAllowedAt.description],
                    in: session)
                return .refused(nextAllowedAt: window.nextAllowedAt)
            }
            // The web's storeOTP: delete the phone's unused codes, then insert. Their waiting
            // messages lose their code, so the worker fails them instead of sending a dead code.
            try session.execute(
                """
                WITH replaced AS (DELETE FROM otp_requests WHERE phone = \(phone.webLoginFormat) AND is_used = false RETURNING id)
                DELETE FROM desk_pending_otp_codes WHERE otp_request_id IN (SELECT id FROM replaced)
                """)
            let stored = try session.queryOne(
                """
                INSERT INTO otp_requests (phone, otp_hash, purpose, expires_at, is_used, attempts_count)
                VALUES (\(phone.webLoginFormat), \(hash), 'LOGIN', NOW() + INTERVAL '10 minutes', false, 0)
                RETURNING id, expires_at, created_at
                """)
            let requestID: Int64 = try stored.decode("id")
            let expiresAt: Instant = try stored.decode("expires_at")
            let notificationID = try Outbox.enqueue(
                NewNotification(
                    recipientUserID: recipient.recipientUserID, phone: phone.webLoginFormat, recipientName: recipient.recipientName,
                    template: MessageTemplate.otpVerification, notificationType: "OTP_VERIFICATION",
                    summary: "WhatsApp verification code sent by the front desk (the code is not stored here).",
                    references: ["patient_id": patientID, "otp_request_id": requestID]),
                in: session)
            try session.execute(
                """
                INSERT INTO desk_pending_otp_codes (notification_id, otp_request_id, code, expires_at)
                VALUES (\(notificationID), \(requestID), \(code), \(expiresAt))
                """)
            try OTPVerification.audit(
                "patient.otp.sent", actor: actor, patientID: patientID, recipient: recipient,
                extra: ["otp_request_id": String(requestID), "notification_id": String(notificationID)], in: session)
            let after = try SendWindow.read(phone, in: session)
            return .sent(
                OTPSendReceipt(
                    maskedPhone: phone.masked, isHolderPhone: recipient.isHolderPhone, expiresAt: expiresAt,
                    attemptsLeft: OTPVerification.maximumAttempts, nextSendAllowedAt: after.nextAllowedAt,
                    sentAt: try stored.decode("created_at"), notificationID: notificationID))
        }
        switch outcome {
        case .sent(let receipt): return receipt
        case .refused(let next): throw OTPError.tooManySends(nextAllowedAt: next)
        }
    }

    // MARK: - Verify

    /// Checks the code the patient read out against the latest unused code of their contact phone.
    /// Success marks the code used (so the web will not accept it again) and the patient's phone verified.
    /// - Throws: `OTPError.invalidCodeFormat` (no try is used), `.patientNotFound`, `.noMobileNumber`,
    ///   `AccessError`, or a `DatabaseError`.
    public func verify(patientID: Int64, code: String, actor: StaffActor) async throws -> OTPVerifyOutcome {
        try PermissionTable.check(actor, .verifyPatientPhone)
        let typed = code.trimmingCharacters(in: .whitespaces)
        let wellFormed = OTPCode.isWellFormed(typed)
        let result: OTPVerifyOutcome? = try await database.transaction { session in
            let recipient = try OTPRecipient.resolve(patientID: patientID, in: session)
            let phone = recipient.phone
            guard wellFormed else {
                try OTPVerification.audit(
                    "patient.otp.verify_failed", actor: actor, patientID: patientID, recipient: recipient,
                    extra: ["reason": "not six digits"], in: session)
                return nil
            }
            let outcome = try OTPVerification.check(typed, phone: phone, patientID: patientID, actor: actor, in: session)
            var extra = ["outcome": OTPVerification.auditName(outcome)]
            if case .wrongCode(let left) = outcome { extra["attempts_left"] = String(left) }
            try OTPVerification.audit(
                outcome == .verified ? "patient.otp.verified" : "patient.otp.verify_failed", actor: actor,
                patientID: patientID, recipient: recipient, extra: extra, in: session)
            return outcome
        }
        guard let result else { throw OTPError.invalidCodeFormat }
        return result
    }

    /// The web's verifyOTP steps on the locked latest unused code, plus the desk's bookkeeping.
    private static func check(
        _ typed: String, phone: PhoneNumber, patientID: Int64, actor: StaffActor, in session: DatabaseSession
    ) throws -> OTPVerifyOutcome {
        guard
            let row = try session.query(
                """
                SELECT id, otp_hash, attempts_count, expires_at <= NOW() AS is_expired
                FROM otp_requests
                WHERE phone = \(phone.webLoginFormat) AND purpose = 'LOGIN' AND is_used = FALSE AND otp_hash LIKE '$2%'
                ORDER BY created_at DESC, id DESC LIMIT 1
                FOR UPDATE
                """
            ).first
        else { return .noActiveCode }
        let requestID: Int64 = try row.decode("id")
        if try row.decode("is_expired", as: Bool.self) {
            try session.execute("DELETE FROM desk_pending_otp_codes WHERE otp_request_id = \(requestID)")
            return .expired
        }
        let attempts: Int = try row.decode("attempts_count")
        guard attempts < maximumAttempts else { return .tooManyAttempts }
        // Counted before the comparison, as the web does, so a crash cannot give a free try.
        try session.execute("UPDATE otp_requests SET attempts_count = attempts_count + 1 WHERE id = \(requestID)")
        guard PasswordHasher.verify(typed, against: try row.decode("otp_hash")) else {
            return .wrongCode(attemptsLeft: max(0, maximumAttempts - attempts - 1))
        }
        // desk_log_otp_verification reads the desk user from this transaction-local setting.
        try session.query("SELECT set_config('clinic_desk.actor_user_id', \(String(actor.userID)), true)")
        try session.execute("UPDATE otp_requests SET is_used = true WHERE id = \(requestID)")
        try session.execute("DELETE FROM desk_pending_otp_codes WHERE otp_request_id = \(requestID)")
        try session.execute(
            """
            UPDATE patient_profiles
            SET desk_phone_verified_at = NOW(), desk_phone_verified_phone = \(phone.webLoginFormat),
                desk_phone_verified_by_user_id = \(actor.userID), updated_at = NOW()
            WHERE id = \(patientID)
            """)
        return .verified
    }

    // MARK: - Auditing

    static func audit(
        _ action: String, actor: StaffActor, patientID: Int64, recipient: OTPRecipient,
        extra: [String: String], in session: DatabaseSession
    ) throws {
        var details = extra
        details["phone"] = recipient.phone.masked
        details["to"] = recipient.isHolderPhone ? "household holder" : "patient"
        try AuditLog.record(
            AuditEntry(
                actorUserID: actor.userID, centreID: actor.activeCentreID, action: action, entityType: "patient",
                entityID: patientID, host: actor.host, detailsJSON: AuditDetailsJSON.object(details)),
            in: session)
    }

    static func auditName(_ outcome: OTPVerifyOutcome) -> String {
        switch outcome {
        case .verified: return "verified"
        case .wrongCode: return "wrong code"
        case .expired: return "expired"
        case .noActiveCode: return "no active code"
        case .tooManyAttempts: return "too many attempts"
        }
    }

    private enum SendOutcome: Sendable {
        case sent(OTPSendReceipt)
        case refused(nextAllowedAt: Instant)
    }
}

/// The codes sent to one phone in the last five minutes (desk and web), from the send log.
struct SendWindow {
    var count: Int
    var nextAllowedAt: Instant

    static func read(_ phone: PhoneNumber, in session: DatabaseSession) throws -> SendWindow {
        let digits = phone.tenDigit
        let row = try session.queryOne(
            """
            SELECT count(*) AS n, NOW() AS now,
                   (SELECT l.created_at FROM desk_otp_send_log l
                    WHERE l.phone_digits = \(digits) AND l.is_patient_code AND l.created_at > NOW() - INTERVAL '5 minutes'
                    ORDER BY l.created_at DESC OFFSET \(OTPVerification.maximumSends - 1) LIMIT 1) + INTERVAL '5 minutes' AS next_allowed
            FROM desk_otp_send_log
            WHERE phone_digits = \(digits) AND is_patient_code AND created_at > NOW() - INTERVAL '5 minutes'
            """)
        let now: Instant = try row.decode("now")
        let next: Instant? = try row.decode("next_allowed")
        return SendWindow(count: Int(try row.decode("n", as: Int64.self)), nextAllowedAt: next ?? now)
    }
}
