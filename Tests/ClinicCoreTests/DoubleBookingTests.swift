import ClinicCore
import Foundation
import Testing

/// The database refuses overlapping appointments of one clinician, whoever inserts them.
@Suite("no double booking")
struct DoubleBookingTests {
    /// The web's createAppointment statement, sent as the web sends it (autocommit, no transaction).
    static let webInsert = """
        INSERT INTO appointments (patient_id, clinician_id, centre_id, appointment_type, scheduled_start_at, scheduled_end_at,
            duration_minutes, status, booked_by_user_id, source, notes, patient_notes, is_active)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 'BOOKED', $8, $9, $10, $11, true) RETURNING *
        """

    @Test("20 connections booking one slot through ClinicCore: exactly one wins, the rest hear 'slot taken'")
    func concurrentDeskBookings() async throws {
        try await TestDatabase.with(prefix: "book_desk") { test in
            let data = try await TestData.insert(into: test.database, patients: 20)
            let failures = try await Self.race(url: test.url) { handle, index in
                let appointment = data.appointment(start: TestData.ist(10), patient: index)
                _ = try await handle.transaction { try AppointmentStore.insert(appointment, in: $0) }
            }
            #expect(failures.count == 19, "one wins")
            #expect(failures.allSatisfy { ($0 as? BookingError) == .slotTaken })
            let stored = try await test.database.query("SELECT count(*) AS n FROM appointments")
            #expect(try stored[0].decode("n", as: Int64.self) == 1)
        }
    }

    @Test(
        "a second writer of the clinician's time waits on the first writer's lock, so no deadlock can happen"
    )
    func overlappingWritersTakeTurns() async throws {
        try await TestDatabase.with(prefix: "book_turns") { test in
            let data = try await TestData.insert(into: test.database, patients: 3)
            let triggers = try await test.database.query(
                """
                SELECT tgname FROM pg_trigger
                WHERE tgrelid = 'appointments'::regclass AND tgname LIKE 'desk_serialise_clinician_time%' ORDER BY 1
                """)
            #expect(
                try triggers.map { try $0.decode("tgname", as: String.self) } == [
                    "desk_serialise_clinician_time_insert", "desk_serialise_clinician_time_update",
                ])
            let (first, second) = (Database(url: test.url), Database(url: test.url))
            for handle in [first, second] {
                try await handle.connect()
                // A writer blocked by mistake fails the test instead of hanging it.
                _ = try await handle.execute("SET statement_timeout = '90s'")
            }
            let secondPID: Int = try await second.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
            _ = try await first.execute("BEGIN")
            _ = try await first.execute(AppointmentStore.insertQuery(data.appointment(start: TestData.ist(10), patient: 0)))
            let waiting = Task {
                try await second.execute(AppointmentStore.insertQuery(data.appointment(start: TestData.ist(10, 20), patient: 1)))
            }
            // Observed, not slept on: the second writer shows up in pg_locks waiting for an advisory lock
            // (the deadline is generous: on a busy machine its task may start late).
            var waitsOnAdvisoryLock = false
            let deadline = Date().addingTimeInterval(60)
            while !waitsOnAdvisoryLock, Date() < deadline {
                let rows = try await test.database.query(
                    "SELECT count(*) AS n FROM pg_locks WHERE pid = \(secondPID) AND locktype = 'advisory' AND NOT granted")
                waitsOnAdvisoryLock = try rows[0].decode("n", as: Int64.self) == 1
                if !waitsOnAdvisoryLock { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(waitsOnAdvisoryLock)
            _ = try await first.execute("ROLLBACK")
            #expect(try await waiting.value == 1, "the first writer rolled back, so the second gets the slot")
        }
    }

    @Test("20 connections sending the web's own INSERT for overlapping times: exactly one row, the rest refused with 23P01")
    func concurrentWebInserts() async throws {
        try await TestDatabase.with(prefix: "book_web") { test in
            let data = try await TestData.insert(into: test.database, patients: 20)
            let start = TestData.ist(11)
            let refusals = try await Self.race(url: test.url, statement: Self.webInsert) { index in
                // Alternate centres: the web's centre-scoped check would let these through; the database must not.
                // Starts 0, 10 and 20 minutes apart: every pair overlaps, across different quarter hours.
                let begins = start.adding(minutes: 10 * (index % 3))
                return [
                    String(data.patientIDs[index]), String(data.clinicianID), String(data.centreIDs[index % 2]), "IN_PERSON",
                    begins.sqlParameter, begins.adding(minutes: 50).sqlParameter, "50", String(data.patientUserIDs[index]),
                    "WEB_PATIENT", nil, nil,
                ]
            }
            #expect(refusals.count == 19)
            #expect(
                refusals.allSatisfy { $0.sqlState == "23P01" && BookingError($0) == .slotTaken },
                "\(refusals.map { "\($0.sqlState ?? "-") \($0)" })")
            let stored = try await test.database.query("SELECT count(*) AS n FROM appointments")
            #expect(try stored[0].decode("n", as: Int64.self) == 1)
        }
    }

