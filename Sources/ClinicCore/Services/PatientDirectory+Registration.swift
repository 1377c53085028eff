import Foundation

extension PatientDirectory {
    /// The form's problems by field, in a receptionist's words (pure; "today" is this machine's date
    /// in India, and `register` checks again by the database clock).
    public func validate(_ form: PatientRegistration) -> [PatientField: String] {
        let now = Date().timeIntervalSince1970
        let today = Instant(microsecondsSinceEpoch: Int64(now * 1_000_000)).local(offsetSeconds: PatientDirectory.istOffsetSeconds).date
        return PatientFormRules.problems(in: form, today: today)
    }

    /// Registers a patient in one audited transaction and returns their record.
    ///
    /// Writes a `users` row (`PATIENT`, phone in the web's login format `91XXXXXXXXXX`, or NULL for a
    /// household member; `full_name` = first + " " + last) and its `patient_profiles` row (date of
    /// birth with the age it gives today in India, an MRN from `desk_mrn_seq`, the household link).
    /// No password and no OTP: the patient signs in on the web by OTP to the same phone.
    /// - Throws: `PatientError.validation`, `.phoneAlreadyRegistered` (same number in either stored
    ///   format), `.phoneUsedByStaffAccount`, `.emailAlreadyRegistered`, `.holderHasNoPhone`,
    ///   `AccessError` without `Permission.registerPatient`, or a `DatabaseError`.
    public func register(_ form: PatientRegistration, actor: StaffActor) async throws -> PatientRecord {
        try PermissionTable.check(actor, .registerPatient)
        let clean = CleanRegistration(form)
        let patientID: Int64
        do {
            patientID = try await database.transaction { session in
                let problems = PatientFormRules.problems(in: form, today: try PatientDirectory.today(in: session))
                guard problems.isEmpty else { throw PatientError.validation(problems) }
                if let phone = clean.phone {
                    try PatientDirectory.requirePhoneFree(phone, exceptUserID: nil, in: session)
                }
                if let email = clean.email { try PatientDirectory.requireEmailFree(email, exceptUserID: nil, in: session) }
                if let holder = form.householdHolderPatientID { try PatientDirectory.requireHolder(holder, in: session) }
                let userID: Int64 = try session.queryOne(
                    """
                    INSERT INTO users (phone, email, full_name, first_name, last_name, user_type, is_active)
                    VALUES (\(clean.phone?.webLoginFormat), \(clean.email), \(clean.fullName), \(clean.firstName), \(clean.lastName),
                            'PATIENT', TRUE)
                    RETURNING id
                    """
                ).decode("id")
                let profile = try session.queryOne(
                    """
                    INSERT INTO patient_profiles (user_id, date_of_birth, age, gender, emergency_contact_name,
                                                  emergency_contact_phone, notes, is_active, mrn, desk_contact_holder_patient_id)
                    VALUES (\(userID), \(form.dateOfBirth),
                            date_part('year', age((now() AT TIME ZONE 'Asia/Kolkata')::date, \(form.dateOfBirth)::date))::int,
                            \(clean.gender), \(clean.emergencyContactName), \(clean.emergencyContactPhone?.tenDigit), \(clean.notes),
                            TRUE, desk_next_mrn(), \(form.householdHolderPatientID))
                    RETURNING id, mrn
                    """)
                let id: Int64 = try profile.decode("id")
                let mrn: String = try profile.decode("mrn")
                try PatientDirectory.audit(
                    "patient.registered", patientID: id, actor: actor,
                    details: [
                        "user_id": .int(userID), "mrn": .string(mrn), "phone": .text(clean.phone?.masked),
                        "household_holder_patient_id": form.householdHolderPatientID.map(AuditValue.int) ?? .null,
                    ], in: session)
                return id
            }
        } catch let error as DatabaseError {
            throw PatientDirectory.translate(error)
        }
        return try await loadRecord(patientID: patientID, actor: actor)
    }

