public import TailorTemplate

/// The date helpers rules and templates share: `today`, `now`, `days(n)`,
/// `weeks(n)`, `hours(n)`, `minutes(n)`, `seconds(n)` and `date('2026-01-15')`.
///
/// `now` is fixed per run (a campaign's `send_date`, a segments file's `as_of`,
/// or the clock when neither is set), so a re-run sees the same dates.
///
/// ```swift
/// DateGlobals(now: 1_768_467_600).register(in: environment)
/// try environment.expression("last_purchase_date < today - days(90)")
/// ```
public struct DateGlobals: Sendable {
    /// The instant `now` stands for, in seconds since the epoch.
    public var now: Int

    public init(now: Int) {
        self.now = now
    }

    /// The globals by name.
    public var values: [String: Value] {
        let clock = TimestampValue(seconds: now)
        var globals: [String: Value] = ["now": .object(clock), "today": .object(clock.date)]
        for (name, unit) in [("weeks", 604_800), ("days", 86_400), ("hours", 3600), ("minutes", 60), ("seconds", 1)] {
            globals[name] = .object(
                FunctionObject(name) { arguments, _ in
                    let slots = try arguments.bind(name, ["n"], required: 1)
                    guard let n = slots[0]!.doubleValue, !slots[0]!.isBoolean else {
                        throw TemplateError(.type, "\(name)() takes a number, not \(slots[0]!.typeName)")
                    }
                    return .object(DurationValue(seconds: Int((n * Double(unit)).rounded())))
                })
        }
        globals["date"] = .object(
            FunctionObject("date") { arguments, _ in
                let slots = try arguments.bind("date", ["text"], required: 1)
                if case .object(let o) = slots[0]!, o is DateValue || o is TimestampValue { return slots[0]! }
                guard let text = slots[0]!.stringValue, let value = Temporal.value(parsing: text) else {
                    throw TemplateError(
                        .value, "date() cannot read \(slots[0]!.reprOrType) as a date",
                        help: "write dates as 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SSZ'")
                }
                return value
            })
        return globals
    }

    /// Adds the helpers to `environment` as globals.
    public func register(in environment: Environment) {
        for (name, value) in values { environment.addGlobal(name, value) }
    }
}

extension Value {
    var reprOrType: String {
        if let s = stringValue { return "'\(s)'" }
        return "a value of type '\(typeName)'"
    }
}
