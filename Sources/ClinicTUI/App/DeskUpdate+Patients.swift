import ClinicCore

/// The Patients screen's part of the update function.
extension DeskUpdate {
    /// Keys on the Patients screen; nil when the key is not the screen's (global bindings apply).
    static func handlePatients(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let session = state.session else { return nil }
        if state.patients.registration != nil { return handleRegistration(key, &state, actor: session.actor) }
        if state.patients.record != nil { return handleRecord(key, &state, actor: session.actor) }
        switch state.patients.focus {
        case .search:
            switch key {
            case .down, .tab:
                guard !state.patients.results.isEmpty else { return [] }
                state.patients.focus = .results
                state.patients.table.selectedRow = 0
                return []
            case .enter:
                guard let first = state.patients.results.first else { return [] }
                return openPatient(first.patientID, &state, actor: session.actor)
            case .control("n"):
                state.patients.registration = RegistrationState()
                return []
            default:
                let before = state.patients.query.text
                guard !DeskKeyMaps.isPriority(key), state.patients.query.handle(key) else { return nil }
                // Cursor movement changes nothing to look for.
                return state.patients.query.text == before ? [] : search(&state, actor: session.actor)
            }
        case .results:
            let count = state.patients.results.count
            switch key {
            case .enter:
                let index = state.patients.table.selectedRow
                guard state.patients.results.indices.contains(index) else { return [] }
                return openPatient(state.patients.results[index].patientID, &state, actor: session.actor)
            case .tab, .backTab, .escape, .character("/"):
                state.patients.focus = .search
                return []
            case .up where state.patients.table.selectedRow == 0:
                state.patients.focus = .search
                return []
            case .control("n"):
                state.patients.registration = RegistrationState()
                return []
            default:
                return state.patients.table.handle(key, rowCount: count, visibleRows: DeskLayout.listRows(state)) ? [] : nil
            }
        }
    }

