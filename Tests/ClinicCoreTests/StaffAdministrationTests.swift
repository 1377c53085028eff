import ClinicCore
import Testing

@Suite("staff administration")
struct StaffAdministrationTests {
    static let host = "admin-laptop"

    static func frontDesk(centre: Int64, username: String = "frontdesk.new", phone: String = "+91 98450 11111") -> NewStaffMember {
        NewStaffMember(
            username: username, fullName: "Lakshmi Pillai", phone: phone, email: "lakshmi@example.com",
            role: .frontDesk, centreIDs: [centre], password: "desk-pass-1")
    }

    @Test("a desk-added front desk is in the web's staff lists, its rows are the web's shape, and it signs in")
    func addedStaffVisibleOnWeb() async throws {
        try await TestDatabase.with(prefix: "staff_add") { test in
            let database = test.database
            let centre = try await StaffTestData.centre(database, name: "Mind Clinic Indiranagar")
            let userID = try await StaffAdministration(database: database, host: StaffAdministrationTests.host)
                .add(StaffAdministrationTests.frontDesk(centre: centre))

            // The web's admin lists.
            let roleID = try await StaffTestData.roleID(database, .frontDesk)
            let findStaffUsers = try StaffTestData.webStatement("findStaffUsers")
            let found = try await database.query(SQLQuery(unsafeSQL: findStaffUsers, parameters: ["true", String(roleID), String(centre)]))
            #expect(try found.map { try $0.decode("id", as: Int64.self) } == [userID])
            #expect(try found.first?.decode("designation", as: String?.self) == "Front Desk")
            let staffList = try await database.query(SQLQuery(unsafeSQL: try StaffTestData.webStatement("getStaffList")))
            #expect(try staffList.contains { try $0.decode("id", as: Int64.self) == userID })
            let roleNames = try await database.query(
                SQLQuery(
                    unsafeSQL: try StaffTestData.webStatement("getStaffById (roles)"),
                    parameters: [String(userID)]))
            #expect(try roleNames.map { try $0.decode("name", as: String.self) } == ["FRONT_DESK"])
            // The web's username login reads the same row and can verify its hash.
            let login = try await database.query(
                SQLQuery(
                    unsafeSQL: try StaffTestData.webStatement("-- src/services/auth.services.ts: loginWithUsernamePassword"),
                    parameters: ["frontdesk.new"]))
            let hash: String = try #require(try login.first?.decode("password_hash"))
            #expect(hash.hasPrefix("$2b$10$"))
            #expect(PasswordHasher.verify("desk-pass-1", against: hash))

            let row = try await database.query(
                """
                SELECT u.phone, u.user_type, u.is_active, u.email,
                       (SELECT count(*) FROM centre_staff_assignments c WHERE c.user_id = u.id AND c.centre_id = \(centre)
                          AND c.role_id = \(roleID) AND c.is_active) AS assignments,
                       (SELECT count(*) FROM user_roles ur WHERE ur.user_id = u.id AND ur.centre_id = \(centre) AND ur.is_active) AS roles
                FROM users u WHERE u.id = \(userID)
                """)[0]
            #expect(try row.decode("phone", as: String.self) == "9845011111")
            #expect(try row.decode("user_type", as: String.self) == "STAFF")
            #expect(try row.decode("is_active", as: Bool.self))
            #expect(try row.decode("email", as: String?.self) == "lakshmi@example.com")
            #expect(try row.decode("assignments", as: Int64.self) == 1)
            #expect(try row.decode("roles", as: Int64.self) == 1)

            let actor = try await StaffAuthenticator(database: database).signIn(
                login: "98450 11111", password: "desk-pass-1", host: "desk-1")
            #expect(actor.userID == userID)
            #expect(actor.assignments == [RoleAssignment(role: .frontDesk, centreID: centre)])

            let added = try await StaffTestData.auditRows(database, action: "staff.added")
            #expect(try added.map { try $0.decode("entity_id", as: Int64?.self) } == [userID])
            #expect(try added[0].decode("host", as: String?.self) == StaffAdministrationTests.host)
            #expect(try !added[0].decode("details", as: String.self).contains("desk-pass-1"))
        }
    }

