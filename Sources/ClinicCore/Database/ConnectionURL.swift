/// Small, credential-safe edits of libpq connection strings.
public enum ConnectionURL {
    /// The same connection string pointing at database `name`: replaces the path of a
    /// `postgresql://…/NAME?…` URI, or appends `dbname=` to a key=value string (the last one wins).
    /// - Throws: `ConnectionURLError.unreadable` for a URI without `://`.
    public static func replacingDatabase(in url: String, with name: String) throws -> String {
        if url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") {
            guard let schemeEnd = url.range(of: "://") else { throw ConnectionURLError.unreadable }
            let afterScheme = url[schemeEnd.upperBound...]
            let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            let queryStart = afterScheme[pathStart...].firstIndex(of: "?") ?? afterScheme.endIndex
            return String(url[..<pathStart]) + "/" + name + String(afterScheme[queryStart...])
        }
        return url + " dbname=\(name)"
    }
}

/// A connection string that cannot be edited.
public enum ConnectionURLError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable

    public var description: String { "DATABASE_URL is neither a postgresql:// URI nor key=value pairs." }
}
