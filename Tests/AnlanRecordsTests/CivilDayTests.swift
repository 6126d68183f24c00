import AnlanRecords
import Foundation
import Testing

@Suite struct CivilDayTests {
    @Test(arguments: [("1970-01-01", 0), ("2000-02-29", 11_016), ("2026-11-23", 20_780), ("1969-12-31", -1), ("2100-03-01", 47_541)])
    func parsesAndPrints(text: String, dayNumber: Int) throws {
        let day = try #require(CivilDay(text))
        #expect(day.dayNumber == dayNumber)
        #expect(day.description == text)
        #expect(CivilDay(dayNumber: dayNumber) == day)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-32", "２０２６-01-01"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(CivilDay(text) == nil)
    }

    @Test func addsDaysAcrossMonthsAndLeapYears() throws {
        let day = try #require(CivilDay("2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.adding(days: 60).description == "2024-04-28")
        #expect(day.days(until: day.adding(days: 30)) == 30)
    }

    /// A month on keeps the day, or takes the month's last when it is shorter; the years stay 1…9999.
    @Test(arguments: [("2026-03-31", -1, "2026-02-28"), ("2024-03-31", -1, "2024-02-29"), ("2025-11-24", 12, "2026-11-24"),
                      ("2026-01-15", -13, "2024-12-15"), ("2026-08-31", 6, "2027-02-28"), ("0001-06-01", -120, "0001-01-01")])
    func addsMonthsClampingTheDay(start: String, months: Int, expected: String) {
        #expect(CivilDay(start)!.adding(months: months).description == expected)
    }

    @Test func todayIsChinaStandardTime() {
        // 2026-11-23 16:30 UTC is 2026-11-24 00:30 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_795_451_400)
        #expect(CivilDay(instant, utcOffsetSeconds: 0).description == "2026-11-23")
        #expect(CivilDay(instant).description == "2026-11-24")
    }
}
