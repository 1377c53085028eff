extension PatientDirectory {
    /// The most results one search returns (a page is smaller).
    public static let maximumSearchLimit = 200

    /// Finds active patients by name fragment, phone (any format, matching both stored formats),
    /// the last 4 or more digits of a phone, or MRN, ranked and paged.
    ///
    /// Ranking: exact phone, MRN or whole name first (a phone brings its whole household); then
    /// names that start with the text (first-last or last-first) and phones that end with the
    /// digits; then names containing every typed word in any order; then names close to a typo.
    /// Each tier is one indexed statement that stops at the page size, and later tiers run only
    /// when earlier ones did not fill the page, so a common name costs one short index walk.
    /// Merged (inactive) patients are never returned.
    /// - Throws: `AccessError` without `Permission.searchPatients`, or a `DatabaseError`.
    public func search(_ text: String, actor: StaffActor, limit: Int = 20, offset: Int = 0) async throws
        -> [PatientSearchResult]
    {
        try PermissionTable.check(actor, .searchPatients)
        let pageSize = min(max(limit, 0), PatientDirectory.maximumSearchLimit)
        let skip = max(offset, 0)
        guard pageSize > 0 else { return [] }
        let plan = PatientSearchPlan(text)
        let need = skip + pageSize
        var results: [PatientSearchResult] = []
        var seen = Set<Int64>()
        for step in plan.steps {
            if results.count >= need || (step.onlyWhenNothingFound && !results.isEmpty) { break }
            let rows = try await database.query(step.query(need: need + results.count))
            for row in rows {
                let result = try PatientDirectory.searchResult(row)
                if seen.insert(result.patientID).inserted { results.append(result) }
            }
        }
        guard results.count > skip else { return [] }
        return Array(results[skip..<min(results.count, need)])
    }
}

/// How one search text is looked up: the indexed statements to run, best tier first.
struct PatientSearchPlan: Sendable {
    /// One tier of the search.
    struct Step: Sendable {
        var kind: Kind
        /// Run only when the steps before found nothing (names after an MRN-looking text).
        var onlyWhenNothingFound = false

        enum Kind: Sendable, Equatable {
            case phone(tenDigits: String)
            case phoneEnding(digits: String, mrnNumber: Int64?)
            case phoneStart(digits: String)
            case mrn(forms: [String], number: Int64?)
            case namePrefix(String)
            case nameContains(String, tokens: [String])
            case nameFuzzy(String)
        }

        /// The statement returning at most `need` result rows of this tier.
        func query(need: Int) -> SQLQuery {
            PatientDirectory.resultQuery(candidates(need: need))
        }
    }

    var steps: [Step] = []

    /// The plan for `text` as typed in the search box.
    init(_ text: String) {
        let trimmed = text.trimmingCharacters()
        guard !trimmed.isEmpty else { return }
        let phoneCharacters: Set<Character> = [" ", "-", ".", "(", ")", "+"]
        let digits = trimmed.filter(\.isASCIIDigit)
        if !digits.isEmpty, trimmed.allSatisfy({ $0.isASCIIDigit || phoneCharacters.contains($0) }) {
            if let phone = PhoneNumber(String(trimmed)) {
                steps.append(Step(kind: .phone(tenDigits: phone.tenDigit)))
                return
            }
            // Digits that are no whole phone: an MRN number, and (from 4 digits) a phone ending,
            // both in one statement (MRN first).
            let number = digits.count <= 9 ? Int64(digits) : nil
            if digits.count >= 4 {
                steps.append(Step(kind: .phoneEnding(digits: String(digits.suffix(10)), mrnNumber: number)))
                // The first digits of a number being read out: only when no phone ends with them.
                // A country code or trunk 0 typed first ("+91 98450", "098450") is not part of the number.
                var national = String(digits)
                if trimmed.hasPrefix("+91") || (trimmed.hasPrefix("91") && trimmed.dropFirst(2).first?.isWhitespace == true) {
                    national = String(national.dropFirst(2))
                } else if trimmed.hasPrefix("0") {
                    national = String(national.dropFirst())
                }
                if (5...9).contains(national.count) {
                    steps.append(Step(kind: .phoneStart(digits: national), onlyWhenNothingFound: true))
                }
            } else if let number {
                steps.append(Step(kind: .mrn(forms: [digits], number: number)))
            }
            return
        }
        if let forms = PatientSearchPlan.mrnForms(String(trimmed)) {
            steps.append(Step(kind: .mrn(forms: forms, number: nil)))
            for step in PatientSearchPlan.nameSteps(String(trimmed)) {
                var fallback = step
                fallback.onlyWhenNothingFound = true
                steps.append(fallback)
            }
            return
        }
        steps = PatientSearchPlan.nameSteps(String(trimmed))
    }

