import ClinicCore
import Testing

@Suite("stale holds and payments after release")
struct StaleHoldTests {
    static func backdate(_ database: Database, _ id: Int64, minutes: Int) async throws {
        try await database.execute("UPDATE appointments SET created_at = now() - make_interval(mins => \(minutes)) WHERE id = \(id)")
    }

    @Test(
        "holds older than the policy's age are listed; a manager releases one (CANCELLED, inactive, audited); a hold with a link out is never released"
    )
    func release() async throws {
        try await TestDatabase.with(prefix: "hold_release") { test in
            let data = try await TestData.insert(into: test.database)
            let now = try await AppointmentChangeTests.thisMinute(test.database)
            let old = try await AppointmentChangeTests.insert(test.database, data, start: now.adding(minutes: 5000), patient: 0)
            let linked = try await AppointmentChangeTests.insert(test.database, data, start: now.adding(minutes: 6000), patient: 1)
            let fresh = try await AppointmentChangeTests.insert(test.database, data, start: now.adding(minutes: 7000), patient: 2)
            try await Self.backdate(test.database, old, minutes: 300)
            try await Self.backdate(test.database, linked, minutes: 300)
            try await TodayScheduleTests.payment(
                test.database, appointment: linked, patient: data.patientIDs[1], status: "CREATED", link: true)
            let queues = DeskQueues(database: test.database)
            let listed = try await queues.staleHolds(for: data.staff(.frontDesk), centreID: data.centreIDs[0])
            #expect(Set(listed.map(\.appointmentID)) == [old, linked])
            #expect(listed.first { $0.appointmentID == linked }?.hasOpenPaymentLink == true)
            await #expect(throws: AccessError.self) { try await queues.releaseHold(old, by: data.staff(.frontDesk)) }
            await #expect(throws: AppointmentError.holdHasPaymentLink) {
                try await queues.releaseHold(linked, by: data.staff(.centreManager))
            }
            await #expect(throws: AppointmentError.holdTooRecent(minutes: 120)) {
                try await queues.releaseHold(fresh, by: data.staff(.centreManager))
            }
            try await queues.releaseHold(old, by: data.staff(.centreManager))
            let row = try await test.database.query(
                "SELECT status, is_active, desk_released_at IS NOT NULL AS released FROM appointments WHERE id = \(old)")[0]
            #expect(try row.decode("status", as: String.self) == "CANCELLED")
            #expect(try row.decode("is_active", as: Bool.self) == false)
            #expect(try row.decode("released", as: Bool.self))
            #expect(try await StaffTestData.auditRows(test.database, action: "appointment.releaseHold").count == 1)
            // The release policy is off by default; on, it releases what is stale and has no link.
            #expect(try await queues.releaseStaleHoldsByPolicy(centreID: data.centreIDs[0], by: data.staff(.centreManager)) == 0)
            try await Self.backdate(test.database, fresh, minutes: 500)
            var policies = try await DeskPolicies.current(test.database)
            policies.staleHoldAutoRelease = true
            await #expect(throws: AppointmentError.policiesNeedChainWideRole) {
                try await DeskPolicies.save(policies, by: data.staff(.centreManager), in: test.database)
            }
            await #expect(throws: AppointmentError.policiesNeedChainWideRole) {
                try await DeskPolicies.save(policies, by: data.staff(.frontDesk), in: test.database)
            }
            try await DeskPolicies.save(policies, by: data.staff(.manager), in: test.database)
            #expect(try await queues.releaseStaleHoldsByPolicy(centreID: data.centreIDs[0], by: data.staff(.centreManager)) == 1)
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM appointments WHERE is_active AND status = 'BOOKED'") == 1)
        }
    }

    @Test(
        "a payment that succeeds for a released hold, written by the web's own statements, lands in the paid-after-release queue; the web's confirm restores the slot or fails on the constraint; a manager resolves it"
    )
    func latePayment() async throws {
        try await TestDatabase.with(prefix: "hold_late") { test in
            let data = try await TestData.insert(into: test.database)
            try await data.addRule(test.database)
            let bookings = Bookings(database: test.database)
            let first = try await bookings.book(data.request(TestData.ist(9)), by: data.staff(.frontDesk))
            let second = try await bookings.book(data.request(TestData.ist(11), patient: 1), by: data.staff(.frontDesk))
            for id in [first.appointmentID, second.appointmentID] { try await Self.backdate(test.database, id, minutes: 600) }
            let queues = DeskQueues(database: test.database)
            try await queues.releaseHold(first.appointmentID, by: data.staff(.centreManager))
            try await queues.releaseHold(second.appointmentID, by: data.staff(.centreManager))
            // Someone else books 11:00 before the second patient's late payment arrives.
            _ = try await bookings.book(data.request(TestData.ist(11), patient: 2), by: data.staff(.frontDesk))
            let directPayment = try StaffTestData.webStatement("createDirectPayment")
            let confirm = try StaffTestData.webStatement("updateAppointmentStatus (status = CONFIRMED")
            for (appointment, patient) in [(first.appointmentID, data.patientIDs[0]), (second.appointmentID, data.patientIDs[1])] {
                try await test.database.execute(
                    SQLQuery(
                        unsafeSQL: directPayment,
                        parameters: [
                            String(patient), String(appointment), "order_late_\(appointment)", "pay_\(appointment)", "1700.00", "INR",
                            "UPI", "1700.00", "0.00", "paid late",
                        ]))
            }
            try await test.database.execute(SQLQuery(unsafeSQL: confirm, parameters: ["CONFIRMED", String(first.appointmentID)]))
            await #expect(throws: DatabaseError.self) {
                try await test.database.execute(SQLQuery(unsafeSQL: confirm, parameters: ["CONFIRMED", String(second.appointmentID)]))
            }
            let waiting = try await queues.paidAfterRelease(for: data.staff(.centreManager), centreID: data.centreIDs[0])
            #expect(Set(waiting.map(\.appointmentID)) == [first.appointmentID, second.appointmentID])
            #expect(waiting.allSatisfy { $0.amount == Money(rupees: 1700) })
            let restoredByWeb = try #require(waiting.first { $0.appointmentID == first.appointmentID })
            #expect(restoredByWeb.isActive && restoredByWeb.appointmentStatus == "CONFIRMED")
            let stranded = try #require(waiting.first { $0.appointmentID == second.appointmentID })
            await #expect(throws: BookingError.slotTaken) {
                try await queues.resolvePaidAfterRelease(stranded.id, restore: true, by: data.staff(.centreManager))
            }
            try await queues.resolvePaidAfterRelease(stranded.id, restore: false, by: data.staff(.centreManager))
            try await queues.resolvePaidAfterRelease(restoredByWeb.id, restore: true, by: data.staff(.centreManager))
            #expect(try await queues.paidAfterRelease(for: data.staff(.centreManager), centreID: data.centreIDs[0]).isEmpty)
            let refund = try await test.database.query("SELECT refund_status FROM appointments WHERE id = \(second.appointmentID)")[0]
            #expect(try refund.decode("refund_status", as: String?.self) == "PENDING")
            #expect(try await Count.of(test.database, "SELECT count(*) AS n FROM desk_clinician_overlaps()") == 0)
        }
    }
}
