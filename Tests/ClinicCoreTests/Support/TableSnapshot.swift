import ClinicCore

/// The content of every table's original columns, to prove an upgrade changed no existing row.
struct TableSnapshot: Equatable, CustomStringConvertible {
    /// table → (column list, md5 over all rows of those columns ordered by their text, row count)
    var tables: [String: Digest]

    struct Digest: Equatable {
        var columns: [String]
        var rowCount: Int64
        var md5: String?
    }

    /// Snapshots every base table in the public schema, using the columns it has now.
    static func take(_ database: Database) async throws -> TableSnapshot {
        let columnRows = try await database.query(
            """
            SELECT c.table_name::text AS table_name, string_agg(quote_ident(c.column_name::text), ',' ORDER BY c.ordinal_position) AS columns
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            GROUP BY c.table_name
            """)
        var tables: [String: Digest] = [:]
        for row in columnRows {
            let table: String = try row.decode("table_name")
            let columns: String = try row.decode("columns")
            tables[table] = try await digest(database, table: table, columns: columns)
        }
        return TableSnapshot(tables: tables)
    }

    /// The same tables and columns as `self`, read again (new columns and tables are ignored).
    func retake(_ database: Database) async throws -> TableSnapshot {
        var tables: [String: Digest] = [:]
        for (table, digest) in self.tables {
            tables[table] = try await TableSnapshot.digest(database, table: table, columns: digest.columns.joined(separator: ","))
        }
        return TableSnapshot(tables: tables)
    }

    private static func digest(_ database: Database, table: String, columns: String) async throws -> Digest {
        // Identifiers come from the catalog and are quoted by quote_ident: safe to splice.
        let row = try await database.query(
            SQLQuery(
                unsafeSQL: """
                    SELECT count(*) AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS digest
                    FROM (SELECT \(columns) FROM "\(table)") AS r
                    """))
        guard let row = row.first else { throw TestSetupError("no snapshot row for \(table)") }
        return Digest(
            columns: columns.split(separator: ",").map(String.init),
            rowCount: try row.decode("n"), md5: try row.decode("digest"))
    }

    var description: String {
        tables.keys.sorted().map { "\($0): \(tables[$0]?.rowCount ?? 0) rows \(tables[$0]?.md5 ?? "-")" }.joined(separator: "\n")
    }
}
