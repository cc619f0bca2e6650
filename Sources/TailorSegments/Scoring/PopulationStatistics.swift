import TailorTemplate

/// What scoring needs to know about the whole population, computed before
/// any recipient is assigned: the RFM quantile cuts and each `top_percent`
/// segment's cut. Only numbers, never profiles.
public struct PopulationStatistics: Sendable {
    /// Cut values between RFM bins, per component, ascending.
    public var recencyCuts: [Double] = []
    public var frequencyCuts: [Double] = []
    public var monetaryCuts: [Double] = []
    /// How many recipients had each component.
    public var rfmCounts = (recency: 0, frequency: 0, monetary: 0)
    /// The least value of `of` that makes a recipient a member, per `top_percent` segment
    /// (absent when nobody is ranked).
    public var topPercentCuts: [String: Double] = [:]
    /// How many recipients were ranked, per `top_percent` segment.
    public var topPercentCounts: [String: Int] = [:]

    public init() {}
}

/// The numbers one pass collects: each RFM component and each `top_percent`
/// field, evaluated per recipient and fed to an ``OrderStatistic``.
struct PopulationMetrics {
    struct Metric {
        var name: String
        var expression: CompiledExpression
        var recency: Bool
        var statistic = OrderStatistic()
        var ranks: [Int] = []
    }

    var metrics: [Metric] = []
    let bins: Int

    init(_ file: SegmentsFile) {
        bins = file.rfm?.bins ?? 5
        if let rfm = file.rfm {
            metrics.append(Metric(name: "recency", expression: rfm.recency, recency: true))
            metrics.append(Metric(name: "frequency", expression: rfm.frequency, recency: false))
            metrics.append(Metric(name: "monetary", expression: rfm.monetary, recency: false))
        }
        for segment in file.segments {
            if let top = segment.topPercent {
                metrics.append(Metric(name: "top:" + segment.name, expression: top.of, recency: false))
            }
        }
    }

    var isEmpty: Bool { metrics.isEmpty }

    /// The names the metric expressions read.
    var names: Set<String> { metrics.reduce(into: []) { $0.formUnion($1.expression.names) } }

    /// The numbers of one recipient, nil where missing (or where evaluation failed).
    func values(_ context: [String: Value]) -> [Double?] {
        metrics.map { metric in
            guard let value = try? metric.expression.evaluate(context) else { return nil }
            return metric.recency ? MetricValue.recency(value) : MetricValue.number(value)
        }
    }

    mutating func observe(_ values: [Double?]) {
        for (i, v) in values.enumerated() { if let v { metrics[i].statistic.observe(v) } }
    }

    /// After the first pass: which ranks each metric needs.
    mutating func planRanks(_ file: SegmentsFile) {
        for i in metrics.indices {
            let n = metrics[i].statistic.count
            if metrics[i].name.hasPrefix("top:") {
                let percent = file.segment(named: String(metrics[i].name.dropFirst(4)))!.topPercent!.percent
                let m = QuantileCuts.topCount(count: n, percent: percent)
                metrics[i].ranks = m > 0 ? [n - m] : []
            } else {
                metrics[i].ranks = QuantileCuts.ranks(count: n, bins: bins)
            }
            metrics[i].statistic.request(ranks: metrics[i].ranks)
        }
    }

    var needsPass: Bool { metrics.contains { $0.statistic.needsPass } }

    mutating func refine(_ values: [Double?]) {
        for (i, v) in values.enumerated() where metrics[i].statistic.needsPass { if let v { metrics[i].statistic.refine(v) } }
    }

    mutating func finishPass() {
        for i in metrics.indices { metrics[i].statistic.finishPass() }
    }

    var statistics: PopulationStatistics {
        var stats = PopulationStatistics()
        for metric in metrics {
            let cuts = metric.ranks.compactMap { metric.statistic.value(atRank: $0) }
            let n = metric.statistic.count
            switch metric.name {
            case "recency": (stats.recencyCuts, stats.rfmCounts.recency) = (cuts, n)
            case "frequency": (stats.frequencyCuts, stats.rfmCounts.frequency) = (cuts, n)
            case "monetary": (stats.monetaryCuts, stats.rfmCounts.monetary) = (cuts, n)
            default:
                let name = String(metric.name.dropFirst(4))
                stats.topPercentCounts[name] = n
                if let cut = cuts.first { stats.topPercentCuts[name] = cut }
            }
        }
        return stats
    }
}
