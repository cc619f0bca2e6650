public import TailorHTML

/// What `tailor check` found for one campaign: findings (deduplicated, each
/// with the segments that showed it), each segment variant's sample, the data
/// contract, and the largest messages. ``text``, ``json`` and ``sarif`` render it.
public struct CheckReport: Sendable {
    /// One segment's sample and what it rendered.
    public struct Variant: Sendable {
        public var segment: String
        /// The sample's recipient id; nil when the segment has none.
        public var recipientID: String?
        /// Where the sample came from: `data/profiles.csv:12`, or a fixture file.
        public var source: String?
        /// The structural variant (branches and loop counts) of its HTML.
        public var variant: String?
        public var subject: String?
        /// Quoted-printable HTML as sent.
        public var encodedSize: Int?
        /// Attributes this variant cannot render without.
        public var needs: [String] = []
    }

    /// Recipients of a variant lacking an attribute it needs.
    public struct Gap: Sendable {
        public var segment: String
        public var attribute: String
        public var missing: Int
        public var recipients: Int
        /// Line numbers in the profiles file, the first few.
        public var exampleLines: [Int]
    }

    public var campaign: String
    public var folder: String
    public var profiles: String?
    /// `variant` (the default) or `every`.
    public var mode: String = "variant"
    public var findings: [CheckFinding] = []
    public var variants: [Variant] = []
    public var gaps: [Gap] = []
    public var largestRecipients: [SizeLedger.Entry] = []
    public var largestVariants: [SizeLedger.Entry] = []
    public var clipLimit = 0
    public var sizeBudget = 0
    /// Bodies parsed and checked, and the messages rendered.
    public var validations = 0
    public var messages = 0
    public var seconds = 0.0
    /// Of which parsing and checking bodies.
    public var validationSeconds = 0.0

    public init(campaign: String, folder: String) {
        self.campaign = campaign
        self.folder = folder
    }

    /// Adds `finding`, or `segment` to the same finding already there.
    mutating func add(_ finding: CheckFinding, segment: String? = nil) {
        if let index = findings.firstIndex(where: { $0.identity == finding.identity }) {
            if let segment, !findings[index].segments.contains(segment) { findings[index].segments.append(segment) }
            return
        }
        var added = finding
        if let segment { added.segments = [segment] }
        findings.append(added)
    }

    public func count(_ severity: Severity) -> Int {
        findings.count { $0.severity == severity }
    }

    /// Whether anything is an error: `tailor check` then exits non-zero.
    public var hasErrors: Bool { count(.error) > 0 }

    /// Findings ordered by file, line and column; campaign-wide ones first.
    public var sortedFindings: [CheckFinding] {
        findings.sorted { a, b in
            (a.file ?? "", a.line, a.column, a.rule) < (b.file ?? "", b.line, b.column, b.rule)
        }
    }
}
