/// A statement assembled from fixed SQL fragments, its values bound as `$n` parameters (never spliced
/// into the text): for statements whose shape depends on the call (which columns a change sets, which
/// filters a read has).
struct SQLBuilder {
    /// The statement's text; fragments only, values go through `bind`.
    var sql = ""
    private var parameters: [String?] = []

    var query: SQLQuery { SQLQuery(unsafeSQL: sql, parameters: parameters) }

    /// The placeholder for `value`.
    mutating func bind(_ value: some SQLEncodable) -> String {
        parameters.append(value.sqlParameter)
        return "$\(parameters.count)"
    }
}
