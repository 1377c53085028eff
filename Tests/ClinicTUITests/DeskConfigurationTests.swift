import Foundation
import Testing

@testable import ClinicTUI

@Suite("configuration precedence")
struct DeskConfigurationTests {
    @Test("command line over environment over config file; bad values are refused in words")
    func precedence() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-config-\(UUID().uuidString)").path
        try
            "DATABASE_URL=postgresql:///from_file\nCLINIC_IDLE_LOCK_MINUTES=9\nCLINIC_LOG_DIR=/var/log/desk\nCLINIC_EXPORT_DIR=/srv/day-lists\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let fileOnly = DeskConfiguration.load(commandLine: [:], environment: [:], configFile: path)
        #expect(try fileOnly.databaseURL() == "postgresql:///from_file")
        #expect(try fileOnly.idleLockMinutes() == 9)
        #expect(fileOnly.logDirectory == "/var/log/desk")
        #expect(fileOnly.exportDirectory == "/srv/day-lists")

        let environment = DeskConfiguration.load(commandLine: [:], environment: ["CLINIC_IDLE_LOCK_MINUTES": "3"], configFile: path)
        #expect(try environment.idleLockMinutes() == 3)

        let commandLine = DeskConfiguration.load(
            commandLine: ["CLINIC_IDLE_LOCK_MINUTES": "0"], environment: ["CLINIC_IDLE_LOCK_MINUTES": "3"], configFile: path)
        #expect(try commandLine.idleLockMinutes() == 0)

        let broken = DeskConfiguration.load(commandLine: ["CLINIC_IDLE_LOCK_MINUTES": "soon"], environment: [:], configFile: path)
        #expect(
            throws: ConfigurationError.invalid(
                key: "CLINIC_IDLE_LOCK_MINUTES", value: "soon",
                expected: "a whole number of minutes from 0 to 240")
        ) {
            try broken.idleLockMinutes()
        }
        let defaults = DeskConfiguration.load(commandLine: [:], environment: [:], configFile: "/nonexistent")
        #expect(defaults.logDirectory == ".clinic/logs")
        #expect(defaults.exportDirectory == FileManager.default.currentDirectoryPath)
    }

    @Test("NO_COLOR from any source picks the monochrome theme")
    func noColor() {
        let settings = DeskConfiguration.load(commandLine: [:], environment: ["NO_COLOR": "1"], configFile: "/nonexistent")
        #expect(Theme.choose(environment: settings.themeEnvironment, terminalHasColours: true).name == Theme.monochrome.name)
    }
}

@Suite("message channel of the desk")
struct DeskChannelTests {
    @Test("a desk delivers messages only through a channel chosen explicitly")
    func explicitChannelOnly() throws {
        #expect(try DeskConfiguration.explicitChannel([:]) == nil, "missing settings must not make this desk a console deliverer")
        #expect(try DeskConfiguration.explicitChannel(["CLINIC_MESSAGE_CHANNEL": "console"])?.name == "console")
        #expect(throws: (any Error).self) { try DeskConfiguration.explicitChannel(["CLINIC_MESSAGE_CHANNEL": "carrier-pigeon"]) }
    }
}
