public import TailorTemplate

/// One segment of `segments.yml`: who belongs, and where it ranks.
///
/// A recipient is a member when they are in the parent (`within`) and meet
/// every criterion given: the `rule`, the `trigger`, the `top_percent` and the
/// `external` assignment.
public struct SegmentDefinition: Sendable {
    public var name: String
    public var description: String?
    /// Lower ranks first; segments without one come after, in file order.
    public var priority: Int?
    /// `within:` the segment members must also belong to.
    public var parent: String?
    /// `rule:` an expression over the profile, true for members.
    public var rule: CompiledExpression?
    /// `trigger:` a behavioural condition on the recipient's events.
    public var trigger: Trigger?
    /// `top_percent:` with `of:`.
    public var topPercent: TopPercent?
    /// `external:` the assignments file (resolved path) listing members.
    public var externalFile: String?
    /// Where the segment is defined in `segments.yml`.
    public var line: Int
}

/// A behavioural trigger on a recipient's events.
public enum Trigger: Sendable, Equatable {
    /// Added to the cart at least `wait` seconds ago (and within `lookback`),
    /// not purchased since.
    case abandonedCart(wait: Int, lookback: Int)
    /// Viewed one product at least `times` times within `lookback` seconds.
    case viewedSameProduct(times: Int, lookback: Int)

    /// The trigger type names `segments.yml` accepts.
    public static let typeNames = ["abandoned_cart", "viewed_same_product"]
}

/// `top_percent: P` of a number: members are the P% with the highest value
/// of `of` (ties at the cut are all in).
public struct TopPercent: Sendable {
    public var percent: Double
    /// The number ranked, evaluated on each profile; recipients without it are
    /// not ranked and not members.
    public var of: CompiledExpression
}

/// The `rfm:` section: how `rfm_score` is computed.
///
/// Each of recency, frequency and monetary value is scored 1 to `bins` by
/// quantile over everyone who has it (1 for those who do not), and
/// `rfm_score` is the weighted sum. Recency is a date or timestamp (more recent
/// scores higher) or a number of days since (fewer scores higher).
public struct RFMSettings: Sendable {
    public var recency: CompiledExpression
    public var frequency: CompiledExpression
    public var monetary: CompiledExpression
    public var weights: (recency: Double, frequency: Double, monetary: Double)
    public var bins: Int
}
