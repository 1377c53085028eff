/// One column of the screen: a grapheme, the columns it occupies and its style role.
///
/// A grapheme wider than one column (CJK, emoji, an Indic conjunct cluster) is stored in its
/// leftmost cell with `width` set to the columns it covers; the cells to its right are
/// continuation cells (`width == 0`, empty grapheme) that the backend never draws.
struct Cell: Hashable, Sendable {
    /// The grapheme drawn in this cell; empty for a continuation cell.
    var grapheme: String
    /// Columns the grapheme occupies (1 or 2 for most text, more for some Indic conjunct
    /// clusters); 0 marks the continuation of a wide cell to its left.
    var width: Int
    /// The semantic style of the cell.
    var style: StyleRole

    /// Creates a cell.
    init(grapheme: String, width: Int, style: StyleRole) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty, normally styled space.
    static let blank = Cell(grapheme: " ", width: 1, style: .normal)

    /// A space in the given style.
    static func space(_ style: StyleRole) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The continuation of a wide cell to the left, in that cell's style.
    static func continuation(_ style: StyleRole) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    /// Whether this cell only continues a wide grapheme to its left.
    var isContinuation: Bool { width == 0 }
}
