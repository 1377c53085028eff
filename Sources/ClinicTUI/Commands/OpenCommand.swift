import ArgumentParser
import ClinicCore

/// Opens the desk's terminal UI (the default when no subcommand is given).
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the front-desk terminal UI (default)."
    )

    func run() async throws {
        let environment = DeskEnvironment()
        let database = Database(url: try environment.databaseURL())
        let summary: String
        do {
            try await SchemaManager(database: database).requireCurrentVersion()
            let status = try await SchemaManager(database: database).status()
            summary = PlaceholderScreen.summary(of: status)
        } catch {
            throw reportFailure(error)
        }
        try await MainActor.run { try PlaceholderScreen.run(summary: summary) }
    }
}
