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
/// `segment` is a name: a string, or an integer such as a cluster id (`3` is
/// the segment `"3"`). `segments` is a list of those, or one string separated
/// by commas, semicolons or `|` (as a CSV cell holds it). JSON `null` gives
/// none. Anything else (a boolean, a fraction, an object) names no segment, and
/// the recipient fails with ``Unusable`` rather than being sent as if it had
/// none: the upstream export is wrong, and a guess would send the wrong variant.
///
/// ```swift
/// // profile: {"segment": "loyal", ...}; rules matched ["high_value"]
/// try GivenSegments.merge(profile, assignment)   // segment "loyal", segments ["loyal", "high_value"]
/// ```
public enum GivenSegments {
    /// A `segment` or `segments` value that names no segment.
    public struct Unusable: Error, Sendable, Equatable {
        /// Names the attribute and the value, and says what to write instead.
        public var reason: String
    }

    /// The assignment with the profile's given segments merged in.
    public static func merge(_ profile: Profile, _ assignment: Assignment) throws(Unusable) -> Assignment {
        let given = try names(in: profile.attributes)
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
    static func names(in attributes: [String: Value]) throws(Unusable) -> [String] {
        var names: [String] = []
        func add(_ text: Substring) {
            let name = text.trimmingSpaces
            if !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        switch attributes["segment"] {
        case nil, .none?: break
        case .string(let primary)?: add(Substring(primary))
        case .int(let id)?: add(Substring(String(id)))
        case let other?: throw unusable("segment", other)
        }
        switch attributes["segments"] {
        case nil, .none?:
            break
        case .string(let text)?:
            for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }) { add(part) }
        case .int(let id)?:
            add(Substring(String(id)))
        case .list(let items)?, .tuple(let items)?:
            for (position, item) in items.enumerated() {
                switch item {
                case .none: break
                case .string(let name): add(Substring(name))
                case .int(let id): add(Substring(String(id)))
                default: throw unusable("segments", item, position: position)
                }
            }
        case let other?:
            throw unusable("segments", other)
        }
        return names
    }

    private static func unusable(_ attribute: String, _ value: Value, position: Int? = nil) -> Unusable {
        let shown = value.repr.count > 60 ? String(value.repr.prefix(60)) + "…" : value.repr
        let place = position.map { "item \($0 + 1) of profile attribute '\(attribute)'" } ?? "profile attribute '\(attribute)'"
        return Unusable(
            reason: "\(place) is \(shown) (\(JSONValueReader.describe(value))), which names no segment: "
                + "write the segment's name as a string (or an integer id)")
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
