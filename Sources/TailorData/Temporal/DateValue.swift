public import TailorTemplate

/// A calendar date as a template value: prints as `2026-01-15`, compares with
/// dates, timestamps (a date is its midnight, UTC) and ISO strings, and moves
/// by durations.
///
/// ```jinja
/// {% if last_purchase_date < today - days(90) %}We miss you{% endif %}
/// Member since {{ signup_date }} ({{ signup_date.year }})
/// ```
public final class DateValue: ValueObject {
    /// Days since 1970-01-01.
    public let day: Int

    public init(day: Int) {
        self.day = day
    }

    /// The date of an ISO string, nil when it is not `YYYY-MM-DD`.
    public convenience init?(iso text: String) {
        guard case .date(let day)? = ISOParser.parse(text) else { return nil }
        self.init(day: day)
    }

    public var typeName: String { "date" }
    public var displayString: String { CivilDate.isoString(ofDay: day) }
    public var reprString: String { "datetime.date(\(components.year), \(components.month), \(components.day))" }

    var components: (year: Int, month: Int, day: Int) { CivilDate.components(ofDay: day) }

    /// `year`, `month`, `day` and `weekday` (0 is Monday, as in Python).
    public func attribute(_ name: String) -> Value? {
        switch name {
        case "year": return .int(components.year)
        case "month": return .int(components.month)
        case "day": return .int(components.day)
        case "weekday": return .int(((day % 7) + 7 + 3) % 7)
        default: return nil
        }
    }

    public func isEqual(to other: Value) -> Bool {
        Temporal.seconds(of: other).map { $0 == day * 86_400 } ?? false
    }

    public func compare(to other: Value) -> Int? {
        guard let theirs = Temporal.seconds(of: other) else { return nil }
        let mine = day * 86_400
        return mine < theirs ? -1 : (mine > theirs ? 1 : 0)
    }

    public func binary(_ op: Value.BinaryOperator, _ other: Value, objectOnLeft: Bool) throws -> Value? {
        try Temporal.arithmetic(op, seconds: day * 86_400, isDate: true, other, objectOnLeft: objectOnLeft)
    }
}
