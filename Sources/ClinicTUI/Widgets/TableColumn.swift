/// How wide a table column is.
enum TableWidth: Equatable, Sendable {
    /// Exactly this many columns.
    case fixed(Int)
    /// At least `minimum` columns, plus an equal share of whatever the fixed columns leave.
    case flexible(minimum: Int)
}

/// One column of a `TableView`: its heading, width and alignment.
struct TableColumn: Equatable, Sendable {
    /// Where text sits within the column.
    enum Alignment: Equatable, Sendable {
        case leading
        /// For numbers and amounts.
        case trailing
    }

    /// The heading.
    var title: String
    /// The width rule.
    var width: TableWidth
    /// The alignment of the heading and the cells.
    var alignment: Alignment

    /// Creates a column.
    init(_ title: String, width: TableWidth, alignment: Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
