/// Whose phone an OTP for a patient goes to: their own, or (a household member without a phone)
/// their holder's, with the `users.id` a message to that phone belongs to.
struct OTPRecipient: Sendable {
    var patientID: Int64
    var recipientUserID: Int64
    var recipientName: String
    var phone: PhoneNumber
    var isHolderPhone: Bool

    /// The patient's own phone, else their household holder's (`desk_contact_holder_patient_id`).
    /// - Throws: `OTPError.patientNotFound`, `.noMobileNumber`.
    static func resolve(patientID: Int64, in session: DatabaseSession) throws -> OTPRecipient {
        guard let recipient = try find(patientID: patientID, in: session) else {
            throw OTPError.noMobileNumber(patientID: patientID)
        }
        return recipient
    }

    /// As `resolve`, but nil when there is no usable phone.
    /// - Throws: `OTPError.patientNotFound`.
    static func find(patientID: Int64, in session: DatabaseSession) throws -> OTPRecipient? {
        let rows = try session.query(
            """
            SELECT pp.user_id, u.phone, u.full_name, pp.desk_contact_holder_patient_id AS holder_patient_id
            FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
            WHERE pp.id = \(patientID) AND pp.is_active AND u.is_active
            """)
        guard let row = rows.first else { throw OTPError.patientNotFound(patientID: patientID) }
        if let stored: String = try row.decode("phone"), let phone = PhoneNumber(stored) {
            return OTPRecipient(
                patientID: patientID, recipientUserID: try row.decode("user_id"), recipientName: try row.decode("full_name"),
                phone: phone, isHolderPhone: false)
        }
        guard let holderID: Int64 = try row.decode("holder_patient_id"), holderID != patientID else { return nil }
        guard
            let holder = try session.query(
                """
                SELECT pp.user_id, u.phone, u.full_name FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
                WHERE pp.id = \(holderID)
                """
            ).first,
            let stored: String = try holder.decode("phone"), let phone = PhoneNumber(stored)
        else { return nil }
        return OTPRecipient(
            patientID: patientID, recipientUserID: try holder.decode("user_id"), recipientName: try holder.decode("full_name"),
            phone: phone, isHolderPhone: true)
    }
}

extension OTPVerification {
    // MARK: - Status

    /// The OTP state of the patient's contact phone for the OTP dialog: active code, tries left, sends
    /// in the window, when the next send is allowed, and the latest verification (desk or web).
    /// - Throws: `AccessError` when `actor` may not verify patients' phones, `OTPError.patientNotFound`,
    ///   or a `DatabaseError`.
    public func status(patientID: Int64, actor: StaffActor) async throws -> OTPStatus {
        try PermissionTable.check(actor, .verifyPatientPhone)
        return try await database.transaction { session in
            let now: Instant = try session.queryOne("SELECT NOW() AS now").decode("now")
            guard let recipient = try OTPRecipient.find(patientID: patientID, in: session) else {
                return OTPStatus(
                    maskedPhone: nil, isHolderPhone: false, now: now, activeCodeExpiresAt: nil, attemptsLeft: 0,
                    sendsInLastFiveMinutes: 0, nextSendAllowedAt: now, verification: nil, latestDeliveryStatus: nil)
            }
            let phone = recipient.phone
            let active = try session.query(
                """
                SELECT expires_at, attempts_count FROM otp_requests
                WHERE phone = \(phone.webLoginFormat) AND purpose = 'LOGIN' AND is_used = FALSE AND expires_at > NOW()
                  AND otp_hash LIKE '$2%'
                ORDER BY created_at DESC, id DESC LIMIT 1
                """
            ).first
            let window = try SendWindow.read(phone, in: session)
            let delivery = try session.query(
                """
                SELECT status FROM notifications
                WHERE user_id = \(recipient.recipientUserID) AND desk_template_name = \(MessageTemplate.otpVerification)
                ORDER BY id DESC LIMIT 1
                """
            ).first
            let attempts: Int = try active?.decode("attempts_count") ?? OTPVerification.maximumAttempts
            return OTPStatus(
                maskedPhone: phone.masked, isHolderPhone: recipient.isHolderPhone, now: now,
                activeCodeExpiresAt: try active?.decode("expires_at"),
                attemptsLeft: max(0, OTPVerification.maximumAttempts - attempts), sendsInLastFiveMinutes: window.count,
                nextSendAllowedAt: window.nextAllowedAt, verification: try OTPVerification.latestVerification(phone, in: session),
                latestDeliveryStatus: try delivery?.decode("status"))
        }
    }

