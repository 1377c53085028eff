import ClinicCore
import Foundation
import Testing

@Suite("staff sign-in")
struct StaffSignInTests {
    static let host = "desk-blr-01"

    /// A front-desk member created the web's way, with a bcryptjs `$2a$` hash of 'Staff@123'.
    static func webFrontDesk(_ database: Database, phone: String = "9845012345") async throws -> (user: Int64, centre: Int64) {
        let centre = try await StaffTestData.centre(database, name: "Mind Clinic Indiranagar")
        let user = try await StaffTestData.insertWebStaff(
            database, username: "frontdesk.blr", phone: phone, fullName: "Anjali Rao",
            role: .frontDesk, centres: [centre])
        return (user, centre)
    }

    @Test("a web-created front desk signs in by username with the web's $2a$ hash, which is left as it is")
    func byUsername() async throws {
        try await TestDatabase.with(prefix: "signin_username") { test in
            let (user, centre) = try await StaffSignInTests.webFrontDesk(test.database)
            let actor = try await StaffAuthenticator(database: test.database)
                .signIn(login: "  frontdesk.blr ", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            #expect(actor.userID == user)
            #expect(actor.fullName == "Anjali Rao")
            #expect(actor.username == "frontdesk.blr")
            #expect(actor.assignments == [RoleAssignment(role: .frontDesk, centreID: centre)])
            #expect(actor.roles == [.frontDesk])
            #expect(actor.activeCentreID == centre)
            #expect(actor.clinicianID == nil)
            #expect(actor.host == StaffSignInTests.host)
            let hash: String = try await test.database.query("SELECT password_hash FROM users WHERE id = \(user)")[0].decode(
                "password_hash")
            #expect(hash == StaffTestData.webHash)
        }
    }

    @Test("phone logins: 10 digits, '91…', '+91 …' and '0…' typed forms, against both stored formats")
    func byPhone() async throws {
        try await TestDatabase.with(prefix: "signin_phone") { test in
            let (user, centre) = try await StaffSignInTests.webFrontDesk(test.database, phone: "9845012345")
            let legacy = try await StaffTestData.insertWebStaff(
                test.database, username: nil, phone: "919845099999", fullName: "Old Format",
                role: .careCoordinator, centres: [centre])
            let authenticator = StaffAuthenticator(database: test.database)
            for login in ["9845012345", "919845012345", "+91 98450 12345", "+91-98450-12345", "098450-12345", "(0) 98450 12345"] {
                let actor = try await authenticator.signIn(login: login, password: StaffTestData.webPassword, host: StaffSignInTests.host)
                #expect(actor.userID == user, "login \(login)")
            }
            for login in ["9845099999", "+91 98450 99999", "919845099999"] {
                let actor = try await authenticator.signIn(login: login, password: StaffTestData.webPassword, host: StaffSignInTests.host)
                #expect(actor.userID == legacy, "login \(login)")
                #expect(actor.roles == [.careCoordinator])
            }
            await #expect(throws: SignInError.wrongLoginOrPassword) {
                try await authenticator.signIn(login: "98450 1234", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            }
        }
    }

    @Test("a wrong password and an unknown login give the same error and message; patients cannot sign in")
    func sameErrorForUnknownAndWrong() async throws {
        try await TestDatabase.with(prefix: "signin_wrong") { test in
            _ = try await StaffSignInTests.webFrontDesk(test.database)
            try await test.database.execute(
                """
                INSERT INTO users (phone, username, password_hash, full_name, user_type)
                VALUES ('919876512345', 'patient.user', \(StaffTestData.webHash), 'A Patient', 'PATIENT')
                """)
            let authenticator = StaffAuthenticator(database: test.database)
            var messages: [String] = []
            for (login, password) in [
                ("frontdesk.blr", "Staff@124"), ("nobody.here", "Staff@123"), ("9000012345", "Staff@123"),
                ("patient.user", StaffTestData.webPassword), ("9876512345", StaffTestData.webPassword),
            ] {
                do {
                    _ = try await authenticator.signIn(login: login, password: password, host: StaffSignInTests.host)
                    Issue.record("\(login) must not sign in")
                } catch let error as SignInError {
                    #expect(error == .wrongLoginOrPassword)
                    messages.append(error.description)
                }
            }
            #expect(Set(messages).count == 1)
            #expect(messages.first?.contains("Wrong login or password") == true)
        }
    }

    @Test("five failures lock the login for 15 minutes, counted by the database's clock; even the right password is refused")
    func lockout() async throws {
        try await TestDatabase.with(prefix: "signin_lock") { test in
            let (user, _) = try await StaffSignInTests.webFrontDesk(test.database)
            let authenticator = StaffAuthenticator(database: test.database)
            for _ in 1...4 {
                await #expect(throws: SignInError.wrongLoginOrPassword) {
                    try await authenticator.signIn(login: "frontdesk.blr", password: "guess", host: StaffSignInTests.host)
                }
            }
            var lockedUntil: Instant?
            do {
                _ = try await authenticator.signIn(login: "frontdesk.blr", password: "guess", host: StaffSignInTests.host)
                Issue.record("the fifth failure must lock")
            } catch SignInError.locked(let until) {
                lockedUntil = until
            }
            let state = try await test.database.query(
                """
                SELECT failed_attempts, locked_until,
                       locked_until BETWEEN now() + interval '14 minutes' AND now() + interval '15 minutes' AS fifteen
                FROM desk_staff_sign_in_state WHERE user_id = \(user)
                """)[0]
            #expect(try state.decode("failed_attempts", as: Int.self) == 5)
            #expect(try state.decode("fifteen", as: Bool.self))
            let until = try #require(lockedUntil)
            #expect(try state.decode("locked_until", as: Instant.self) == until)
            // The message says until when, in IST, rounded up to the minute.
            let ist = Instant(microsecondsSinceEpoch: until.microsecondsSinceEpoch + 59_999_999).local(offsetSeconds: 19_800).time
            let clock = String(format: "%02d:%02d", ist.hour, ist.minute)
            #expect(SignInError.locked(until: until).description.contains("locked until \(clock) (IST)"))
            await #expect(throws: SignInError.locked(until: until)) {
                try await authenticator.signIn(login: "frontdesk.blr", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            }
            await #expect(throws: SignInError.locked(until: until)) {
                try await authenticator.signIn(login: "9845012345", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            }
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.sign_in_failed").count == 5)
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.locked").count == 1)
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.sign_in_refused").count == 2)
            // Attempts during the lock do not extend it.
            let after: Instant = try await test.database.query("SELECT locked_until FROM desk_staff_sign_in_state WHERE user_id = \(user)")[
                0
            ]
            .decode("locked_until")
            #expect(after == until)
        }
    }

