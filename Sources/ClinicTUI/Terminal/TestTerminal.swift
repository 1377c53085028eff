/// An in-memory terminal: keys are queued by the test, frames land in `screen`.
@MainActor
final class TestTerminal: TerminalBackend {
    private(set) var screen: ScreenBuffer
    private(set) var cursor: (x: Int, y: Int)?
    /// Cells sent over all frames (to prove that only changes are sent).
    private(set) var cellsSent = 0
    private(set) var frames = 0
    private(set) var isShutDown = false
    var pendingKeys: [Key] = []

    init(width: Int = 80, height: Int = 24) {
        screen = ScreenBuffer(width: width, height: height)
    }

    var size: (width: Int, height: Int) { (screen.width, screen.height) }
    var inputDescriptors: [Int32] { [] }

    /// Changes the size and queues the resize key, as a real terminal would.
    func resize(width: Int, height: Int) {
        screen = ScreenBuffer(width: width, height: height)
        pendingKeys.append(.resize)
    }

    func readKeys() -> [Key] {
        defer { pendingKeys.removeAll() }
        return pendingKeys
    }

    func apply(_ changes: [CellChange], theme: Theme) {
        cellsSent += changes.count
        var next = screen
        for change in changes where change.x < next.width && change.y < next.height {
            next.put(change.cell, x: change.x, y: change.y)
        }
        screen = next
    }

    func setCursor(_ position: (x: Int, y: Int)?) { cursor = position }
    func flush() { frames += 1 }
    func invalidate() {}
    func shutDown() { isShutDown = true }
}
