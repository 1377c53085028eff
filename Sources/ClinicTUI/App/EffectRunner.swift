import ClinicCore
import Foundation

/// Runs effects against ClinicCore, off the main actor, and answers with messages.
/// Errors become words here, through `UserMessage`, and connection problems become
/// `.connectionLost` so the banner shows and the runtime reconnects.
struct EffectRunner: Sendable {
    let database: Database
    let host: String
    /// Where waiting WhatsApp messages go (console in the demo); nil delivers nothing from the TUI.
    var channel: (any MessageChannel)?
    /// Where day-list exports are written.
    var exportDirectory = FileManager.default.currentDirectoryPath

    func run(_ effect: Effect, now: Instant) async -> [Message] {
        switch effect {
        case .signIn(let requestID, let login, let password):
            do {
                let actor = try await StaffAuthenticator(database: database).signIn(login: login, password: password, host: host)
                let centres = try await CentreDirectory(database: database).centres(reachableBy: actor)
                guard let first = centres.first else {
                    return [
                        .signInFailed(requestID: requestID, UserMessageLine(.error, "No active centre is assigned to you. Ask a manager."))
                    ]
                }
                let choices = centres.map {
                    CentreChoice(
                        id: $0.id, name: $0.name, city: $0.city, timeZone: $0.timeZone,
                        offsetSeconds: $0.offsetSeconds(at: now))
                }
                let preferred = choices.first { $0.id == actor.activeCentreID } ?? choices.first { $0.id == first.id } ?? choices[0]
                var working = actor
                working.activeCentreID = preferred.id
                return [
                    .connectionRestored, .signedIn(requestID: requestID, DeskSession(actor: working, centres: choices, centre: preferred)),
                ]
            } catch {
                return failure(error, otherwise: .signInFailed(requestID: requestID, UserMessage.line(for: error)))
            }
        case .loadToday(let requestID, let actor, let centreID, let day):
            do {
                let entries = try await TodaySchedule(database: database).appointments(for: actor, centreID: centreID, day: day)
                return [.connectionRestored, .todayLoaded(requestID: requestID, TodaySnapshot(day: day, entries: entries))]
            } catch {
                return failure(error, otherwise: .todayFailed(requestID: requestID, UserMessage.line(for: error)))
            }
        case .verifyUnlock(let actor, let password):
            do {
                let matches = try await StaffAuthenticator(database: database).verifyPassword(of: actor, password)
                return [matches ? .unlocked : .unlockFailed(UserMessageLine(.error, "That password is not right."))]
            } catch {
                return failure(error, otherwise: .unlockFailed(UserMessage.line(for: error)))
            }
        case .signOut(let actor):
            try? await StaffAuthenticator(database: database).signOut(actor)
            return [.signedOut]
        case .probeDatabase(let attempt, let delay):
            try? await Task.sleep(for: .milliseconds(delay))
            do {
                try await database.connect()
                return [.connectionRestored]
            } catch {
                return [.connectionStillDown(attempt: attempt)]
            }
        case .searchPatients(let requestID, let actor, let text):
            do {
                return [.patientsFound(requestID: requestID, try await PatientDirectory(database: database).search(text, actor: actor))]
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .openPatient(let requestID, let actor, let patientID):
            do {
                let record = try await PatientDirectory(database: database).record(patientID: patientID, actor: actor)
                return [.patientOpened(requestID: requestID, record)] + (await verification(of: patientID, actor: actor))
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .checkDuplicates(let requestID, let actor, let form):
            do {
                let found = try await PatientDirectory(database: database).possibleDuplicates(of: form, actor: actor)
                return [.duplicatesChecked(requestID: requestID, found)]
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .registerPatient(let requestID, let actor, let form):
            do {
                return [
                    .patientRegistered(requestID: requestID, try await PatientDirectory(database: database).register(form, actor: actor))
                ]
            } catch PatientError.validation(let problems) {
                return [
                    .patientRequestFailed(
                        requestID: requestID, UserMessageLine(.error, "Please correct the fields marked ✗."),
                        problems: problems)
                ]
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .updatePatient(let requestID, let actor, let patientID, let changes):
            do {
                let record = try await PatientDirectory(database: database).update(patientID: patientID, changes: changes, actor: actor)
                return [.patientUpdated(requestID: requestID, record)]
            } catch PatientError.validation(let problems) {
                return [
                    .patientRequestFailed(
                        requestID: requestID, UserMessageLine(.error, "Please correct the fields marked ✗."), problems: problems)
                ]
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .sendOTP(let actor, let patientID):
            do {
                return [
                    .otpSent(patientID: patientID, try await OTPVerification(database: database).send(toPatient: patientID, actor: actor))
                ]
            } catch {
                return failure(error, otherwise: .otpFailed(UserMessage.line(for: error)))
            }
        case .verifyOTP(let actor, let patientID, let code):
            do {
                return [
                    .otpChecked(
                        patientID: patientID,
                        try await OTPVerification(database: database).verify(patientID: patientID, code: code, actor: actor))
                ]
            } catch {
                return failure(error, otherwise: .otpFailed(UserMessage.line(for: error)))
            }
        case .loadViewers(let actor, let patientID):
            do {
                return [
                    .patientViewers(
                        patientID: patientID, try await PatientRecordAudit(database: database).viewers(of: patientID, for: actor))
                ]
            } catch {
                return failure(error, otherwise: .otpFailed(UserMessage.line(for: error)))
            }
        case .refreshPatient(let actor, let patientID):
            do {
                return [.patientRefreshed(try await PatientDirectory(database: database).refresh(patientID: patientID, actor: actor))]
            } catch {
                return failure(error, otherwise: .otpFailed(UserMessage.line(for: error)))
            }
        case .loadVerification(let actor, let patientID):
            return await verification(of: patientID, actor: actor)
        case .convertPhone(let requestID, let actor, let patientID):
            do {
                try await OTPVerification(database: database).convertPhoneToWebFormat(patientID: patientID, actor: actor)
                let record = try await PatientDirectory(database: database).refresh(patientID: patientID, actor: actor)
                return [.patientOpened(requestID: requestID, record)] + (await verification(of: patientID, actor: actor))
            } catch {
                return failure(error, otherwise: .patientRequestFailed(requestID: requestID, UserMessage.line(for: error), problems: [:]))
            }
        case .deliverOutbox:
            do {
                if let channel { _ = try await OutboxWorker(database: database, channel: channel).deliverDue() }
                return [.outboxCount(try await Outbox(database: database).undeliveredCount())]
            } catch {
                return UserMessage.isConnectionProblem(error) ? [.connectionLost] : []
            }
        case .backgroundJobs(let actor, let centreID):
            // Best effort: a failure here must not disturb the desk; the next minute tries again.
            _ = try? await Reminders(database: database).sendDue()
            _ = try? await DeskQueues(database: database).releaseStaleHoldsByPolicy(centreID: centreID, by: actor)
            return []
        case .loadGrid(let requestID, let actor, let centreID, let day, let clinicianID, let specialization):
            do {
                let availability = Availability(database: database)
                let data: GridData
                if let clinicianID {
                    data = GridData(
                        week: try await availability.clinicianWeek(for: actor, clinicianID: clinicianID, centreID: centreID, firstDay: day))
                } else {
                    data = GridData(
                        day: try await availability.dayGrid(
                            for: actor, centreID: centreID, day: day, specialization: specialization.isEmpty ? nil : specialization))
                }
                return [.connectionRestored, .gridLoaded(requestID: requestID, data)]
            } catch {
                return failure(error, otherwise: .gridFailed(requestID: requestID, UserMessage.line(for: error)))
            }
        case .setup(let actor, let request):
            do {
                return [.setup(try await runSetup(request, actor: actor))]
            } catch {
                return failure(error, otherwise: .setup(.failed(UserMessage.line(for: error))))
            }
        case .lookUpPatientName(let actor, let appointmentID):
            let name = try? await Availability(database: database).patientName(appointmentID: appointmentID, for: actor)
            return [.patientNameFound(appointmentID: appointmentID, name)]
        case .findFirstFree(let requestID, let actor, let centreID, let specialization, let after):
            do {
                let found = try await Availability(database: database).nextAvailable(
                    for: actor,
                    NextAvailableQuery(
                        after: after, centreID: centreID, specialization: specialization.isEmpty ? nil : specialization, limit: 1))
                return [.firstFreeFound(requestID: requestID, found.first)]
            } catch {
                return failure(error, otherwise: .notice(UserMessage.line(for: error)))
            }
        case .book(let actor, let request):
            do {
                return [.booked(try await Bookings(database: database).book(request, by: actor))]
            } catch {
                return failure(error, otherwise: .bookingFailed(UserMessage.line(for: error), slotTaken: EffectRunner.isSlotTaken(error)))
            }
        case .walkIn(let actor, let patientID, let centreID):
            do {
                return [.booked(try await Bookings(database: database).bookWalkIn(patientID: patientID, centreID: centreID, by: actor))]
            } catch {
                return failure(error, otherwise: .bookingFailed(UserMessage.line(for: error), slotTaken: EffectRunner.isSlotTaken(error)))
            }
        case .reschedule(let actor, let appointmentID, let start, let clinicianID, let reason):
            do {
                try await Bookings(database: database).reschedule(
                    appointmentID, to: start, clinicianID: clinicianID, reason: reason, override: true, by: actor)
                return [.moved(UserMessageLine(.success, "Moved. The patient gets a WhatsApp message about the new time."))]
            } catch {
                return failure(error, otherwise: .bookingFailed(UserMessage.line(for: error), slotTaken: EffectRunner.isSlotTaken(error)))
            }
        case .changeAppointment(let actor, let appointmentID, let command):
            do {
                return [.appointmentChanged(try await change(appointmentID, command, actor: actor))]
            } catch {
                return failure(error, otherwise: .appointmentChangeFailed(UserMessage.line(for: error)))
            }
        case .loadQueues(let actor, let centreID):
            do {
                let queues = DeskQueues(database: database)
                let snapshot = QueuesSnapshot(
                    requests: try await queues.cancellationRequests(for: actor, centreID: centreID),
                    holds: try await queues.staleHolds(for: actor, centreID: centreID),
                    paidAfterRelease: try await queues.paidAfterRelease(for: actor, centreID: centreID))
                return [.queuesLoaded(snapshot)]
            } catch {
                return failure(error, otherwise: .notice(UserMessage.line(for: error)))
            }
        case .exportDay(let export):
            let path = URL(fileURLWithPath: exportDirectory).appendingPathComponent(export.fileName).path
            do {
                try export.contents.write(toFile: path, atomically: true, encoding: .utf8)
                return [.exported(UserMessageLine(.success, "Written to \(path)."))]
            } catch {
                return [.exported(UserMessageLine(.error, "Could not write \(path): \(error.localizedDescription)"))]
            }
        case .redrawAll, .quit:
            return []
        }
    }

    static func isSlotTaken(_ error: Error) -> Bool {
        (error as? BookingError) == .slotTaken
    }

    /// Runs one schedule command and says what happened.
    private func change(_ id: Int64, _ command: ScheduleCommand, actor: StaffActor) async throws -> UserMessageLine {
        let changes = AppointmentChanges(database: database)
        let queues = DeskQueues(database: database)
        switch command {
        case .checkIn:
            let token = try await changes.checkIn(id, by: actor)
            return UserMessageLine(.success, "Checked in. Queue token \(token).")
        case .start:
            try await changes.startSession(id, by: actor)
            return UserMessageLine(.success, "Session started.")
        case .complete:
            try await changes.completeSession(id, by: actor)
            return UserMessageLine(.success, "Session completed.")
        case .noShow:
            try await changes.markNoShow(id, by: actor)
            return UserMessageLine(.success, "Marked as no-show; the slot is free again.")
        case .cancel(let reason, let override):
            try await changes.cancel(id, reason: reason, override: override, by: actor)
            return UserMessageLine(.success, "Cancelled. The patient gets a WhatsApp message; a paid visit waits for its refund.")
        case .approveRequest:
            try await changes.approveCancellationRequest(id, by: actor)
            return UserMessageLine(.success, "Cancellation approved.")
        case .declineRequest(let reason):
            try await changes.declineCancellationRequest(id, reason: reason, by: actor)
            return UserMessageLine(.success, "Request declined; the appointment stands.")
        case .releaseHold:
            try await queues.releaseHold(id, by: actor)
            return UserMessageLine(.success, "Hold released; the slot is free again.")
        case .resolvePaid(let entryID, let restore):
            try await queues.resolvePaidAfterRelease(entryID, restore: restore, by: actor)
            return UserMessageLine(.success, restore ? "Visit restored." : "Marked for refund.")
        }
    }

    /// The phone's verification and the conversion the desk offers (none when either cannot be read).
    private func verification(of patientID: Int64, actor: StaffActor) async -> [Message] {
        let otp = OTPVerification(database: database)
        do {
            let status = try await otp.status(patientID: patientID, actor: actor)
            let offer = status.verification == nil ? nil : try await otp.phoneConversionOffer(patientID: patientID, actor: actor)
            return [.patientVerification(patientID: patientID, status.verification, offer)]
        } catch {
            return failure(error, otherwise: .otpFailed(UserMessage.line(for: error)))
        }
    }

    func failure(_ error: Error, otherwise message: Message) -> [Message] {
        UserMessage.isConnectionProblem(error) ? [.connectionLost, message] : [message]
    }
}
