import Foundation

/// Runs the named benchmarks against a benchmark database seeded with N patients.
///
/// The benchmark database lives beside the one in `DATABASE_URL` (same server, name
/// `clinic_desk_bench`); it is rebuilt only when the seed version or the patient count changes.
public struct BenchmarkRunner: Sendable {
    /// Benchmarks this release knows, in run order.
    public static let allNames = [
        "seed", "connect", "pk-lookup", "booking-insert", "patient-search-name", "patient-search-phone",
        "patient-search-last-digits", "availability-grid", "booking-transaction", "booking-mixed",
    ]
    /// Bump when the demo data's shape changes, so old benchmark databases are rebuilt.
    public static let seedVersion = 2

    public let adminURL: String
    public let benchmarkURL: String
    public let patients: Int
    public let minimumSamples: Int
    let progress: @Sendable (String) -> Void

    /// - Parameters:
    ///   - url: `DATABASE_URL`; the benchmark database is created on the same server.
    ///   - patients: patients to seed (default 1,000,000).
    ///   - minimumSamples: samples per latency benchmark (after warm-up).
    public init(url: String, patients: Int, minimumSamples: Int = 2000, progress: @escaping @Sendable (String) -> Void) throws {
        adminURL = url
        benchmarkURL = try ConnectionURL.replacingDatabase(in: url, with: "clinic_desk_bench")
        self.patients = patients
        self.minimumSamples = minimumSamples
        self.progress = progress
    }

    /// Runs `names` (all when empty) and returns the report.
    /// - Parameter skipDatabase: only record the server settings (when just terminal benchmarks run).
    public func run(_ names: [String], skipAll skipDatabase: Bool = false) async throws -> BenchmarkReport {
        if skipDatabase {
            return BenchmarkReport(serverSettings: try await serverSettings(Database(url: adminURL)), patients: 0, results: [])
        }
        let selected = names.isEmpty ? BenchmarkRunner.allNames : names
        if let unknown = selected.first(where: { !BenchmarkRunner.allNames.contains($0) }) {
            throw BenchmarkError.unknownBenchmark(unknown, known: BenchmarkRunner.allNames)
        }
        var results: [BenchmarkResult] = []
        let seedResult = try await prepareDatabase(forceSeed: selected.contains("seed"))
        if selected.contains("seed"), let seedResult { results.append(seedResult) }
        let database = Database(url: benchmarkURL, applicationName: "clinic-desk bench")
        let settings = try await serverSettings(database)
        for name in selected where name != "seed" {
            progress("running \(name)…")
            switch name {
            case "connect": results.append(try await connect())
            case "pk-lookup": results.append(try await primaryKeyLookup(database))
            case "booking-insert":
                for writers in [1, 4, 16] { results.append(try await bookingInsert(writers: writers)) }
            case "availability-grid": results.append(try await availabilityGrid(database))
            case "booking-mixed": results.append(try await bookingMixed(database))
            case "booking-transaction":
                for writers in [1, 4, 16] { results.append(try await bookingTransaction(writers: writers, database)) }
            case let search where BenchmarkRunner.patientSearchNames.contains(search):
                results.append(try await patientSearch(search, database))
            default: break
            }
        }
        return BenchmarkReport(serverSettings: settings, patients: patients, results: results)
    }

    // MARK: - Database preparation

