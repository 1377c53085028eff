import Foundation

/// What a staff member typed as their login: a username, or a phone number in any typed form.
///
/// Staff phones are stored as 10 digits by the web's staff screens, but some older rows hold the
/// patient format `91` + 10 digits; a typed phone matches both.
struct StaffLogin: Sendable, Equatable {
    /// The login as typed, without surrounding spaces (compared exactly with `users.username`).
    var text: String
    /// The 10-digit mobile number when the login reads as a phone, else nil.
    var mobile: String?

    init(_ typed: String) {
        text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        mobile = StaffLogin.mobileDigits(text)
    }

    /// The phone in both stored formats (`9845012345`, `919845012345`), or nils.
    var phoneForms: (tenDigits: String?, withCountryCode: String?) {
        guard let mobile else { return (nil, nil) }
        return (mobile, "91" + mobile)
    }

    /// The 10 digits of an Indian mobile number typed as `9845012345`, `+91 98450 12345`,
    /// `91-98450-12345`, `098450-12345` or `(0) 98450 12345`; nil for anything else.
    static func mobileDigits(_ typed: String) -> String? {
        let separators: Set<Character> = [" ", "-", "+", "(", ")", "."]
        guard !typed.isEmpty, typed.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) else { return nil }
        var digits = typed.filter(\.isASCIIDigit)
        if digits.count == 13, digits.hasPrefix("091") {
            digits.removeFirst(3)
        } else if digits.count == 12, digits.hasPrefix("91") {
            digits.removeFirst(2)
        } else if digits.count == 11, digits.hasPrefix("0") {
            digits.removeFirst(1)
        }
        return digits.count == 10 ? digits : nil
    }

    /// The staff user this login names (username first, then phone in either stored format).
    func findUser(in session: DatabaseSession) throws -> StaffUserRecord? {
        let forms = phoneForms
        let rows = try session.query(
            """
            SELECT u.id, u.full_name, u.username, u.phone, u.password_hash, u.is_active
            FROM users u
            WHERE u.user_type = 'STAFF'
              AND (u.username = \(text) OR u.phone = \(forms.tenDigits) OR u.phone = \(forms.withCountryCode))
            ORDER BY (u.username IS NOT DISTINCT FROM \(text)) DESC, u.is_active DESC, u.id
            LIMIT 1
            """)
        return try rows.first.map(StaffUserRecord.init(row:))
    }
}

/// The columns of a staff `users` row that sign-in and administration need.
struct StaffUserRecord: Sendable {
    var id: Int64
    var fullName: String
    var username: String?
    var phone: String?
    var passwordHash: String?
    var isActive: Bool

    init(row: Row) throws {
        id = try row.decode("id")
        fullName = try row.decode("full_name")
        username = try row.decode("username")
        phone = try row.decode("phone")
        passwordHash = try row.decode("password_hash")
        isActive = try row.decode("is_active")
    }

    /// The row of staff user `id`, if it is a staff user.
    static func find(id: Int64, in session: DatabaseSession) throws -> StaffUserRecord? {
        let rows = try session.query(
            """
            SELECT u.id, u.full_name, u.username, u.phone, u.password_hash, u.is_active
            FROM users u WHERE u.id = \(id) AND u.user_type = 'STAFF'
            """)
        return try rows.first.map(StaffUserRecord.init(row:))
    }

    /// Active role rows joined to `roles` by name; names the desk does not know are skipped.
    static func assignments(of userID: Int64, in session: DatabaseSession) throws -> [RoleAssignment] {
        let rows = try session.query(
            """
            SELECT DISTINCT r.name, ur.centre_id
            FROM user_roles ur JOIN roles r ON r.id = ur.role_id
            WHERE ur.user_id = \(userID) AND ur.is_active = TRUE
            ORDER BY r.name, ur.centre_id
            """)
        var assignments: [RoleAssignment] = []
        for row in rows {
            if let assignment = try assignment(from: row), !assignments.contains(assignment) { assignments.append(assignment) }
        }
        return assignments
    }

    /// The assignment of a row with `name` (roles.name) and `centre_id`; nil for a role the desk does not know.
    static func assignment(from row: Row) throws -> RoleAssignment? {
        guard let role = StaffRole(rawValue: try row.decode("name", as: String.self)) else { return nil }
        // ADMIN and MANAGER reach every centre whatever their row says.
        return RoleAssignment(role: role, centreID: role.reachesEveryCentre ? nil : try row.decode("centre_id"))
    }
}

/// Audit `details` objects built by JSON encoding, so no value can break out of its string.
enum AuditDetailsJSON {
    /// A JSON object of string fields, keys sorted.
    static func object(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}
