import ClinicCore
import Testing

@Suite("exact time")
struct TimeTests {
    @Test(
        "civil dates round-trip through days since the epoch",
        arguments: [
            (1970, 1, 1, 0), (2000, 2, 29, 11_016), (2026, 11, 26, 20_783), (1969, 12, 31, -1), (2100, 3, 1, 47_541),
        ])
    func civil(year: Int, month: Int, day: Int, days: Int) {
        let date = LocalDate(year: year, month: month, day: day)
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    @Test("weekday 0 is Sunday, as the web's day_of_week")
    func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 29).weekday == 0)  // a Sunday
        #expect(LocalDate(year: 2026, month: 11, day: 26).weekday == 4)  // a Thursday
    }

    @Test("IST day edges: 00:00–05:30 local is the previous UTC day")
    func istDayEdges() {
        let ist = 19_800
        let justAfterMidnight = Instant(
            date: LocalDate(year: 2026, month: 11, day: 27), time: LocalTime(hour: 0, minute: 15), offsetSeconds: ist)
        #expect(justAfterMidnight.local(offsetSeconds: 0).date == LocalDate(year: 2026, month: 11, day: 26))
        #expect(justAfterMidnight.local(offsetSeconds: 0).time == LocalTime(hour: 18, minute: 45))
        #expect(justAfterMidnight.local(offsetSeconds: ist).date == LocalDate(year: 2026, month: 11, day: 27))
        let lastMinute = Instant(date: LocalDate(year: 2026, month: 11, day: 26), time: LocalTime(hour: 23, minute: 59), offsetSeconds: ist)
        #expect(lastMinute.local(offsetSeconds: ist).date == LocalDate(year: 2026, month: 11, day: 26))
        #expect(lastMinute.adding(minutes: 1).local(offsetSeconds: ist).date == LocalDate(year: 2026, month: 11, day: 27))
    }

    @Test(
        "timestamptz text parses in every form PostgreSQL and the web write",
        arguments: [
            "2026-11-26 04:00:00+00", "2026-11-26 09:30:00+05:30", "2026-11-26T04:00:00Z", "2026-11-26T04:00:00.000Z",
            "2026-11-25 23:00:00-05", "2026-11-26 04:00:00.000000+00:00", "2026-11-26 09:30:00+0530", "2026-11-26 04:00:00",
        ])
    func parsesTimestamps(text: String) {
        let expected = Instant(date: LocalDate(year: 2026, month: 11, day: 26), time: LocalTime(hour: 4, minute: 0), offsetSeconds: 0)
        #expect(Instant(sqlText: text) == expected)
    }

    @Test("microseconds survive a trip through PostgreSQL")
    func microsecondsRoundTrip() async throws {
        try await TestDatabase.with(prefix: "time", schema: false) { test in
            let instant = Instant(microsecondsSinceEpoch: 1_795_660_200_123_456)
            let rows = try await test.database.query(
                "SELECT \(instant)::timestamptz AS t, (\(instant)::timestamptz AT TIME ZONE 'Asia/Kolkata')::date AS d")
            #expect(try rows[0].decode("t", as: Instant.self) == instant)
            #expect(try rows[0].decode("d", as: LocalDate.self) == instant.local(offsetSeconds: 19_800).date)
        }
    }

    @Test("fractions keep their microseconds; malformed timestamps and times are refused")
    func parsesFractionsAndRefusesJunk() {
        let expected = Instant(
            date: LocalDate(year: 2026, month: 11, day: 26), time: LocalTime(hour: 4, minute: 0, second: 1, microsecond: 500_000),
            offsetSeconds: 0)
        #expect(Instant(sqlText: "2026-11-26 09:30:01.5+05:30") == expected)
        #expect(LocalTime(sqlText: "24:00:00") == LocalTime(hour: 24, minute: 0))
        for junk in ["2026-11-26", "2026-11-26 25:00:00+00", "2026-11-26 04:00:00+", "2026-11-26 04:00:00 UTC", "2026-11-26x04:00:00Z"] {
            #expect(Instant(sqlText: junk) == nil, "\(junk)")
        }
        for junk in ["9", "09:", "09:60", "09:30:00.", "ab:cd"] { #expect(LocalTime(sqlText: junk) == nil, "\(junk)") }
    }

    @Test("impossible dates and times are refused", arguments: ["2026-02-30", "2026-13-01", "26-11-01", "2026-11"])
    func refusesDates(text: String) {
        #expect(LocalDate(sqlText: text) == nil)
    }
}