    @Test("an expired lock lets the right password in and restarts the count; old failures stop counting")
    func lockExpiry() async throws {
        try await TestDatabase.with(prefix: "signin_expiry") { test in
            let (user, _) = try await StaffSignInTests.webFrontDesk(test.database)
            let authenticator = StaffAuthenticator(database: test.database)
            func setState(attempts: Int, lockedMinutesAgo: Int?, lastFailedMinutesAgo: Int) async throws {
                try await test.database.execute(
                    """
                    INSERT INTO desk_staff_sign_in_state (user_id, failed_attempts, locked_until, last_failed_at)
                    VALUES (\(user), \(attempts),
                            CASE WHEN \(lockedMinutesAgo)::int IS NULL THEN NULL ELSE now() - make_interval(mins => \(lockedMinutesAgo)) END,
                            now() - make_interval(mins => \(lastFailedMinutesAgo)))
                    ON CONFLICT (user_id) DO UPDATE SET failed_attempts = EXCLUDED.failed_attempts,
                        locked_until = EXCLUDED.locked_until, last_failed_at = EXCLUDED.last_failed_at
                    """)
            }
            func attempts() async throws -> (count: Int, locked: Bool) {
                let row = try await test.database.query(
                    """
                    SELECT failed_attempts, coalesce(locked_until > now(), false) AS locked FROM desk_staff_sign_in_state WHERE user_id = \(user)
                    """)[0]
                return (try row.decode("failed_attempts"), try row.decode("locked"))
            }

            // A lock that ended a minute ago: the right password signs in and clears the count.
            try await setState(attempts: 5, lockedMinutesAgo: 1, lastFailedMinutesAgo: 16)
            _ = try await authenticator.signIn(login: "frontdesk.blr", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            #expect(try await attempts() == (0, false))
            let signedIn = try await test.database.query(
                """
                SELECT last_signed_in_at > now() - interval '1 minute' AS recent FROM desk_staff_sign_in_state WHERE user_id = \(user)
                """)[0]
            #expect(try signedIn.decode("recent", as: Bool.self))

            // After an expired lock, a wrong password counts as the first of a new series.
            try await setState(attempts: 5, lockedMinutesAgo: 1, lastFailedMinutesAgo: 16)
            await #expect(throws: SignInError.wrongLoginOrPassword) {
                try await authenticator.signIn(login: "frontdesk.blr", password: "guess", host: StaffSignInTests.host)
            }
            #expect(try await attempts() == (1, false))

            // Four failures long ago do not add up with a new one.
            try await setState(attempts: 4, lockedMinutesAgo: nil, lastFailedMinutesAgo: 20)
            await #expect(throws: SignInError.wrongLoginOrPassword) {
                try await authenticator.signIn(login: "frontdesk.blr", password: "guess", host: StaffSignInTests.host)
            }
            #expect(try await attempts() == (1, false))

            // Four recent failures do.
            try await setState(attempts: 4, lockedMinutesAgo: nil, lastFailedMinutesAgo: 1)
            await #expect(throws: SignInError.self) {
                try await authenticator.signIn(login: "frontdesk.blr", password: "guess", host: StaffSignInTests.host)
            }
            #expect(try await attempts() == (5, true))
        }
    }

    @Test("an inactive account, one without an active role, and a clinician without a profile are refused saying so")
    func refusedAccounts() async throws {
        try await TestDatabase.with(prefix: "signin_refused") { test in
            let (user, centre) = try await StaffSignInTests.webFrontDesk(test.database)
            let authenticator = StaffAuthenticator(database: test.database)
            let signIn = { (login: String, password: String) in
                try await authenticator.signIn(login: login, password: password, host: StaffSignInTests.host)
            }

            try await test.database.execute("UPDATE users SET is_active = FALSE WHERE id = \(user)")
            await #expect(throws: SignInError.inactive) { try await signIn("frontdesk.blr", StaffTestData.webPassword) }
            // The state is told only to someone who knows the password.
            await #expect(throws: SignInError.wrongLoginOrPassword) { try await signIn("frontdesk.blr", "guess") }
            #expect(SignInError.inactive.description.contains("deactivated"))

            try await test.database.execute("UPDATE users SET is_active = TRUE WHERE id = \(user)")
            try await test.database.execute("UPDATE user_roles SET is_active = FALSE WHERE user_id = \(user)")
            await #expect(throws: SignInError.noActiveRole) { try await signIn("frontdesk.blr", StaffTestData.webPassword) }
            #expect(SignInError.noActiveRole.description.contains("no active role"))

            let clinicianUser = try await StaffTestData.insertWebStaff(
                test.database, username: "dr.meera", phone: "9845077777",
                fullName: "Dr. Meera", role: .clinician, centres: [centre])
            await #expect(throws: SignInError.clinicianProfileMissing) { try await signIn("dr.meera", StaffTestData.webPassword) }
            let profile: Int64 = try await test.database.query(
                """
                INSERT INTO clinician_profiles (user_id, primary_centre_id) VALUES (\(clinicianUser), \(centre)) RETURNING id
                """)[0].decode("id")
            let clinician = try await signIn("dr.meera", StaffTestData.webPassword)
            #expect(clinician.clinicianID == profile)
            #expect(clinician.roles == [.clinician])
            #expect(clinician.activeCentreID == centre)
            try await test.database.execute("UPDATE clinician_profiles SET is_active = FALSE WHERE id = \(profile)")
            await #expect(throws: SignInError.clinicianProfileMissing) { try await signIn("dr.meera", StaffTestData.webPassword) }

            let reasons = try await StaffTestData.auditRows(test.database, action: "staff.sign_in_refused")
                .map { try $0.decode("details", as: String.self) }
            #expect(reasons.contains { $0.contains("inactive") })
            #expect(reasons.contains { $0.contains("no active role") })
            #expect(reasons.contains { $0.contains("clinician profile missing") })
        }
    }

    @Test("an admin reaches every centre and starts at none in particular")
    func adminEverywhere() async throws {
        try await TestDatabase.with(prefix: "signin_admin") { test in
            _ = try await StaffTestData.centre(test.database, name: "A")
            let admin = try await StaffTestData.insertWebStaff(
                test.database, username: "admin", phone: "9876500001", fullName: "System Admin",
                role: .admin, designation: "Administrator")
            let actor = try await StaffAuthenticator(database: test.database)
                .signIn(login: "admin", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            #expect(actor.userID == admin)
            #expect(actor.assignments == [RoleAssignment(role: .admin, centreID: nil)])
            #expect(actor.activeCentreID == nil)
            #expect(actor.canReach(centre: 12345))
            #expect(try actor.atCentre(12345).activeCentreID == 12345)
        }
    }

    @Test("sign-in, failure, lock and sign-out are audited with the host and never the password")
    func auditRows() async throws {
        try await TestDatabase.with(prefix: "signin_audit") { test in
            let (user, centre) = try await StaffSignInTests.webFrontDesk(test.database)
            let authenticator = StaffAuthenticator(database: test.database)
            let actor = try await authenticator.signIn(
                login: "frontdesk.blr", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            try await authenticator.signOut(actor)
            for _ in 1...5 {
                _ = try? await authenticator.signIn(login: "frontdesk.blr", password: "Secret-Guess-42", host: "desk-kochi-02")
            }
            _ = try? await authenticator.signIn(login: "no.such.user", password: "Another-Secret-7", host: "desk-kochi-02")

            let signedIn = try await StaffTestData.auditRows(test.database, action: "staff.signed_in")
            #expect(signedIn.count == 1)
            #expect(try signedIn[0].decode("actor_user_id", as: Int64?.self) == user)
            #expect(try signedIn[0].decode("entity_id", as: Int64?.self) == user)
            #expect(try signedIn[0].decode("centre_id", as: Int64?.self) == centre)
            #expect(try signedIn[0].decode("host", as: String?.self) == StaffSignInTests.host)
            #expect(try signedIn[0].decode("details", as: String.self).contains("FRONT_DESK@\(centre)"))
            let signedOut = try await StaffTestData.auditRows(test.database, action: "staff.signed_out")
            #expect(try signedOut.map { try $0.decode("host", as: String?.self) } == [StaffSignInTests.host])

            let failures = try await StaffTestData.auditRows(test.database, action: "staff.sign_in_failed")
            #expect(failures.count == 6)
            #expect(try failures.allSatisfy { try $0.decode("host", as: String?.self) == "desk-kochi-02" })
            #expect(try failures.prefix(5).allSatisfy { try $0.decode("entity_id", as: Int64?.self) == user })
            #expect(try failures.allSatisfy { try $0.decode("actor_user_id", as: Int64?.self) == nil })
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.locked").count == 1)

            let everything: String = try await test.database.query(
                """
                SELECT coalesce(string_agg(action || ' ' || coalesce(host, '') || ' ' || details::text, E'\\n'), '') AS text FROM desk_audit_log
                """)[0].decode("text")
            for secret in ["Staff@123", "Secret-Guess-42", "Another-Secret-7", "no.such.user"] {
                #expect(!everything.contains(secret), "the audit log must not contain \(secret)")
            }
            #expect(try await AuditLog(database: test.database).verify().isIntact)
        }
    }

    @Test("unlocking checks the password again and counts failures toward the lock")
    func verifyPasswordForUnlock() async throws {
        try await TestDatabase.with(prefix: "signin_unlock") { test in
            let (user, _) = try await StaffSignInTests.webFrontDesk(test.database)
            let authenticator = StaffAuthenticator(database: test.database)
            let actor = try await authenticator.signIn(
                login: "frontdesk.blr", password: StaffTestData.webPassword, host: StaffSignInTests.host)
            #expect(try await authenticator.verifyPassword(of: actor, StaffTestData.webPassword))
            for _ in 1...4 {
                #expect(try await authenticator.verifyPassword(of: actor, "nope") == false)
            }
            await #expect(throws: SignInError.self) { try await authenticator.verifyPassword(of: actor, "nope") }
            let locked: Bool = try await test.database.query(
                """
                SELECT locked_until > now() AS locked FROM desk_staff_sign_in_state WHERE user_id = \(user)
                """)[0].decode("locked")
            #expect(locked)
            await #expect(throws: SignInError.self) { try await authenticator.verifyPassword(of: actor, StaffTestData.webPassword) }
            #expect(try await StaffTestData.auditRows(test.database, action: "staff.unlocked").count == 1)

            try await test.database.execute(
                "UPDATE desk_staff_sign_in_state SET locked_until = now() - interval '1 second' WHERE user_id = \(user)")
            try await test.database.execute("UPDATE users SET is_active = FALSE WHERE id = \(user)")
            await #expect(throws: SignInError.inactive) { try await authenticator.verifyPassword(of: actor, StaffTestData.webPassword) }
        }
    }
}