    /// Creates or reuses the benchmark database; returns the seed timing when it seeded.
    private func prepareDatabase(forceSeed: Bool) async throws -> BenchmarkResult? {
        let admin = Database(url: adminURL, applicationName: "clinic-desk bench")
        let exists = try await admin.query("SELECT 1 AS found FROM pg_database WHERE datname = 'clinic_desk_bench'")
        let wanted = "{\"patients\": \(patients), \"seed_version\": \(BenchmarkRunner.seedVersion)}"
        if !exists.isEmpty, !forceSeed {
            let bench = Database(url: benchmarkURL)
            let marker = try? await bench.query(
                """
                SELECT value_json = \(wanted)::jsonb AS same FROM settings WHERE key = 'clinic_desk.bench_seed'
                """)
            await bench.disconnect()
            if try marker?.first?.decode("same", as: Bool.self) == true {
                progress("reusing benchmark database clinic_desk_bench (\(patients) patients)")
                return nil
            }
        }
        progress("building benchmark database clinic_desk_bench with \(patients) patients…")
        try await admin.execute("DROP DATABASE IF EXISTS clinic_desk_bench WITH (FORCE)")
        try await admin.execute("CREATE DATABASE clinic_desk_bench")
        let bench = Database(url: benchmarkURL)
        try await SchemaManager(database: bench).apply(try SchemaScript.locate())
        let started = ContinuousClock.now
        let summary = try await DemoSeeder(database: bench).seed(
            DemoSeedOptions(today: try await BenchmarkRunner.today(bench), patients: patients), progress: progress)
        let seconds = BenchmarkRunner.seconds(since: started)
        try await bench.execute(
            """
            INSERT INTO settings (key, value_json) VALUES ('clinic_desk.bench_seed', \(wanted)::jsonb)
            """)
        try await bench.execute("VACUUM ANALYZE")
        let rows = summary.patients * 2 + summary.appointments + summary.payments
        return BenchmarkResult(
            name: "seed", latency: Percentiles([seconds * 1_000_000]),
            throughputPerSecond: Double(summary.patients) / seconds,
            note: String(format: "%d patients, %d rows in %.1f s", summary.patients, rows, seconds))
    }

    private static func today(_ database: Database) async throws -> LocalDate {
        let row = try await database.query("SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date AS today")
        return try row[0].decode("today")
    }

    private func serverSettings(_ database: Database) async throws -> [String: String] {
        var settings: [String: String] = [:]
        for name in ["server_version", "synchronous_commit", "shared_buffers", "fsync", "max_connections"] {
            let rows = try await database.query("SELECT current_setting(\(name)) AS value")
            settings[name] = try rows[0].decode("value")
        }
        return settings
    }

    // MARK: - Benchmarks

    private func connect() async throws -> BenchmarkResult {
        let count = max(50, minimumSamples / 20)
        var ours: [Double] = []
        var raw: [Double] = []
        for _ in 0..<count {
            let database = Database(url: benchmarkURL)
            let started = ContinuousClock.now
            try await database.connect()
            ours.append(BenchmarkRunner.microseconds(since: started))
            await database.disconnect()
            let rawStarted = ContinuousClock.now
            try RawConnection.connectAndClose(url: benchmarkURL)
            raw.append(BenchmarkRunner.microseconds(since: rawStarted))
        }
        return BenchmarkResult(name: "connect", latency: Percentiles(ours), rawLatency: Percentiles(raw))
    }

    private func primaryKeyLookup(_ database: Database) async throws -> BenchmarkResult {
        let bounds = try await database.query("SELECT min(id) AS low, max(id) AS high FROM patient_profiles")
        let low: Int64 = try bounds[0].decode("low")
        let high: Int64 = try bounds[0].decode("high")
        var generator = SeededGenerator(seed: 42)
        let ids = (0..<(minimumSamples + 200)).map { _ in Int64.random(in: low...high, using: &generator) }
        var ours: [Double] = []
        for (index, id) in ids.enumerated() {
            let started = ContinuousClock.now
            let rows = try await database.query("SELECT * FROM patient_profiles WHERE id = \(id)")
            _ = try rows.first.map { try PatientProfileRow(row: $0) }
            if index >= 200 { ours.append(BenchmarkRunner.microseconds(since: started)) }
        }
        let raw = try RawConnection(url: benchmarkURL)
        var rawSamples: [Double] = []
        for (index, id) in ids.enumerated() {
            let started = ContinuousClock.now
            try raw.run("SELECT * FROM patient_profiles WHERE id = \(id)")
            if index >= 200 { rawSamples.append(BenchmarkRunner.microseconds(since: started)) }
        }
        return BenchmarkResult(name: "pk-lookup", latency: Percentiles(ours), rawLatency: Percentiles(rawSamples))
    }