    static func search(_ state: inout AppState, actor: StaffActor) -> [Effect] {
        let text = state.patients.query.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            state.patients.results = []
            state.patients.pendingSearch = nil
            return []
        }
        let requestID = state.makeRequestID()
        state.patients.pendingSearch = requestID
        return [.searchPatients(requestID: requestID, actor: actor, text: text)]
    }

    static func openPatient(_ patientID: Int64, _ state: inout AppState, actor: StaffActor) -> [Effect] {
        let requestID = state.makeRequestID()
        state.patients.record = PatientRecordState(patientID: patientID, pendingRequest: requestID)
        return [.openPatient(requestID: requestID, actor: actor, patientID: patientID)]
    }

    /// Opens the record's details in the registration form to correct them (the key `e`, or the palette).
    static func startEditingPatient(_ state: inout AppState) {
        guard let loaded = state.patients.record?.record, let session = state.session else { return }
        guard PermissionTable.allows(session.actor, .editPatientContact, centreID: session.centre.id) else {
            state.message = UserMessageLine(.error, "Your role cannot change patients' details; ask a colleague at the desk.")
            return
        }
        state.patients.registration = RegistrationState(editing: loaded)
    }

    private static func handleRecord(_ key: Key, _ state: inout AppState, actor: StaffActor) -> [Effect]? {
        guard var record = state.patients.record else { return nil }
        var closesRecord = false
        defer {
            if let loaded = record.record, let session = state.session {
                // Scrolling stops at the last line instead of running into blank pages.
                let lineCount = PatientRecordView.lines(record, loaded, session: session).count
                record.scroll = min(record.scroll, max(0, lineCount - DeskLayout.contentRows(state)))
            }
            state.patients.record = closesRecord ? nil : record
        }
        if var otp = record.otp {
            var closesDialog = false
            defer { record.otp = closesDialog ? nil : otp }
            if otp.isConfirmingSend {
                guard key == .enter || key == .character("y") || key == .character("Y") else {
                    closesDialog = true
                    state.message = UserMessageLine(.info, "No code sent.")
                    return []
                }
                otp.isConfirmingSend = false
                otp.isBusy = true
                return [.sendOTP(actor: actor, patientID: record.patientID)]
            }
            switch key {
            case .escape:
                closesDialog = true
                // The message just sent (and its delivery state) shows in the record.
                return otp.receipt == nil ? [] : [.refreshPatient(actor: actor, patientID: record.patientID)]
            case .enter:
                guard !otp.isBusy, !otp.isVerified else { return [] }
                guard otp.code.text.count == 6, otp.code.text.allSatisfy(\.isNumber) else {
                    otp.result = UserMessageLine(.error, "Type the 6 digits the patient reads out.")
                    return []
                }
                otp.isBusy = true
                return [.verifyOTP(actor: actor, patientID: record.patientID, code: otp.code.text)]
            case .control("r"):
                guard !otp.isBusy, let receipt = otp.receipt, receipt.nextSendAllowedAt <= state.now else {
                    otp.result = UserMessageLine(.info, "A new code can be sent a little later.")
                    return []
                }
                otp = OTPDialogState()
                return [.sendOTP(actor: actor, patientID: record.patientID)]
            default:
                if case .character(let character) = key, !character.isNumber { return [] }
                _ = otp.code.handle(key)
                return []
            }
        }
        switch key {
        case .escape:
            closesRecord = true
            return []
        case .character("v"):
            guard record.record != nil else { return [] }
            return [.loadViewers(actor: actor, patientID: record.patientID)]
        case .character("e"):
            startEditingPatient(&state)
            return []
        case .character("c"):
            guard record.record != nil, record.conversionOffer == .convertToWebFormat else { return [] }
            let requestID = state.makeRequestID()
            record.pendingRequest = requestID
            return [.convertPhone(requestID: requestID, actor: actor, patientID: record.patientID)]
        case .character("o"):
            guard record.record != nil else { return [] }
            record.otp = OTPDialogState(isBusy: false, isConfirmingSend: true)
            return []
        case .down, .character("j"):
            record.scroll += 1
            return []
        case .up, .character("k"):
            record.scroll = max(0, record.scroll - 1)
            return []
        case .pageDown:
            record.scroll += DeskLayout.contentRows(state)
            return []
        case .pageUp:
            record.scroll = max(0, record.scroll - DeskLayout.contentRows(state))
            return []
        default:
            return nil
        }
    }

    private static func handleRegistration(_ key: Key, _ state: inout AppState, actor: StaffActor) -> [Effect]? {
        guard var form = state.patients.registration, let session = state.session else { return nil }
        let today = session.local(state.now).date
        defer { if state.patients.registration != nil { state.patients.registration = form } }
        if form.isSaving { return [] }
        if let duplicates = form.duplicates {
            switch key {
            case .escape:
                form.duplicates = nil
            case .enter:
                let index = form.duplicateTable.selectedRow
                guard duplicates.indices.contains(index) else { return [] }
                state.patients.registration = nil
                return openPatient(duplicates[index].patientID, &state, actor: actor)
            case .character("s"):
                form.duplicates = nil
                return save(&form, &state, actor: actor)
            case .character("h"):
                // A family member without a phone of their own: messages go to the selected holder.
                let index = form.duplicateTable.selectedRow
                guard duplicates.indices.contains(index) else { return [] }
                form.duplicates = nil
                form.householdHolderPatientID = duplicates[index].patientID
                form.values[.phone]?.text = ""
                return save(&form, &state, actor: actor)
            default:
                _ = form.duplicateTable.handle(key, rowCount: duplicates.count, visibleRows: 10)
            }
            return []
        }
        let fields = RegistrationState.fields
        let index = fields.firstIndex(of: form.focus) ?? 0
        switch key {
        case .tab, .down, .enter:
            form.visited.insert(form.focus)
            form.validateVisited(today: today)
            if key == .enter, index == fields.count - 1 { return checkDuplicates(&form, &state, actor: actor, today: today) }
            form.focus = fields[min(fields.count - 1, index + 1)]
            return []
        case .backTab, .up:
            form.visited.insert(form.focus)
            form.validateVisited(today: today)
            form.focus = fields[max(0, index - 1)]
            return []
        case .control("s"):
            return checkDuplicates(&form, &state, actor: actor, today: today)
        case .escape:
            let typed = form.hasUnsavedChanges
            let warning = form.editing == nil ? "Press Esc again to throw this form away." : "Press Esc again to drop your changes."
            if typed, form.error != warning {
                form.error = warning
                return []
            }
            state.patients.registration = nil
            return []
        default:
            guard !DeskKeyMaps.isPriority(key), var field = form.values[form.focus] else { return nil }
            if field.handle(key) {
                form.values[form.focus] = field
                form.error = nil
            }
            return []
        }
    }

    private static func checkDuplicates(
        _ form: inout RegistrationState, _ state: inout AppState, actor: StaffActor,
        today: LocalDate
    ) -> [Effect] {
        guard form.validateAll(today: today) else {
            form.error = "Please correct the fields marked ✗."
            if let first = RegistrationState.fields.first(where: { form.problems[$0] != nil }) { form.focus = first }
            return []
        }
        if let editing = form.editing {
            // A correction is not a new person: no duplicate advice; only what changed is sent.
            let changes = form.changes
            guard changes != PatientChanges() else {
                form.error = "Nothing changed. Esc closes the form."
                return []
            }
            let requestID = state.makeRequestID()
            form.pendingRequest = requestID
            form.isSaving = true
            return [.updatePatient(requestID: requestID, actor: actor, patientID: editing.patientID, changes: changes)]
        }
        let requestID = state.makeRequestID()
        form.pendingRequest = requestID
        form.isSaving = true
        return [.checkDuplicates(requestID: requestID, actor: actor, form: form.form.registration)]
    }

    private static func save(_ form: inout RegistrationState, _ state: inout AppState, actor: StaffActor) -> [Effect] {
        let requestID = state.makeRequestID()
        form.pendingRequest = requestID
        form.isSaving = true
        return [.registerPatient(requestID: requestID, actor: actor, form: form.form.registration)]
    }

    /// Results for the Patients screen.
    static func updatePatients(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .patientsFound(let requestID, let results):
            guard state.patients.pendingSearch == requestID else { return [] }
            state.patients.pendingSearch = nil
            state.patients.results = results
            state.patients.table = TableView()
        case .patientOpened(let requestID, let record):
            guard state.patients.record?.pendingRequest == requestID else { return [] }
            state.patients.record?.record = record
            state.patients.record?.pendingRequest = nil
        case .duplicatesChecked(let requestID, let duplicates):
            guard var form = state.patients.registration, form.pendingRequest == requestID, let session = state.session else { return [] }
            if duplicates.isEmpty {
                let effects = save(&form, &state, actor: session.actor)
                state.patients.registration = form
                return effects
            }
            form.isSaving = false
            form.pendingRequest = nil
            form.duplicates = duplicates
            form.duplicateTable = TableView()
            state.patients.registration = form
        case .patientRegistered(let requestID, let record):
            guard state.patients.registration?.pendingRequest == requestID else { return [] }
            state.patients.registration = nil
            state.patients.record = PatientRecordState(patientID: record.patientID, record: record)
            state.message = UserMessageLine(.success, "Registered \(record.fullName)\(record.mrn.map { " (\($0))" } ?? "").")
        case .patientUpdated(let requestID, let record):
            guard state.patients.registration?.pendingRequest == requestID else { return [] }
            state.patients.registration = nil
            // Only the details change; the verification shown (and its conversion offer) stays.
            if state.patients.record?.patientID == record.patientID {
                state.patients.record?.record = record
            } else {
                state.patients.record = PatientRecordState(patientID: record.patientID, record: record)
            }
            state.message = UserMessageLine(.success, "Saved the changes to \(record.fullName)'s details.")
        case .patientRequestFailed(let requestID, let line, let problems):
            if state.patients.pendingSearch == requestID {
                state.patients.pendingSearch = nil
                state.message = line
            } else if state.patients.record?.pendingRequest == requestID {
                // A record that failed to open closes; one already shown (a failed conversion) stays.
                if state.patients.record?.record == nil { state.patients.record = nil } else { state.patients.record?.pendingRequest = nil }
                state.message = line
            } else if var form = state.patients.registration, form.pendingRequest == requestID {
                // Everything typed stays; the receptionist can fix it or simply try again.
                form.isSaving = false
                form.pendingRequest = nil
                form.error = line.text
                form.problems.merge(problems) { _, new in new }
                state.patients.registration = form
            }
        case .otpSent(let patientID, let receipt):
            // An answer for a patient no longer on screen is dropped (like every other late answer).
            guard state.patients.record?.patientID == patientID, state.patients.record?.otp != nil else { return [] }
            state.patients.record?.otp?.receipt = receipt
            state.patients.record?.otp?.isBusy = false
            state.patients.record?.otp?.attemptsLeft = receipt.attemptsLeft
            state.patients.record?.otp?.result = UserMessageLine(.info, "Code sent on WhatsApp. Ask the patient to read it out.")
            return [.deliverOutbox]
        case .otpChecked(let patientID, let outcome):
            guard state.patients.record?.patientID == patientID, var otp = state.patients.record?.otp else { return [] }
            otp.isBusy = false
            otp.code = TextField(label: "Code", maxLength: 6)
            switch outcome {
            case .verified:
                otp.isVerified = true
                otp.result = UserMessageLine(.success, outcome.sentence)
                state.patients.record?.otp = otp
                guard let actor = state.session?.actor, let patientID = state.patients.record?.patientID else { return [] }
                return [.loadVerification(actor: actor, patientID: patientID)]
            case .wrongCode(let left):
                otp.attemptsLeft = left
                otp.result = UserMessageLine(.error, outcome.sentence)
            default:
                otp.result = UserMessageLine(.error, outcome.sentence)
            }
            state.patients.record?.otp = otp
        case .otpFailed(let line):
            guard state.patients.record?.otp != nil else {
                state.message = line
                return []
            }
            state.patients.record?.otp?.isBusy = false
            state.patients.record?.otp?.result = line
        case .outboxCount(let count):
            state.undelivered = count
        case .patientRefreshed(let refreshed):
            guard state.patients.record?.patientID == refreshed.patientID else { return [] }
            state.patients.record?.record = refreshed
        case .patientViewers(let patientID, let viewers):
            guard state.patients.record?.patientID == patientID else { return [] }
            state.patients.record?.viewers = viewers
        case .patientVerification(let patientID, let verification, let offer):
            guard state.patients.record?.patientID == patientID else { return [] }
            state.patients.record?.verification = verification
            state.patients.record?.conversionOffer = offer
        default:
            break
        }
        return []
    }
}
