import ClinicCore
import Foundation

/// A throwaway database with schema.sql and a small demo seed, for driving the real binary.
struct DemoDatabase {
    let name: String
    let url: String
    let database: Database

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `clinic-desk` (make test builds it before running the tests).
    static func binary() throws -> String {
        let path = repositoryRoot.appendingPathComponent(".build/debug/clinic-desk").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw EndToEndError.setup("\(path) is missing: run `swift build` first (make test does).")
        }
        return path
    }

    static func create(prefix: String) async throws -> DemoDatabase {
        guard let admin = ProcessInfo.processInfo.environment["CLINIC_TEST_ADMIN_URL"], !admin.isEmpty else {
            throw EndToEndError.setup("CLINIC_TEST_ADMIN_URL is not set: run the tests with `make test`.")
        }
        let name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        try await Database(url: admin).execute(SQLQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        let url = try ConnectionURL.replacingDatabase(in: admin, with: name)
        let database = Database(url: url)
        try await SchemaManager(database: database).apply(
            try SchemaScript(path: repositoryRoot.appendingPathComponent("schema.sql").path))
        let today = try await DatabaseClock(database: database).today(inZone: "Asia/Kolkata")
        _ = try await DemoSeeder(database: database).seed(DemoSeedOptions(today: today, patients: 60, clinicians: 6)) { _ in }
        return DemoDatabase(name: name, url: url, database: database)
    }

    func drop() async {
        await database.disconnect()
        guard let admin = ProcessInfo.processInfo.environment["CLINIC_TEST_ADMIN_URL"] else { return }
        _ = try? await Database(url: admin).execute(SQLQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
    }

    /// A shell line that runs the desk with a clean, explicit environment and records the terminal
    /// settings before and after, so a test can prove they were restored.
    func deskCommand(stateFile: String, extraEnvironment: String = "") throws -> String {
        let binary = try DemoDatabase.binary()
        return "stty -a > \(stateFile).before; env LC_ALL=C.UTF-8 TERM=screen-256color CLINIC_LOG_DIR=/tmp \(extraEnvironment) "
            + "DATABASE_URL='\(url)' \(binary); echo \"exit=$?\" > \(stateFile).exit; stty -a > \(stateFile).after; "
            + "echo DESK-EXITED; sleep 120"
    }
}
