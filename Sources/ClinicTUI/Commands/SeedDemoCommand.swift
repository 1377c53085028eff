import ArgumentParser
import ClinicCore

/// `clinic-desk db seed-demo`: fills an empty database with demo data shaped like the web's.
struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Fill an empty database with deterministic demo data (centres, clinicians, staff, patients, visits).",
        discussion: "Dates are relative to --today (default: today in India), so the same date gives the same data."
    )

    @Option(help: "The demo's today, YYYY-MM-DD (default: today in Asia/Kolkata by the database clock).")
    var today: String?

    @Option(help: "Number of patients.")
    var patients: Int = 2000

    @Option(help: "Number of clinicians.")
    var clinicians: Int = 12

    func validate() throws {
        if let today, LocalDate(sqlText: today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, for example 2026-11-26.")
        }
        guard patients >= 1, patients <= 5_000_000 else { throw ValidationError("--patients must be between 1 and 5000000.") }
        guard clinicians >= 1, clinicians <= 200 else { throw ValidationError("--clinicians must be between 1 and 200.") }
    }

    func run() async throws {
        let database = Database(url: try DeskEnvironment().databaseURL())
        do {
            try await SchemaManager(database: database).requireCurrentVersion()
            let date: LocalDate
            // Seen now: visits running now are in session (a given --today is seen at 11:00, reproducibly).
            var seenAt = LocalTime(hour: 11, minute: 0)
            if let today, let parsed = LocalDate(sqlText: today) {
                date = parsed
            } else {
                let now = try await DatabaseClock(database: database).now().local(offsetSeconds: 19_800)
                date = now.date
                seenAt = LocalTime(hour: now.time.hour, minute: now.time.minute)
            }
            print("seeding demo data for \(date): \(patients) patients, \(clinicians) clinicians")
            let summary = try await DemoSeeder(database: database).seed(
                DemoSeedOptions(today: date, patients: patients, clinicians: clinicians, inSessionAt: seenAt)
            ) { line in print("  \(line)") }
            print(
                "done: \(summary.centres) centres, \(summary.clinicians) clinicians, \(summary.staff) staff, "
                    + "\(summary.patients) patients, \(summary.appointments) appointments, \(summary.payments) payments, "
                    + "\(summary.blockedSlots) blocked slots")
            print("demo logins:")
            for login in DemoSeeder.demoLogins {
                print("  \(login.username) / \(login.password)  (\(login.role)\(login.centre.map { ", \($0)" } ?? ""))")
            }
        } catch {
            throw reportFailure(error)
        }
    }
}
