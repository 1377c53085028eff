import CNcurses
import Foundation

/// Puts the terminal back (endwin) on normal exit and on Ctrl-C, SIGTERM and SIGHUP.
enum TerminalRestorer {
    /// Set while ncurses owns the terminal. Read from a signal handler, hence a plain C-visible flag.
    nonisolated(unsafe) static var isActive = false

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber) { received in
                if TerminalRestorer.isActive { endwin() }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func restore() {
        if isActive {
            endwin()
            isActive = false
        }
    }
}
