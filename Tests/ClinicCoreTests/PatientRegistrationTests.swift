import ClinicCore
import Testing

@Suite("Registering a patient on the web's tables")
struct PatientRegistrationTests {
    static let today = LocalDate(year: 2026, month: 11, day: 26)

    @Test(
        "validation says what to type",
        arguments: [
            (PatientRegistration(firstName: "Priya", lastName: "", phone: "9845012345"), PatientField.lastName, "Type the last name."),
            (PatientRegistration(firstName: " ", lastName: "Sharma", phone: "9845012345"), .firstName, "Type the first name."),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: "98450 1234"), .phone,
                "98450 1234 has 9 digits; an Indian mobile number has 10."
            ),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: ""), .phone,
                "Type a mobile number, or add the patient to a family member's phone."
            ),
            (
                PatientRegistration(
                    firstName: "Priya", lastName: "Sharma", phone: "9845012345", dateOfBirth: LocalDate(year: 2026, month: 11, day: 27)),
                .dateOfBirth, "Date of birth cannot be in the future."
            ),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: "9845012345", email: "priya@"), .email,
                "That email address is not complete."
            ),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: "9845012345", email: "priya@example"), .email,
                "That email address is not complete."
            ),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: "9845012345", householdHolderPatientID: 7),
                .household, "A patient with a phone of their own is not added to a family member's phone: clear one of the two."
            ),
            (
                PatientRegistration(firstName: "Priya", lastName: "Sharma", phone: "9845012345", emergencyContactPhone: "12345"),
                .emergencyContactPhone, "12345 has 5 digits; an Indian mobile number has 10."
            ),
        ])
    func validation(form: PatientRegistration, field: PatientField, message: String) {
        let problems = PatientFormRules.problems(in: form, today: PatientRegistrationTests.today)
        #expect(problems[field] == message)
        #expect(problems.count == 1)
    }

    @Test("a complete form has no problems; a household member needs no phone")
    func validForms() {
        let full = PatientRegistration(
            firstName: "Priya", lastName: "Sharma", phone: "+91 98450 12345", email: "priya@example.in",
            dateOfBirth: LocalDate(year: 1990, month: 5, day: 1), gender: "Female")
        #expect(PatientFormRules.problems(in: full, today: PatientRegistrationTests.today).isEmpty)
        let child = PatientRegistration(firstName: "Meera", lastName: "Kumar", householdHolderPatientID: 3)
        #expect(PatientFormRules.problems(in: child, today: PatientRegistrationTests.today).isEmpty)
        #expect(PatientFormRules.age(born: LocalDate(year: 2000, month: 2, day: 29), on: LocalDate(year: 2025, month: 2, day: 28)) == 24)
        #expect(PatientFormRules.age(born: LocalDate(year: 2000, month: 2, day: 29), on: LocalDate(year: 2025, month: 3, day: 1)) == 25)
    }

    @Test("stored as the web stores it: login-format phone, names, birth date and age agree, an MRN, audited")
    func storedLikeTheWeb() async throws {
        try await TestDatabase.with(prefix: "pat_register_store") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let directory = PatientDirectory(database: test.database)
            let born = LocalDate(year: 1990, month: 5, day: 1)
            let record = try await directory.register(
                PatientRegistration(
                    firstName: "  Priya ", lastName: "Sharma", phone: "098450-12345", email: "Priya@Example.in", dateOfBirth: born,
                    gender: "Female", emergencyContactName: "Ravi Sharma", emergencyContactPhone: "+91 98450 99999",
                    notes: "Prefers mornings"),
                actor: PatientTestData.actor(.frontDesk, data: data))
            let row = try await test.database.query(
                """
                SELECT u.phone, u.full_name, u.first_name, u.last_name, u.user_type, u.password_hash, u.is_active, pp.date_of_birth,
                       pp.age, pp.mrn, pp.gender, pp.emergency_contact_phone, pp.notes,
                       date_part('year', age((now() AT TIME ZONE 'Asia/Kolkata')::date, pp.date_of_birth))::int AS expected_age
                FROM users u JOIN patient_profiles pp ON pp.user_id = u.id WHERE pp.id = \(record.patientID)
                """)[0]
            #expect(try row.decode("phone", as: String.self) == "919845012345")
            #expect(try row.decode("full_name", as: String.self) == "Priya Sharma")
            #expect(try row.decode("first_name", as: String.self) == "Priya")
            #expect(try row.decode("last_name", as: String.self) == "Sharma")
            #expect(try row.decode("user_type", as: String.self) == "PATIENT")
            #expect(try row.decode("password_hash", as: String?.self) == nil)
            #expect(try row.decode("date_of_birth", as: LocalDate.self) == born)
            #expect(try row.decode("age", as: Int.self) == row.decode("expected_age", as: Int.self))
            #expect(try row.decode("mrn", as: String.self).wholeMatch(of: /MB-[0-9]{6}/) != nil)
            #expect(try row.decode("emergency_contact_phone", as: String.self) == "9845099999")
            #expect(try row.decode("notes", as: String.self) == "Prefers mornings")
            #expect(record.mrn == (try row.decode("mrn", as: String.self)))
            #expect(record.phone?.tenDigit == "9845012345")

            let audit = try await StaffTestData.auditRows(test.database, action: "patient.registered")
            #expect(audit.count == 1)
            let details: String = try audit[0].decode("details")
            #expect(details.contains("98•••••345"))
            #expect(!details.contains("9845012345"))
            #expect(!details.lowercased().contains("otp") && !details.lowercased().contains("password"))
            #expect(try audit[0].decode("actor_user_id", as: Int64.self) == data.staffUserID)
        }
    }

    @Test("the web's own phone lookups find a desk-registered patient with 91…")
    func webFindsDeskPatient() async throws {
        try await TestDatabase.with(prefix: "pat_register_web") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let record = try await PatientDirectory(database: test.database).register(
                PatientRegistration(firstName: "Kavya", lastName: "Gowda", phone: "+91 98860 12345"),
                actor: PatientTestData.actor(.frontDesk, data: data))
            let findUserByPhone = try StaffTestData.webStatement("patient.repository.ts: findUserByPhone")
            let checkPhoneExists = try StaffTestData.webStatement("patient.repository.ts: checkPhoneExists")
            let found = try await test.database.query(SQLQuery(unsafeSQL: findUserByPhone, parameters: ["919886012345"]))
            #expect(try found.map { try $0.decode("id", as: Int64.self) } == [record.userID])
            let exists = try await test.database.query(SQLQuery(unsafeSQL: checkPhoneExists, parameters: ["919886012345"]))
            #expect(exists.count == 1)
        }
    }

    @Test("an e-mail address or a phone already in use is refused; the existing patient is named")
    func uniqueness() async throws {
        try await TestDatabase.with(prefix: "pat_register_unique") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: data)
            let existing = try await PatientTestData.insert(
                test.database, first: "Priya", last: "Sharma", phone: "9845012345", email: "priya@example.in", mrn: "MB-000001")
            await #expect(throws: PatientError.emailAlreadyRegistered) {
                try await directory.register(
                    PatientRegistration(firstName: "Neha", lastName: "Verma", phone: "9845011111", email: "PRIYA@example.in"),
                    actor: actor)
            }
            do {
                _ = try await directory.register(
                    PatientRegistration(firstName: "Priya", lastName: "S", phone: "+91 98450 12345"), actor: actor)
                Issue.record("a second patient with the same phone was registered")
            } catch PatientError.phoneAlreadyRegistered(let found) {
                #expect(found.patientID == existing.patientID)
                #expect(found.mrn == "MB-000001")
            }
            await #expect(throws: PatientError.self) {
                try await directory.register(PatientRegistration(firstName: "", lastName: "Sharma", phone: "9845012399"), actor: actor)
            }
            #expect(try await PatientTestData.count(test.database, "SELECT count(*) AS n FROM users WHERE user_type = 'PATIENT'") == 1)
        }
    }

    @Test("a family member without a phone joins the holder's household and is found by the holder's phone")
    func householdMember() async throws {
        try await TestDatabase.with(prefix: "pat_register_household") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: data)
            let holder = try await directory.register(
                PatientRegistration(firstName: "Rahul", lastName: "Kumar", phone: "9876543210"), actor: actor)
            let child = try await directory.register(
                PatientRegistration(
                    firstName: "Meera", lastName: "Kumar", dateOfBirth: LocalDate(year: 2018, month: 1, day: 2),
                    householdHolderPatientID: holder.patientID),
                actor: actor)
            #expect(child.storedPhone == nil)
            #expect(child.holder?.patientID == holder.patientID)
            let found = try await directory.search("98765 43210", actor: actor)
            #expect(found.map(\.patientID) == [holder.patientID, child.patientID])
            await #expect(throws: PatientError.holderHasNoPhone(patientID: child.patientID)) {
                try await directory.register(
                    PatientRegistration(firstName: "Baby", lastName: "Kumar", householdHolderPatientID: child.patientID), actor: actor)
            }
        }
    }

    @Test("MRNs come from the sequence with the configured prefix; assign-mrn fills the gaps")
    func medicalRecordNumbers() async throws {
        try await TestDatabase.with(prefix: "pat_register_mrn") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: data)
            try await PatientTestData.insert(test.database, first: "Old", last: "Record", phone: "9845000001", mrn: "MB-000041")
            let first = try await directory.register(
                PatientRegistration(firstName: "A", lastName: "One", phone: "9845000002"), actor: actor)
            let second = try await directory.register(
                PatientRegistration(firstName: "B", lastName: "Two", phone: "9845000003"), actor: actor)
            #expect(first.mrn == "MB-000001")
            #expect(second.mrn == "MB-000002")
            try await test.database.execute(
                "INSERT INTO settings (key, value_json) VALUES (\(MedicalRecordNumber.prefixSettingsKey), '\"CL-\"'::jsonb)")
            let third = try await directory.register(
                PatientRegistration(firstName: "C", lastName: "Three", phone: "9845000004"), actor: actor)
            #expect(third.mrn == "CL-000003")
            let unnumbered = try await PatientTestData.insert(test.database, first: "No", last: "Number", phone: "9845000005")
            #expect(try await directory.assignMissingMRNs(actor: actor) == 1)
            #expect(try await directory.assignMissingMRNs(actor: nil) == 0)
            let mrn: String = try await test.database.query("SELECT mrn FROM patient_profiles WHERE id = \(unnumbered.patientID)")[0]
                .decode("mrn")
            #expect(mrn == "CL-000004")
            #expect(MedicalRecordNumber.format(number: 123) == "MB-000123")
            #expect(MedicalRecordNumber.format(prefix: "X", number: 1_234_567) == "X1234567")
        }
    }
}
