extension PatientDirectory {
    /// Changes a patient's details in one transaction, audited with the before and after of each
    /// changed field only (phones masked), and returns the updated record.
    ///
    /// A new phone is stored in the web's login format; a phone left unchanged keeps its stored form.
    /// First and last name changes rewrite `full_name` as first + " " + last; a new date of birth
    /// rewrites `age` as of today in India.
    /// - Throws: `PatientError.validation`, `.phoneAlreadyRegistered`, `.phoneUsedByStaffAccount`,
    ///   `.emailAlreadyRegistered`, `.patientNotFound`, `.holderHasNoPhone`, `AccessError` without
    ///   `Permission.editPatientContact`, or a `DatabaseError`.
    @discardableResult
    public func update(patientID: Int64, changes: PatientChanges, actor: StaffActor) async throws -> PatientRecord {
        try PermissionTable.check(actor, .editPatientContact)
        do {
            try await database.transaction { session in
                let current = try PatientDirectory.lockedProfile(patientID, in: session)
                let form = PatientDirectory.form(current, applying: changes)
                var problems = PatientFormRules.problems(in: form, today: try PatientDirectory.today(in: session))
                // Values left as they were are not re-judged (the web stores some phones as typed).
                if changes.phone == nil, current.phone != nil { problems[.phone] = nil }
                if changes.emergencyContactPhone == nil { problems[.emergencyContactPhone] = nil }
                if changes.email == nil { problems[.email] = nil }
                guard problems.isEmpty else { throw PatientError.validation(problems) }
                let clean = CleanRegistration(form)
                var changed: [String: AuditValue] = [:]
                func note(_ field: String, _ before: String?, _ after: String?) {
                    if before != after { changed[field] = .object(["before": .text(before), "after": .text(after)]) }
                }

                // Phone: unchanged digits keep their stored form (the OTP step offers the conversion).
                var newPhone = current.phone
                if let typed = changes.phone {
                    let parsed = PhoneNumber(typed)
                    if parsed == nil {
                        newPhone = nil
                    } else if let parsed, PhoneNumber(current.phone ?? "") != parsed {
                        newPhone = parsed.webLoginFormat
                        try PatientDirectory.requirePhoneFree(parsed, exceptUserID: current.userID, in: session)
                    }
                }
                let newEmail = changes.email == nil ? current.email : clean.email
                if let email = newEmail, email.lowercased() != current.email?.lowercased() {
                    try PatientDirectory.requireEmailFree(email, exceptUserID: current.userID, in: session)
                }
                if let holder = form.householdHolderPatientID, holder != current.holderID {
                    try PatientDirectory.requireHolder(holder, in: session)
                    let members = try session.query(
                        "SELECT 1 AS found FROM patient_profiles WHERE desk_contact_holder_patient_id = \(patientID) AND is_active LIMIT 1")
                    if !members.isEmpty {
                        throw PatientError.validation([
                            .household: "This patient's phone reaches other family members; move them first."
                        ])
                    }
                }
                let fullName = changes.firstName != nil || changes.lastName != nil ? clean.fullName : current.fullName
                note("first_name", current.firstName, changes.firstName == nil ? current.firstName : clean.firstName)
                note("last_name", current.lastName, changes.lastName == nil ? current.lastName : clean.lastName)
                note("full_name", current.fullName, fullName)
                note("phone", current.phone.map(PatientDirectory.maskedPhone), newPhone.map(PatientDirectory.maskedPhone))
                note("email", current.email, newEmail)
                note("date_of_birth", current.dateOfBirth?.description, form.dateOfBirth?.description)
                note("gender", current.gender, clean.gender)
                note("emergency_contact_name", current.emergencyContactName, clean.emergencyContactName)
                note(
                    "emergency_contact_phone", current.emergencyContactPhone.map(PatientDirectory.maskedPhone),
                    (changes.emergencyContactPhone == nil ? current.emergencyContactPhone : clean.emergencyContactPhone?.tenDigit)
                        .map(PatientDirectory.maskedPhone))
                note("notes", current.notes, clean.notes)
                note(
                    "household_holder_patient_id", current.holderID.map(String.init),
                    form.householdHolderPatientID.map(String.init))
                guard !changed.isEmpty else { return }

                let firstName = changes.firstName == nil ? current.firstName : clean.firstName
                let lastName = changes.lastName == nil ? current.lastName : clean.lastName
                let emergencyPhone =
                    changes.emergencyContactPhone == nil ? current.emergencyContactPhone : clean.emergencyContactPhone?.tenDigit
                try session.execute(
                    """
                    UPDATE users SET first_name = \(firstName), last_name = \(lastName), full_name = \(fullName),
                           phone = \(newPhone), email = \(newEmail), updated_at = now()
                    WHERE id = \(current.userID)
                    """)
                try session.execute(
                    """
                    UPDATE patient_profiles
                    SET date_of_birth = \(form.dateOfBirth),
                        age = CASE WHEN \(form.dateOfBirth)::date IS NULL THEN
                                       CASE WHEN date_of_birth IS NULL THEN age END
                                   ELSE date_part('year', age((now() AT TIME ZONE 'Asia/Kolkata')::date, \(form.dateOfBirth)::date))::int
                              END,
                        gender = \(clean.gender), emergency_contact_name = \(clean.emergencyContactName),
                        emergency_contact_phone = \(emergencyPhone), notes = \(clean.notes),
                        desk_contact_holder_patient_id = \(form.householdHolderPatientID), updated_at = now()
                    WHERE id = \(patientID)
                    """)
                try PatientDirectory.audit("patient.updated", patientID: patientID, actor: actor, details: changed, in: session)
            }
        } catch let error as DatabaseError {
            throw PatientDirectory.translate(error)
        }
        return try await loadRecord(patientID: patientID, actor: actor)
    }

