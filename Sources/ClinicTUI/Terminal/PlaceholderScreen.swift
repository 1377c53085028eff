import CNcurses
import ClinicCore
import Foundation

/// The first screen: proves the demo database is reachable and the terminal works, until the
/// desk's shell (next issue) replaces it. Restores the terminal on quit, Ctrl-C, SIGTERM and SIGHUP.
@MainActor
enum PlaceholderScreen {
    nonisolated static func summary(of status: SchemaStatus) -> String {
        let counts = ["centres", "clinicians", "patients", "staff", "appointments", "payments"]
            .map { "\($0): \(status.counts[$0] ?? 0)" }
            .joined(separator: "   ")
        return "Connected. Desk schema version \(status.version.map(String.init) ?? "none"). \(counts)"
    }

    static func run(summary: String) throws {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        TerminalRestorer.install()
        guard let window = initscr() else { throw ExitCodeError.terminalUnavailable }
        TerminalRestorer.isActive = true
        defer { TerminalRestorer.restore() }
        cbreak()
        noecho()
        keypad(window, true)
        curs_set(0)
        var done = false
        while !done {
            werase(window)
            let width = Int(getmaxx(window))
            draw(window, row: 1, "clinic-desk — front desk", width: width)
            draw(window, row: 3, summary, width: width)
            draw(window, row: 5, "The desk's screens arrive with the next release. Press q to quit.", width: width)
            wrefresh(window)
            var key: wint_t = 0
            let status = wget_wch(window, &key)
            if status != ERR, status != clinic_key_code_yes(), key == wint_t(UnicodeScalar("q").value) {
                done = true
            }
        }
    }

    private static func draw(_ window: UnsafeMutablePointer<WINDOW>, row: Int32, _ text: String, width: Int) {
        let clipped = String(text.prefix(max(0, width - 4)))
        mvwaddstr(window, row, 2, clipped)
    }
}

enum ExitCodeError: Error, CustomStringConvertible {
    case terminalUnavailable
    var description: String { "Cannot open the terminal (is TERM set?)." }
}
