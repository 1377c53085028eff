/// What the app loop needs from a terminal: its size, keys, and a way to show changed cells.
///
/// `NcursesTerminal` is the real one; `TestTerminal` keeps everything in memory for tests.
@MainActor
protocol TerminalBackend: AnyObject {
    /// Columns and rows right now.
    var size: (width: Int, height: Int) { get }
    /// Descriptors to `poll()` for input: the keyboard and, for a real terminal, its resize signal.
    var inputDescriptors: [Int32] { get }
    /// Every key that has arrived, without waiting (a resize arrives as `Key.resize`).
    func readKeys() -> [Key]
    /// Draws the changed cells with the theme's attributes; nothing reaches the screen before `flush`.
    func apply(_ changes: [CellChange], theme: Theme)
    /// Shows the cursor at a position, or hides it.
    func setCursor(_ position: (x: Int, y: Int)?)
    /// Sends the frame to the terminal.
    func flush()
    /// Clears and repaints everything on the next frame (Ctrl-L, after a resize).
    func invalidate()
    /// Gives the terminal back (endwin). Safe to call twice.
    func shutDown()
}
