import TailorData
import TailorTemplate

/// Reading an expression's result as a number to rank by.
enum MetricValue {
    /// A number; a date or timestamp as its seconds since the epoch; nil for
    /// anything else (missing, text, booleans).
    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .float(let d): return d.isNaN ? nil : d
        case .object(let d as DateValue): return Double(d.day * 86_400)
        case .object(let t as TimestampValue): return Double(t.seconds)
        default: return nil
        }
    }

    /// Recency, so that larger is better: dates as they are, numbers (days
    /// since) negated.
    static func recency(_ value: Value) -> Double? {
        guard let n = number(value) else { return nil }
        if case .object = value { return n }
        return -n
    }
}
