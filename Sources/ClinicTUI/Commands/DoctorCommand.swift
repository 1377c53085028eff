import ArgumentParser
import ClinicCore

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database against schema.sql's rules and say what to fix (changes nothing)."
    )

    @Option(help: "Path of schema.sql (default: found from the working directory or $CLINIC_SCHEMA_FILE).")
    var file: String?

    func run() async throws {
        let database = Database(url: try DeskEnvironment().databaseURL())
        let report: DoctorReport
        do {
            let script = try file.map { try SchemaScript(path: $0) } ?? SchemaScript.locate()
            report = try await DatabaseDoctor(database: database, script: script).examine()
        } catch {
            throw reportFailure(error)
        }
        for finding in report.findings {
            let mark =
                switch finding.severity {
                case .ok: "ok  "
                case .warning: "warn"
                case .problem: "FAIL"
                }
            print("[\(mark)] \(finding.title)")
            for line in finding.details { print("         \(line)") }
            if let advice = finding.advice { print("         → \(advice)") }
        }
        if !report.isHealthy { throw ExitCode(1) }
    }
}
