import ArgumentParser
import ClinicCore
import Foundation

/// Opens the desk's terminal UI (the default when no subcommand is given).
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the front-desk terminal UI (default).",
        discussion: """
            Settings (command line over environment over config file): DATABASE_URL, CLINIC_IDLE_LOCK_MINUTES \
            (default 5; 0 turns the idle lock off), CLINIC_LOG_DIR (crash logs; default .clinic/logs), NO_COLOR \
            (monochrome). The config file holds KEY=value lines: ~/.config/clinic-desk/config or --config.
            """
    )

    @Option(help: "Config file with KEY=value lines (default ~/.config/clinic-desk/config).")
    var config: String?

    @Option(help: "libpq connection string (overrides DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Minutes without a key before the desk locks (overrides CLINIC_IDLE_LOCK_MINUTES).")
    var idleLockMinutes: Int?

    func run() async throws {
        var commandLine: [String: String] = [:]
        if let databaseURL { commandLine["DATABASE_URL"] = databaseURL }
        if let idleLockMinutes { commandLine["CLINIC_IDLE_LOCK_MINUTES"] = String(idleLockMinutes) }
        let settings = DeskConfiguration.load(
            commandLine: commandLine, environment: ProcessInfo.processInfo.environment,
            configFile: config)
        let url: String
        let idleMinutes: Int
        let channel: (any MessageChannel)?
        do {
            url = try settings.databaseURL()
            idleMinutes = try settings.idleLockMinutes()
            channel = try DeskConfiguration.explicitChannel(settings.values)
            try await SchemaManager(database: Database(url: url)).requireCurrentVersion()
        } catch {
            throw reportFailure(error)
        }
        let database = Database(url: url)
        let host = ProcessInfo.processInfo.hostName
        try await MainActor.run {
            try OpenCommand.runDesk(
                database: database, url: url, host: host, idleMinutes: idleMinutes, settings: settings,
                channel: channel)
        }
    }

    @MainActor
    private static func runDesk(
        database: Database, url: String, host: String, idleMinutes: Int, settings: DeskConfiguration,
        channel: (any MessageChannel)?
    ) throws {
        TerminalRestorer.install()
        let terminal = try NcursesTerminal()
        defer { terminal.shutDown() }
        do {
            var state = AppState()
            state.idleLockMinutes = idleMinutes
            if let console = channel as? ConsoleChannel {
                state.message = UserMessageLine(.info, console.startupNotice)
            } else if channel == nil {
                state.message = UserMessageLine(
                    .info, "This desk does not deliver WhatsApp messages (no channel set); another desk or `clinic-desk outbox run` does.")
            }
            let theme = Theme.choose(environment: settings.themeEnvironment, terminalHasColours: terminal.hasColours)
            let runtime = try DeskRuntime(
                state: state, terminal: terminal, theme: theme,
                runner: EffectRunner(
                    database: database, host: host, channel: channel, exportDirectory: settings.exportDirectory),
                listenerURL: url)
            runtime.run()
        } catch {
            terminal.shutDown()
            let path = CrashLog.write(error, directory: settings.logDirectory)
            throw reportFailure(CrashReport(error: error, logPath: path))
        }
    }
}

/// An error that stopped the desk, with where its log went.
struct CrashReport: Error, CustomStringConvertible {
    let error: Error
    let logPath: String?
    var description: String { "\(error)" + (logPath.map { " (details in \($0))" } ?? "") }
}
