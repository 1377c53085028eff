import ClinicCore
import Foundation

/// The day list as a file: CSV for spreadsheets, or plain text for the printer.
struct DayListExport: Equatable, Sendable {
    enum Format: Equatable, Sendable {
        case csv
        case text
    }

    var format: Format
    var centreName: String
    var day: LocalDate
    var offsetSeconds: Int
    var entries: [ScheduleEntry]

    /// The file name: `day-list-<centre>-<date>.csv` or `.txt`.
    var fileName: String {
        let centre = centreName.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
        return "day-list-\(centre)-\(day).\(format == .csv ? "csv" : "txt")"
    }

    /// The file's contents.
    var contents: String {
        switch format {
        case .csv: return csv
        case .text: return text
        }
    }

    private func local(_ instant: Instant) -> String { DisplayDate.clock(instant.local(offsetSeconds: offsetSeconds).time) }

    private var csv: String {
        // Words as the screen shows them; the web's own status value last, for reconciling.
        var lines = ["date,start,end,clinician,patient,phone,status,payment,checked_in,token,appointment_id,status_code"]
        for entry in entries {
            // "98450 12345": one way for every stored format, and text to a spreadsheet (a leading + would be a formula).
            let phone =
                entry.patientPhone.map { typed in
                    PhoneNumber(typed).map { "\($0.tenDigit.prefix(5)) \($0.tenDigit.suffix(5))" } ?? typed
                } ?? ""
            let fields = [
                day.description, local(entry.start), local(entry.end), entry.clinicianName, entry.patientName, phone,
                TodayView.statusLabel(entry), TodayView.paymentWords(entry.paymentState), entry.checkedInAt.map(local) ?? "",
                entry.queueToken.map(String.init) ?? "", String(entry.appointmentID), entry.status,
            ]
            lines.append(fields.map(DayListExport.csvField).joined(separator: ","))
        }
        // The byte-order mark tells Excel the file is UTF-8 (names in Devanagari or Malayalam).
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) || text != value else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private var text: String {
        var lines = ["\(centreName) — day list for \(DisplayDate.long(day))", ""]
        var clinician = ""
        for entry in entries {
            if entry.clinicianName != clinician {
                clinician = entry.clinicianName
                lines.append("")
                lines.append(clinician)
            }
            let token = entry.queueToken.map { " token \($0)" } ?? ""
            lines.append(
                "  \(local(entry.start))–\(local(entry.end))  \(entry.patientName)  \(TodayView.statusLabel(entry))  "
                    + "\(TodayView.paymentWords(entry.paymentState))\(token)")
        }
        lines.append("")
        lines.append("\(entries.count) appointment\(entries.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }
}