    @Test("20 connections restoring released holds of one slot with the web's confirm UPDATE: one restored, the rest 23P01")
    func concurrentWebConfirms() async throws {
        try await TestDatabase.with(prefix: "book_confirm") { test in
            let data = try await TestData.insert(into: test.database, patients: 20)
            var released: [Int64] = []
            for index in 0..<20 {
                let hold = data.appointment(start: TestData.ist(12), patient: index, status: "CANCELLED")
                released.append(try await test.database.transaction { try AppointmentStore.insert(hold, in: $0) })
            }
            // As the desk leaves a released stale hold (and the web its own rollback): cancelled and inactive.
            try await test.database.execute("UPDATE appointments SET is_active = false")
            let holds = released
            let refusals = try await Self.race(url: test.url, statement: Self.webConfirm) { index in
                ["CONFIRMED", String(holds[index])]
            }
            #expect(refusals.count == 19)
            #expect(
                refusals.allSatisfy { $0.sqlState == "23P01" && BookingError($0) == .slotTaken },
                "\(refusals.map { "\($0.sqlState ?? "-") \($0)" })")
            let active = try await test.database.query("SELECT count(*) AS n FROM appointments WHERE is_active")
            #expect(try active[0].decode("n", as: Int64.self) == 1)
        }
    }

    /// The web's confirm step (paid: CONFIRMED and active again), as it sends it.
    static let webConfirm = "UPDATE appointments SET status = $1, updated_at = NOW(), is_active = TRUE WHERE id = $2 RETURNING *"

    /// Sends `statement` at once from 20 connections of their own (autocommit, as the web does), with
    /// the parameters for each connection's index; returns the database's refusals.
    static func race(url: String, statement: String, parameters: @escaping @Sendable (Int) -> [String?]) async throws
        -> [DatabaseError]
    {
        let failures = try await race(url: url) { handle, index in
            _ = try await handle.execute(SQLQuery(unsafeSQL: statement, parameters: parameters(index)))
        }
        return failures.compactMap { $0 as? DatabaseError }
    }

    /// Runs `operation` at once on 20 connections of their own; returns the errors thrown.
    static func race(url: String, operation: @escaping @Sendable (Database, Int) async throws -> Void) async throws -> [Error] {
        let handles = (0..<20).map { _ in Database(url: url) }
        for handle in handles { try await handle.connect() }
        return await withTaskGroup(of: Error?.self) { group in
            for (index, handle) in handles.enumerated() {
                group.addTask {
                    do {
                        try await operation(handle, index)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var failures: [Error] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
    }

    @Test(
        "a cancelled, no-show or inactive appointment frees its slot; the web's other statuses hold it",
        arguments: ["CANCELLED", "CANCELLED_BY_ADMIN", "NO_SHOW", "inactive"])
    func freedSlots(freeing: String) async throws {
        try await TestDatabase.with(prefix: "book_free") { test in
            let data = try await TestData.insert(into: test.database)
            let first = try await test.database.transaction {
                try AppointmentStore.insert(data.appointment(start: TestData.ist(12)), in: $0)
            }
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(12), patient: 1), in: $0)
                }
            }
            if freeing == "inactive" {
                try await test.database.execute("UPDATE appointments SET is_active = false WHERE id = \(first)")
            } else {
                try await test.database.execute("UPDATE appointments SET status = \(freeing) WHERE id = \(first)")
            }
            let second = try await test.database.transaction {
                try AppointmentStore.insert(data.appointment(start: TestData.ist(12), patient: 1), in: $0)
            }
            #expect(second != first)
        }
    }

    @Test(
        "statuses that hold the slot in the web's check also hold it here",
        arguments: ["BOOKED", "CONFIRMED", "IN_PROGRESS", "PENDING", "RESCHEDULED", "COMPLETED", "CANCELLATION_REQUESTED"])
    func heldSlots(status: String) async throws {
        try await TestDatabase.with(prefix: "book_held") { test in
            let data = try await TestData.insert(into: test.database)
            _ = try await test.database.transaction {
                try AppointmentStore.insert(data.appointment(start: TestData.ist(9), status: status), in: $0)
            }
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(9, 30), patient: 1), in: $0)
                }
            }
        }
    }

    @Test("partial overlaps are refused; back-to-back appointments are fine; two centres at once are refused")
    func overlapShapes() async throws {
        try await TestDatabase.with(prefix: "book_shapes") { test in
            let data = try await TestData.insert(into: test.database)
            _ = try await test.database.transaction { try AppointmentStore.insert(data.appointment(start: TestData.ist(14)), in: $0) }
            // 14:40–15:30 overlaps 14:00–14:50 by ten minutes.
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(14, 40), patient: 1), in: $0)
                }
            }
            // 13:20–14:10 overlaps from the other side.
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(13, 20), patient: 1), in: $0)
                }
            }
            // The same clinician at the other centre at the same time.
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(14, 10), patient: 2, centre: 1), in: $0)
                }
            }
            // Touching ranges ([) semantics): 14:50 starts exactly when the first ends.
            _ = try await test.database.transaction {
                try AppointmentStore.insert(data.appointment(start: TestData.ist(14, 50), patient: 1), in: $0)
            }
            // An appointment that ends before it starts is refused with its own message.
            await #expect(throws: BookingError.endNotAfterStart) {
                try await test.database.transaction {
                    try AppointmentStore.insert(data.appointment(start: TestData.ist(18), minutes: -10), in: $0)
                }
            }
        }
    }

    @Test("a failed booking leaves no half-written rows")
    func failedBookingRollsBack() async throws {
        try await TestDatabase.with(prefix: "book_rollback") { test in
            let data = try await TestData.insert(into: test.database)
            _ = try await test.database.transaction { try AppointmentStore.insert(data.appointment(start: TestData.ist(16)), in: $0) }
            await #expect(throws: BookingError.slotTaken) {
                try await test.database.transaction { session in
                    try AuditLog.record(
                        AuditEntry(
                            actorUserID: data.staffUserID, centreID: data.centreIDs[0], action: "appointment.book",
                            entityType: "appointment", entityID: nil, host: "desk-1"), in: session)
                    return try AppointmentStore.insert(data.appointment(start: TestData.ist(16), patient: 1), in: session)
                }
            }
            let audit = try await test.database.query("SELECT count(*) AS n FROM desk_audit_log")
            #expect(try audit[0].decode("n", as: Int64.self) == 0)
        }
    }
}