    /// A stored phone masked for the audit log ("98•••••345"); text that is no mobile is hidden whole.
    static func maskedPhone(_ stored: String) -> String {
        PhoneNumber(stored)?.masked ?? "•••"
    }

    // MARK: - Current values

    /// The editable columns of an active patient, locked for the rest of the transaction.
    struct EditableProfile {
        var userID: Int64
        var firstName: String?
        var lastName: String?
        var fullName: String
        var phone: String?
        var email: String?
        var dateOfBirth: LocalDate?
        var gender: String?
        var emergencyContactName: String?
        var emergencyContactPhone: String?
        var notes: String?
        var holderID: Int64?
    }

    static func lockedProfile(_ patientID: Int64, in session: DatabaseSession) throws -> EditableProfile {
        let rows = try session.query(
            """
            SELECT u.id AS user_id, u.first_name, u.last_name, u.full_name, u.phone, u.email, pp.date_of_birth, pp.gender,
                   pp.emergency_contact_name, pp.emergency_contact_phone, pp.notes, pp.desk_contact_holder_patient_id
            FROM patient_profiles pp JOIN users u ON u.id = pp.user_id
            WHERE pp.id = \(patientID) AND pp.is_active AND u.is_active AND u.user_type = 'PATIENT'
            FOR UPDATE
            """)
        guard let row = rows.first else { throw PatientError.patientNotFound(patientID: patientID) }
        return EditableProfile(
            userID: try row.decode("user_id"), firstName: try row.decode("first_name"), lastName: try row.decode("last_name"),
            fullName: try row.decode("full_name"), phone: try row.decode("phone"), email: try row.decode("email"),
            dateOfBirth: try row.decode("date_of_birth"), gender: try row.decode("gender"),
            emergencyContactName: try row.decode("emergency_contact_name"),
            emergencyContactPhone: try row.decode("emergency_contact_phone"), notes: try row.decode("notes"),
            holderID: try row.decode("desk_contact_holder_patient_id"))
    }

    /// The form the changed patient would have, so registration's rules check an edit too.
    static func form(_ current: EditableProfile, applying changes: PatientChanges) -> PatientRegistration {
        // Legacy rows without first/last names: the full name stands in until someone types them.
        let words = current.fullName.split(separator: " ")
        let legacyFirst = words.dropLast().joined(separator: " ")
        let legacyLast = words.last.map(String.init) ?? ""
        var holder = changes.householdHolderPatientID ?? current.holderID
        if changes.leavesHousehold { holder = nil }
        // Joining a household needs the own phone cleared too (validation asks to clear one of the two).
        let phone = changes.phone ?? current.phone ?? ""
        return PatientRegistration(
            firstName: changes.firstName ?? current.firstName ?? (legacyFirst.isEmpty ? current.fullName : legacyFirst),
            lastName: changes.lastName ?? current.lastName ?? (legacyFirst.isEmpty ? "-" : legacyLast),
            phone: phone, email: changes.email ?? current.email ?? "",
            dateOfBirth: changes.clearsDateOfBirth ? nil : (changes.dateOfBirth ?? current.dateOfBirth),
            gender: changes.gender ?? current.gender ?? "",
            emergencyContactName: changes.emergencyContactName ?? current.emergencyContactName ?? "",
            emergencyContactPhone: changes.emergencyContactPhone ?? current.emergencyContactPhone ?? "",
            notes: changes.notes ?? current.notes ?? "", householdHolderPatientID: holder)
    }
}
