import ArgumentParser
import ClinicCore

/// `clinic-desk db …`: schema, status, health and demo data.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply the schema, check the database, load demo data.",
        subcommands: [
            ApplySchemaCommand.self, StatusCommand.self, DoctorCommand.self, SeedDemoCommand.self,
            AuditVerifyCommand.self,
        ]
    )
}

struct ApplySchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-schema",
        abstract: "Apply schema.sql in one transaction (safe to repeat; refuses data that breaks its rules)."
    )

    @Option(help: "Path of schema.sql (default: found from the working directory or $CLINIC_SCHEMA_FILE).")
    var file: String?

    func run() async throws {
        let database = Database(url: try DeskEnvironment().databaseURL())
        do {
            let script = try file.map { try SchemaScript(path: $0) } ?? SchemaScript.locate()
            try await SchemaManager(database: database).apply(script)
            let version = try await SchemaManager(database: database).currentVersion()
            print("schema.sql applied from \(script.path); desk schema version \(version.map(String.init) ?? "?").")
        } catch {
            throw reportFailure(error)
        }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the desk schema version and table counts."
    )

    @Flag(help: "Print nothing; exit 0 only when demo data has been loaded (for scripts).")
    var seeded = false

    func run() async throws {
        let database = Database(url: try DeskEnvironment().databaseURL())
        let status: SchemaStatus
        do {
            status = try await SchemaManager(database: database).status()
        } catch {
            if seeded { throw ExitCode(2) }
            throw reportFailure(error)
        }
        if seeded {
            throw status.isSeeded && status.version == status.requiredVersion ? ExitCode.success : ExitCode(1)
        }
        print("desk schema version: \(status.version.map(String.init) ?? "none") (this program needs \(status.requiredVersion))")
        if status.version != status.requiredVersion {
            print("run `clinic-desk db apply-schema` to bring the database up to date.")
        }
        for name in status.counts.keys.sorted() {
            print("\(name): \(status.counts[name] ?? 0)")
        }
        print("demo data: \(status.isSeeded ? "loaded" : "not loaded")")
    }
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-verify",
        abstract: "Recompute the audit log's hash chains and report any altered or missing row."
    )

    func run() async throws {
        let database = Database(url: try DeskEnvironment().databaseURL())
        let result: AuditVerification
        do {
            result = try await AuditLog(database: database).verify()
        } catch {
            throw reportFailure(error)
        }
        print("checked \(result.rowsChecked) audit rows in \(result.chains) chain(s)")
        guard result.isIntact else {
            for problem in result.problems { print("  ✗ \(problem)") }
            throw ExitCode(1)
        }
        print("audit log intact")
    }
}
