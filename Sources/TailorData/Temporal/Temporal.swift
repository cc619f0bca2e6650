public import TailorTemplate

/// What dates, timestamps and durations share: reading any of them (or an ISO
/// string) as seconds, and the arithmetic between them.
public enum Temporal {
    /// A date or timestamp value for an ISO string, nil when it is neither.
    public static func value(parsing text: String) -> Value? {
        switch ISOParser.parse(text) {
        case .date(let day)?: return .object(DateValue(day: day))
        case .timestamp(let seconds)?: return .object(TimestampValue(seconds: seconds))
        case nil: return nil
        }
    }

    /// Seconds since the epoch of a date (its midnight), a timestamp, or an
    /// ISO string; nil for anything else.
    public static func seconds(of value: Value) -> Int? {
        switch value {
        case .object(let d as DateValue): return d.day * 86_400
        case .object(let t as TimestampValue): return t.seconds
        case .string(let s), .markup(let s):
            switch ISOParser.parse(s) {
            case .date(let day)?: return day * 86_400
            case .timestamp(let seconds)?: return seconds
            case nil: return nil
            }
        default: return nil
        }
    }

    /// `point ± duration` and `point - point`. A date moved by whole days stays
    /// a date; moved by anything else it becomes a timestamp.
    static func arithmetic(
        _ op: Value.BinaryOperator, seconds: Int, isDate: Bool, _ other: Value, objectOnLeft: Bool
    ) throws -> Value? {
        if case .object(let d as DurationValue) = other {
            let result: Int
            switch (op, objectOnLeft) {
            case (.add, _): result = seconds + d.seconds
            case (.subtract, true): result = seconds - d.seconds
            default: return nil
            }
            if isDate, d.seconds % 86_400 == 0 { return .object(DateValue(day: result / 86_400)) }
            return .object(TimestampValue(seconds: result))
        }
        if op == .subtract, case .object = other, let theirs = Temporal.seconds(of: other) {
            return .object(DurationValue(seconds: objectOnLeft ? seconds - theirs : theirs - seconds))
        }
        return nil
    }
}
