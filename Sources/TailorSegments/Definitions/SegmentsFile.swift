import Foundation
public import TailorConfig
import TailorData
public import TailorTemplate

/// `segments/segments.yml`, loaded and checked: every rule compiled, parents
/// known, no cycles, each mistake reported with the file and line.
///
/// ```yaml
/// as_of: "2026-01-15T09:00:00Z"      # what `now` and `today` are (default: the clock)
/// default: everyone_else             # the primary segment when none matches
/// rfm: {recency: last_purchase_date, frequency: order_count, monetary: total_spent,
///       weights: {recency: 0.4, frequency: 0.3, monetary: 0.3}, bins: 5}
/// segments:
///   high_value: {priority: 2, rule: total_spent >= 1500}
///   vip:        {priority: 1, within: high_value, rule: "'gold' in loyalty_tier"}
/// ```
///
/// ```swift
/// let file = try SegmentsFile.load(path: "segments/segments.yml")
/// file.priorityOrder.map { file.segments[$0].name }
/// ```
public struct SegmentsFile: Sendable {
    public var path: String
    /// The `now` rules see, in seconds since the epoch.
    public var now: Int
    /// The primary segment of recipients who match none.
    public var defaultSegment: String
    /// The attribute `tailor segments` tabulates against the segments.
    public var reportBy: String?
    public var rfm: RFMSettings?
    /// In file order.
    public var segments: [SegmentDefinition]
    /// Indices into ``segments`` by priority: the first match is the primary segment.
    public var priorityOrder: [Int]
    /// Indices into ``segments``, parents before children.
    public var evaluationOrder: [Int]
    /// The environment the rules compiled in (date helpers as globals).
    public let environment: Environment

    static let topKeys = ["as_of", "default", "report", "rfm", "segments"]
    static let segmentKeys = ["description", "priority", "within", "rule", "trigger", "top_percent", "of", "external"]

    /// Reads and checks `path`. `now` overrides the file's `as_of`.
    public static func load(path: String, now: Int? = nil) throws(ConfigError) -> SegmentsFile {
        try load(document: YAMLDocument(path: path), now: now)
    }

    /// Checks an already parsed document (tests pass text).
    public static func load(document: YAMLDocument, now override: Int? = nil) throws(ConfigError) -> SegmentsFile {
        let path = document.path
        let top = try document.root.mapping(allowed: topKeys, in: "the segments file")
        func entry(_ key: String) -> YAMLNode.Entry? { top.first { $0.key == key } }

        var now = override ?? Int(Date().timeIntervalSince1970)
        if override == nil, let node = entry("as_of")?.value {
            let text = try node.string("as_of")
            guard let seconds = Temporal.seconds(of: .string(text)) else {
                throw node.error("as_of must be a date or timestamp like 2026-01-15T09:00:00Z, not '\(text)'")
            }
            now = seconds
        }
        let environment = Environment()
        DateGlobals(now: now).register(in: environment)
        let compiler = RuleCompiler(environment: environment)

        var reportBy: String?
        if let node = entry("report")?.value {
            for e in try node.mapping(allowed: ["by"], in: "report") { reportBy = try e.value.string("report.by") }
        }

        let defaultSegment = try entry("default").map { e throws(ConfigError) in try e.value.string("default") } ?? "default"
        let rfm = try entry("rfm").map { e throws(ConfigError) in try compiler.rfm(e.value) }

        guard let segmentsEntry = entry("segments") else {
            throw ConfigError(
                file: path, message: "no 'segments:' in the segments file",
                help: "add a 'segments:' mapping of segment names to their definitions")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var segments: [SegmentDefinition] = []
        var names: [String: Int] = [:]
        var parentNodes: [YAMLNode?] = []
        for e in try segmentsEntry.value.mapping(in: "segments") {
            guard e.key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }),
                !e.key.isEmpty
            else {
                throw e.keyNode.error("segment name '\(e.key)' may only hold letters, digits, '_' and '-'")
            }
            if e.key == defaultSegment {
                throw e.keyNode.error(
                    "'\(e.key)' is the default segment (for recipients who match none) and cannot also be defined",
                    help: "rename the segment, or set 'default:' to another name")
            }
            let (definition, parentNode) = try compiler.segment(e, folder: folder)
            names[e.key] = segments.count
            segments.append(definition)
            parentNodes.append(parentNode)
        }
        if segments.isEmpty {
            throw segmentsEntry.value.error("'segments:' defines no segment")
        }
        for (i, definition) in segments.enumerated() {
            guard let parent = definition.parent else { continue }
            if names[parent] == nil {
                let suggestion = Spelling.suggestion(for: parent, among: names.keys.sorted())
                throw parentNodes[i]!.error(
                    "segment '\(definition.name)' is within '\(parent)', which is not defined",
                    help: suggestion.map { "did you mean '\($0)'?" } ?? "define '\(parent)' under 'segments:'")
            }
        }
        let evaluationOrder = try Self.parentsFirst(segments, names: names, parentNodes: parentNodes)
        let priorityOrder = segments.indices.sorted {
            (segments[$0].priority ?? .max, $0) < (segments[$1].priority ?? .max, $1)
        }
        return SegmentsFile(
            path: path, now: now, defaultSegment: defaultSegment, reportBy: reportBy, rfm: rfm, segments: segments,
            priorityOrder: priorityOrder, evaluationOrder: evaluationOrder, environment: environment)
    }

    /// Orders segments so each comes after its parent; a cycle is an error.
    static func parentsFirst(
        _ segments: [SegmentDefinition], names: [String: Int], parentNodes: [YAMLNode?]
    ) throws(ConfigError) -> [Int] {
        var order: [Int] = []
        var state = [Int](repeating: 0, count: segments.count)  // 0 new, 1 on the path, 2 done
        for start in segments.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let i = current, state[i] == 0 {
                state[i] = 1
                path.append(i)
                current = segments[i].parent.flatMap { names[$0] }
            }
            if let i = current, state[i] == 1 {
                let cycle = path[path.firstIndex(of: i)!...].map { segments[$0].name } + [segments[i].name]
                throw parentNodes[i]!.error(
                    "segments are nested in a cycle: \(cycle.joined(separator: " within "))",
                    help: "a segment cannot be within itself; remove one of the 'within:' keys")
            }
            for i in path.reversed() {
                state[i] = 2
                order.append(i)
            }
        }
        return order
    }

    /// The segment called `name`.
    public func segment(named name: String) -> SegmentDefinition? {
        segments.first { $0.name == name }
    }

    /// The names of every segment in priority order.
    public var namesByPriority: [String] { priorityOrder.map { segments[$0].name } }
}
