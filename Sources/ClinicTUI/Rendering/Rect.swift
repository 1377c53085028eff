/// A rectangle of terminal cells: columns `x..<x+width`, rows `y..<y+height`.
///
/// Layout splits the screen's rect into regions each frame, so every helper clamps instead of
/// trapping: asking for more rows than there are simply yields everything and an empty rest.
struct Rect: Hashable, Sendable {
    /// The leftmost column.
    var x: Int
    /// The top row.
    var y: Int
    /// Columns covered; never negative.
    var width: Int
    /// Rows covered; never negative.
    var height: Int

    /// Creates a rect; a negative width or height becomes 0.
    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rect at the origin covering a whole screen of the given size.
    init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    /// The column just right of the rect.
    var maxX: Int { x + width }
    /// The row just below the rect.
    var maxY: Int { y + height }
    /// Whether the rect covers no cell.
    var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether the cell at (`x`, `y`) lies inside the rect.
    func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The rect shrunk by `horizontal` columns on the left and right and `vertical` rows on the
    /// top and bottom.
    func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// The rect shrunk by `amount` on every side.
    func inset(by amount: Int) -> Rect {
        inset(horizontal: amount, vertical: amount)
    }

    /// The cells both rects cover (empty, at this rect's origin, when they do not overlap).
    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The row `index` rows below the top, one row high (empty when outside the rect).
    func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The top `rows` rows and the rows below them.
    func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: taken),
            Rect(x: x, y: y + taken, width: width, height: height - taken)
        )
    }

    /// The rows above the bottom `rows` rows, and those bottom rows.
    func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - taken),
            Rect(x: x, y: maxY - taken, width: width, height: taken)
        )
    }

    /// The left `columns` columns and the columns right of them.
    func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: taken, height: height),
            Rect(x: x + taken, y: y, width: width - taken, height: height)
        )
    }

    /// The columns left of the right `columns` columns, and those right columns.
    func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: width - taken, height: height),
            Rect(x: maxX - taken, y: y, width: taken, height: height)
        )
    }
}
