public import TailorHTML

/// A finding of `tailor check`, placed in a file of the workspace: a template,
/// `campaign.yml`, or the profiles.
public struct CheckFinding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var help: String?
    /// A path relative to the working directory, as given; nil for the campaign as a whole.
    public var file: String?
    /// 1-based; 0 when the finding is about the whole file.
    public var line = 0
    public var column = 0
    /// The segments whose sample showed it, in check order.
    public var segments: [String] = []

    public init(
        rule: Rule, severity: Severity, message: String, help: String? = nil, file: String? = nil, line: Int = 0,
        column: Int = 0
    ) {
        self.rule = rule.id
        self.severity = severity
        self.message = message
        self.help = help
        self.file = file
        self.line = line
        self.column = column
    }

    /// `templates/spring_sale/email.html:42:7`, or the file, or `campaign`.
    public var place: String {
        guard let file else { return "campaign" }
        return line > 0 ? "\(file):\(line):\(column)" : file
    }

    /// Findings the same but for the segments that showed them are one.
    var identity: String { "\(rule)|\(place)|\(message)" }
}
