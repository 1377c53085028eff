import ArgumentParser

/// `clinic-desk`: the terminal front desk. With no subcommand it opens the TUI.
@main
struct ClinicDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic-desk",
        abstract: "The terminal front desk of the clinic chain.",
        discussion: """
            With no subcommand it opens the front-desk TUI (see `clinic-desk open --help`).
            Settings, command line over environment (./.env fills gaps) over config file \
            (~/.config/clinic-desk/config or --config, KEY=value lines):
              DATABASE_URL              libpq URI or key=value string
              CLINIC_IDLE_LOCK_MINUTES  minutes without a key before the desk locks (default 5, 0 = off)
              CLINIC_LOG_DIR            crash logs (default .clinic/logs)
              NO_COLOR                  any value: monochrome screen
            """,
        subcommands: [
            OpenCommand.self, DatabaseCommand.self, StaffCommand.self, PatientsCommand.self, OutboxCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
