/// The frame being drawn: a grid of cells that screens render into and the runtime diffs against
/// the previous frame, so only changed cells reach the terminal.
///
/// Every drawing call sanitises text, clips to the buffer (and an optional clip rect) and keeps
/// wide graphemes whole: a wide grapheme occupies a leading cell plus continuation cells, one that
/// does not fit at an edge becomes spaces, and overwriting part of a wide grapheme blanks the rest
/// of it, so the buffer never holds half a character.
struct ScreenBuffer: Equatable, Sendable {
    /// Columns in the buffer.
    private(set) var width: Int
    /// Rows in the buffer.
    private(set) var height: Int
    /// Row-major cells.
    private var cells: [Cell]

    /// A buffer of blank cells.
    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The rect covering the whole buffer.
    var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at (`x`, `y`); a blank cell outside the buffer.
    subscript(x x: Int, y y: Int) -> Cell {
        guard bounds.contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// Resets every cell to a blank.
    mutating func clear() {
        cells = Array(repeating: .blank, count: width * height)
    }

    // MARK: - Drawing

    /// Draws `text` on row `y` starting at column `x`.
    ///
    /// The text is sanitised (control characters become U+FFFD), truncated with "…" to `maxWidth`
    /// columns when given, and clipped without an ellipsis to the buffer and to `clip`. Zero-width
    /// graphemes (a lone combining mark) are dropped.
    /// - Returns: The columns the text advances, after sanitising and truncation, whether or not
    ///   clipping hid part of it, so the next piece can be drawn at `x + result`.
    @discardableResult
    mutating func draw(
        _ text: String, x: Int, y: Int, style: StyleRole, clip: Rect? = nil, maxWidth: Int? = nil
    ) -> Int {
        var content = DisplayWidth.sanitize(text)
        if let maxWidth {
            content = DisplayWidth.truncate(content, toWidth: maxWidth)
        }
        let region = clip.map { bounds.intersection($0) } ?? bounds
        let isRowVisible = y >= region.y && y < region.maxY && !region.isEmpty
        var column = x
        for character in content {
            let characterWidth = DisplayWidth.of(character)
            guard characterWidth > 0 else { continue }
            if isRowVisible {
                place(String(character), width: characterWidth, style: style, x: column, y: y, region: region)
            }
            column += characterWidth
        }
        return column - x
    }

    /// Fills `rect` (clipped to the buffer) with `grapheme` in `style`; a grapheme that is not one
    /// printable, non-zero-width character fills with spaces instead.
    mutating func fill(_ rect: Rect, style: StyleRole, grapheme: String = " ") {
        let region = bounds.intersection(rect)
        guard !region.isEmpty else { return }
        var filler = DisplayWidth.sanitize(grapheme)
        var fillerWidth = DisplayWidth.of(filler)
        if filler.count != 1 || fillerWidth == 0 {
            filler = " "
            fillerWidth = 1
        }
        for row in region.y..<region.maxY {
            var column = region.x
            while column < region.maxX {
                place(filler, width: fillerWidth, style: style, x: column, y: row, region: region)
                column += fillerWidth
            }
        }
    }

    /// Changes the style of the cells in `rect` (clipped to the buffer) without touching their
    /// text; a wide grapheme partly inside the rect is restyled whole.
    mutating func setStyle(_ rect: Rect, style: StyleRole) {
        let region = bounds.intersection(rect)
        guard !region.isEmpty else { return }
        for row in region.y..<region.maxY {
            var column = region.x
            while column < region.maxX {
                let span = spanOfGrapheme(atX: column, y: row)
                for spanColumn in span {
                    cells[row * width + spanColumn].style = style
                }
                column = max(column + 1, span.upperBound)
            }
        }
    }

    /// Writes one grapheme of `graphemeWidth` columns at (`x`, `y`), keeping wide graphemes whole:
    /// the part of a grapheme that falls outside `region` is not drawn and the visible part becomes
    /// spaces, and any wide grapheme it partly overwrites is blanked.
    private mutating func place(_ grapheme: String, width graphemeWidth: Int, style: StyleRole, x: Int, y: Int, region: Rect) {
        let start = max(x, region.x)
        let end = min(x + graphemeWidth, region.maxX)
        guard start < end else { return }
        breakGraphemes(row: y, from: start, to: end)
        let rowStart = y * width
        if start == x, end == x + graphemeWidth {
            cells[rowStart + x] = Cell(grapheme: grapheme, width: graphemeWidth, style: style)
            for column in (x + 1)..<end {
                cells[rowStart + column] = .continuation(style)
            }
        } else {
            for column in start..<end {
                cells[rowStart + column] = .space(style)
            }
        }
    }

    /// Blanks the parts outside `start..<end` of any wide grapheme that the columns `start..<end`
    /// cut through, so that overwriting those columns never leaves half a grapheme behind.
    private mutating func breakGraphemes(row: Int, from start: Int, to end: Int) {
        let rowStart = row * width
        if cells[rowStart + start].isContinuation {
            let span = spanOfGrapheme(atX: start, y: row)
            for column in span.lowerBound..<start {
                cells[rowStart + column] = .space(cells[rowStart + column].style)
            }
        }
        var column = end
        while column < width, cells[rowStart + column].isContinuation {
            cells[rowStart + column] = .space(cells[rowStart + column].style)
            column += 1
        }
    }

    /// The columns of the grapheme covering (`x`, `y`): its leading cell and its continuations.
    private func spanOfGrapheme(atX x: Int, y: Int) -> Range<Int> {
        let rowStart = y * width
        var lead = x
        while lead > 0, cells[rowStart + lead].isContinuation {
            lead -= 1
        }
        let leadWidth = max(1, cells[rowStart + lead].width)
        return lead..<min(width, max(lead + leadWidth, x + 1))
    }

    /// Stores `cell` at (`x`, `y`) exactly as given, ignoring positions outside the buffer.
    ///
    /// For mirroring another buffer cell by cell, as a test backend applying `changes(from:)`
    /// does; the caller keeps wide graphemes whole. Screens draw with `draw` and `fill` instead.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard bounds.contains(x: x, y: y) else { return }
        cells[y * width + x] = cell
    }

    // MARK: - Reading

    /// The visible text, one line per row joined by "\n"; continuation cells are omitted, so each
    /// line is exactly `width` columns of display width.
    func plainText() -> String {
        rows().map { row in
            row.filter { !$0.isContinuation }.map(\.grapheme).joined()
        }.joined(separator: "\n")
    }

    /// One character per cell (`StyleRole.dumpSymbol`), one line per row joined by "\n", so tests
    /// can assert which cells carry which style.
    func styleDump() -> String {
        rows().map { row in
            String(row.map(\.style.dumpSymbol))
        }.joined(separator: "\n")
    }

    /// The cells that differ from `previous`: all of them when there is no previous frame or its
    /// size differs, in row-major order.
    func changes(from previous: ScreenBuffer?) -> [CellChange] {
        guard let previous, previous.width == width, previous.height == height else {
            return cells.indices.map { CellChange(x: $0 % max(1, width), y: $0 / max(1, width), cell: cells[$0]) }
        }
        return cells.indices.compactMap { index in
            cells[index] == previous.cells[index]
                ? nil : CellChange(x: index % width, y: index / width, cell: cells[index])
        }
    }

    /// The cells split into rows.
    private func rows() -> [ArraySlice<Cell>] {
        (0..<height).map { cells[($0 * width)..<(($0 + 1) * width)] }
    }
}
