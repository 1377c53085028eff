import Testing

@testable import ClinicCore
@testable import ClinicTUI

@Suite("Patients screen: update")
struct PatientsUpdateTests {
    static func result(_ id: Int64, _ name: String) -> PatientSearchResult {
        PatientSearchResult(
            patientID: id, userID: id + 1000, fullName: name, phoneDisplay: "+91 98450 12345", isHolderPhone: false,
            holderPatientID: nil, age: 34, dateOfBirth: nil, mrn: "MB-0000\(id)", nextAppointment: nil, matchKind: .namePrefix)
    }

    private func onPatients() -> AppState {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.function(3)))
        return state
    }

    @Test("F3 and 2 open Patients; typing searches as you type; a stale answer never overwrites a newer one")
    func searchAsYouType() {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.character("2")))
        #expect(state.screen == .patients)
        let first = DeskUpdate.update(&state, .key(.character("p")))
        let second = DeskUpdate.update(&state, .key(.character("r")))
        guard case .searchPatients(let firstID, _, "p")? = first.first, case .searchPatients(let secondID, _, "pr")? = second.first else {
            Issue.record("expected a search per key, got \(first) and \(second)")
            return
        }
        _ = DeskUpdate.update(&state, .patientsFound(requestID: secondID, [Self.result(1, "Priya Sharma")]))
        _ = DeskUpdate.update(&state, .patientsFound(requestID: firstID, [Self.result(2, "Pooja Rao"), Self.result(3, "Prakash")]))
        #expect(state.patients.results.map(\.fullName) == ["Priya Sharma"])
        #expect(state.patients.query.text == "pr")
    }

    @Test("in the search box, q and digits are text, not quit or screen keys")
    func searchBoxTakesText() {
        var state = onPatients()
        for character in "q1" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        #expect(state.patients.query.text == "q1")
        #expect(!state.isQuitting)
        #expect(state.screen == .patients)
    }

    @Test("Down moves from the box to the results; Enter opens the selected patient")
    func openFromResults() {
        var state = onPatients()
        _ = DeskUpdate.update(&state, .key(.character("p")))
        _ = DeskUpdate.update(
            &state,
            .patientsFound(
                requestID: state.patients.pendingSearch ?? 0,
                [Self.result(1, "Priya Sharma"), Self.result(2, "Pooja Rao")]))
        _ = DeskUpdate.update(&state, .key(.down))
        #expect(state.patients.focus == .results)
        _ = DeskUpdate.update(&state, .key(.down))
        let effects = DeskUpdate.update(&state, .key(.enter))
        guard case .openPatient(_, _, 2)? = effects.first else {
            Issue.record("expected patient 2 to open, got \(effects)")
            return
        }
    }

    @Test("the registration form says what is wrong as each field is left, and keeps everything on a failed save")
    func registrationValidation() {
        var state = onPatients()
        _ = DeskUpdate.update(&state, .key(.control("n")))
        #expect(state.patients.registration != nil)
        _ = DeskUpdate.update(&state, .key(.tab))  // leave first name empty
        #expect(state.patients.registration?.problems[.firstName] != nil)
        _ = DeskUpdate.update(&state, .key(.backTab))
        for character in "Anil" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        _ = DeskUpdate.update(&state, .key(.tab))
        #expect(state.patients.registration?.problems[.firstName] == nil)
        for character in "Kumar" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        _ = DeskUpdate.update(&state, .key(.tab))
        for character in "98450" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        _ = DeskUpdate.update(&state, .key(.tab))
        #expect(state.patients.registration?.problems[.phone] != nil, "a 5-digit mobile is refused when leaving the field")
        // Saving with a problem does not send anything and points at the field.
        #expect(DeskUpdate.update(&state, .key(.control("s"))).isEmpty)
        #expect(state.patients.registration?.focus == .phone)
        // Fix it and save: duplicates are checked first.
        _ = DeskUpdate.update(&state, .key(.control("u")))
        for character in "+91 98450 12345" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        let effects = DeskUpdate.update(&state, .key(.control("s")))
        guard case .checkDuplicates(let requestID, _, let form)? = effects.first else {
            Issue.record("expected a duplicate check, got \(effects)")
            return
        }
        #expect(form.firstName == "Anil" && form.lastName == "Kumar")
        let saves = DeskUpdate.update(&state, .duplicatesChecked(requestID: requestID, []))
        guard case .registerPatient(let saveID, _, _)? = saves.first else {
            Issue.record("expected the save, got \(saves)")
            return
        }
        _ = DeskUpdate.update(&state, .connectionLost)
        _ = DeskUpdate.update(
            &state,
            .patientRequestFailed(
                requestID: saveID, UserMessageLine(.error, "The database cannot be reached."),
                problems: [:]))
        #expect(state.patients.registration?.text(.firstName) == "Anil", "nothing typed is lost when a save fails")
        #expect(state.patients.registration?.isSaving == false)
        #expect(state.patients.registration?.error == "The database cannot be reached.")
    }

    @Test("duplicates are advice: open the existing patient, or save anyway")
    func duplicateAdvice() {
        var state = onPatients()
        _ = DeskUpdate.update(&state, .key(.control("n")))
        var form = RegistrationState()
        form.values[.firstName]?.text = "Priya"
        form.values[.lastName]?.text = "Sharma"
        form.values[.phone]?.text = "9845012345"
        state.patients.registration = form
        guard case .checkDuplicates(let requestID, _, _)? = DeskUpdate.update(&state, .key(.control("s"))).first else {
            Issue.record("no duplicate check")
            return
        }
        _ = DeskUpdate.update(&state, .duplicatesChecked(requestID: requestID, [Self.result(7, "Priya Sharma")]))
        #expect(state.patients.registration?.duplicates?.count == 1)
        guard case .registerPatient? = DeskUpdate.update(&state, .key(.character("s"))).first else {
            Issue.record("s must save anyway")
            return
        }
    }

    @Test("on the duplicate list, h adds the new person to the selected household, without a phone of their own")
    func addToHousehold() {
        var state = onPatients()
        var form = RegistrationState()
        form.values[.firstName]?.text = "Aarav"
        form.values[.lastName]?.text = "Sharma"
        form.values[.phone]?.text = "9845012345"
        state.patients.registration = form
        guard case .checkDuplicates(let requestID, _, _)? = DeskUpdate.update(&state, .key(.control("s"))).first else {
            Issue.record("no duplicate check")
            return
        }
        _ = DeskUpdate.update(&state, .duplicatesChecked(requestID: requestID, [Self.result(7, "Priya Sharma")]))
        let effects = DeskUpdate.update(&state, .key(.character("h")))
        guard case .registerPatient(_, _, let registration)? = effects.first else {
            Issue.record("h must save into the household, got \(effects)")
            return
        }
        #expect(registration.householdHolderPatientID == 7)
        #expect(registration.phone.isEmpty)
    }

    @Test("a verified legacy 10-digit phone is offered for conversion; c asks for it")
    func phoneConversion() {
        var state = onPatients()
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        #expect(DeskUpdate.update(&state, .key(.character("c"))).isEmpty, "nothing to convert without an offer")
        _ = DeskUpdate.update(&state, .patientVerification(patientID: 5, nil, .convertToWebFormat))
        guard case .convertPhone(_, _, 5)? = DeskUpdate.update(&state, .key(.character("c"))).first else {
            Issue.record("c must convert")
            return
        }
    }

    @Test("closing the code dialog re-reads the record (no new view audited), so the message just sent shows")
    func refreshAfterCode() {
        var state = onPatients()
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        _ = DeskUpdate.update(&state, .key(.character("o")))
        _ = DeskUpdate.update(&state, .key(.enter))
        let receipt = OTPSendReceipt(
            maskedPhone: "98•••••345", isHolderPhone: false, expiresAt: DeskFixtures.now.adding(minutes: 10),
            attemptsLeft: 5, nextSendAllowedAt: DeskFixtures.now, sentAt: DeskFixtures.now, notificationID: 1)
        _ = DeskUpdate.update(&state, .otpSent(patientID: 5, receipt))
        #expect(DeskUpdate.update(&state, .key(.escape)) == [.refreshPatient(actor: DeskFixtures.session().actor, patientID: 5)])
        var refreshed = PatientRecordFixture.record
        refreshed.fullName = "Anil Kumar Refreshed"
        _ = DeskUpdate.update(&state, .patientRefreshed(refreshed))
        #expect(state.patients.record?.record?.fullName == "Anil Kumar Refreshed")
    }

    @Test("e on a record opens its details to correct; only what changed is sent; the record shows the saved details")
    func editsPatient() {
        var state = onPatients()
        var record = PatientRecordFixture.record
        record.phone = PhoneNumber("9845012345")
        record.storedPhone = "919845012345"
        state.patients.record = PatientRecordState(patientID: 5, record: record)
        let verified = PhoneVerification(verifiedAt: DeskFixtures.now, source: .desk, verifiedByUserID: 7)
        state.patients.record?.verification = verified
        #expect(DeskUpdate.update(&state, .key(.character("e"))).isEmpty)
        #expect(state.patients.registration?.editing?.patientID == 5)
        #expect(state.patients.registration?.text(.phone) == "+91 98450 12345")
        #expect(state.patients.registration?.text(.dateOfBirth) == "07-03-1990")
        #expect(DeskFixtures.render(state).plainText().contains("Edit Anil Kumar (MB-000005)"))
        // Nothing changed: Esc closes at once.
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.patients.registration == nil)
        _ = DeskUpdate.update(&state, .key(.character("e")))
        for _ in 0..<4 { _ = DeskUpdate.update(&state, .key(.tab)) }
        #expect(state.patients.registration?.focus == .dateOfBirth)
        for _ in 0..<10 { _ = DeskUpdate.update(&state, .key(.backspace)) }
        for character in "12-05-1991" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        let saved = DeskUpdate.update(&state, .key(.control("s")))
        guard case .updatePatient(_, _, 5, let changes)? = saved.first else {
            Issue.record(
                "expected an update, got \(saved): \(state.patients.registration?.error ?? "") \(state.patients.registration?.problems ?? [:])"
            )
            return
        }
        #expect(changes == PatientChanges(dateOfBirth: LocalDate(year: 1991, month: 5, day: 12)))
        var updated = record
        updated.dateOfBirth = LocalDate(year: 1991, month: 5, day: 12)
        _ = DeskUpdate.update(&state, .patientUpdated(requestID: state.patients.registration?.pendingRequest ?? 0, updated))
        #expect(state.patients.registration == nil)
        #expect(state.patients.record?.record?.dateOfBirth == LocalDate(year: 1991, month: 5, day: 12))
        #expect(state.patients.record?.verification == verified, "an edit keeps the phone's verification on screen")
        #expect(state.message?.text == "Saved the changes to Anil Kumar's details.")
    }

    @Test("an old record without first and last names opens filled in; a stored odd email is not judged unless changed")
    func editsLegacyRecord() {
        var record = PatientRecordFixture.record
        record.firstName = nil
        record.lastName = nil
        record.fullName = "Anil Kumar Reddy"
        record.email = "anil@@example"
        var form = RegistrationState(editing: record)
        #expect(form.text(.firstName) == "Anil Kumar")
        #expect(form.text(.lastName) == "Reddy")
        form.householdHolderPatientID = 9  // no phone of his own
        let today = LocalDate(year: 2026, month: 11, day: 26)
        let unchangedPasses = form.validateAll(today: today)
        #expect(unchangedPasses, "\(form.problems)")
        #expect(form.changes == PatientChanges())
        form.values[.email]?.text = "still@@wrong"
        let changedPasses = form.validateAll(today: today)
        #expect(!changedPasses)
        #expect(form.problems[.email] != nil)
    }

    @Test("the record says payments and dates in words, not the web's codes")
    func recordInWords() {
        var state = onPatients()
        var record = PatientRecordFixture.record
        record.payments = [
            PatientPayment(
                id: 1, appointmentID: 2, amount: Money(paise: 170_000), status: "SUCCESS", method: "ONLINE", paidAt: DeskFixtures.now,
                createdAt: DeskFixtures.now)
        ]
        state.patients.record = PatientRecordState(patientID: 5, record: record)
        let screen = DeskFixtures.render(state).plainText()
        #expect(screen.contains("Thu 26 Nov  ₹1,700.00  paid  online (Razorpay)"))
        #expect(screen.contains("born 7 Mar 1990"))
        #expect(!screen.contains("SUCCESS"))
    }

    @Test("a calendar-impossible date says so, not that the format is wrong")
    func impossibleDate() {
        var form = RegistrationState()
        form.values[.dateOfBirth]?.text = "31-02-1990"
        #expect(form.form.dateProblem?.contains("not a date on the calendar") == true)
        form.values[.dateOfBirth]?.text = "Feb 1990"
        #expect(form.form.dateProblem?.hasPrefix("Type the date of birth") == true)
    }

    @Test("scrolling a record stops at its last line")
    func recordScrollStops() {
        var state = onPatients()
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        for _ in 0..<10 { _ = DeskUpdate.update(&state, .key(.pageDown)) }
        #expect(state.patients.record?.scroll == 0, "a short record does not scroll at all")
        _ = DeskUpdate.update(&state, .key(.up))
        #expect(state.patients.record?.scroll == 0)
    }

    @Test("cursor keys in the search box do not search again")
    func cursorKeysDoNotSearch() {
        var state = onPatients()
        _ = DeskUpdate.update(&state, .key(.character("p")))
        #expect(DeskUpdate.update(&state, .key(.left)).isEmpty)
        #expect(DeskUpdate.update(&state, .key(.home)).isEmpty)
    }

    @Test("the OTP dialog: o sends, digits only, Enter checks, wrong codes count down, success says so")
    func otpDialog() {
        var state = onPatients()
        state.patients.record = PatientRecordState(patientID: 5, record: nil)
        #expect(DeskUpdate.update(&state, .key(.character("o"))).isEmpty, "no code before the record is loaded")
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        // o asks first: a stray o (typing a name on the record) must not send a WhatsApp message.
        #expect(DeskUpdate.update(&state, .key(.character("o"))).isEmpty)
        #expect(DeskFixtures.render(state).plainText().contains("Send a 6-digit code on WhatsApp to this patient's mobile?"))
        _ = DeskUpdate.update(&state, .key(.character("h")))
        #expect(state.patients.record?.otp == nil)
        #expect(state.message?.text == "No code sent.")
        _ = DeskUpdate.update(&state, .key(.character("o")))
        #expect(DeskUpdate.update(&state, .key(.enter)) == [.sendOTP(actor: DeskFixtures.session().actor, patientID: 5)])
        let receipt = OTPSendReceipt(
            maskedPhone: "98•••••345", isHolderPhone: false, expiresAt: DeskFixtures.now.adding(minutes: 10),
            attemptsLeft: 5, nextSendAllowedAt: DeskFixtures.now, sentAt: DeskFixtures.now, notificationID: 1)
        #expect(DeskUpdate.update(&state, .otpSent(patientID: 5, receipt)) == [.deliverOutbox])
        for character in "12a3456" { _ = DeskUpdate.update(&state, .key(.character(character))) }
        #expect(state.patients.record?.otp?.code.text == "123456")
        #expect(DeskUpdate.update(&state, .key(.enter)) == [.verifyOTP(actor: DeskFixtures.session().actor, patientID: 5, code: "123456")])
        _ = DeskUpdate.update(&state, .otpChecked(patientID: 5, .wrongCode(attemptsLeft: 4)))
        #expect(state.patients.record?.otp?.attemptsLeft == 4)
        #expect(state.patients.record?.otp?.code.text.isEmpty == true)
        _ = DeskUpdate.update(&state, .otpChecked(patientID: 5, .verified))
        #expect(state.patients.record?.otp?.isVerified == true)
        #expect(state.patients.record?.otp?.result?.text == OTPVerifyOutcome.verified.sentence)
        // A late answer about another patient never lands in this dialog.
        _ = DeskUpdate.update(&state, .otpChecked(patientID: 6, .wrongCode(attemptsLeft: 0)))
        #expect(state.patients.record?.otp?.isVerified == true)
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.patients.record?.otp == nil, "Esc closes the dialog")
        #expect(state.patients.record != nil)
        _ = DeskUpdate.update(&state, .key(.escape))
        #expect(state.patients.record == nil, "Esc again goes back to the search")
    }
}

