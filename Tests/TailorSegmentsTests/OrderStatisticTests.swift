import TailorSegments
import Testing

@Suite struct OrderStatisticTests {
    /// Runs the passes over `values` and returns the values at `ranks`, and how many passes it took.
    func select(_ values: [Double], ranks: [Int]) -> ([Double?], Int) {
        var stat = OrderStatistic()
        for v in values { stat.observe(v) }
        stat.request(ranks: ranks)
        var passes = 1
        while stat.needsPass {
            for v in values { stat.refine(v) }
            stat.finishPass()
            passes += 1
        }
        return (ranks.map { stat.value(atRank: $0) }, passes)
    }

    static func generator(_ seed: UInt64) -> () -> UInt64 {
        var state = seed
        return {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
    }

    @Test(arguments: [
        ("money", 20_000), ("small integers, many ties", 50_000), ("timestamps", 30_000), ("negative and zero", 10_000),
        ("all equal", 9_000), ("tiny", 3), ("narrow timestamps", 100_000), ("mostly zero", 80_000),
    ])
    func matchesSorting(kind: String, count: Int) {
        let next = Self.generator(UInt64(count))
        let values: [Double] = (0..<count).map { i in
            let r = next()
            switch kind {
            case "money": return Double(r % 500_000) / 100
            case "small integers, many ties": return Double(r % 7)
            case "timestamps": return Double(1_700_000_000 + Int(r % 40_000_000))
            case "negative and zero": return i % 3 == 0 ? 0 : (i % 3 == 1 ? -0.0 : -Double(r % 1000) / 7)
            case "all equal": return 42.5
            case "narrow timestamps": return Double(1_700_000_000 + Int(r % 100_000))
            case "mostly zero": return i % 4 == 0 ? Double(r % 1_000_000) / 100 : 0
            default: return Double(i) * 1.5
            }
        }
        let sorted = values.sorted()
        let ranks = [0, count / 5, count / 2, count - 1, (count * 9) / 10]
        let (found, passes) = select(values, ranks: ranks)
        #expect(found == ranks.map { sorted[$0] })
        #expect(passes <= (kind == "narrow timestamps" ? 3 : 2))
    }

    @Test(arguments: [
        (10, 5, [1, 3, 5, 7]), (3, 5, [0, 1, 1, 2]), (1, 5, [0, 0, 0, 0]), (0, 5, []), (100, 4, [24, 49, 74]),
    ])
    func quantileRanks(n: Int, bins: Int, ranks: [Int]) {
        #expect(QuantileCuts.ranks(count: n, bins: bins) == ranks)
    }

    @Test func scoresMatchTheDefinition() {
        // score = 1 + floor(bins * (values below v) / n), checked against a direct count.
        let next = Self.generator(7)
        let values = (0..<997).map { _ in Double(next() % 60) }
        let sorted = values.sorted()
        let cuts = QuantileCuts.ranks(count: values.count, bins: 5).map { sorted[$0] }
        for v in values {
            let below = values.filter { $0 < v }.count
            #expect(QuantileCuts.score(v, cuts: cuts) == 1 + 5 * below / values.count)
        }
    }

    @Test(arguments: [(10.0, 300, 30), (10.0, 7, 1), (0.5, 100, 1), (100.0, 42, 42), (33.3, 10, 4)])
    func topCounts(percent: Double, n: Int, count: Int) {
        #expect(QuantileCuts.topCount(count: n, percent: percent) == count)
    }
}
