import ClinicCore
import Testing

@Suite("A patient's record: contents, the view audit, clinical notes by role")
struct PatientRecordTests {
    struct Fixture {
        var data: TestData
        var holder: (patientID: Int64, userID: Int64)
        var child: (patientID: Int64, userID: Int64)
        var past: Int64
        var upcoming: Int64
    }

    static func fixture(_ database: Database) async throws -> Fixture {
        let data = try await TestData.insert(into: database, patients: 0)
        let holder = try await PatientTestData.insert(
            database, first: "Rahul", last: "Kumar", phone: "919876543210", dateOfBirth: LocalDate(year: 1985, month: 3, day: 4),
            mrn: "MB-000010", notes: "Prefers mornings")
        let child = try await PatientTestData.insert(database, first: "Meera", last: "Kumar", phone: nil, holder: holder.patientID)
        let (past, upcoming) = try await database.transaction { session in
            let past = try AppointmentStore.insert(
                NewAppointment(
                    patientID: holder.patientID, clinicianID: data.clinicianID, centreID: data.centreIDs[0], type: .inPerson,
                    start: Instant(
                        date: LocalDate(year: 2020, month: 1, day: 6), time: LocalTime(hour: 10, minute: 0), offsetSeconds: 19_800),
                    durationMinutes: 50, bookedByUserID: data.staffUserID, source: .adminFrontDesk, status: "COMPLETED",
                    notes: "Clinical: responding well"),
                in: session)
            let upcoming = try AppointmentStore.insert(
                NewAppointment(
                    patientID: holder.patientID, clinicianID: data.clinicianID, centreID: data.centreIDs[0], type: .inPerson,
                    start: Instant(
                        date: LocalDate(year: 2090, month: 1, day: 6), time: LocalTime(hour: 10, minute: 0), offsetSeconds: 19_800),
                    durationMinutes: 50, bookedByUserID: data.staffUserID, source: .adminFrontDesk),
                in: session)
            return (past, upcoming)
        }
        try await database.execute(
            """
            INSERT INTO payments (patient_id, appointment_id, order_id, amount, status, payment_method)
            VALUES (\(holder.patientID), \(past), 'direct_1', 1800.50, 'SUCCESS', 'UPI')
            """)
        try await database.execute(
            """
            INSERT INTO notifications (user_id, phone, channel, status, payload_data)
            VALUES (\(holder.userID), '919876543210', 'WHATSAPP', 'SENT', '{"notification_type": "APPOINTMENT_REMINDER"}')
            """)
        // A message about the child, sent to the holder's phone (as the outbox writes it).
        try await database.execute(
            """
            INSERT INTO notifications (user_id, phone, channel, status, payload_data)
            VALUES (\(holder.userID), '919876543210', 'WHATSAPP', 'QUEUED',
                    jsonb_build_object('notification_type', 'OTP_VERIFICATION', 'patient_id', \(String(child.patientID))::bigint))
            """)
        try await database.execute(
            """
            INSERT INTO patient_medical_notes (patient_id, author_user_id, note_text)
            VALUES (\(holder.patientID), \(data.clinicianUserID), 'Diagnosis: private')
            """)
        return Fixture(data: data, holder: holder, child: child, past: past, upcoming: upcoming)
    }

