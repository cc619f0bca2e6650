public import TailorData
public import TailorTemplate

/// Turns a profile and its events into segment memberships and a render
/// context. Built once per run (it holds the compiled rules, the population's
/// cuts) and safe to share across threads; events and external assignments
/// are joined by the caller and passed in (``SegmentRun`` does both).
///
/// ```swift
/// let run = try SegmentRun(profiles: "data/profiles.csv", events: "data/events.jsonl", segments: file)
/// let assigner = try run.prepare()
/// let assignment = assigner.assign(profile, history: history, external: memberships)
/// try template.render(assignment.context)     // segment, segments, rfm_score, cart, ...
/// ```
public final class SegmentAssigner: Sendable {
    public let file: SegmentsFile
    public let statistics: PopulationStatistics
    private let index: [String: Int]

    public init(file: SegmentsFile, statistics: PopulationStatistics) {
        self.file = file
        self.statistics = statistics
        var index: [String: Int] = [:]
        for (i, s) in file.segments.enumerated() { index[s.name] = i }
        self.index = index
    }

    /// The attributes and events-derived values (an attribute of the same name
    /// wins): what RFM components and `top_percent` fields are evaluated on.
    public static func attributesAndEvents(_ profile: Profile, history: EventHistory) -> [String: Value] {
        var context = profile.attributes
        for (name, value) in history.contextValues where context[name] == nil { context[name] = value }
        return context
    }

    /// The context before segments: attributes, then events-derived values
    /// (an attribute of the same name wins), then the RFM score.
    public func baseContext(_ profile: Profile, history: EventHistory) -> [String: Value] {
        var context = Self.attributesAndEvents(profile, history: history)
        if let rfm = file.rfm { addRFM(rfm, to: &context) }
        return context
    }

    private func addRFM(_ rfm: RFMSettings, to context: inout [String: Value]) {
        func score(_ e: CompiledExpression, _ cuts: [Double], recency: Bool) -> Int {
            guard let value = try? e.evaluate(context),
                let n = recency ? MetricValue.recency(value) : MetricValue.number(value)
            else { return 1 }
            return QuantileCuts.score(n, cuts: cuts)
        }
        let r = score(rfm.recency, statistics.recencyCuts, recency: true)
        let f = score(rfm.frequency, statistics.frequencyCuts, recency: false)
        let m = score(rfm.monetary, statistics.monetaryCuts, recency: false)
        let w = rfm.weights
        let total = ((w.recency * Double(r) + w.frequency * Double(f) + w.monetary * Double(m)) * 100).rounded() / 100
        context["rfm_score"] = .float(total)
        context["rfm"] = ["recency": .int(r), "frequency": .int(f), "monetary": .int(m), "score": .float(total)]
    }

    /// The recipient's segments and full render context. `external` comes
    /// from the run's ``ExternalAssignments`` (see ``SegmentRun/assignEach(_:_:)``).
    public func assign(_ profile: Profile, history: EventHistory, external: ExternalMemberships = .none) -> Assignment {
        var context = baseContext(profile, history: history)
        var member = [Bool](repeating: false, count: file.segments.count)
        var failures: [RuleFailure] = []
        for i in file.evaluationOrder {
            let segment = file.segments[i]
            if let parent = segment.parent, !member[index[parent]!] { continue }
            if let trigger = segment.trigger, !fires(trigger, history) { continue }
            if let path = segment.externalFile, !external.contains(segment.name, in: path) { continue }
            if let top = segment.topPercent {
                guard let cut = statistics.topPercentCuts[segment.name], let value = try? top.of.evaluate(context),
                    let n = MetricValue.number(value), n >= cut
                else { continue }
            }
            if let rule = segment.rule {
                do {
                    guard try rule.evaluate(context).truthy() else { continue }
                } catch {
                    failures.append(RuleFailure(segment: segment.name, message: "\(Self.message(of: error))"))
                    continue
                }
            }
            member[i] = true
        }
        let segments = file.priorityOrder.filter { member[$0] }.map { file.segments[$0].name }
        let primary = segments.first ?? file.defaultSegment
        context["segment"] = .string(primary)
        context["segments"] = .list(segments.map(Value.string))
        return Assignment(segment: primary, segments: segments, context: context, ruleFailures: failures)
    }

    private func fires(_ trigger: Trigger, _ history: EventHistory) -> Bool {
        switch trigger {
        case .abandonedCart(let wait, let lookback):
            return !history.abandonedCart(now: file.now, wait: wait, lookback: lookback).isEmpty
        case .viewedSameProduct(let times, let lookback):
            return (history.viewCounts(since: file.now - lookback).values.max() ?? 0) >= times
        }
    }

    static func message(of error: any Error) -> String {
        if let e = error as? TemplateError { return e.message }
        return "\(error)"
    }
}
