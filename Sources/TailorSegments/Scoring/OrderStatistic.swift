/// Exact order statistics (the value at a given rank) of a stream of numbers,
/// in memory that does not grow with the stream.
///
/// Quantile scores and percentile cuts need "the value at rank r" over the
/// whole population. Holding every value would grow with the file, so this
/// narrows in on each requested rank over a few passes instead (a radix
/// select): the first pass counts values into 65,536 bins by the top 16 bits
/// of an order-preserving key; each later pass counts only the values of the
/// chosen bin by the next 16 bits, until a bin holds few enough values to keep
/// them and sort; a bin whose values are all equal is known at once. Typical
/// data needs one pass after the first.
///
/// ```swift
/// var stat = OrderStatistic()
/// for v in values { stat.observe(v) }          // pass 1
/// stat.request(ranks: [stat.count / 2])
/// while stat.needsPass {
///     for v in values { stat.refine(v) }      // the same values, again
///     stat.finishPass()
/// }
/// stat.value(atRank: stat.count / 2)          // the median, exactly
/// ```
public struct OrderStatistic: Sendable {
    /// Values observed in the first pass.
    public private(set) var count = 0
    private var histogram = [UInt32](repeating: 0, count: 1 << 16)
    private var queries: [Query] = []
    private var results: [Int: Double] = [:]

    /// A bin holding at most this many values is finished by sorting them
    /// (256 KiB of keys at most).
    static let exactLimit = 32_768

    private struct Query: Sendable {
        var rank: Int
        var prefix: UInt64
        var bits: Int
        var below: Int
        var counts: [UInt32]?
        var exact: [UInt64]?
        /// The least and greatest key seen in the bin this pass: equal means
        /// every value there is the same (ties), and the answer is known.
        var least = UInt64.max
        var greatest = UInt64.min
    }

    public init() {}

    /// First pass: one value of the population (NaN is ignored).
    public mutating func observe(_ value: Double) {
        guard !value.isNaN else { return }
        count += 1
        histogram[Int(Self.key(value) >> 48)] += 1
    }

    /// After the first pass: the 0-based ranks wanted (each below ``count``).
    public mutating func request(ranks: [Int]) {
        for rank in Set(ranks) where rank >= 0 && rank < count && results[rank] == nil {
            var cumulative = 0
            for (bin, n) in histogram.enumerated() {
                if cumulative + Int(n) > rank {
                    var q = Query(rank: rank, prefix: UInt64(bin), bits: 16, below: cumulative)
                    if Int(n) <= Self.exactLimit { q.exact = [] } else { q.counts = Self.emptyCounts }
                    queries.append(q)
                    break
                }
                cumulative += Int(n)
            }
        }
        histogram = []  // the first pass is over: give its memory back
    }

    /// Whether another pass over the same values is needed.
    public var needsPass: Bool { !queries.isEmpty }

    /// A later pass: the same values as the first pass, in any order.
    public mutating func refine(_ value: Double) {
        guard !value.isNaN else { return }
        let key = Self.key(value)
        for i in queries.indices where key >> UInt64(64 - queries[i].bits) == queries[i].prefix {
            if queries[i].exact != nil {
                queries[i].exact!.append(key)
            } else {
                queries[i].counts![Int((key >> UInt64(48 - queries[i].bits)) & 0xFFFF)] += 1
                queries[i].least = min(queries[i].least, key)
                queries[i].greatest = max(queries[i].greatest, key)
            }
        }
    }

    /// Ends a later pass: resolves what it can and narrows the rest.
    public mutating func finishPass() {
        var open: [Query] = []
        for var q in queries {
            if var exact = q.exact {
                exact.sort()
                results[q.rank] = Self.value(ofKey: exact[q.rank - q.below])
                continue
            }
            if q.least == q.greatest {
                results[q.rank] = Self.value(ofKey: q.least)  // all tied
                continue
            }
            var cumulative = q.below
            for (bin, n) in q.counts!.enumerated() {
                if cumulative + Int(n) > q.rank {
                    q.prefix = q.prefix << 16 | UInt64(bin)
                    q.bits += 16
                    q.below = cumulative
                    if q.bits == 64 {
                        results[q.rank] = Self.value(ofKey: q.prefix)
                    } else {
                        if Int(n) <= Self.exactLimit {
                            q.exact = []
                            q.counts = nil
                        } else {
                            q.counts = Self.emptyCounts
                            q.least = .max
                            q.greatest = .min
                        }
                        open.append(q)
                    }
                    break
                }
                cumulative += Int(n)
            }
        }
        queries = open
    }

    /// The value at a requested 0-based rank, once resolved.
    public func value(atRank rank: Int) -> Double? {
        results[rank]
    }

    private static let emptyCounts = [UInt32](repeating: 0, count: 1 << 16)

    /// A key whose unsigned order is the numeric order of the doubles.
    static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    static func value(ofKey key: UInt64) -> Double {
        key & (1 << 63) != 0 ? Double(bitPattern: key & ~(1 << 63)) : Double(bitPattern: ~key)
    }
}