    /// The latest time this phone was proved by a patient OTP, desk or web.
    static func latestVerification(_ phone: PhoneNumber, in session: DatabaseSession) throws -> PhoneVerification? {
        guard
            let row = try session.query(
                """
                SELECT verified_at, source, verified_by_user_id FROM desk_phone_verifications
                WHERE phone_digits = \(phone.tenDigit) ORDER BY verified_at DESC, id DESC LIMIT 1
                """
            ).first
        else { return nil }
        return PhoneVerification(
            verifiedAt: try row.decode("verified_at"),
            source: PhoneVerification.Source(rawValue: try row.decode("source")) ?? .web,
            verifiedByUserID: try row.decode("verified_by_user_id"))
    }

    // MARK: - Legacy 10-digit phones

    /// True when `stored` is the legacy 10-digit form (staff and admin-created patients).
    static func isLegacyForm(_ stored: String) -> Bool {
        stored.count == 10 && stored.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// What to offer a verified patient whose `users.phone` is stored in the legacy 10-digit form:
    /// convert it to the web's login format, or merge with the web's `91…` account for the same number.
    /// Nil when nothing is to be offered (already in web format, not verified, or the number belongs to staff).
    public func phoneConversionOffer(patientID: Int64, actor: StaffActor) async throws -> PhoneConversionOffer? {
        try PermissionTable.check(actor, .verifyPatientPhone)
        return try await database.transaction { session in try OTPVerification.conversionOffer(patientID: patientID, in: session)?.offer }
    }

    /// Stores the verified patient's legacy 10-digit phone in the web's login format (audited), so
    /// their web sign-in finds this account. Needs `Permission.editPatientContact`.
    /// - Throws: `OTPError.conversionNotOffered`, `.phoneHeldByWebAccount` (merge instead),
    ///   `AccessError`, or a `DatabaseError`.
    public func convertPhoneToWebFormat(patientID: Int64, actor: StaffActor) async throws {
        try PermissionTable.check(actor, .editPatientContact)
        do {
            try await database.transaction { session in
                try session.execute(
                    "SELECT 1 FROM users WHERE id = (SELECT user_id FROM patient_profiles WHERE id = \(patientID)) FOR UPDATE")
                guard let found = try OTPVerification.conversionOffer(patientID: patientID, in: session) else {
                    throw OTPError.conversionNotOffered(patientID: patientID)
                }
                if case .mergeWithWebAccount(let other) = found.offer { throw OTPError.phoneHeldByWebAccount(otherPatientID: other) }
                try session.execute(
                    "UPDATE users SET phone = \(found.phone.webLoginFormat), updated_at = NOW() WHERE id = \(found.userID)")
                try AuditLog.record(
                    AuditEntry(
                        actorUserID: actor.userID, centreID: actor.activeCentreID, action: "patient.phone.converted",
                        entityType: "patient", entityID: patientID, host: actor.host,
                        detailsJSON: AuditDetailsJSON.object([
                            "phone": found.phone.masked, "from_format": "10 digits", "to_format": "91 + 10 digits (web login)",
                        ])),
                    in: session)
            }
        } catch let error as DatabaseError where error.sqlState == "23505" {
            throw OTPError.phoneHeldByWebAccount(otherPatientID: nil)
        }
    }

    private static func conversionOffer(
        patientID: Int64, in session: DatabaseSession
    ) throws -> (offer: PhoneConversionOffer, phone: PhoneNumber, userID: Int64)? {
        guard
            let row = try session.query(
                """
                SELECT pp.user_id, u.phone, pp.desk_phone_verified_phone
                FROM patient_profiles pp JOIN users u ON u.id = pp.user_id WHERE pp.id = \(patientID)
                """
            ).first
        else { throw OTPError.patientNotFound(patientID: patientID) }
        guard let stored: String = try row.decode("phone"), OTPVerification.isLegacyForm(stored), let phone = PhoneNumber(stored) else {
            return nil
        }
        let verifiedHere = try row.decode("desk_phone_verified_phone", as: String?.self).flatMap(PhoneNumber.init) == phone
        guard try verifiedHere || latestVerification(phone, in: session) != nil else { return nil }
        let userID: Int64 = try row.decode("user_id")
        guard
            let holder = try session.query(
                """
                SELECT u.user_type, pp.id AS patient_id FROM users u LEFT JOIN patient_profiles pp ON pp.user_id = u.id
                WHERE u.phone = \(phone.webLoginFormat)
                """
            ).first
        else { return (.convertToWebFormat, phone, userID) }
        guard try holder.decode("user_type", as: String.self) == "PATIENT", let other: Int64 = try holder.decode("patient_id") else {
            return nil
        }
        return (.mergeWithWebAccount(otherPatientID: other), phone, userID)
    }
}
