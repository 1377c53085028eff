import ClinicCore
import Testing

@Suite("patient record views")
struct PatientRecordAuditTests {
    @Test("opening a record is audited; the audit log answers who looked at this patient, newest first")
    func whoLooked() async throws {
        try await TestDatabase.with(prefix: "record_views") { test in
            let data = try await TestData.insert(into: test.database)
            let (a, b) = (data.centreIDs[0], data.centreIDs[1])
            let administration = StaffAdministration(database: test.database, host: "setup")
            let deskID = try await administration.add(
                NewStaffMember(
                    username: "desk.a", fullName: "Desk At A", phone: "9845000001",
                    role: .frontDesk, centreIDs: [a], password: "password-1"))
            let managerAID = try await administration.add(
                NewStaffMember(
                    username: "cm.a", fullName: "Manager At A", phone: "9845000002",
                    role: .centreManager, centreIDs: [a], password: "password-2"))
            let managerBID = try await administration.add(
                NewStaffMember(
                    username: "cm.b", fullName: "Manager At B", phone: "9845000003",
                    role: .centreManager, centreIDs: [b], password: "password-3"))
            let chainID = try await administration.add(
                NewStaffMember(
                    username: "boss", fullName: "Chain Manager", phone: "9845000004",
                    role: .manager, password: "password-4"))
            let authenticator = StaffAuthenticator(database: test.database)
            let desk = try await authenticator.signIn(login: "desk.a", password: "password-1", host: "desk-a-01")
            let managerA = try await authenticator.signIn(login: "cm.a", password: "password-2", host: "desk-a-02")
            let managerB = try await authenticator.signIn(login: "cm.b", password: "password-3", host: "desk-b-01")
            let chain = try await authenticator.signIn(login: "boss", password: "password-4", host: "hq-01")
            #expect([desk.userID, managerA.userID, managerB.userID, chain.userID] == [deskID, managerAID, managerBID, chainID])

            let audit = PatientRecordAudit(database: test.database)
            let patient = data.patientIDs[0]
            try await audit.recordView(actor: desk, patientID: patient)
            try await audit.recordView(actor: managerB, patientID: patient)
            try await audit.recordView(actor: chain, patientID: patient)
            try await audit.recordView(actor: desk, patientID: data.patientIDs[1])

            let rows = try await StaffTestData.auditRows(test.database, action: "patient.viewed")
            #expect(rows.count == 4)
            #expect(try rows[0].decode("entity_type", as: String.self) == "patient")
            #expect(try rows[0].decode("entity_id", as: Int64?.self) == patient)
            #expect(try rows[0].decode("centre_id", as: Int64?.self) == a)
            #expect(try rows[0].decode("actor_user_id", as: Int64?.self) == deskID)
            #expect(try rows[0].decode("host", as: String?.self) == "desk-a-01")

            let everyone = try await audit.viewers(of: patient, for: chain)
            #expect(everyone.map(\.who) == ["Chain Manager", "Manager At B", "Desk At A"])
            #expect(everyone.map(\.host) == ["hq-01", "desk-b-01", "desk-a-01"])
            #expect(everyone.map(\.userID) == [chainID, managerBID, deskID])
            #expect(everyone[0].at >= everyone[1].at && everyone[1].at >= everyone[2].at)

            // A centre manager sees the views recorded at their own centres.
            #expect(try await audit.viewers(of: patient, for: managerA).map(\.who) == ["Desk At A"])
            #expect(try await audit.viewers(of: patient, for: managerB).map(\.who) == ["Manager At B"])

            await #expect(throws: AccessError.notAllowed(.viewAuditLog, role: .frontDesk)) {
                try await audit.viewers(of: patient, for: desk)
            }
            #expect(try await AuditLog(database: test.database).verify().isIntact)
        }
    }
}