    @Test("the first admin is created on an empty database, with a NULL centre, and signs in")
    func firstAdmin() async throws {
        try await TestDatabase.with(prefix: "staff_first_admin") { test in
            let administration = StaffAdministration(database: test.database, host: StaffAdministrationTests.host)
            #expect(try await administration.list().isEmpty)
            let admin = try await administration.add(
                NewStaffMember(
                    username: "admin", fullName: "Nandini Rao", phone: "9876500001",
                    role: .admin, password: "first-admin-pass"))
            let roles = try await test.database.query(
                """
                SELECT r.name, ur.centre_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = \(admin)
                """)
            #expect(roles.count == 1)
            #expect(try roles[0].decode("name", as: String.self) == "ADMIN")
            #expect(try roles[0].decode("centre_id", as: Int64?.self) == nil)
            let listing = try await administration.list()
            #expect(listing.map(\.userID) == [admin])
            #expect(listing.first?.designation == "Administrator")
            #expect(listing.first?.assignments == [RoleAssignment(role: .admin, centreID: nil)])
            #expect(listing.first?.hasStaffProfile == true)
            let staffList = try await test.database.query(SQLQuery(unsafeSQL: try StaffTestData.webStatement("getStaffList")))
            #expect(try staffList.map { try $0.decode("id", as: Int64.self) } == [admin])
            let actor = try await StaffAuthenticator(database: test.database).signIn(
                login: "admin", password: "first-admin-pass", host: "h")
            #expect(actor.roles == [.admin])
            // An admin at the desk can administer; a front desk cannot.
            let centre = try await StaffTestData.centre(test.database, name: "A")
            _ = try await StaffAdministration(database: test.database, actor: actor, host: "ignored")
                .add(StaffAdministrationTests.frontDesk(centre: centre))
            let desk = StaffTestData.actor(.frontDesk, at: centre)
            await #expect(throws: AccessError.notAllowed(.administerStaff, role: .frontDesk)) {
                try await StaffAdministration(database: test.database, actor: desk, host: "h").list()
            }
        }
    }

    static let invalidMembers: [(NewStaffMember, StaffAdministrationError)] = [
        (
            NewStaffMember(username: "ab", fullName: "N", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidUsername("ab")
        ),
        (
            NewStaffMember(
                username: "Front.Desk", fullName: "N", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidUsername("Front.Desk")
        ),
        (
            NewStaffMember(
                username: String(repeating: "a", count: 51), fullName: "N", phone: "9845012345", role: .frontDesk,
                centreIDs: [1], password: "password1"),
            .invalidUsername(String(repeating: "a", count: 51))
        ),
        (
            NewStaffMember(
                username: "desk one", fullName: "N", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidUsername("desk one")
        ),
        (
            NewStaffMember(
                username: "9845012345", fullName: "N", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidUsername("9845012345")
        ),
        (
            NewStaffMember(
                username: "desk.one", fullName: "  ", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidFullName
        ),
        (
            NewStaffMember(username: "desk.one", fullName: "N", phone: "12345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidPhone
        ),
        (
            NewStaffMember(
                username: "desk.one", fullName: "N", phone: "5845012345", role: .frontDesk, centreIDs: [1], password: "password1"),
            .invalidPhone
        ),
        (
            NewStaffMember(
                username: "desk.one", fullName: "N", phone: "9845012345", email: "desk@", role: .frontDesk, centreIDs: [1],
                password: "password1"),
            .invalidEmail
        ),
        (
            NewStaffMember(username: "desk.one", fullName: "N", phone: "9845012345", role: .frontDesk, centreIDs: [1], password: "short"),
            .passwordTooShort(minimum: 8)
        ),
        (
            NewStaffMember(username: "desk.one", fullName: "N", phone: "9845012345", role: .frontDesk, password: "password1"),
            .centreRequired(.frontDesk)
        ),
        (
            NewStaffMember(username: "desk.one", fullName: "N", phone: "9845012345", role: .centreManager, password: "password1"),
            .centreRequired(.centreManager)
        ),
        (
            NewStaffMember(username: "desk.one", fullName: "N", phone: "9845012345", role: .manager, centreIDs: [1], password: "password1"),
            .centreNotAllowed(.manager)
        ),
        (
            NewStaffMember(username: "dr.one", fullName: "N", phone: "9845012345", role: .clinician, centreIDs: [1], password: "password1"),
            .clinicianNeedsProfile
        ),
    ]

    @Test(
        "invalid fields are refused before anything is written, with messages that say what to change",
        arguments: StaffAdministrationTests.invalidMembers)
    func validation(_ member: NewStaffMember, _ expected: StaffAdministrationError) async throws {
        // Nothing reaches the database: this URL has no server behind it.
        let offline = Database(url: "postgresql:///none?host=/nonexistent-socket-dir")
        await #expect(throws: expected) {
            _ = try await StaffAdministration(database: offline, host: "h").add(member)
        }
        #expect(!expected.description.isEmpty)
    }

    @Test("validation messages read as instructions")
    func validationMessages() {
        #expect(StaffAdministrationError.invalidUsername("ab").description.contains("3 to 50 characters"))
        #expect(StaffAdministrationError.invalidPhone.description.contains("10 digits starting with 6, 7, 8 or 9"))
        #expect(StaffAdministrationError.passwordTooShort(minimum: 8).description == "The password must be at least 8 characters long.")
        #expect(StaffAdministrationError.centreRequired(.frontDesk).description.contains("--centre"))
        #expect(StaffAdministrationError.unknownCentre(9).description == "There is no active centre with id 9.")
    }

    @Test("unknown centres and taken usernames, phones and e-mails are refused; nothing is written")
    func conflicts() async throws {
        try await TestDatabase.with(prefix: "staff_conflicts") { test in
            let centre = try await StaffTestData.centre(test.database, name: "A")
            let administration = StaffAdministration(database: test.database, host: StaffAdministrationTests.host)
            await #expect(throws: StaffAdministrationError.unknownCentre(99_999)) {
                _ = try await administration.add(StaffAdministrationTests.frontDesk(centre: 99_999))
            }
            _ = try await StaffTestData.insertWebStaff(
                test.database, username: "Frontdesk.New", phone: "919845022222", fullName: "Web Staff",
                role: .frontDesk, centres: [centre])
            await #expect(throws: StaffAdministrationError.usernameTaken("frontdesk.new")) {
                _ = try await administration.add(StaffAdministrationTests.frontDesk(centre: centre))
            }
            // The same number stored in the other format on another staff login.
            await #expect(throws: StaffAdministrationError.phoneTaken) {
                _ = try await administration.add(
                    StaffAdministrationTests.frontDesk(centre: centre, username: "other.one", phone: "9845022222"))
            }
            _ = try await administration.add(StaffAdministrationTests.frontDesk(centre: centre, username: "third.one", phone: "9845033333"))
            await #expect(throws: StaffAdministrationError.emailTaken) {
                _ = try await administration.add(
                    StaffAdministrationTests.frontDesk(centre: centre, username: "fourth.one", phone: "9845044444"))
            }
            let count: Int64 = try await test.database.query("SELECT count(*) AS n FROM users WHERE user_type = 'STAFF'")[0].decode("n")
            #expect(count == 2)
        }
    }

    @Test("a new password works at once, the old one does not, and a lock is lifted")
    func setPassword() async throws {
        try await TestDatabase.with(prefix: "staff_passwd") { test in
            let centre = try await StaffTestData.centre(test.database, name: "A")
            let user = try await StaffTestData.insertWebStaff(
                test.database, username: "frontdesk.blr", phone: "9845012345",
                fullName: "Anjali Rao", role: .frontDesk, centres: [centre])
            try await test.database.execute(
                """
                INSERT INTO desk_staff_sign_in_state (user_id, failed_attempts, locked_until, last_failed_at)
                VALUES (\(user), 5, now() + interval '10 minutes', now())
                """)
            let administration = StaffAdministration(database: test.database, host: StaffAdministrationTests.host)
            await #expect(throws: StaffAdministrationError.passwordTooShort(minimum: 8)) {
                try await administration.setPassword(login: "frontdesk.blr", to: "short")
            }
            await #expect(throws: StaffAdministrationError.staffNotFound(login: "nobody")) {
                try await administration.setPassword(login: "nobody", to: "long-enough-1")
            }
            try await administration.setPassword(login: "+91 98450 12345", to: "brand-new-pass")
            let authenticator = StaffAuthenticator(database: test.database)
            let actor = try await authenticator.signIn(login: "frontdesk.blr", password: "brand-new-pass", host: "h")
            #expect(actor.userID == user)
            await #expect(throws: SignInError.wrongLoginOrPassword) {
                try await authenticator.signIn(login: "frontdesk.blr", password: StaffTestData.webPassword, host: "h")
            }
            try await administration.setPassword(userID: user, to: "another-pass-2")
            _ = try await authenticator.signIn(login: "frontdesk.blr", password: "another-pass-2", host: "h")
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.password_set").count == 2)
        }
    }

    @Test("a disabled account cannot sign in and leaves the web's lists; the last active admin stays")
    func disable() async throws {
        try await TestDatabase.with(prefix: "staff_disable") { test in
            let centre = try await StaffTestData.centre(test.database, name: "A")
            let administration = StaffAdministration(database: test.database, host: StaffAdministrationTests.host)
            let admin = try await administration.add(
                NewStaffMember(
                    username: "admin", fullName: "Admin", phone: "9876500001",
                    role: .admin, password: "admin-pass-1"))
            let desk = try await administration.add(StaffAdministrationTests.frontDesk(centre: centre))
            #expect(try await administration.disable(login: "frontdesk.new"))
            #expect(try await administration.disable(login: "frontdesk.new") == false)
            await #expect(throws: SignInError.inactive) {
                try await StaffAuthenticator(database: test.database).signIn(login: "frontdesk.new", password: "desk-pass-1", host: "h")
            }
            let staffList = try await test.database.query(SQLQuery(unsafeSQL: try StaffTestData.webStatement("getStaffList")))
            #expect(try staffList.map { try $0.decode("id", as: Int64.self) } == [admin])
            let listing = try await administration.list()
            #expect(listing.map(\.userID) == [admin, desk])
            #expect(listing.map(\.isActive) == [true, false])

            await #expect(throws: StaffAdministrationError.lastActiveAdmin) { try await administration.disable(login: "admin") }
            _ = try await administration.add(
                NewStaffMember(
                    username: "admin2", fullName: "Second Admin", phone: "9876500002",
                    role: .admin, password: "admin-pass-2"))
            #expect(try await administration.disable(login: "9876500001"))
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.disabled").count == 2)
        }
    }
}
