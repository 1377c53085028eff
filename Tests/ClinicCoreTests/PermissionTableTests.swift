import ClinicCore
import Foundation
import Testing

@Suite("permission table")
struct PermissionTableTests {
    /// Issue 4 §3, written out independently of the code: who may do what.
    static let expected: [Permission: Set<StaffRole>] = {
        let everyoneButClinician: Set<StaffRole> = [.admin, .manager, .centreManager, .careCoordinator, .frontDesk]
        let desk: Set<StaffRole> = [.admin, .manager, .centreManager, .careCoordinator, .frontDesk]
        let management: Set<StaffRole> = [.admin, .manager, .centreManager]
        return [
            .searchPatients: everyoneButClinician, .registerPatient: everyoneButClinician,
            .editPatientContact: everyoneButClinician, .verifyPatientPhone: everyoneButClinician,
            .viewDaySchedule: desk, .bookAppointment: desk, .checkIn: desk, .markNoShow: desk,
            .rescheduleAhead: desk, .cancelAhead: desk, .sendPaymentLink: desk, .takeDeskPayment: desk,
            .rescheduleWithin24Hours: management, .cancelWithin24Hours: management,
            .approveCancellationRequest: management, .overbook: management, .releaseStaleHolds: management,
            .refundPayment: management, .mergePatients: management, .manageLeave: management,
            .manageHolidays: management, .manageAvailabilityRules: management, .viewReports: management,
            .viewAuditLog: management,
            .administerStaff: [.admin],
            .viewOwnSchedule: [.clinician], .startSession: [.clinician], .completeSession: [.clinician],
            .readClinicalNotes: [.clinician],
        ]
    }()

    static let centreA: Int64 = 1
    static let centreB: Int64 = 2
    static let ownClinician: Int64 = 7

    @Test("the table holds exactly the issue's list", arguments: Permission.allCases)
    func tableMatchesIssue(_ permission: Permission) {
        #expect(PermissionTable.allowedRoles(permission) == PermissionTableTests.expected[permission])
    }

    @Test("every cell is allowed or refused at the core", arguments: Permission.allCases, StaffRole.allCases)
    func everyCell(_ permission: Permission, _ role: StaffRole) {
        let actor = StaffTestData.actor(role, at: PermissionTableTests.centreA, clinicianID: PermissionTableTests.ownClinician)
        let check = {
            try PermissionTable.check(
                actor, permission, centreID: PermissionTableTests.centreA,
                clinicianID: PermissionTableTests.ownClinician)
        }
        if PermissionTableTests.expected[permission]?.contains(role) == true {
            #expect(throws: Never.self) { try check() }
        } else {
            #expect(throws: AccessError.notAllowed(permission, role: role)) { try check() }
        }
    }

    @Test("clinical notes are never for the front desk or care coordinators")
    func clinicalNotesPrivacy() {
        for role in [StaffRole.frontDesk, .careCoordinator] {
            #expect(!PermissionTable.allowedRoles(.readClinicalNotes).contains(role))
            #expect(!PermissionTable.allows(StaffTestData.actor(role), .readClinicalNotes, clinicianID: 7))
        }
    }

