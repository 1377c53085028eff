import Testing

@testable import ClinicTUI

@Suite("table alignment")
struct TableAlignmentTests {
    static let columns = [
        TableColumn("Time", width: .fixed(5)),
        TableColumn("Patient", width: .flexible(minimum: 8)),
        TableColumn("Phone", width: .fixed(11)),
        TableColumn("Due", width: .fixed(6), alignment: .trailing),
    ]
    static let rows = [
        ["09:00", "Rahul Verma", "98450 12345", "₹500"],
        ["09:30", "प्रिया शर्मा", "98861 23456", "₹1200"],
        ["10:00", "അനിൽ കുമാർ", "94470 34567", "₹0"],
        ["10:30", "Sreelakshmi Raghavan Nair", "90000 45678", "₹750"],
    ]

    @Test("a row with a Devanagari or Malayalam name lines up with ASCII rows")
    func mixedScriptsLineUp() throws {
        var buffer = ScreenBuffer(width: 40, height: 6)
        TableView.render(
            columns: Self.columns, rows: Self.rows, state: TableView(), into: &buffer,
            rect: Rect(width: 40, height: 6))
        let lines = buffer.plainText().split(separator: "\n").map(String.init)

        // The phone column starts at the same display column in every row, whatever the script
        // of the name before it.
        var phoneColumns: [Int] = []
        for (line, row) in zip(lines.dropFirst(), Self.rows) {
            let range = try #require(line.range(of: row[2]))
            phoneColumns.append(DisplayWidth.of(String(line[..<range.lowerBound])))
        }
        let headerPhone = try #require(lines[0].range(of: "Phone"))
        #expect(phoneColumns.count == 4)
        #expect(Set(phoneColumns) == [DisplayWidth.of(String(lines[0][..<headerPhone.lowerBound]))])

        // Amounts are right-aligned to the line's end.
        for (line, row) in zip(lines.dropFirst(), Self.rows) {
            #expect(line.hasSuffix(row[3]))
            #expect(DisplayWidth.of(line) == 40)
        }
        #expect(lines[4].contains("…"))
    }

    @Test("the selected row uses the selection style across the full width")
    func selectionStyle() {
        var buffer = ScreenBuffer(width: 40, height: 6)
        TableView.render(
            columns: Self.columns, rows: Self.rows, rowStyles: [nil, .danger], state: TableView(selectedRow: 2),
            into: &buffer, rect: Rect(width: 40, height: 6))
        let styles = buffer.styleDump().split(separator: "\n").map(String.init)
        #expect(styles[0] == String(repeating: "T", count: 40))
        #expect(styles[1] == String(repeating: ".", count: 40))
        #expect(styles[2] == String(repeating: "D", count: 40))
        #expect(styles[3] == String(repeating: "S", count: 40))
    }

    @Test("snapshot: a 40×6 table with mixed-script names")
    func snapshot() {
        var buffer = ScreenBuffer(width: 40, height: 6)
        TableView.render(
            columns: Self.columns, rows: Self.rows, state: TableView(selectedRow: 1), into: &buffer,
            rect: Rect(width: 40, height: 6))
        assertSnapshot(buffer, named: "table-mixed-scripts-40x6")
    }

    @Test("an empty table says so")
    func emptyState() {
        var buffer = ScreenBuffer(width: 30, height: 3)
        TableView.render(
            columns: Self.columns, rows: [], state: TableView(), into: &buffer, rect: Rect(width: 30, height: 3),
            emptyMessage: "No appointments today.")
        let lines = buffer.plainText().split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("No appointments today."))
        #expect(buffer.styleDump().split(separator: "\n")[1].hasPrefix("mmmm"))
    }

    @Test("moving keeps the selection in range and visible")
    func scrolling() {
        var state = TableView()
        state.move(by: 1, rowCount: 10, visibleRows: 3)
        #expect(state == TableView(selectedRow: 1, scrollOffset: 0))
        state.move(by: 3, rowCount: 10, visibleRows: 3)
        #expect(state == TableView(selectedRow: 4, scrollOffset: 2))
        state.pageDown(rowCount: 10, visibleRows: 3)
        #expect(state == TableView(selectedRow: 7, scrollOffset: 5))
        let handledEnd = state.handle(.end, rowCount: 10, visibleRows: 3)
        #expect(handledEnd)
        #expect(state == TableView(selectedRow: 9, scrollOffset: 7))
        state.move(by: 5, rowCount: 10, visibleRows: 3)
        #expect(state.selectedRow == 9)
        state.pageUp(rowCount: 10, visibleRows: 3)
        #expect(state == TableView(selectedRow: 6, scrollOffset: 6))
        let handledHome = state.handle(.home, rowCount: 10, visibleRows: 3)
        #expect(handledHome)
        #expect(state == TableView())
        let handledEnter = state.handle(.enter, rowCount: 10, visibleRows: 3)
        #expect(!handledEnter)
        state.move(by: 1, rowCount: 0, visibleRows: 3)
        #expect(state == TableView())
    }

    @Test("flexible columns share the rest, never below their minimum")
    func columnWidths() {
        #expect(TableView.columnWidths(Self.columns, totalWidth: 40) == [5, 15, 11, 6])
        #expect(TableView.columnWidths(Self.columns, totalWidth: 20) == [5, 8, 11, 6])
        let two = [TableColumn("A", width: .flexible(minimum: 1)), TableColumn("B", width: .flexible(minimum: 1))]
        #expect(TableView.columnWidths(two, totalWidth: 10) == [5, 4])
    }
}
