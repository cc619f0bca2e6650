/// The largest string or list one operation may build.
///
/// Python would try, and stop with a `MemoryError` or swap the machine to a
/// halt; a render on a shared batch host must not. `"-" * 10**10`,
/// `range(10**10)`, `"%0999999999d"|format(1)` or `"x"|center(10**10)`
/// fail with a ``TemplateError`` of kind `.limit` before anything is
/// allocated, at the expression that asked, while every reasonable use
/// (a rule of dashes, a padded column, a loop over a catalog) stays far below.
enum ValueLimits {
    /// Bytes in one string: the default output limit, since a larger string
    /// could not be printed anyway.
    static let maxBytes = 64 << 20
    /// Items in one list.
    static let maxItems = 10_000_000

    /// Throws when `count` pieces of `unit` bytes each would be more than ``maxBytes``.
    static func checkBytes(_ unit: Int, times count: Int = 1, _ what: @autoclosure () -> String) throws {
        try check(unit, times: count, within: maxBytes, what(), noun: "a string", unitName: "bytes",
            help: "check the count or width: it is far larger than any message needs")
    }

    /// Throws when `count` runs of `unit` items each would be more than ``maxItems``.
    static func checkItems(_ unit: Int, times count: Int = 1, _ what: @autoclosure () -> String) throws {
        try check(unit, times: count, within: maxItems, what(), noun: "a list", unitName: "items",
            help: "check the count: it is far larger than any message needs")
    }

    private static func check(
        _ unit: Int, times count: Int, within limit: Int, _ what: @autoclosure () -> String, noun: String,
        unitName: String, help: String
    ) throws {
        if let total = product(unit, count), total <= limit { return }
        throw TemplateError(
            .limit, "\(what()) would build \(noun) of \(describe(product(unit, count))) \(unitName), "
                + "more than the \(limit) a value may hold",
            help: help)
    }

    /// `unit * count` with negatives as zero; nil when it overflows.
    private static func product(_ unit: Int, _ count: Int) -> Int? {
        let (total, overflow) = max(unit, 0).multipliedReportingOverflow(by: max(count, 0))
        return overflow ? nil : total
    }

    private static func describe(_ total: Int?) -> String {
        total.map(String.init) ?? "more than \(Int.max)"
    }
}