    @Test("FRONT_DESK at centre A is refused at centre B for every centre-scoped permission; the directory is chain-wide")
    func centreScope() throws {
        let frontDesk = StaffTestData.actor(.frontDesk, at: PermissionTableTests.centreA)
        for permission in Permission.allCases
        where permission.scope == .centre && PermissionTable.allowedRoles(permission).contains(.frontDesk) {
            #expect(throws: Never.self) { try PermissionTable.check(frontDesk, permission, centreID: PermissionTableTests.centreA) }
            #expect(throws: AccessError.outsideYourCentres(centreID: PermissionTableTests.centreB)) {
                try PermissionTable.check(frontDesk, permission, centreID: PermissionTableTests.centreB)
            }
        }
        // No centre given: the working centre applies.
        try PermissionTable.check(frontDesk, .bookAppointment)
        #expect(throws: AccessError.outsideYourCentres(centreID: PermissionTableTests.centreB)) {
            try PermissionTable.check(
                StaffActor(
                    userID: 1, fullName: "x", username: nil, assignments: frontDesk.assignments,
                    activeCentreID: PermissionTableTests.centreB, host: "h"), .bookAppointment)
        }
        for permission in [Permission.searchPatients, .registerPatient, .editPatientContact, .verifyPatientPhone] {
            try PermissionTable.check(frontDesk, permission, centreID: PermissionTableTests.centreB)
        }
    }

    @Test("MANAGER and ADMIN reach every centre")
    func managersEverywhere() throws {
        for role in [StaffRole.manager, .admin] {
            let actor = StaffTestData.actor(role)
            #expect(actor.assignments == [RoleAssignment(role: role, centreID: nil)])
            for centre: Int64 in [1, 2, 999] {
                #expect(actor.canReach(centre: centre))
                for permission in Permission.allCases where permission.scope == .centre {
                    try PermissionTable.check(actor, permission, centreID: centre)
                }
            }
            try PermissionTable.check(actor, .refundPayment)  // no centre at all: chain-wide roles still pass
            #expect(actor.reachableCentreIDs(allCentres: [3, 1, 2]) == [3, 1, 2])
        }
        #expect(throws: Never.self) { try PermissionTable.check(StaffTestData.actor(.admin), .administerStaff) }
        #expect(throws: AccessError.notAllowed(.administerStaff, role: .manager)) {
            try PermissionTable.check(StaffTestData.actor(.manager), .administerStaff)
        }
    }

    @Test("a role counts only at its own centre: front desk at A, centre manager at B")
    func rolesPerCentre() throws {
        let actor = StaffActor(
            userID: 5, fullName: "Two Hats", username: "two.hats",
            assignments: [RoleAssignment(role: .frontDesk, centreID: 1), RoleAssignment(role: .centreManager, centreID: 2)],
            activeCentreID: 1, host: "h")
        #expect(actor.highestRole == .centreManager)
        #expect(throws: AccessError.notAllowed(.refundPayment, role: .frontDesk)) {
            try PermissionTable.check(actor, .refundPayment, centreID: 1)
        }
        try PermissionTable.check(actor, .refundPayment, centreID: 2)
        #expect(throws: AccessError.outsideYourCentres(centreID: 3)) { try PermissionTable.check(actor, .bookAppointment, centreID: 3) }
        #expect(actor.reachableCentreIDs(allCentres: [1, 2, 3]) == [1, 2])
        // A centre-bound actor with no working centre: no centre-scoped permission passes.
        var nowhere = actor
        nowhere.activeCentreID = nil
        #expect(throws: AccessError.self) { try PermissionTable.check(nowhere, .bookAppointment) }
    }

    @Test("a clinician sees and runs only their own schedule")
    func clinicianOwnOnly() {
        let clinician = StaffTestData.actor(.clinician, clinicianID: 7)
        for permission in [Permission.viewOwnSchedule, .startSession, .completeSession, .readClinicalNotes] {
            #expect(throws: Never.self) { try PermissionTable.check(clinician, permission, clinicianID: 7) }
            #expect(throws: AccessError.notYourOwnSchedule) { try PermissionTable.check(clinician, permission, clinicianID: 8) }
            #expect(throws: AccessError.notYourOwnSchedule) { try PermissionTable.check(clinician, permission) }
            // Nobody else starts or completes a clinician's session, not even an admin.
            #expect(throws: AccessError.notAllowed(permission, role: .admin)) {
                try PermissionTable.check(StaffTestData.actor(.admin), permission, clinicianID: 7)
            }
        }
        #expect(throws: AccessError.notAllowed(.viewDaySchedule, role: .clinician)) {
            try PermissionTable.check(clinician, .viewDaySchedule, centreID: 1)
        }
        #expect(throws: AccessError.notAllowed(.searchPatients, role: .clinician)) { try PermissionTable.check(clinician, .searchPatients) }
    }

    @Test("switching the working centre is refused outside the actor's centres")
    func switchCentre() throws {
        let frontDesk = StaffTestData.actor(.frontDesk, at: 1)
        #expect(try frontDesk.atCentre(1).activeCentreID == 1)
        #expect(throws: AccessError.outsideYourCentres(centreID: 2)) { try frontDesk.atCentre(2) }
        #expect(try StaffTestData.actor(.manager).atCentre(42).activeCentreID == 42)
    }

    @Test("refusals are in receptionist language")
    func messages() {
        #expect(
            AccessError.notAllowed(.refundPayment, role: .frontDesk).description
                == "Your role (Front desk) cannot refund payments. Ask a centre manager.")
        #expect(
            AccessError.notAllowed(.administerStaff, role: .centreManager).description
                == "Your role (Centre manager) cannot add, disable and reset staff accounts. Ask an admin.")
        #expect(AccessError.notAllowed(.searchPatients, role: .clinician).description.contains("Ask the front desk"))
        #expect(AccessError.notAllowed(.startSession, role: .admin).description.contains("Only a clinician"))
        #expect(AccessError.outsideYourCentres(centreID: 4).description.contains("not one of your centres"))
        #expect(
            StaffRole.allCases.map(\.displayName) == ["Admin", "Manager", "Centre manager", "Clinician", "Care coordinator", "Front desk"])
        #expect(StaffRole.allCases.max() == .admin && StaffRole.allCases.min() == .frontDesk)
    }

    @Test("README's permission table is the one the code generates")
    func readmeTable() throws {
        let path = TestDatabase.repositoryRoot.appendingPathComponent("README.md").path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- permissions:begin -->"
        let end = "<!-- permissions:end -->"
        guard let start = readme.range(of: begin), let stop = readme.range(of: end), start.upperBound <= stop.lowerBound else {
            Issue.record("README.md has no \(begin) … \(end) block")
            return
        }
        let generated = PermissionTable.markdownTable()
        let inReadme = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if inReadme != generated, ProcessInfo.processInfo.environment["CLINIC_RECORD_README"] == "1" {
            // Re-recorded only on request, like snapshots.
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: "\n" + generated + "\n")
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            inReadme == generated,
            "README.md's permission table differs from PermissionTable.markdownTable(); run the test with CLINIC_RECORD_README=1 to update it"
        )
        #expect(
            readme.range(of: "## Permissions").map {
                $0.lowerBound < (readme.range(of: "## Architecture")?.lowerBound ?? readme.startIndex)
            } == true)
    }
}
