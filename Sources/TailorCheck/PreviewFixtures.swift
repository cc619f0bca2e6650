import Foundation
import TailorConfig
import TailorData
import TailorSegments
import TailorTemplate

/// Recipients made up for segments the profiles lack, from `previews.yml`
/// beside the segments file, so `tailor check` and previews still show
/// their variant.
///
/// ```yaml
/// # segments/previews.yml
/// vip:
///   segments: [vip, high_value]      # optional; default: the segment alone
///   attributes:
///     recipient_id: PREVIEW-VIP
///     email: vera@example.com
///     first_name: Vera
///     last_purchase_date: 2026-01-02 # typed like a profile cell
/// ```
struct PreviewFixtures {
    struct Recipient {
        var profile: Profile
        var assignment: Assignment
    }

    var path: String
    var recipients: [String: Recipient] = [:]

    /// Reads `path` when it exists. An assignment needs the shape a real one
    /// has, so `template` (any recipient's) is copied and filled in; without
    /// one there are no fixtures.
    static func load(path: String, template: Assignment?) throws(ConfigError) -> PreviewFixtures {
        var fixtures = PreviewFixtures(path: path)
        guard FileManager.default.fileExists(atPath: path), let template else { return fixtures }
        let document = try YAMLDocument(path: path)
        for entry in try document.root.mapping(in: "the previews file") {
            var segments = [entry.key]
            var attributes: [String: Value] = [:]
            for field in try entry.value.mapping(allowed: ["segments", "attributes"], in: "preview '\(entry.key)'") {
                if field.key == "segments" {
                    segments = try field.value.sequence(in: "segments").map { n throws(ConfigError) in try n.string("a segment") }
                } else {
                    for attribute in try field.value.mapping(in: "attributes") {
                        attributes[attribute.key] = value(attribute.value.plain)
                    }
                }
            }
            let id = attributes["recipient_id"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "preview-\(entry.key)"
            let email = attributes["email"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "\(id)@example.com"
            var assignment = template
            assignment.segment = segments.first ?? entry.key
            assignment.segments = segments
            assignment.ruleFailures = []
            var context = attributes
            for name in EventHistory.contextNames where context[name] == nil { context[name] = template.context[name].map { _ in .list([]) } }
            context["segment"] = .string(assignment.segment)
            context["segments"] = .list(segments.map { .string($0) })
            assignment.context = context
            fixtures.recipients[entry.key] = Recipient(
                profile: Profile(id: id, email: email, attributes: attributes, line: entry.keyNode.line), assignment: assignment)
        }
        return fixtures
    }

    /// YAML data as template values; text is typed like a profile cell (dates, numbers).
    static func value(_ plain: PlainValue) -> Value {
        switch plain {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return CellTyping.inferred(s)
        case .list(let items): return .list(items.map(value))
        case .mapping(let pairs):
            var dict = Dict()
            for (k, v) in pairs { dict[.string(k)] = value(v) }
            return .dict(dict)
        }
    }
}
