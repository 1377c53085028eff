import Foundation
import Testing

@testable import ClinicTUI

@Suite("command environment")
struct DeskEnvironmentTests {
    @Test(".env fills what the environment does not set; the environment wins")
    func dotEnvMerging() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clinic-desk-\(UUID().uuidString).env").path
        try """
        # comment
        DATABASE_URL="postgresql:///from_file?host=/tmp"
        CLINIC_LOG_DIR = .clinic/logs
        BROKEN LINE
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = DeskEnvironment(processEnvironment: [:], dotEnvPath: path)
        #expect(try fromFile.databaseURL() == "postgresql:///from_file?host=/tmp")
        #expect(fromFile.values["CLINIC_LOG_DIR"] == ".clinic/logs")
        let overridden = DeskEnvironment(processEnvironment: ["DATABASE_URL": "postgresql:///env"], dotEnvPath: path)
        #expect(try overridden.databaseURL() == "postgresql:///env")
    }

    @Test("a missing DATABASE_URL says how to set it")
    func missingURL() {
        let environment = DeskEnvironment(processEnvironment: [:], dotEnvPath: "/nonexistent/.env")
        #expect(throws: (any Error).self) { try environment.databaseURL() }
        do {
            _ = try environment.databaseURL()
        } catch {
            #expect("\(error)".contains(".env.example"))
        }
    }
}