    /// Patients who may be the person on the form: the same phone in either stored format (and their
    /// household), and close names with the same date of birth. Advice only; nothing is refused.
    /// - Throws: `AccessError` without `Permission.registerPatient`, or a `DatabaseError`.
    public func possibleDuplicates(of form: PatientRegistration, actor: StaffActor) async throws -> [PatientSearchResult] {
        try PermissionTable.check(actor, .registerPatient)
        var results: [PatientSearchResult] = []
        var seen = Set<Int64>()
        if let phone = PhoneNumber(form.phone) {
            let step = PatientSearchPlan.Step(kind: .phone(tenDigits: phone.tenDigit))
            for row in try await database.query(step.query(need: 50)) {
                let result = try PatientDirectory.searchResult(row)
                if seen.insert(result.patientID).inserted { results.append(result) }
            }
        }
        if let birth = form.dateOfBirth {
            let name = "\(form.firstName) \(form.lastName)"
            let rows = try await database.query(
                PatientDirectory.resultQuery(
                    """
                    WITH c AS (
                        SELECT u.id AS user_id, 'nameFuzzy' AS kind,
                               row_number() OVER (ORDER BY similarity(desk_name_key(u.first_name, u.last_name, u.full_name),
                                                                      desk_name_text(\(name))) DESC, u.id) AS ord
                        FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
                        WHERE pp.date_of_birth = \(birth) AND pp.is_active AND u.user_type = 'PATIENT'
                          AND (similarity(desk_name_key(u.first_name, u.last_name, u.full_name), desk_name_text(\(name))) >= 0.4
                               OR similarity(desk_name_key_reversed(u.first_name, u.last_name, u.full_name),
                                             desk_name_text(\(name))) >= 0.4)
                        LIMIT 50
                    )
                    """))
            for row in rows {
                let result = try PatientDirectory.searchResult(row)
                if seen.insert(result.patientID).inserted { results.append(result) }
            }
        }
        return results
    }

    // MARK: - Checks inside the transaction

    /// Refuses a phone that an active patient already has in either format, or that any account
    /// holds in the web's login format.
    static func requirePhoneFree(_ phone: PhoneNumber, exceptUserID: Int64?, in session: DatabaseSession) throws {
        let step = PatientSearchPlan.Step(kind: .phone(tenDigits: phone.tenDigit))
        let existing = try session.query(step.query(need: 5)).map(PatientDirectory.searchResult)
        if let other = existing.first(where: { $0.matchKind == .exactPhone && $0.userID != exceptUserID }) {
            throw PatientError.phoneAlreadyRegistered(existing: other)
        }
        let holders = try session.query(
            """
            SELECT user_type FROM users WHERE phone = \(phone.webLoginFormat) AND id IS DISTINCT FROM \(exceptUserID)
            """)
        if let row = holders.first {
            let type: String = try row.decode("user_type")
            if type == "STAFF" { throw PatientError.phoneUsedByStaffAccount }
            // An inactive (merged) patient row still holding the number: the web's lookup ignores
            // is_active, so the number cannot be given to another account.
            throw PatientError.validation([.phone: "This number belongs to a merged patient record; ask a centre manager."])
        }
    }

    /// Refuses an e-mail address another account has (compared without case, as people type it).
    static func requireEmailFree(_ email: String, exceptUserID: Int64?, in session: DatabaseSession) throws {
        let rows = try session.query(
            """
            SELECT 1 AS found FROM users WHERE lower(email) = lower(\(email)) AND id IS DISTINCT FROM \(exceptUserID) LIMIT 1
            """)
        if !rows.isEmpty { throw PatientError.emailAlreadyRegistered }
    }

    /// Requires `holder` to be an active patient with a phone of their own.
    static func requireHolder(_ holder: Int64, in session: DatabaseSession) throws {
        let rows = try session.query(
            """
            SELECT u.phone FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
            WHERE pp.id = \(holder) AND pp.is_active AND u.is_active AND u.user_type = 'PATIENT'
            """)
        guard let row = rows.first else { throw PatientError.patientNotFound(patientID: holder) }
        let phone: String? = try row.decode("phone")
        if phone == nil { throw PatientError.holderHasNoPhone(patientID: holder) }
    }

    /// A refused statement in the directory's words (unique phone or e-mail lost to a concurrent writer).
    static func translate(_ error: DatabaseError) -> Error {
        switch error.constraint {
        case "ux_users_email": return PatientError.emailAlreadyRegistered
        case "ux_users_phone": return PatientError.validation([.phone: "Another account took this phone number just now; search for it."])
        default: return error
        }
    }
}

/// A registration form trimmed and parsed for writing.
struct CleanRegistration: Sendable {
    var firstName: String
    var lastName: String
    var fullName: String
    var phone: PhoneNumber?
    var email: String?
    var gender: String?
    var emergencyContactName: String?
    var emergencyContactPhone: PhoneNumber?
    var notes: String?

    init(_ form: PatientRegistration) {
        firstName = CleanRegistration.collapse(form.firstName)
        lastName = CleanRegistration.collapse(form.lastName)
        fullName = firstName + " " + lastName
        phone = form.householdHolderPatientID == nil ? PhoneNumber(form.phone) : nil
        email = CleanRegistration.optional(form.email)
        gender = CleanRegistration.optional(form.gender)
        emergencyContactName = CleanRegistration.optional(form.emergencyContactName)
        emergencyContactPhone = PhoneNumber(form.emergencyContactPhone)
        notes = CleanRegistration.optional(form.notes)
    }

    /// Trimmed, with runs of spaces made one.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Trimmed text, nil when empty.
    static func optional(_ text: String) -> String? {
        let trimmed = String(text.trimmingCharacters())
        return trimmed.isEmpty ? nil : trimmed
    }
}
