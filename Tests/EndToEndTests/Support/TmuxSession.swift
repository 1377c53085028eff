import Foundation
import Testing

@testable import ClinicTUI

/// The real `clinic-desk` binary in its own tmux server, driven by keys and read by capture-pane.
/// Waits are for expected text with a deadline, never a fixed sleep.
final class TmuxSession {
    let server: String
    let session = "desk"

    /// Starts `command` (a shell line) in a new detached session of size `width`×`height`.
    init(name: String, width: Int, height: Int, command: String) throws {
        server = "clinic-e2e-\(name)-\(getpid())"
        try TmuxSession.run([
            "-L", server, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y",
            String(height), command,
        ])
    }

    deinit {
        close()
    }

    /// Stops the tmux server and everything in its panes.
    func close() {
        TmuxControl.stopServer(server)
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try TmuxSession.run(["-L", server, "capture-pane", "-p", "-t", session])
    }

    /// Sends tmux key names ("Enter", "F12", "Escape", "C-p") or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try TmuxSession.run(["-L", server, "send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
    }

    func resize(width: Int, height: Int) throws {
        try TmuxSession.run(["-L", server, "resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen no longer contains `text` (a dialog closed), or fails after `seconds`.
    func waitForAbsence(of text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let screen = try? screen(), !screen.contains(text) { return }
            usleep(50_000)
        }
        Issue.record("waited \(seconds)s for \"\(text)\" to go away", sourceLocation: sourceLocation)
        throw EndToEndError.timeout("absence of \(text)")
    }

    /// Waits until the screen contains `text`, or fails after `seconds` with the last screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("waited \(seconds)s for \"\(text)\"; the screen shows:\n\(last)", sourceLocation: sourceLocation)
        throw EndToEndError.timeout(text)
    }

    /// Runs tmux through the runner the benchmarks use.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        do {
            return try TmuxControl.run(arguments)
        } catch let failure as TmuxControl.Failure {
            throw EndToEndError.tmux(failure.command, failure.output)
        }
    }
}

enum EndToEndError: Error, CustomStringConvertible {
    case timeout(String)
    case tmux(String, String)
    case setup(String)

    var description: String {
        switch self {
        case .timeout(let text): return "timed out waiting for \(text)"
        case .tmux(let command, let output): return "tmux \(command) failed: \(output)"
        case .setup(let message): return message
        }
    }
}
