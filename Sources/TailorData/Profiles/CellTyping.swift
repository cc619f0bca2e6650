public import TailorTemplate

/// Turns a CSV cell into the value a marketer means by it.
///
/// | cell | value |
/// |---|---|
/// | (empty) | missing: the attribute is left out |
/// | `42`, `-7` | int |
/// | `19.99`, `1.5e3` | float |
/// | `true`, `FALSE` | bool |
/// | `2026-01-15` | date |
/// | `2026-01-15T09:00:00Z` | timestamp |
/// | `007`, `+33 1 23`, `N/A`, `Zoë` | text, as written |
///
/// Numbers with leading zeros or a plus sign stay text (postcodes, phone
/// numbers). Columns typed ``ColumnType/date`` or ``ColumnType/timestamp``
/// must hold one; anything else there is an error for the row.
public enum CellTyping {
    /// Why a cell in a typed column is unreadable.
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public init(message: String) { self.message = message }
    }

    /// The value of `cell` in a column of type `type`; nil for an empty cell.
    public static func value(of cell: String, column: String, type: ColumnType) throws(Failure) -> Value? {
        if cell.isEmpty { return nil }
        switch type {
        case .string:
            return .string(cell)
        case .date, .timestamp:
            if let value = Temporal.value(parsing: cell) { return value }
            throw type == .date
                ? Failure(message: "column '\(column)': '\(cell)' is not a date (write YYYY-MM-DD)")
                : Failure(message: "column '\(column)': '\(cell)' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)")
        case .auto:
            return inferred(cell)
        }
    }

    /// The value of a non-empty cell in an ``ColumnType/auto`` column.
    public static func inferred(_ cell: String) -> Value {
        let utf8 = cell.utf8
        guard let first = utf8.first else { return .string(cell) }
        if first == UInt8(ascii: "-") || (first >= 48 && first <= 57) {
            if let number = number(cell) { return number }
            if ISOParser.looksLikeDate(cell), let temporal = Temporal.value(parsing: cell) { return temporal }
            return .string(cell)
        }
        switch cell {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return .string(cell)
        }
    }

    /// `42` or `-3.5` as a number; nil for anything else, including `007` and `1.`.
    static func number(_ cell: String) -> Value? {
        var bytes = Array(cell.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix { $0 >= 48 && $0 <= 57 }.count
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1, bytes.first == 48 { return nil }  // leading zero: text
        let rest = bytes.dropFirst(integerDigits)
        if rest.isEmpty {
            if let int = Int(cell) { return .int(int) }
            return .string(cell)  // too large for an int: keep every digit
        }
        var tail = rest
        var isFloat = false
        if tail.first == UInt8(ascii: ".") {
            let fraction = tail.dropFirst().prefix { $0 >= 48 && $0 <= 57 }.count
            guard fraction > 0 else { return nil }
            tail = tail.dropFirst(1 + fraction)
            isFloat = true
        }
        if let e = tail.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            tail = tail.dropFirst()
            if let sign = tail.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { tail = tail.dropFirst() }
            let exponent = tail.prefix { $0 >= 48 && $0 <= 57 }.count
            guard exponent > 0 else { return nil }
            tail = tail.dropFirst(exponent)
            isFloat = true
        }
        guard tail.isEmpty, isFloat, let double = Double(cell), double.isFinite else { return nil }
        return .float(double)
    }
}
