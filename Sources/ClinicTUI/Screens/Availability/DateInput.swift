import ClinicCore
import Foundation

/// A date as a receptionist types it: `t` (today), `tomorrow`, `t+3`, `t-1`, a weekday (`mon`: the next
/// one, today included), `24/11` (this year), `24/11/2026` (also with `-` or `.`), `24 nov`, `nov 24 2026`.
enum DateInput {
    /// The date, or a sentence saying what is accepted.
    static func parse(_ typed: String, today: LocalDate) -> Result<LocalDate, DateInputError> {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "t" || text == "today" { return .success(today) }
        if ["tomorrow", "tmrw", "tom"].contains(text) { return .success(today.adding(days: 1)) }
        if text == "yesterday" { return .success(today.adding(days: -1)) }
        if text.hasPrefix("t+") || text.hasPrefix("t-"), let days = Int(text.dropFirst(2)) {
            guard days <= 366 else { return .failure(.tooFar(typed)) }
            return .success(today.adding(days: text.hasPrefix("t+") ? days : -days))
        }
        // "Tue 1 Dec 2026", as the desk shows dates: the date decides, the weekday name is dropped.
        let spoken = text.split(separator: " ")
        if spoken.count > 1, DisplayDate.weekday(named: String(spoken[0])) != nil {
            return parse(spoken.dropFirst().joined(separator: " "), today: today)
        }
        if let index = DisplayDate.weekday(named: text) {
            return .success(today.adding(days: (index - today.weekday + 7) % 7))
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let monthIndex = words.firstIndex(where: { DisplayDate.month(named: $0) != nil }),
            let month = DisplayDate.month(named: words[monthIndex])
        {
            let numbers = words.indices.filter { $0 != monthIndex }.map { Int(words[$0]) }
            guard (1...2).contains(numbers.count), let day = numbers[0] else { return .failure(.notUnderstood(typed)) }
            return date(day: day, month: month, year: numbers.count == 2 ? numbers[1] : nil, today: today, typed: typed)
        }
        let parts = text.split(whereSeparator: { "/-.".contains($0) }).map { Int($0) }
        if (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) {
            let numbers = parts.compactMap { $0 }
            return date(day: numbers[0], month: numbers[1], year: numbers.count == 3 ? numbers[2] : nil, today: today, typed: typed)
        }
        return .failure(.notUnderstood(typed))
    }

    /// The calendar date, or "not a real date" (31/02); a missing year is this year, a two-digit one 20xx.
    private static func date(day: Int, month: Int, year: Int?, today: LocalDate, typed: String) -> Result<LocalDate, DateInputError> {
        var year = year ?? today.year
        if year < 100 { year += 2000 }
        let date = LocalDate(year: year, month: month, day: day)
        guard (1...12).contains(month), (1...31).contains(day), LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date else {
            return .failure(.noSuchDate(typed))
        }
        return .success(date)
    }
}

/// A typed date that could not be used.
enum DateInputError: Error, Equatable, CustomStringConvertible {
    case notUnderstood(String)
    case noSuchDate(String)
    case tooFar(String)

    var description: String {
        switch self {
        case .notUnderstood(let typed):
            return "\"\(typed)\" is not a date. Type t (today), t+3, mon, 24/11, 24 nov or 24/11/2026."
        case .noSuchDate(let typed): return "\(typed) is not a real date."
        case .tooFar(let typed): return "\(typed) is more than a year away; type the date instead, e.g. 24/11/2027."
        }
    }
}
