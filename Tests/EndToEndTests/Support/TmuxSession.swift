import Foundation
import Testing

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

    /// Stops the tmux server and everything in it. kill-server alone has been seen to leave the
    /// server (and the pane's shell) running, so the pane's process group and the server are killed too.
    func close() {
        let serverPID = (try? TmuxSession.run(["-L", server, "display-message", "-p", "#{pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let panePIDs = ((try? TmuxSession.run(["-L", server, "list-panes", "-a", "-F", "#{pane_pid}"])) ?? "")
            .split(separator: "\n").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        _ = try? TmuxSession.run(["-L", server, "kill-server"])
        for pane in panePIDs where pane > 1 { kill(-pane, SIGKILL) }
        if let serverPID, serverPID > 1 { kill(serverPID, SIGKILL) }
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

    /// Waits until the screen contains `text`, or fails after `seconds` with the last screen.
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

    /// Runs tmux with posix_spawn and waitpid. (Foundation's Process can wait forever here: the
    /// tmux server that `new-session` forks keeps the client's descriptors.) Output goes through
    /// a temporary file, which the forked server never holds.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let outputPath = NSTemporaryDirectory() + "clinic-tmux-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw EndToEndError.tmux(arguments.joined(separator: " "), "cannot start tmux (error \(spawned)); make test installs it")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw EndToEndError.tmux(arguments.joined(separator: " "), output) }
        return output
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
