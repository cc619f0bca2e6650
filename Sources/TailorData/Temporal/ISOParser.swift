/// Parses the ISO 8601 forms a data export writes: `2026-01-15` (a date) and
/// `2026-01-15T09:00:00Z`, `2026-01-15 09:00:00`, `2026-01-15T09:00:00.250+01:00`
/// (a timestamp; no zone means UTC; fractions of a second are dropped).
public enum ISOParser {
    /// What a string holds.
    public enum Parsed: Equatable, Sendable {
        /// A calendar date, as a day number (see ``CivilDate``).
        case date(day: Int)
        /// An instant, as whole seconds since 1970-01-01T00:00:00Z.
        case timestamp(seconds: Int)
    }

    /// The date or timestamp in `text`, or nil when it is neither.
    public static func parse(_ text: some StringProtocol) -> Parsed? {
        var bytes = Array(text.utf8)[...]
        guard let day = parseDate(&bytes) else { return nil }
        if bytes.isEmpty { return .date(day: day) }
        guard let separator = bytes.first, separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") else {
            return nil
        }
        bytes = bytes.dropFirst()
        guard let hour = digits(&bytes, 2), hour < 24, expect(&bytes, ":"),
            let minute = digits(&bytes, 2), minute < 60
        else { return nil }
        var second = 0
        if expect(&bytes, ":") {
            guard let s = digits(&bytes, 2), s < 60 else { return nil }
            second = s
            if expect(&bytes, ".") || expect(&bytes, ",") {
                var any = false
                while let b = bytes.first, b >= 48, b <= 57 { bytes = bytes.dropFirst(); any = true }
                guard any else { return nil }
            }
        }
        var offset = 0
        if expect(&bytes, "Z") || expect(&bytes, "z") {
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let oh = digits(&bytes, 2), oh < 24 else { return nil }
            _ = expect(&bytes, ":")
            guard let om = digits(&bytes, 2), om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        }
        guard bytes.isEmpty else { return nil }
        return .timestamp(seconds: day * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    /// Whether `text` has the shape of a date (`dddd-dd-dd...`), valid or not:
    /// such a cell is meant as a date, so an impossible one is an error.
    public static func looksLikeDate(_ text: some StringProtocol) -> Bool {
        var i = 0
        for c in text.utf8 {
            if i == 10 { break }
            if i == 4 || i == 7 {
                if c != UInt8(ascii: "-") { return false }
            } else if c < 48 || c > 57 {
                return false
            }
            i += 1
        }
        return i == 10
    }

    private static func parseDate(_ bytes: inout ArraySlice<UInt8>) -> Int? {
        guard let y = digits(&bytes, 4), expect(&bytes, "-"), let m = digits(&bytes, 2), expect(&bytes, "-"),
            let d = digits(&bytes, 2)
        else { return nil }
        return CivilDate.dayNumber(year: y, month: m, day: d)
    }

    private static func digits(_ bytes: inout ArraySlice<UInt8>, _ count: Int) -> Int? {
        guard bytes.count >= count else { return nil }
        var n = 0
        for b in bytes.prefix(count) {
            guard b >= 48, b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        bytes = bytes.dropFirst(count)
        return n
    }

    private static func expect(_ bytes: inout ArraySlice<UInt8>, _ c: Unicode.Scalar) -> Bool {
        guard bytes.first == UInt8(ascii: c) else { return false }
        bytes = bytes.dropFirst()
        return true
    }
}
