import ClinicCore
import Testing

@Suite("appointment status changes")
struct AppointmentChangeTests {
    /// An appointment of the test clinician at `start`, inserted as the web does.
    static func insert(_ database: Database, _ data: TestData, start: Instant, patient: Int = 0, status: String = "BOOKED") async throws
        -> Int64
    {
        try await database.transaction { session in
            try AppointmentStore.insert(data.appointment(start: start, patient: patient, status: status), in: session)
        }
    }

    /// The database clock floored to the minute (so "today" and "started" hold for it).
    static func thisMinute(_ database: Database) async throws -> Instant {
        let now = try await DatabaseClock(database: database).now()
        return Instant(microsecondsSinceEpoch: now.microsecondsSinceEpoch / 60_000_000 * 60_000_000)
    }

    static func history(_ database: Database, _ id: Int64) async throws -> [String] {
        try await database.query(
            "SELECT coalesce(previous_status, '-') || '>' || new_status AS step FROM appointment_status_history WHERE appointment_id = \(id) ORDER BY id"
        ).map { try $0.decode("step") }
    }

    @Test("check-in on the day gives the centre's next token; a second check-in returns the same token; no status change")
    func checkIn() async throws {
        try await TestDatabase.with(prefix: "chg_checkin") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await Self.thisMinute(test.database)
            let first = try await Self.insert(test.database, data, start: now, patient: 0)
            let second = try await Self.insert(test.database, data, start: now.adding(minutes: 50), patient: 1)
            let future = try await Self.insert(test.database, data, start: now.adding(minutes: 3 * 24 * 60), patient: 2)
            let changes = AppointmentChanges(database: test.database)
            #expect(try await changes.checkIn(second, by: data.staff(.frontDesk)) == 1)
            #expect(try await changes.checkIn(first, by: data.staff(.frontDesk)) == 2)
            #expect(try await changes.checkIn(first, by: data.staff(.frontDesk)) == 2)
            await #expect(throws: AppointmentError.checkInOnAnotherDay) {
                _ = try await changes.checkIn(future, by: data.staff(.frontDesk))
            }
            await #expect(throws: AccessError.self) { _ = try await changes.checkIn(first, by: data.staff(.frontDesk, centre: 1)) }
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM appointments WHERE status = 'BOOKED'") == 3)
            #expect(try await StaffTestData.auditRows(test.database, action: "appointment.checked_in").count == 2)
        }
    }

    @Test("start and complete are the clinician's own; start needs a paid (CONFIRMED) visit; each writes history")
    func sessions() async throws {
        try await TestDatabase.with(prefix: "chg_session") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await Self.thisMinute(test.database)
            let id = try await Self.insert(test.database, data, start: now)
            let changes = AppointmentChanges(database: test.database)
            await #expect(throws: AppointmentError.notFromStatus(.start, .booked)) {
                try await changes.startSession(id, by: data.clinicianActor)
            }
            try await TodayScheduleTests.payment(test.database, appointment: id, patient: data.patientIDs[0], status: "SUCCESS")
            // RESCHEDULED with a SUCCESS payment behaves as CONFIRMED.
            try await test.database.execute("UPDATE appointments SET status = 'RESCHEDULED' WHERE id = \(id)")
            await #expect(throws: AccessError.self) { try await changes.startSession(id, by: data.staff(.frontDesk)) }
            try await changes.startSession(id, by: data.clinicianActor)
            try await changes.completeSession(id, by: data.clinicianActor)
            let row = try await test.database.query(
                "SELECT status, session_started_at IS NOT NULL AS started, session_ended_at IS NOT NULL AS ended FROM appointments WHERE id = \(id)"
            )[0]
            #expect(try row.decode("status", as: String.self) == "COMPLETED")
            #expect(try row.decode("started", as: Bool.self))
            #expect(try row.decode("ended", as: Bool.self))
            #expect(try await Self.history(test.database, id) == ["RESCHEDULED>IN_PROGRESS", "IN_PROGRESS>COMPLETED"])
            await #expect(throws: AppointmentError.notFromStatus(.cancel, .completed)) {
                try await changes.cancel(id, reason: "late", override: true, by: data.staff(.admin))
            }
        }
    }

    @Test("no-show only after the start time")
    func noShow() async throws {
        try await TestDatabase.with(prefix: "chg_noshow") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await Self.thisMinute(test.database)
            let started = try await Self.insert(test.database, data, start: now)
            let later = try await Self.insert(test.database, data, start: now.adding(minutes: 120), patient: 1)
            let changes = AppointmentChanges(database: test.database)
            await #expect(throws: AppointmentError.noShowBeforeStart) { try await changes.markNoShow(later, by: data.staff(.frontDesk)) }
            try await changes.markNoShow(started, by: data.staff(.frontDesk))
            #expect(try await Self.history(test.database, started) == ["BOOKED>NO_SHOW"])
            #expect(try await Self.history(test.database, later) == [])
        }
    }

    @Test(
        "cancel: reason required; within 24 hours FRONT_DESK and CARE_COORDINATOR are refused naming the rule, a CENTRE_MANAGER overrides with a reason; a paid visit is marked for refund"
    )
    func cancelRule() async throws {
        try await TestDatabase.with(prefix: "chg_cancel") { test in
            let data = try await TestData.insert(into: test.database, patients: 4)
            let now = try await Self.thisMinute(test.database)
            let soon = try await Self.insert(test.database, data, start: now.adding(minutes: 120))
            let ahead = try await Self.insert(test.database, data, start: now.adding(minutes: 48 * 60), patient: 1)
            let changes = AppointmentChanges(database: test.database)
            await #expect(throws: AppointmentError.reasonRequired("for the cancellation")) {
                try await changes.cancel(ahead, reason: " ", by: data.staff(.frontDesk))
            }
            for role in [StaffRole.frontDesk, .careCoordinator] {
                await #expect(throws: AppointmentError.within24Hours(.cancel)) {
                    try await changes.cancel(soon, reason: "clinician ill", override: true, by: data.staff(role))
                }
            }
            #expect(AppointmentError.within24Hours(.cancel).description.contains("24-hour rule"))
            await #expect(throws: AppointmentError.within24Hours(.cancel)) {
                try await changes.cancel(soon, reason: "clinician ill", by: data.staff(.centreManager))
            }
            try await TodayScheduleTests.payment(test.database, appointment: soon, patient: data.patientIDs[0], status: "SUCCESS")
            try await test.database.execute("UPDATE appointments SET status = 'CONFIRMED' WHERE id = \(soon)")
            try await changes.cancel(soon, reason: "clinician ill", override: true, by: data.staff(.centreManager))
            try await changes.cancel(ahead, reason: "patient travelling", by: data.staff(.frontDesk))
            let rows = try await test.database.query(
                "SELECT id, status, cancellation_reason, refund_eligible, refund_status FROM appointments WHERE id IN (\(soon), \(ahead)) ORDER BY id"
            )
            #expect(try rows[0].decode("status", as: String.self) == "CANCELLED")
            #expect(try rows[0].decode("cancellation_reason", as: String.self) == "clinician ill")
            #expect(try rows[0].decode("refund_eligible", as: Bool.self))
            #expect(try rows[0].decode("refund_status", as: String.self) == "PENDING")
            #expect(try rows[1].decode("refund_status", as: String?.self) == nil)
            #expect(try await Self.history(test.database, soon) == ["CONFIRMED>CANCELLED"])
            #expect(
                try await Count.of(
                    test.database,
                    "SELECT count(*) AS n FROM notifications WHERE payload_data->>'notification_type' = 'APPOINTMENT_CANCELLED'") == 2)
        }
    }

    @Test("web cancellation requests: a manager approves (CANCELLED, approver and time) or declines (CONFIRMED when paid, else BOOKED)")
    func cancellationRequests() async throws {
        try await TestDatabase.with(prefix: "chg_request") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await Self.thisMinute(test.database)
            let ids = [
                try await Self.insert(test.database, data, start: now.adding(minutes: 5000), patient: 0),
                try await Self.insert(test.database, data, start: now.adding(minutes: 6000), patient: 1),
                try await Self.insert(test.database, data, start: now.adding(minutes: 7000), patient: 2),
            ]
            try await TodayScheduleTests.payment(test.database, appointment: ids[1], patient: data.patientIDs[1], status: "SUCCESS")
            let webRequest = try StaffTestData.webStatement("cancelAppointment (outside repositories/services; cancellation request")
            for id in ids {
                try await test.database.execute(SQLQuery(unsafeSQL: webRequest, parameters: ["cannot make it", String(id)]))
            }
            let queues = DeskQueues(database: test.database)
            #expect(try await queues.cancellationRequests(for: data.staff(.frontDesk), centreID: data.centreIDs[0]).count == 3)
            let changes = AppointmentChanges(database: test.database)
            await #expect(throws: AccessError.self) { try await changes.approveCancellationRequest(ids[0], by: data.staff(.frontDesk)) }
            await #expect(throws: AppointmentError.notFromStatus(.cancel, .cancellationRequested)) {
                try await changes.cancel(ids[0], reason: "x", by: data.staff(.centreManager))
            }
            try await changes.approveCancellationRequest(ids[0], by: data.staff(.centreManager))
            try await changes.declineCancellationRequest(ids[1], reason: "inside the notice period", by: data.staff(.centreManager))
            try await changes.declineCancellationRequest(ids[2], reason: "inside the notice period", by: data.staff(.centreManager))
            let rows = try await test.database.query(
                "SELECT status, cancellation_approved_at IS NOT NULL AS approved, cancellation_approved_by FROM appointments WHERE id = ANY(\(ids)::bigint[]) ORDER BY id"
            )
            #expect(try rows.map { try $0.decode("status", as: String.self) } == ["CANCELLED", "CONFIRMED", "BOOKED"])
            #expect(try rows[0].decode("approved", as: Bool.self))
            #expect(try rows[0].decode("cancellation_approved_by", as: Int64?.self) == data.staffUserID)
            #expect(try await Self.history(test.database, ids[1]) == ["CANCELLATION_REQUESTED>CONFIRMED"])
            #expect(try await queues.cancellationRequests(for: data.staff(.frontDesk), centreID: data.centreIDs[0]).isEmpty)
        }
    }

    @Test("the compare-and-set: eight desks cancel one visit at once; one wins, one history row, the rest are told it changed")
    func compareAndSet() async throws {
        try await TestDatabase.with(prefix: "chg_cas") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await Self.thisMinute(test.database)
            let id = try await Self.insert(test.database, data, start: now.adding(minutes: 5000))
            let handles = (0..<8).map { _ in AppointmentChanges(database: Database(url: test.url)) }
            let actor = data.staff(.frontDesk)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for handle in handles {
                    group.addTask {
                        do {
                            try await handle.cancel(id, reason: "duplicate", by: actor)
                            return "won"
                        } catch AppointmentError.changedMeanwhile {
                            return "changed"
                        } catch AppointmentError.notFromStatus {
                            return "changed"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var outcomes: [String] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(outcomes.filter { $0 == "won" }.count == 1)
            #expect(outcomes.filter { $0 == "changed" }.count == 7)
            #expect(try await Self.history(test.database, id) == ["BOOKED>CANCELLED"])
        }
    }
}
