public import TailorTemplate

/// An instant as a template value, to the second, in UTC: prints as
/// `2026-01-15T09:00:00Z`; compares with timestamps, dates and ISO strings.
///
/// ```jinja
/// {% if last_activity > now - hours(24) %}Still looking?{% endif %}
/// ```
public final class TimestampValue: ValueObject {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    public var typeName: String { "datetime" }
    public var displayString: String { CivilDate.isoString(ofSeconds: seconds) }
    public var reprString: String { "datetime('\(displayString)')" }

    /// The calendar day the instant falls on, in UTC.
    public var date: DateValue {
        DateValue(day: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// `year`, `month`, `day`, `hour`, `minute`, `second`, and `date` (the day as a date).
    public func attribute(_ name: String) -> Value? {
        let rest = seconds - date.day * 86_400
        switch name {
        case "date": return .object(date)
        case "hour": return .int(rest / 3600)
        case "minute": return .int(rest / 60 % 60)
        case "second": return .int(rest % 60)
        default: return date.attribute(name)
        }
    }

    public func isEqual(to other: Value) -> Bool {
        Temporal.seconds(of: other).map { $0 == seconds } ?? false
    }

    public func compare(to other: Value) -> Int? {
        guard let theirs = Temporal.seconds(of: other) else { return nil }
        return seconds < theirs ? -1 : (seconds > theirs ? 1 : 0)
    }

    public func binary(_ op: Value.BinaryOperator, _ other: Value, objectOnLeft: Bool) throws -> Value? {
        try Temporal.arithmetic(op, seconds: seconds, isDate: false, other, objectOnLeft: objectOnLeft)
    }
}
