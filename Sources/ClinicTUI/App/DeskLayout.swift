/// The rows each screen's list shows, derived from the same layout `DeskRender` draws, so paging
/// in `DeskUpdate` moves exactly one screenful.
enum DeskLayout {
    /// Rows between the status bar (and the connection banner, when shown) and the message line and footer.
    static func contentRows(_ state: AppState) -> Int {
        let banner = state.connection == .connected ? 0 : 1
        return max(1, state.size.height - 3 - banner)
    }

    /// Today's table: the title line and the table header come off the content.
    static func todayRows(_ state: AppState) -> Int { max(1, contentRows(state) - 2) }

    /// Patients' results and the centre list: two lines above the table, then its header.
    static func listRows(_ state: AppState) -> Int { max(1, contentRows(state) - 3) }

    /// Hours & leave: the section tabs and a subtitle above the table, then its header (as the lists).
    static func setupRows(_ state: AppState) -> Int { listRows(state) }

    /// The help box: its frame takes two lines.
    static func helpRows(_ state: AppState) -> Int { max(1, contentRows(state) - 2) }
}
