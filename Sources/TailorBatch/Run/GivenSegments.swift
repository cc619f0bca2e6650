public import TailorData
public import TailorSegments
import TailorTemplate

/// Segments that arrive with the profile (a `segment` or `segments` column or
/// JSON field, as an upstream model or CDP exports them), merged with what the
/// rules of `segments.yml` assign.
///
/// The given segments come first, in their order, and the first is the
/// primary segment; segments the rules add follow in priority order. A
/// profile without given segments keeps the rules' assignment (and the default
/// segment when none matched).
///
/// `segment` is a string; `segments` is a list of strings or one string
/// separated by commas, semicolons or `|` (as a CSV cell holds it).
///
/// ```swift
/// // profile: {"segment": "loyal", ...}; rules matched ["high_value"]
/// GivenSegments.merge(profile, assignment)   // segment "loyal", segments ["loyal", "high_value"]
/// ```
public enum GivenSegments {
    /// The assignment with the profile's given segments merged in.
    public static func merge(_ profile: Profile, _ assignment: Assignment) -> Assignment {
        let given = names(in: profile.attributes)
        guard !given.isEmpty else { return assignment }
        var merged = assignment
        var segments = given
        for name in assignment.segments where !segments.contains(name) { segments.append(name) }
        merged.segment = segments[0]
        merged.segments = segments
        merged.context["segment"] = .string(merged.segment)
        merged.context["segments"] = .list(segments.map(Value.string))
        return merged
    }

    /// The given segment names, without blanks and repeats.
    static func names(in attributes: [String: Value]) -> [String] {
        var names: [String] = []
        func add(_ text: Substring) {
            let name = text.trimmingSpaces
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        if case .string(let primary)? = attributes["segment"] { add(Substring(primary)) }
        switch attributes["segments"] {
        case .string(let text)?:
            for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }) { add(part) }
        case .list(let items)?:
            for case .string(let name) in items { add(Substring(name)) }
        default:
            break
        }
        return names
    }
}

extension Substring {
    /// Without spaces and tabs at either end, trimmed on the UTF-8 bytes (a
    /// segment name is read for every recipient).
    fileprivate var trimmingSpaces: String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, case let before = bytes.index(before: end), bytes[before] == 0x20 || bytes[before] == 0x09 {
            end = before
        }
        return String(self[start..<end])
    }
}
