import Foundation

/// The patient directory on the web's own tables: search, registration, households, duplicates,
/// merge, edit and MRNs.
///
/// A patient is a `users` row (`user_type = 'PATIENT'`) with its `patient_profiles` row; the profile
/// id is the patient id everywhere. Every operation checks the acting staff member against
/// `PermissionTable` first, and every change is audited in the same transaction.
public struct PatientDirectory: Sendable {
    let database: Database

    /// The directory of `database`.
    public init(database: Database) { self.database = database }

    /// India's offset from UTC; the chain's "today" for ages and birth dates.
    static let istOffsetSeconds = 19_800

    // MARK: - Result rows shared by search, duplicates and merge review

    /// Appended to a statement that defines a CTE `c(user_id, kind, ord)`: one search result row per
    /// candidate whose profile is active, in `ord` order.
    static let resultColumnsSQL = """
         SELECT c.kind, c.ord, pp.id AS patient_id, u.id AS user_id, u.full_name, u.phone,
                hp.id AS holder_patient_id, hu.full_name AS holder_name, hu.phone AS holder_phone,
                coalesce(date_part('year', age((now() AT TIME ZONE 'Asia/Kolkata')::date, pp.date_of_birth))::int, pp.age) AS age,
                pp.date_of_birth, pp.mrn,
                (SELECT min(a.scheduled_start_at) FROM appointments a
                 WHERE a.patient_id = pp.id AND a.scheduled_start_at > now() AND desk_occupies_slot(a.is_active, a.status))
                    AS next_appointment
         FROM c
         JOIN users u ON u.id = c.user_id AND u.is_active
         JOIN patient_profiles pp ON pp.user_id = u.id AND pp.is_active
         LEFT JOIN patient_profiles hp ON hp.id = pp.desk_contact_holder_patient_id
         LEFT JOIN users hu ON hu.id = hp.user_id
         ORDER BY c.ord
        """

    /// A statement made of `candidates` (which must define the CTE `c`) and the result columns.
    static func resultQuery(_ candidates: SQLQuery) -> SQLQuery {
        SQLQuery(unsafeSQL: candidates.sql + "\n" + resultColumnsSQL, parameters: candidates.parameters)
    }

    /// Decodes a row of `resultColumnsSQL`.
    static func searchResult(_ row: Row) throws -> PatientSearchResult {
        let kindText: String = try row.decode("kind")
        let ownPhone: String? = try row.decode("phone")
        let holderPhone: String? = try row.decode("holder_phone")
        let holderName: String? = try row.decode("holder_name")
        var display = ownPhone.map(displayPhone)
        var isHolderPhone = false
        if display == nil, let holderPhone {
            display = displayPhone(holderPhone) + " (holder: \(holderName ?? "family member"))"
            isHolderPhone = true
        }
        return PatientSearchResult(
            patientID: try row.decode("patient_id"), userID: try row.decode("user_id"), fullName: try row.decode("full_name"),
            phoneDisplay: display, isHolderPhone: isHolderPhone, holderPatientID: try row.decode("holder_patient_id"),
            age: try row.decode("age"), dateOfBirth: try row.decode("date_of_birth"), mrn: try row.decode("mrn"),
            nextAppointment: try row.decode("next_appointment"),
            matchKind: PatientMatchKind(rawValue: kindText) ?? .nameFuzzy)
    }

    /// A stored phone as people read it; text that is no Indian mobile is shown as stored.
    static func displayPhone(_ stored: String) -> String {
        PhoneNumber(stored)?.display ?? stored
    }

    // MARK: - Audit

    /// Appends an audit row for `actor` inside `session`.
    static func audit(
        _ action: String, patientID: Int64?, actor: StaffActor?, host: String? = nil, details: [String: AuditValue],
        in session: DatabaseSession
    ) throws {
        try AuditLog.record(
            AuditEntry(
                actorUserID: actor.flatMap { $0.userID > 0 ? $0.userID : nil }, centreID: actor?.activeCentreID,
                action: action, entityType: "patient", entityID: patientID, host: actor?.host ?? host,
                detailsJSON: AuditValue.object(details).json),
            in: session)
    }

    /// The centre's today (IST) by the database clock.
    static func today(in session: DatabaseSession) throws -> LocalDate {
        try session.queryOne("SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date AS today").decode("today")
    }
}

/// A JSON value for audit details (numbers, strings, arrays, objects), encoded safely.
enum AuditValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case null
    case array([AuditValue])
    case object([String: AuditValue])

    /// An optional text as a string or null.
    static func text(_ value: String?) -> AuditValue { value.map(AuditValue.string) ?? .null }

    /// Ids as a JSON array of numbers.
    static func ids(_ values: [Int64]) -> AuditValue { .array(values.map(AuditValue.int)) }

    /// The JSON text, keys sorted.
    var json: String {
        switch self {
        case .string(let text):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            guard let data = try? encoder.encode(text), let encoded = String(data: data, encoding: .utf8) else { return "null" }
            return encoded
        case .int(let number): return String(number)
        case .null: return "null"
        case .array(let values): return "[" + values.map(\.json).joined(separator: ",") + "]"
        case .object(let fields):
            let parts = fields.keys.sorted().map { key in
                AuditValue.string(key).json + ":" + (fields[key] ?? .null).json
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }
}
