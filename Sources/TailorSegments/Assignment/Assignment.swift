public import TailorTemplate

/// One recipient's segments and render context.
public struct Assignment: Sendable {
    /// The primary segment: the first match by priority, else the default.
    public var segment: String
    /// Every segment the recipient belongs to, in priority order.
    public var segments: [String]
    /// What templates see: the profile's attributes, the events-derived
    /// values, `rfm_score` and `rfm` (when configured), `segment` and `segments`.
    public var context: [String: Value]
    /// Rules that failed for this recipient (counted as not matching).
    public var ruleFailures: [RuleFailure]

    public init(segment: String, segments: [String], context: [String: Value], ruleFailures: [RuleFailure] = []) {
        self.segment = segment
        self.segments = segments
        self.context = context
        self.ruleFailures = ruleFailures
    }
}

/// A rule that could not be evaluated for one recipient, e.g. comparing a
/// missing date; the recipient is then not a member of that segment.
public struct RuleFailure: Sendable, Equatable {
    public var segment: String
    public var message: String
}
