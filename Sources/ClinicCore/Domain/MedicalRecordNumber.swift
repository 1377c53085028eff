/// The desk's MRN format: a prefix (settings key `clinic_desk.mrn_prefix`, default "MB-") and a number
/// from the gap-tolerant sequence `desk_mrn_seq`, zero-padded to at least six digits: "MB-000123".
///
/// The database's `desk_format_mrn` and `desk_next_mrn` apply the same rule; this is for code that
/// writes MRNs itself (the demo seeder) and for reading typed MRNs.
public enum MedicalRecordNumber {
    /// The prefix when settings name none.
    public static let defaultPrefix = "MB-"
    /// The `settings` key holding the prefix as a JSON string.
    public static let prefixSettingsKey = "clinic_desk.mrn_prefix"
    /// The fewest digits after the prefix.
    public static let minimumDigits = 6

    /// "MB-000123" for `number` 123.
    public static func format(prefix: String = defaultPrefix, number: Int64) -> String {
        let digits = String(number)
        let padding = String(repeating: "0", count: max(0, minimumDigits - digits.count))
        return prefix + padding + digits
    }
}
