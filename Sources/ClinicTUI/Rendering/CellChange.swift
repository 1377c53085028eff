/// One cell that differs from the previous frame, as `ScreenBuffer.changes(from:)` reports it.
struct CellChange: Equatable, Sendable {
    /// The cell's column.
    var x: Int
    /// The cell's row.
    var y: Int
    /// The new content; a continuation cell (`width == 0`) is covered by the wide cell to its left
    /// and is not drawn itself.
    var cell: Cell
}