    /// Prefix, contains and fuzzy name steps.
    static func nameSteps(_ text: String) -> [Step] {
        let tokens = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        // At most four words narrow the contains step; the longest ones narrow it most.
        let narrowing = Array(tokens.sorted { $0.count > $1.count }.prefix(4))
        return [
            Step(kind: .namePrefix(text)), Step(kind: .nameContains(text, tokens: narrowing)), Step(kind: .nameFuzzy(text)),
        ]
    }

    /// "MB-000123", "mb000123", "MB 123" → the stored spellings to try; nil for text that is no MRN.
    static func mrnForms(_ text: String) -> [String]? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let letters = compact.prefix { $0.isASCII && $0.isLetter }
        let rest = compact.dropFirst(letters.count)
        let number = rest.first == "-" ? rest.dropFirst() : rest
        guard !letters.isEmpty, letters.count <= 6, !number.isEmpty, number.count <= 12, number.allSatisfy(\.isASCIIDigit),
            let value = Int64(number)
        else { return nil }
        let padded = MedicalRecordNumber.format(prefix: "", number: value)
        var forms = [compact, "\(letters)-\(number)", "\(letters)\(number)", "\(letters)-\(padded)", "\(letters)\(padded)"]
        var seen = Set<String>()
        forms = forms.filter { seen.insert($0).inserted }
        return forms
    }
}

extension PatientSearchPlan.Step {
    /// The CTE `c(user_id, kind, ord)` of this tier.
    fileprivate func candidates(need: Int) -> SQLQuery {
        switch kind {
        case .phone(let tenDigits):
            return """
                WITH h AS (
                    SELECT u.id AS user_id, hp.id AS profile_id
                    FROM users u JOIN patient_profiles hp ON hp.user_id = u.id
                    WHERE u.phone IS NOT NULL AND desk_phone_digits(u.phone) = \(tenDigits)
                      AND u.user_type = 'PATIENT' AND u.is_active
                ), c AS (
                    SELECT x.user_id, x.kind, row_number() OVER (ORDER BY x.o, x.user_id) AS ord
                    FROM (SELECT h.user_id, 'exactPhone' AS kind, 0 AS o FROM h
                          UNION ALL
                          SELECT mp.user_id, 'household', 1
                          FROM h JOIN patient_profiles mp ON mp.desk_contact_holder_patient_id = h.profile_id) AS x
                    ORDER BY ord LIMIT \(need)
                )
                """
        case .phoneEnding(let digits, let mrnNumber):
            return """
                WITH h AS (
                    SELECT u.id AS user_id, reverse(desk_phone_digits(u.phone)) COLLATE "C" AS ending
                    FROM users u
                    WHERE u.user_type = 'PATIENT' AND u.is_active AND u.phone IS NOT NULL
                      AND reverse(desk_phone_digits(u.phone)) COLLATE "C" LIKE desk_like_prefix(reverse(\(digits)))
                    ORDER BY 2, u.id LIMIT \(need)
                ), r AS (
                    SELECT pp.user_id FROM patient_profiles pp
                    WHERE pp.mrn = desk_format_mrn(desk_mrn_prefix(), \(mrnNumber)::bigint) OR pp.mrn = \(digits)
                ), c AS (
                    SELECT x.user_id, x.kind, row_number() OVER (ORDER BY x.o, x.ending, x.member, x.user_id) AS ord
                    FROM (SELECT r.user_id, 'exactMRN' AS kind, 0 AS o, ''::text COLLATE "C" AS ending, 0 AS member FROM r
                          UNION ALL
                          SELECT h.user_id, 'phoneEnding', 1, h.ending, 0 FROM h
                          UNION ALL
                          SELECT mp.user_id, 'household', 1, h.ending, 1
                          FROM h JOIN patient_profiles hp ON hp.user_id = h.user_id
                          JOIN patient_profiles mp ON mp.desk_contact_holder_patient_id = hp.id) AS x
                    ORDER BY ord LIMIT \(need)
                )
                """
        case .phoneStart(let digits):
            return """
                WITH c AS (
                    SELECT s.user_id, 'phoneStart' AS kind, row_number() OVER (ORDER BY s.phone_digits, s.user_id) AS ord
                    FROM (SELECT u.id AS user_id, desk_phone_digits(u.phone) COLLATE "C" AS phone_digits
                          FROM users u
                          WHERE u.user_type = 'PATIENT' AND u.is_active AND u.phone IS NOT NULL
                            AND desk_phone_digits(u.phone) COLLATE "C" LIKE desk_like_prefix(\(digits))
                          ORDER BY 2, u.id LIMIT \(need)) AS s
                )
                """
        case .mrn(let forms, let number):
            return """
                WITH c AS (
                    SELECT pp.user_id, 'exactMRN' AS kind, row_number() OVER (ORDER BY pp.id) AS ord
                    FROM patient_profiles pp
                    WHERE pp.mrn = ANY (\(SQLArray.text(forms))::text[])
                       OR pp.mrn = desk_format_mrn(desk_mrn_prefix(), \(number)::bigint)
                    LIMIT \(need)
                )
                """
        case .namePrefix(let text):
            return """
                WITH m AS (
                    (SELECT u.id AS user_id, desk_name_key(u.first_name, u.last_name, u.full_name) COLLATE "C" AS name_key
                     FROM users u
                     WHERE u.user_type = 'PATIENT' AND u.is_active
                       AND desk_name_key(u.first_name, u.last_name, u.full_name) COLLATE "C"
                           LIKE desk_like_prefix(desk_name_text(\(text)))
                     ORDER BY 2, u.id LIMIT \(need))
                    UNION ALL
                    (SELECT u.id, desk_name_key_reversed(u.first_name, u.last_name, u.full_name) COLLATE "C"
                     FROM users u
                     WHERE u.user_type = 'PATIENT' AND u.is_active
                       AND desk_name_key_reversed(u.first_name, u.last_name, u.full_name) COLLATE "C"
                           LIKE desk_like_prefix(desk_name_text(\(text)))
                     ORDER BY 2, u.id LIMIT \(need))
                ), c AS (
                    SELECT m.user_id,
                           CASE WHEN bool_or(m.name_key = desk_name_text(\(text)) COLLATE "C") THEN 'exactName'
                                ELSE 'namePrefix' END AS kind,
                           row_number() OVER (ORDER BY bool_or(m.name_key = desk_name_text(\(text)) COLLATE "C") DESC,
                                                       min(m.name_key), m.user_id) AS ord
                    FROM m GROUP BY m.user_id
                    ORDER BY ord LIMIT \(need)
                )
                """
        case .nameContains(let text, let tokens):
            let keys: SQLQuery = """
                WITH k AS (
                    SELECT f.name_key, f.score FROM desk_patient_names_containing(\(SQLArray.text(tokens))::text[], \(text), 200) AS f
                ),
                """
            return keys.appending(PatientSearchPlan.usersByKey(kind: "nameContains", need: need))
        case .nameFuzzy(let text):
            let keys: SQLQuery = """
                WITH k AS (
                    SELECT f.name_key, f.score FROM desk_similar_patient_names(\(text), 50) AS f
                ),
                """
            return keys.appending(PatientSearchPlan.usersByKey(kind: "nameFuzzy", need: need))
        }
    }
}

