/// The ranks quantile scores and percentile cuts need, and the scores they give.
///
/// With the population sorted ascending as x₀ … xₙ₋₁, a value v scores
/// `1 + ⌊bins · less(v) / n⌋`, where less(v) counts the values below v: ties
/// score alike, and the score only changes at ranks rₛ = ⌈s·n/bins⌉, where
/// `score(v) > s` exactly when `v > x[rₛ − 1]`. So the cut values are order
/// statistics, which ``OrderStatistic`` finds without holding the population.
public enum QuantileCuts {
    /// The 0-based ranks whose values are the cuts between `bins` quantiles of `n` values.
    public static func ranks(count n: Int, bins: Int) -> [Int] {
        guard n > 0 else { return [] }
        return (1..<bins).map { s in (s * n + bins - 1) / bins - 1 }.filter { $0 >= 0 }
    }

    /// The score (1 … cuts.count + 1) of `value` given the cut values.
    public static func score(_ value: Double, cuts: [Double]) -> Int {
        1 + cuts.reduce(0) { $0 + (value > $1 ? 1 : 0) }
    }

    /// How many of `n` values are in the top `percent` percent (rounded up).
    public static func topCount(count n: Int, percent: Double) -> Int {
        min(n, max(0, Int((percent * Double(n) / 100 - 1e-9).rounded(.up))))
    }
}