    @Test("profile, MRN, household, appointments, payments and messages; the view is audited")
    func contents() async throws {
        try await TestDatabase.with(prefix: "pat_record") { test in
            let fixture = try await PatientRecordTests.fixture(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: fixture.data)
            let record = try await directory.record(patientID: fixture.holder.patientID, actor: actor)
            #expect(record.fullName == "Rahul Kumar")
            #expect(record.mrn == "MB-000010")
            #expect(record.phone?.display == "+91 98765 43210")
            #expect(record.notes == "Prefers mornings")
            #expect(record.age != nil)
            #expect(record.householdMembers.map(\.patientID) == [fixture.child.patientID])
            #expect(record.holder == nil)
            #expect(record.upcomingAppointments.map(\.id) == [fixture.upcoming])
            #expect(record.pastAppointments.map(\.id) == [fixture.past])
            #expect(record.pastAppointments.first?.clinicianName == "Dr. Test")
            #expect(record.pastAppointments.first?.centreName == "Mind Clinic Indiranagar")
            #expect(record.payments.first?.amount == Money(paise: 180_050))
            #expect(record.payments.first?.method == "UPI")
            #expect(Set(record.messages.compactMap(\.template)) == ["APPOINTMENT_REMINDER", "OTP_VERIFICATION"])
            #expect(record.messages.contains { $0.status == "SENT" })

            let child = try await directory.record(patientID: fixture.child.patientID, actor: actor)
            #expect(child.holder?.patientID == fixture.holder.patientID)
            #expect(child.holder?.phoneDisplay == "+91 98765 43210")
            // The child's record shows the message about the child, never the holder's own reminder.
            #expect(child.messages.map(\.template) == ["OTP_VERIFICATION"])
            #expect(child.messages.first?.isToHolder == true)

            let views = try await StaffTestData.auditRows(test.database, action: PatientRecordAudit.viewedAction)
            #expect(try views.map { try $0.decode("entity_id", as: Int64.self) } == [fixture.holder.patientID, fixture.child.patientID])
            await #expect(throws: PatientError.patientNotFound(patientID: 999_999)) {
                try await directory.record(patientID: 999_999, actor: actor)
            }
        }
    }

    @Test("clinical notes never reach the front desk or care coordinators; the treating clinician sees them")
    func clinicalNotes() async throws {
        try await TestDatabase.with(prefix: "pat_record_notes") { test in
            let fixture = try await PatientRecordTests.fixture(test.database)
            let directory = PatientDirectory(database: test.database)
            for role in [StaffRole.frontDesk, .careCoordinator, .centreManager] {
                let record = try await directory.record(
                    patientID: fixture.holder.patientID, actor: PatientTestData.actor(role, data: fixture.data))
                #expect(record.clinicalNotes.isEmpty)
                #expect(record.clinicalNotesHidden)
                #expect(record.pastAppointments.allSatisfy { $0.clinicalNotes == nil })
            }
            let clinician = StaffActor(
                userID: fixture.data.clinicianUserID, fullName: "Dr. Test", username: "dr.test",
                assignments: [RoleAssignment(role: .clinician, centreID: fixture.data.centreIDs[0])],
                clinicianID: fixture.data.clinicianID, activeCentreID: fixture.data.centreIDs[0], host: "desk-test")
            let record = try await directory.record(patientID: fixture.holder.patientID, actor: clinician)
            #expect(record.clinicalNotes.map(\.text) == ["Diagnosis: private"])
            #expect(record.pastAppointments.first?.clinicalNotes == "Clinical: responding well")
            #expect(!record.clinicalNotesHidden)
            // Not their patient: refused.
            await #expect(throws: AccessError.self) {
                try await directory.record(patientID: fixture.child.patientID, actor: clinician)
            }
        }
    }

    @Test("an edit changes only what was asked and audits before and after of those fields")
    func edit() async throws {
        try await TestDatabase.with(prefix: "pat_record_edit") { test in
            let fixture = try await PatientRecordTests.fixture(test.database)
            let directory = PatientDirectory(database: test.database)
            let actor = PatientTestData.actor(.frontDesk, data: fixture.data)
            let updated = try await directory.update(
                patientID: fixture.holder.patientID,
                changes: PatientChanges(lastName: "Kumar-Rao", email: "rahul@example.in"), actor: actor)
            #expect(updated.fullName == "Rahul Kumar-Rao")
            #expect(updated.email == "rahul@example.in")
            #expect(updated.storedPhone == "919876543210")
            let audit = try await StaffTestData.auditRows(test.database, action: "patient.updated")
            let details: String = try audit[0].decode("details")
            #expect(details.contains("last_name") && details.contains("full_name") && details.contains("email"))
            #expect(!details.contains("phone") && !details.contains("date_of_birth"))

            let moved = try await directory.update(
                patientID: fixture.holder.patientID, changes: PatientChanges(phone: "98450 55555"), actor: actor)
            #expect(moved.storedPhone == "919845055555")
            await #expect(throws: PatientError.self) {
                try await directory.update(
                    patientID: fixture.holder.patientID, changes: PatientChanges(phone: "12345"), actor: actor)
            }
            await #expect(throws: AccessError.self) {
                try await directory.update(
                    patientID: fixture.holder.patientID, changes: PatientChanges(notes: "x"),
                    actor: PatientTestData.actor(.clinician, data: fixture.data, clinicianID: fixture.data.clinicianID))
            }
        }
    }
}
