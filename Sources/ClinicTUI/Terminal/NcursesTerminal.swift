import CNcurses
import Foundation

/// The real terminal, through ncursesw. The only file that imports CNcurses.
///
/// All calls happen on the main actor. The locale is set before ncurses starts (falling back to
/// C.UTF-8), keys are read with `wget_wch`, ESC waits only 25 ms, and ncurses owns SIGWINCH (it
/// reports `KEY_RESIZE`).
@MainActor
final class NcursesTerminal: TerminalBackend {
    private let window: UnsafeMutablePointer<WINDOW>
    private var assembler = EscapeSequenceAssembler()
    private var colourPairs: [String: Int16] = [:]
    private var resizePipe: Int32 = -1
    let hasColours: Bool

    /// Starts ncurses on the controlling terminal.
    /// - Throws: `TerminalError.unavailable` when there is no usable terminal.
    init() throws {
        NcursesTerminal.prepareLocale()
        guard isatty(STDIN_FILENO) == 1, let window = initscr() else { throw TerminalError.unavailable }
        self.window = window
        TerminalRestorer.isActive = true
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        set_escdelay(25)
        hasColours = has_colors()
        if hasColours {
            start_color()
            use_default_colors()
        }
        leaveok(window, false)
        curs_set(0)
        resizePipe = ResizeSignal.install()
    }

    /// `setlocale(LC_ALL, "")`, then C.UTF-8 when the user's locale is not UTF-8, so that
    /// wcwidth and ncurses agree on Indian scripts.
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    var inputDescriptors: [Int32] { resizePipe >= 0 ? [STDIN_FILENO, resizePipe] : [STDIN_FILENO] }

    func readKeys() -> [Key] {
        var keys: [Key] = []
        if ResizeSignal.drain(resizePipe) {
            var rows: Int32 = 0
            var columns: Int32 = 0
            if clinic_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 {
                resizeterm(rows, columns)
            }
            keys.append(.resize)
        }
        var batch: [EscapeSequenceAssembler.Input] = []
        let codes = NcursesTerminal.keyCodes
        while true {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { break }
            if status == clinic_key_code_yes() {
                if let key = KeyDecoder.decode(keyCode: Int32(character), codes: codes) { batch.append(.key(key)) }
            } else {
                batch.append(.character(UInt32(character)))
            }
        }
        keys += assembler.assemble(batch)
        return keys
    }

    func apply(_ changes: [CellChange], theme: Theme) {
        for change in changes {
            let attributes = theme.attributes(for: change.cell.style)
            let attribute = self.attribute(for: attributes)
            wattrset(window, Int32(bitPattern: attribute))
            if change.cell.width == 0 { continue }
            // One add_wch per cluster would advance ncurses by one column for "प्रि" while the
            // terminal draws three; a wide string keeps ncurses's model and the terminal in step.
            let wide = Array(change.cell.grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
            wide.withUnsafeBufferPointer { pointer in
                _ = mvwaddnwstr(window, Int32(change.y), Int32(change.x), pointer.baseAddress, -1)
            }
        }
        wattrset(window, 0)
    }

    func setCursor(_ position: (x: Int, y: Int)?) {
        if let position {
            curs_set(1)
            wmove(window, Int32(position.y), Int32(position.x))
        } else {
            curs_set(0)
        }
    }

    func flush() {
        wrefresh(window)
    }

    func invalidate() {
        clearok(window, true)
    }

    func shutDown() {
        TerminalRestorer.restore()
    }

    // MARK: - Private

    private func attribute(for attributes: TerminalAttributes) -> UInt32 {
        var value = clinic_a_normal()
        if attributes.bold { value |= clinic_a_bold() }
        if attributes.underline { value |= clinic_a_underline() }
        if attributes.reverse { value |= clinic_a_reverse() }
        if attributes.dim { value |= clinic_a_dim() }
        if hasColours, attributes.foreground != nil || attributes.background != nil {
            value |= clinic_color_pair(Int32(pair(foreground: attributes.foreground, background: attributes.background)))
        }
        return value
    }

    private func pair(foreground: TerminalColour?, background: TerminalColour?) -> Int16 {
        let key = "\(String(describing: foreground))/\(String(describing: background))"
        if let existing = colourPairs[key] { return existing }
        let number = Int16(colourPairs.count + 1)
        init_pair(number, NcursesTerminal.colourNumber(foreground), NcursesTerminal.colourNumber(background))
        colourPairs[key] = number
        return number
    }

    private static func colourNumber(_ colour: TerminalColour?) -> Int16 {
        switch colour {
        case nil: return -1
        case .black?: return Int16(COLOR_BLACK)
        case .red?: return Int16(COLOR_RED)
        case .green?: return Int16(COLOR_GREEN)
        case .yellow?: return Int16(COLOR_YELLOW)
        case .blue?: return Int16(COLOR_BLUE)
        case .magenta?: return Int16(COLOR_MAGENTA)
        case .cyan?: return Int16(COLOR_CYAN)
        case .white?: return Int16(COLOR_WHITE)
        }
    }

    private static let keyCodes = KeyCodes(
        down: KEY_DOWN, up: KEY_UP, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END,
        npage: KEY_NPAGE, ppage: KEY_PPAGE, dc: KEY_DC, ic: KEY_IC, btab: KEY_BTAB, backspace: KEY_BACKSPACE,
        enter: KEY_ENTER, resize: KEY_RESIZE, f0: clinic_key_f(0))
}

/// SIGWINCH through a self-pipe, so a resize wakes the loop's poll() whenever it happens (ncurses's
/// own handler only sets a flag, which a poll() already waiting would not see).
enum ResizeSignal {
    /// Written by the signal handler; a plain descriptor is all an async-signal-safe handler may use.
    nonisolated(unsafe) private static var writeDescriptor: Int32 = -1

    /// Installs the handler and returns the descriptor to poll, or -1.
    static func install() -> Int32 {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return -1 }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        writeDescriptor = descriptors[1]
        signal(SIGWINCH) { _ in
            var byte: UInt8 = 1
            _ = write(ResizeSignal.writeDescriptor, &byte, 1)
        }
        return descriptors[0]
    }

    /// Empties the pipe; true when a resize arrived.
    static func drain(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        var sink = [UInt8](repeating: 0, count: 64)
        var resized = false
        while read(descriptor, &sink, sink.count) > 0 { resized = true }
        return resized
    }
}

/// The terminal could not be opened.
enum TerminalError: Error, CustomStringConvertible {
    case unavailable

    var description: String { "clinic-desk needs an interactive terminal (stdin is not a TTY, or TERM is unset)." }
}
