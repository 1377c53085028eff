import ClinicCore
import Testing

@Suite("Duplicate advice and merging two records of one person")
struct DuplicateAndMergeTests {
    @Test("possible duplicates: the same phone in either stored format, and close names with the same birth date")
    func possibleDuplicates() async throws {
        try await TestDatabase.with(prefix: "pat_dup_advice") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let born = LocalDate(year: 1990, month: 5, day: 1)
            let web = try await PatientTestData.insert(
                test.database, first: "Priya", last: "Sharma", phone: "919845012345", dateOfBirth: born)
            let namesake = try await PatientTestData.insert(
                test.database, first: "Priya", last: "Sharma", phone: "9845099999", dateOfBirth: LocalDate(year: 1991, month: 5, day: 1))
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: data)

            let byPhone = try await directory.possibleDuplicates(
                of: PatientRegistration(firstName: "P", lastName: "S", phone: "98450 12345"), actor: actor)
            #expect(byPhone.map(\.patientID) == [web.patientID])
            let byName = try await directory.possibleDuplicates(
                of: PatientRegistration(firstName: "Priya", lastName: "Sarma", phone: "9000011111", dateOfBirth: born), actor: actor)
            #expect(byName.map(\.patientID) == [web.patientID])
            #expect(!byName.contains { $0.patientID == namesake.patientID })
            let nobody = try await directory.possibleDuplicates(
                of: PatientRegistration(firstName: "Kavya", lastName: "Gowda", phone: "9000011111", dateOfBirth: born), actor: actor)
            #expect(nobody.isEmpty)
        }
    }

    @Test("likely pairs: one number in both formats, and the same name and birth date")
    func likelyPairs() async throws {
        try await TestDatabase.with(prefix: "pat_dup_pairs") { test in
            let data = try await TestData.insert(into: test.database, patients: 0)
            let desk = try await PatientTestData.insert(test.database, first: "Priya", last: "Sharma", phone: "9845012345")
            let web = try await PatientTestData.insert(test.database, first: "Priya", last: "Sharma", phone: "919845012345")
            let born = LocalDate(year: 1980, month: 1, day: 1)
            let first = try await PatientTestData.insert(
                test.database, first: "Rahul", last: "Kumar", phone: "9000000011", dateOfBirth: born)
            let second = try await PatientTestData.insert(
                test.database, first: "rahul", last: "KUMAR", phone: "9000000012", dateOfBirth: born)
            let manager = PatientTestData.actor(.centreManager, data: data)
            let pairs = try await PatientDirectory(database: test.database).likelyDuplicatePairs(actor: manager, limit: 10)
            #expect(pairs.count == 2)
            #expect(pairs[0].0.patientID == desk.patientID && pairs[0].1.patientID == web.patientID)
            #expect(pairs[0].reason == "same phone number")
            #expect(pairs[1].0.patientID == first.patientID && pairs[1].1.patientID == second.patientID)
            #expect(pairs[1].reason == "same name and date of birth")
            await #expect(throws: AccessError.self) {
                try await PatientDirectory(database: test.database).likelyDuplicatePairs(
                    actor: PatientTestData.actor(.frontDesk, data: data), limit: 10)
            }
        }
    }

    @Test("merge moves everything to the kept record in the web's phone format, deletes nothing, and is audited")
    func merge() async throws {
        try await TestDatabase.with(prefix: "pat_merge") { test in
            let database = test.database
            let data = try await TestData.insert(into: database, patients: 0)
            let keep = try await PatientTestData.insert(database, first: "Priya", last: "Sharma", phone: "9845012345", mrn: "MB-000007")
            let remove = try await PatientTestData.insert(
                database, first: "Priya", last: "Sharma", phone: "919845012345", email: "priya@example.in",
                dateOfBirth: LocalDate(year: 1990, month: 5, day: 1))
            let member = try await PatientTestData.insert(database, first: "Meera", last: "Sharma", phone: nil, holder: remove.patientID)
            let appointment = try await database.transaction { session in
                try AppointmentStore.insert(
                    NewAppointment(
                        patientID: remove.patientID, clinicianID: data.clinicianID, centreID: data.centreIDs[0], type: .inPerson,
                        start: TestData.ist(10), durationMinutes: 50, bookedByUserID: remove.userID, source: .webPatient),
                    in: session)
            }
            try await database.execute(
                """
                INSERT INTO payments (patient_id, appointment_id, order_id, amount, status) VALUES (\(remove.patientID), \(appointment), 'order_1', 1700, 'SUCCESS')
                """)
            try await database.execute(
                "INSERT INTO notifications (user_id, phone, channel, status) VALUES (\(remove.userID), '919845012345', 'WHATSAPP', 'SENT')")
            try await database.execute(
                """
                INSERT INTO patient_medical_notes (patient_id, author_user_id, note_text) VALUES (\(remove.patientID), \(data.clinicianUserID), 'note')
                """)
            try await database.execute(
                """
                INSERT INTO patient_notifications (patient_id, notification_type, title, message) VALUES (\(remove.patientID), 'GENERAL', 't', 'm')
                """)
            try await database.execute(
                """
                INSERT INTO clinician_notes_history (appointment_id, clinician_id, patient_id, session_notes, created_by_user_id)
                VALUES (\(appointment), \(data.clinicianID), \(remove.patientID), 'session', \(data.clinicianUserID))
                """)
            try await database.execute(
                """
                INSERT INTO follow_up_appointments (parent_appointment_id, patient_id, clinician_id, follow_up_date, created_by_user_id)
                VALUES (\(appointment), \(remove.patientID), \(data.clinicianID), '2027-02-01', \(data.clinicianUserID))
                """)
            try await database.execute(
                """
                INSERT INTO waiting_queue_entries (centre_id, patient_id, position) VALUES (\(data.centreIDs[0]), \(remove.patientID), 1)
                """)
            let tables = [
                "users", "patient_profiles", "appointments", "payments", "notifications", "patient_medical_notes",
                "patient_notifications", "clinician_notes_history", "follow_up_appointments", "waiting_queue_entries",
            ]
            var before: [String: Int64] = [:]
            for table in tables {
                before[table] = try await PatientTestData.count(database, SQLQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)"))
            }

            let directory = PatientDirectory(database: database)
            await #expect(throws: AccessError.self) {
                try await directory.merge(
                    keep: keep.patientID, remove: remove.patientID, actor: PatientTestData.actor(.frontDesk, data: data))
            }
            let summary = try await directory.merge(
                keep: keep.patientID, remove: remove.patientID, actor: PatientTestData.actor(.centreManager, data: data))
            #expect(summary.phone == "919845012345")
            #expect(summary.moved["appointments"] == [appointment])
            #expect(summary.moved["household_members"] == [member.patientID])

            for table in tables {
                let after = try await PatientTestData.count(database, SQLQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)"))
                #expect(after == before[table], "\(table) lost or gained rows")
            }
            for table in PatientDirectory.patientIDTables {
                let left = try await PatientTestData.count(
                    database,
                    SQLQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table) WHERE patient_id = $1", parameters: [String(remove.patientID)]))
                #expect(left == 0, "\(table) still points at the removed record")
            }
            #expect(
                try await PatientTestData.count(database, "SELECT count(*) AS n FROM notifications WHERE user_id = \(keep.userID)") == 1)
            let kept = try await database.query(
                """
                SELECT u.phone, u.email, u.is_active, pp.date_of_birth, pp.mrn, pp.is_active AS profile_active
                FROM users u JOIN patient_profiles pp ON pp.user_id = u.id WHERE pp.id = \(keep.patientID)
                """)[0]
            #expect(try kept.decode("phone", as: String.self) == "919845012345")
            #expect(try kept.decode("email", as: String?.self) == "priya@example.in")
            #expect(try kept.decode("date_of_birth", as: LocalDate?.self) == LocalDate(year: 1990, month: 5, day: 1))
            #expect(try kept.decode("mrn", as: String?.self) == "MB-000007")
            let removed = try await database.query(
                """
                SELECT u.phone, u.is_active, pp.is_active AS profile_active
                FROM users u JOIN patient_profiles pp ON pp.user_id = u.id WHERE pp.id = \(remove.patientID)
                """)[0]
            #expect(try removed.decode("phone", as: String?.self) == nil)
            #expect(try removed.decode("is_active", as: Bool.self) == false)
            #expect(try removed.decode("profile_active", as: Bool.self) == false)
            let holder: Int64? = try await database.query(
                "SELECT desk_contact_holder_patient_id AS h FROM patient_profiles WHERE id = \(member.patientID)")[0].decode("h")
            #expect(holder == keep.patientID)

            let audit = try await StaffTestData.auditRows(database, action: "patient.merged")
            #expect(audit.count == 1)
            #expect(try audit[0].decode("entity_id", as: Int64.self) == keep.patientID)
            let details: String = try audit[0].decode("details")
            #expect(details.contains("\"appointments\": [\(appointment)]") || details.contains("\"appointments\":[\(appointment)]"))
            #expect(details.contains("removed_patient_id"))

            // The web's phone lookup now finds the kept account only.
            let web = try StaffTestData.webStatement("patient.repository.ts: findUserByPhone")
            let found = try await database.query(SQLQuery(unsafeSQL: web, parameters: ["919845012345"]))
            #expect(try found.map { try $0.decode("id", as: Int64.self) } == [keep.userID])
            // A search finds one Priya Sharma, and the merged record cannot be merged again.
            let results = try await directory.search("9845012345", actor: PatientTestData.actor(.frontDesk, data: data))
            #expect(results.map(\.patientID) == [keep.patientID, member.patientID])
            await #expect(throws: PatientError.self) {
                try await directory.merge(
                    keep: keep.patientID, remove: remove.patientID, actor: PatientTestData.actor(.centreManager, data: data))
            }
        }
    }
}
