import Foundation
import TailorConfig
import TailorData
import TailorTemplate

/// Builds segment definitions from their YAML nodes, compiling expressions in
/// the rules' environment and moving their errors to the YAML line.
struct RuleCompiler {
    let environment: Environment

    /// `expression` compiled, its errors located in the YAML file.
    func expression(_ node: YAMLNode, _ what: String) throws(ConfigError) -> CompiledExpression {
        let source = try node.string(what)
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw node.error("\(what) is empty") }
        do {
            return try environment.expression(source, name: node.path)
        } catch let error as TemplateError {
            var located = node.error("\(what) is not a valid expression: \(error.message)", help: error.help)
            let position = node.filePosition(line: max(1, error.line), column: max(1, error.column))
            located.line = position.line
            located.column = position.column
            located.sourceLine = node.sourceLine(position.line)
            throw located
        } catch {
            throw node.error("\(what) is not a valid expression: \(error)")
        }
    }

    /// A duration such as `minutes(30)`, evaluated once.
    func duration(_ node: YAMLNode, _ what: String) throws(ConfigError) -> Int {
        let compiled = try expression(node, what)
        let value: Value
        do {
            value = try compiled.evaluate([:])
        } catch {
            throw node.error("\(what) failed: \(error)")
        }
        guard case .object(let d as DurationValue) = value, d.seconds >= 0 else {
            throw node.error(
                "\(what) must be a duration such as minutes(30) or days(7), not \(value.typeName)")
        }
        return d.seconds
    }

    func segment(_ entry: YAMLNode.Entry, folder: String) throws(ConfigError) -> (SegmentDefinition, YAMLNode?) {
        let name = entry.key
        let context = "segment '\(name)'"
        var definition = SegmentDefinition(name: name, line: entry.keyNode.line)
        var parentNode: YAMLNode?
        var ofNode: YAMLNode?
        var percentNode: YAMLNode?
        for e in try entry.value.mapping(allowed: SegmentsFile.segmentKeys, in: context) {
            switch e.key {
            case "description": definition.description = try e.value.string("description")
            case "priority": definition.priority = try e.value.int("priority of \(context)")
            case "within":
                definition.parent = try e.value.string("within")
                parentNode = e.value
            case "rule": definition.rule = try expression(e.value, "the rule of \(context)")
            case "trigger": definition.trigger = try trigger(e.value, context)
            case "top_percent": percentNode = e.value
            case "of": ofNode = e.value
            case "external":
                let file = try e.value.string("external")
                definition.externalFile = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
            default: break
            }
        }
        switch (percentNode, ofNode) {
        case (let p?, let of?):
            let percent = try p.double("top_percent")
            guard percent > 0, percent <= 100 else { throw p.error("top_percent must be more than 0 and at most 100") }
            let ranked = try expression(of, "'of' of \(context)")
            if !ranked.names.isDisjoint(with: ["rfm_score", "rfm"]) {
                throw of.error(
                    "top_percent cannot rank by the RFM score, which is itself a ranking",
                    help: "use a rule such as 'rule: rfm_score >= 4.5' instead")
            }
            definition.topPercent = TopPercent(percent: percent, of: ranked)
        case (let p?, nil):
            throw p.error("\(context) has top_percent but no 'of:' naming the number to rank by",
                help: "add for example 'of: predicted_value'")
        case (nil, let of?):
            throw of.error("'of:' in \(context) only goes with top_percent")
        case (nil, nil): break
        }
        if definition.rule == nil, definition.trigger == nil, definition.topPercent == nil,
            definition.externalFile == nil, definition.parent == nil
        {
            throw entry.keyNode.error(
                "\(context) says nothing about who belongs",
                help: "give it a rule, trigger, top_percent, external or within")
        }
        return (definition, parentNode)
    }

    func trigger(_ node: YAMLNode, _ context: String) throws(ConfigError) -> Trigger {
        let entries = try node.mapping(allowed: ["type", "wait", "lookback", "times"], in: "the trigger of \(context)")
        guard let typeEntry = entries.first(where: { $0.key == "type" }) else {
            throw node.error("the trigger of \(context) has no 'type:'",
                help: "use one of: \(Trigger.typeNames.joined(separator: ", "))")
        }
        let type = try typeEntry.value.string("type")
        func value(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
        func reject(_ key: String) throws(ConfigError) {
            if let n = value(key) { throw n.error("'\(key)' does not apply to a \(type) trigger") }
        }
        let lookback = try value("lookback").map { n throws(ConfigError) in try duration(n, "lookback") }
        switch type {
        case "abandoned_cart":
            try reject("times")
            let wait = try value("wait").map { n throws(ConfigError) in try duration(n, "wait") } ?? 30 * 60
            return .abandonedCart(wait: wait, lookback: lookback ?? 7 * 86_400)
        case "viewed_same_product":
            try reject("wait")
            let times = try value("times").map { n throws(ConfigError) in try n.int("times") } ?? 3
            guard times >= 1 else { throw value("times")!.error("times must be at least 1") }
            return .viewedSameProduct(times: times, lookback: lookback ?? 30 * 86_400)
        default:
            throw typeEntry.value.error(
                "unknown trigger type '\(type)'",
                help: "use one of: \(Trigger.typeNames.joined(separator: ", "))")
        }
    }

    func rfm(_ node: YAMLNode) throws(ConfigError) -> RFMSettings {
        let entries = try node.mapping(allowed: ["recency", "frequency", "monetary", "weights", "bins"], in: "rfm")
        func value(_ key: String) throws(ConfigError) -> YAMLNode {
            guard let n = entries.first(where: { $0.key == key })?.value else {
                throw node.error("rfm has no '\(key):'", help: "name the attribute, e.g. '\(key): \(Self.examples[key]!)'")
            }
            return n
        }
        var weights = (recency: 1.0 / 3, frequency: 1.0 / 3, monetary: 1.0 / 3)
        if let w = entries.first(where: { $0.key == "weights" })?.value {
            for e in try w.mapping(allowed: ["recency", "frequency", "monetary"], in: "rfm.weights") {
                let x = try e.value.double("the \(e.key) weight")
                guard x >= 0 else { throw e.value.error("weights cannot be negative") }
                switch e.key {
                case "recency": weights.recency = x
                case "frequency": weights.frequency = x
                default: weights.monetary = x
                }
            }
        }
        var bins = 5
        if let b = entries.first(where: { $0.key == "bins" })?.value {
            bins = try b.int("bins")
            guard (2...100).contains(bins) else { throw b.error("bins must be between 2 and 100") }
        }
        return RFMSettings(
            recency: try expression(try value("recency"), "rfm.recency"),
            frequency: try expression(try value("frequency"), "rfm.frequency"),
            monetary: try expression(try value("monetary"), "rfm.monetary"),
            weights: weights, bins: bins)
    }

    static let examples = ["recency": "last_purchase_date", "frequency": "order_count", "monetary": "total_spent"]
}
