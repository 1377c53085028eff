import ArgumentParser

/// `clinic-desk`: the terminal front desk. With no subcommand it opens the TUI.
@main
struct ClinicDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic-desk",
        abstract: "The terminal front desk of the clinic chain.",
        discussion: "Reads DATABASE_URL (a libpq URI or key=value string) from the environment or ./.env.",
        subcommands: [OpenCommand.self, DatabaseCommand.self, StaffCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