enum PatientRecordFixture {
    static let record = PatientRecord(
        patientID: 5, userID: 1005, firstName: "Anil", lastName: "Kumar", fullName: "Anil Kumar", phone: nil, storedPhone: nil, email: nil,
        dateOfBirth: LocalDate(year: 1990, month: 3, day: 7), age: 36, gender: "Male", bloodGroup: nil, emergencyContactName: nil,
        emergencyContactPhone: nil, notes: nil, mrn: "MB-000005", isActive: true, registeredAt: DeskFixtures.now, holder: nil,
        householdMembers: [], upcomingAppointments: [], pastAppointments: [], payments: [], messages: [], clinicalNotes: [],
        clinicalNotesHidden: true)
}

@Suite("Patients screen: who looked")
struct PatientViewersUpdateTests {
    @Test("v asks the audit log who opened the record; a refusal is shown on the message line")
    func viewers() {
        var state = DeskFixtures.working()
        _ = DeskUpdate.update(&state, .key(.function(3)))
        state.patients.record = PatientRecordState(patientID: 5, record: PatientRecordFixture.record)
        #expect(DeskUpdate.update(&state, .key(.character("v"))) == [.loadViewers(actor: DeskFixtures.session().actor, patientID: 5)])
        _ = DeskUpdate.update(&state, .otpFailed(UserMessageLine(.error, "Your role (Front desk) cannot read the audit log.")))
        #expect(state.message?.text == "Your role (Front desk) cannot read the audit log.")
        _ = DeskUpdate.update(&state, .patientViewers(patientID: 5, []))
        #expect(state.patients.record?.viewers == [])
    }
}
