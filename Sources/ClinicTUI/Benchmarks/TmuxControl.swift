import Foundation

/// Drives tmux for the terminal benchmarks and the end-to-end tests (one copy for both).
enum TmuxControl {
    /// tmux could not be started, or a command failed.
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "tmux \(command) failed: \(output)" }
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's Process can wait forever here: the tmux
    /// server that `new-session` forks keeps the client's descriptors. Output goes through a
    /// temporary file, which the forked server never holds.
    /// - Throws: `Failure` when tmux cannot start or exits non-zero.
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
            throw Failure(command: arguments.joined(separator: " "), output: "cannot start tmux (error \(spawned)); make test installs it")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(command: arguments.joined(separator: " "), output: output) }
        return output
    }

    /// Stops a tmux server and the processes in its panes: kill-server alone has been seen to leave
    /// the server and the pane's shell running.
    static func stopServer(_ server: String) {
        let serverPID = (try? run(["-L", server, "display-message", "-p", "#{pid}"])).flatMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let panes = ((try? run(["-L", server, "list-panes", "-a", "-F", "#{pane_pid}"])) ?? "").split(separator: "\n")
            .compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
        _ = try? run(["-L", server, "kill-server"])
        for pane in panes where pane > 1 { kill(-pane, SIGKILL) }
        if let serverPID, serverPID > 1 { kill(serverPID, SIGKILL) }
    }
}
