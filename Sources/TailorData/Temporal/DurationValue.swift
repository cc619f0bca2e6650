public import TailorTemplate

/// A length of time, to the second: what `days(90)`, `hours(2)` and
/// `minutes(30)` return and what subtracting two dates gives.
///
/// ```jinja
/// {% if now - last_activity > days(30) %}…{% endif %}
/// {{ (today - signup_date).days }} days with us
/// ```
public final class DurationValue: ValueObject {
    /// The length in seconds (negative for a duration into the past).
    public let seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    public var typeName: String { "timedelta" }

    /// Like Python's `str(timedelta)`: `90 days, 0:00:00`, `0:30:00`.
    public var displayString: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let clock = "\(rest / 3600):" + CivilDate.pad(rest / 60 % 60, 2) + ":" + CivilDate.pad(rest % 60, 2)
        if days == 0 { return clock }
        return "\(days) day\(abs(days) == 1 ? "" : "s"), \(clock)"
    }

    public var reprString: String { "timedelta(seconds=\(seconds))" }

    /// `days` (whole days, rounded down, as Python's `timedelta.days`), and the
    /// whole length in `hours`, `minutes` and `total_seconds`.
    public func attribute(_ name: String) -> Value? {
        func floorDiv(_ unit: Int) -> Int { seconds >= 0 ? seconds / unit : (seconds - unit + 1) / unit }
        switch name {
        case "days": return .int(floorDiv(86_400))
        case "hours": return .int(floorDiv(3600))
        case "minutes": return .int(floorDiv(60))
        case "total_seconds", "seconds": return .int(seconds)
        default: return nil
        }
    }

    public func isEqual(to other: Value) -> Bool {
        if case .object(let o as DurationValue) = other { return o.seconds == seconds }
        return false
    }

    public func compare(to other: Value) -> Int? {
        guard case .object(let o as DurationValue) = other else { return nil }
        return seconds < o.seconds ? -1 : (seconds > o.seconds ? 1 : 0)
    }

    public func binary(_ op: Value.BinaryOperator, _ other: Value, objectOnLeft: Bool) throws -> Value? {
        if case .object(let o as DurationValue) = other {
            let (a, b) = objectOnLeft ? (seconds, o.seconds) : (o.seconds, seconds)
            switch op {
            case .add: return .object(DurationValue(seconds: a + b))
            case .subtract: return .object(DurationValue(seconds: a - b))
            case .divide: return b == 0 ? nil : .float(Double(a) / Double(b))
            default: return nil
            }
        }
        if op == .multiply, let factor = other.doubleValue, !(other.isBoolean) {
            return .object(DurationValue(seconds: Int((Double(seconds) * factor).rounded())))
        }
        if op == .divide, objectOnLeft, let divisor = other.doubleValue, divisor != 0, !(other.isBoolean) {
            return .object(DurationValue(seconds: Int((Double(seconds) / divisor).rounded())))
        }
        return nil
    }
}

extension Value {
    var isBoolean: Bool {
        if case .bool = self { return true }
        return false
    }
}