    private func bookingInsert(writers: Int) async throws -> BenchmarkResult {
        let setup = Database(url: benchmarkURL)
        let context = try await BookingBenchContext.load(setup)
        let perWriter = max(100, minimumSamples / writers)
        let url = benchmarkURL
        let runID = Int(UInt32.random(in: 0...UInt32.max) % 50)

        func timeWriters(raw: Bool, round: Int) async throws -> (samples: [Double], seconds: Double) {
            try await ConcurrentWriters.run(writers) { writer in
                let slots = (0..<perWriter).map { index in context.appointment(writer: writer, index: index, round: round, run: runID) }
                if raw { return try ConcurrentWriters.rawInserts(slots, url: url) }
                let database = Database(url: url)
                try await database.connect()
                var samples: [Double] = []
                samples.reserveCapacity(perWriter)
                for appointment in slots {
                    let began = ContinuousClock.now
                    _ = try await database.transaction { try AppointmentStore.insert(appointment, in: $0) }
                    samples.append(BenchmarkRunner.microseconds(since: began))
                }
                return samples
            }
        }

        let ours = try await timeWriters(raw: false, round: 0)
        let raw = try await timeWriters(raw: true, round: 1)
        try await setup.execute("DELETE FROM appointments WHERE notes = 'bench'")
        return BenchmarkResult(
            name: "booking-insert ×\(writers) writers", latency: Percentiles(ours.samples),
            rawLatency: Percentiles(raw.samples),
            throughputPerSecond: Double(ours.samples.count) / ours.seconds,
            note: String(format: "raw throughput %.0f/s", Double(raw.samples.count) / raw.seconds))
    }

    /// Microseconds elapsed since `start`.
    public static func microseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1_000_000 + Double(elapsed.components.attoseconds) / 1_000_000_000_000
    }

    /// Seconds elapsed since `start`.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        microseconds(since: start) / 1_000_000
    }
}

/// The ids a booking benchmark needs, and unique non-overlapping slots far in the future.
struct BookingBenchContext: Sendable {
    var clinicians: [(id: Int64, centre: Int64)]
    var patient: Int64
    var staffUser: Int64

    static func load(_ database: Database) async throws -> BookingBenchContext {
        let clinicians = try await database.query("SELECT id, primary_centre_id FROM clinician_profiles ORDER BY id")
        let patient = try await database.query("SELECT min(id) AS id FROM patient_profiles")
        let staff = try await database.query("SELECT min(id) AS id FROM users WHERE user_type = 'STAFF'")
        return BookingBenchContext(
            clinicians: try clinicians.map { (try $0.decode("id"), try $0.decode("primary_centre_id")) },
            patient: try patient[0].decode("id"), staffUser: try staff[0].decode("id"))
    }

    /// Slot `index` of `writer`: a clinician of its own and a 30-minute slot no other run uses.
    func appointment(writer: Int, index: Int, round: Int, run: Int) -> NewAppointment {
        let clinician = clinicians[writer % clinicians.count]
        let sequence = ((run * 2 + round) * 64 + writer) * 10_000 + index
        let start = Instant(date: LocalDate(year: 2090, month: 1, day: 1), time: LocalTime(hour: 0, minute: 0), offsetSeconds: 0)
            .adding(minutes: sequence * 30)
        return NewAppointment(
            patientID: patient, clinicianID: clinician.id, centreID: clinician.centre, type: .inPerson,
            start: start, durationMinutes: 30, bookedByUserID: staffUser, source: .adminFrontDesk,
            notes: "bench")
    }
}

/// The decoded row of the primary-key benchmark (what a caller of our layer really gets).
struct PatientProfileRow {
    var id: Int64
    var userID: Int64
    var dateOfBirth: LocalDate?
    var gender: String?
    var mrn: String?
    var isActive: Bool

    init(row: Row) throws {
        id = try row.decode("id")
        userID = try row.decode("user_id")
        dateOfBirth = try row.decode("date_of_birth")
        gender = try row.decode("gender")
        mrn = try row.decode("mrn")
        isActive = try row.decode("is_active")
    }
}

/// A benchmark run that cannot start.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownBenchmark(String, known: [String])

    public var description: String {
        switch self {
        case .unknownBenchmark(let name, let known):
            return "No benchmark named \(name). Known: \(known.joined(separator: ", "))."
        }
    }
}
