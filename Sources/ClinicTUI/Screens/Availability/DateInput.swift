import ClinicCore
import Foundation

/// A date as a receptionist types it: `t` (today), `tomorrow`, `t+3`, `t-1`, a weekday (`mon`: the next
/// one, today included), `24/11` (this year) or `24/11/2026`.
enum DateInput {
    /// The date, or a sentence saying what is accepted.
    static func parse(_ typed: String, today: LocalDate) -> Result<LocalDate, DateInputError> {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "t" || text == "today" { return .success(today) }
        if ["tomorrow", "tmrw", "tom"].contains(text) { return .success(today.adding(days: 1)) }
        if text == "yesterday" { return .success(today.adding(days: -1)) }
        if text.hasPrefix("t+") || text.hasPrefix("t-"), let days = Int(text.dropFirst(2)), days <= 366 {
            return .success(today.adding(days: text.hasPrefix("t+") ? days : -days))
        }
        if let index = DisplayDate.weekday(named: text) {
            return .success(today.adding(days: (index - today.weekday + 7) % 7))
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        if (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) {
            let numbers = parts.compactMap { $0 }
            var year = numbers.count == 3 ? numbers[2] : today.year
            if year < 100 { year += 2000 }
            let date = LocalDate(year: year, month: numbers[1], day: numbers[0])
            if (1...12).contains(numbers[1]), (1...31).contains(numbers[0]), LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date {
                return .success(date)
            }
            return .failure(.noSuchDate(typed))
        }
        return .failure(.notUnderstood(typed))
    }
}

/// A typed date that could not be used.
enum DateInputError: Error, Equatable, CustomStringConvertible {
    case notUnderstood(String)
    case noSuchDate(String)

    var description: String {
        switch self {
        case .notUnderstood(let typed):
            return "\"\(typed)\" is not a date. Type t (today), t+3, mon, 24/11 or 24/11/2026."
        case .noSuchDate(let typed): return "\(typed) is not a real date."
        }
    }
}