extension PatientSearchPlan {
    /// CTEs `c0` and `c`: the active patients of the name keys in `k` (best `score` first), at most
    /// `need` of them, walking `ix_users_patient_name` key by key.
    fileprivate static func usersByKey(kind: String, need: Int) -> SQLQuery {
        """
         c0 AS (
            SELECT p.user_id, k.score, k.name_key
            FROM k CROSS JOIN LATERAL (
                SELECT u.id AS user_id FROM users u
                WHERE u.user_type = 'PATIENT' AND u.is_active
                  AND desk_name_key(u.first_name, u.last_name, u.full_name) COLLATE "C" = k.name_key
                ORDER BY u.id LIMIT \(need)) AS p
            ORDER BY k.score DESC, k.name_key, p.user_id LIMIT \(need)
        ), c AS (
            SELECT c0.user_id, \(kind)::text AS kind,
                   row_number() OVER (ORDER BY c0.score DESC, c0.name_key, c0.user_id) AS ord
            FROM c0
        )
        """
    }
}

extension SQLQuery {
    /// This statement followed by `other` (whose parameters are renumbered after this one's).
    func appending(_ other: SQLQuery) -> SQLQuery {
        var text = ""
        var scanner = Substring(other.sql)
        let shift = parameters.count
        while let dollar = scanner.firstIndex(of: "$") {
            text += scanner[..<dollar]
            let afterDollar = scanner.index(after: dollar)
            let digits = scanner[afterDollar...].prefix(while: \.isASCIIDigit)
            if let number = Int(digits) {
                text += "$\(number + shift)"
            } else {
                text += "$"
            }
            scanner = scanner[afterDollar...].dropFirst(digits.count)
        }
        text += scanner
        return SQLQuery(unsafeSQL: sql + text, parameters: parameters + other.parameters)
    }
}

/// Text-format array parameters (`{"a","b"}`), quoted so no element can break out.
enum SQLArray {
    /// A `text[]` literal.
    static func text(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }

    /// A `bigint[]` literal.
    static func ids(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
