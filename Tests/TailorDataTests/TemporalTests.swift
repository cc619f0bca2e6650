import TailorData
import TailorTemplate
import Testing

@Suite struct TemporalTests {
    static let now = 1_768_467_600  // 2026-01-15T09:00:00Z

    func evaluate(_ source: String, _ context: [String: Value] = [:]) throws -> String {
        let env = Environment()
        DateGlobals(now: Self.now).register(in: env)
        return try env.expression(source).evaluate(context).displayString
    }

    @Test(arguments: [
        ("now", "2026-01-15T09:00:00Z"), ("today", "2026-01-15"), ("today - days(90)", "2025-10-17"),
        ("today + days(17)", "2026-02-01"), ("today - hours(1)", "2026-01-14T23:00:00Z"),
        ("now - minutes(30)", "2026-01-15T08:30:00Z"), ("days(90)", "90 days, 0:00:00"), ("minutes(30)", "0:30:00"),
        ("hours(2) + minutes(30)", "2:30:00"), ("(today - date('2025-01-15')).days", "365"),
        ("today > date('2025-12-31')", "True"), ("today == '2026-01-15'", "True"), ("now > today", "True"),
        ("date('2024-02-29').year", "2024"), ("date('2026-01-15').weekday", "3"), ("now.hour", "9"),
        ("days(1) * 2", "2 days, 0:00:00"), ("weeks(1) == days(7)", "True"), ("(now - date('2026-01-14')).hours", "33"),
        ("date('2026-01-15T09:00:00Z') - hours(10)", "2026-01-14T23:00:00Z"), ("days(-1)", "-1 day, 0:00:00"),
        ("d < today - days(90)", "True"), ("d in [date('2025-01-01')]", "True"),
    ])
    func expressions(source: String, expected: String) throws {
        #expect(try evaluate(source, ["d": .object(DateValue(iso: "2025-01-01")!)]) == expected)
    }

    @Test(arguments: [
        ("date('15/01/2026')", "date() cannot read '15/01/2026' as a date"),
        ("days('x')", "days() takes a number, not str"),
        ("today < 3", "'<' not supported between instances of 'date' and 'int'"),
    ])
    func errors(source: String, message: String) {
        #expect { try evaluate(source) } throws: { ($0 as? TemplateError)?.message == message }
    }

    @Test(arguments: [
        (1970, 1, 1, 0), (2000, 3, 1, 11_017), (2026, 1, 15, 20_468), (1969, 12, 31, -1), (2400, 2, 29, 157_113),
    ])
    func civilDates(year: Int, month: Int, day: Int, number: Int) {
        #expect(CivilDate.dayNumber(year: year, month: month, day: day) == number)
        #expect(CivilDate.components(ofDay: number) == (year, month, day))
    }

    @Test func impossibleDates() {
        #expect(CivilDate.dayNumber(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDate.dayNumber(year: 2025, month: 13, day: 1) == nil)
        #expect(ISOParser.parse("2026-01-15T09:00") == .timestamp(seconds: Self.now))
        #expect(ISOParser.parse("2026-1-15") == nil)
    }
}
