import Foundation

/// The patient-search benchmarks: queries drawn deterministically from the seeded patients, timed
/// through `PatientDirectory.search` and, in the same run, as the same statements through bare libpq.
extension BenchmarkRunner {
    /// The search benchmarks and what each one types.
    static let patientSearchNames = ["patient-search-name", "patient-search-phone", "patient-search-last-digits"]

    /// Runs one of `patientSearchNames`.
    func patientSearch(_ name: String, _ database: Database) async throws -> BenchmarkResult {
        let warmUp = 200
        let people = try await BenchmarkRunner.samplePatients(database, count: minimumSamples + warmUp)
        var queries: [(text: String, form: String)] = []
        for (index, person) in people.enumerated() {
            switch name {
            case "patient-search-phone": queries.append(BenchmarkRunner.phoneQuery(person.phone, index))
            case "patient-search-last-digits":
                let length = 4 + index % 3
                queries.append((String(person.phone.suffix(length)), "last \(length) digits"))
            default: queries.append(BenchmarkRunner.nameQuery(first: person.first, last: person.last, index))
            }
        }
        let directory = PatientDirectory(database: database)
        let actor = StaffActor.commandLineOperator(host: "bench")
        let pageSize = 20
        var ours: [Double] = []
        var byForm: [String: [Double]] = [:]
        var emptyResults = 0
        for (index, query) in queries.enumerated() {
            let started = ContinuousClock.now
            let results = try await directory.search(query.text, actor: actor, limit: pageSize)
            let elapsed = BenchmarkRunner.microseconds(since: started)
            if index >= warmUp {
                ours.append(elapsed)
                byForm[query.form, default: []].append(elapsed)
                if results.isEmpty { emptyResults += 1 }
            }
        }
        let raw = try RawConnection(url: benchmarkURL)
        var rawSamples: [Double] = []
        for (index, query) in queries.enumerated() {
            let plan = PatientSearchPlan(query.text)
            let started = ContinuousClock.now
            var found = 0
            for step in plan.steps {
                if found >= pageSize || (step.onlyWhenNothingFound && found > 0) { break }
                found += try raw.run(step.query(need: pageSize + found))
            }
            if index >= warmUp { rawSamples.append(BenchmarkRunner.microseconds(since: started)) }
        }
        let forms = byForm.keys.sorted().map { form in
            String(format: "%@ p95 %.1f ms", form, Percentiles(byForm[form] ?? []).p95 / 1000)
        }
        return BenchmarkResult(
            name: name, latency: Percentiles(ours), rawLatency: Percentiles(rawSamples),
            note: forms.joined(separator: "; ") + "; \(emptyResults) of \(ours.count) found nobody")
    }

    /// Active patients with a first and last name, chosen by a seeded generator over the id range.
    private static func samplePatients(_ database: Database, count: Int) async throws
        -> [(first: String, last: String, phone: String)]
    {
        let bounds = try await database.query("SELECT min(id) AS low, max(id) AS high FROM patient_profiles")
        let low: Int64 = try bounds[0].decode("low")
        let high: Int64 = try bounds[0].decode("high")
        var generator = SeededGenerator(seed: 7)
        let ids = (0..<(count * 2)).map { _ in Int64.random(in: low...high, using: &generator) }
        let rows = try await database.query(
            """
            SELECT pp.id, u.first_name, u.last_name, u.phone
            FROM unnest(\(SQLArray.ids(ids))::bigint[]) WITH ORDINALITY AS x(id, ord)
            JOIN patient_profiles pp ON pp.id = x.id JOIN users u ON u.id = pp.user_id
            WHERE u.first_name IS NOT NULL AND u.last_name IS NOT NULL AND u.phone IS NOT NULL
            ORDER BY x.ord
            """)
        return try rows.prefix(count).map { row in
            (try row.decode("first_name"), try row.decode("last_name"), try row.decode("phone"))
        }
    }

    /// What a receptionist types for a name, in five forms: whole name, surname first, a started
    /// surname, a typo in the surname, and the first letters of both.
    static func nameQuery(first: String, last: String, _ index: Int) -> (text: String, form: String) {
        switch index % 5 {
        case 0: return ("\(first) \(last)", "whole name")
        case 1: return ("\(last) \(first)".lowercased(), "surname first")
        case 2: return ("\(first) \(last.prefix(2))", "started surname")
        case 3:
            var letters = Array(last)
            if letters.count >= 4 {
                letters.swapAt(1, 2)
            } else if letters.count >= 2 {
                letters.remove(at: 1)
            }
            return ("\(first) \(String(letters))", "typo")
        default: return ("\(first.prefix(3)) \(last.prefix(3))".lowercased(), "first letters")
        }
    }

    /// A stored phone typed four ways: +91 with spaces, a leading 0 with a dash, ten digits, 91 + ten.
    static func phoneQuery(_ stored: String, _ index: Int) -> (text: String, form: String) {
        let ten = String(stored.suffix(10))
        switch index % 4 {
        case 0: return ("+91 \(ten.prefix(5)) \(ten.suffix(5))", "+91 spaced")
        case 1: return ("0\(ten.prefix(5))-\(ten.suffix(5))", "0 dashed")
        case 2: return (ten, "ten digits")
        default: return ("91" + ten, "91 prefixed")
        }
    }
}
