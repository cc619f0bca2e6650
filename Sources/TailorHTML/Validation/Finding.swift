/// A place in a template: where the output a finding is about was written.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The template's name as the loader knows it (`email.html`, `_layouts/base.html`).
    public var template: String
    public var line: Int
    public var column: Int

    public init(template: String, line: Int, column: Int) {
        self.template = template
        self.line = line
        self.column = column
    }

    public var description: String { "\(template):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.template, a.line, a.column) < (b.template, b.line, b.column)
    }
}

/// One thing validation found in a rendered body.
///
/// ```swift
/// let findings = Validator().validate(html: bytes, recorder: recorder)
/// findings[0].description   // "email.html:42:7: error: <td> is not closed before </tr> [unclosed-tag]"
/// ```
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// The rule's id.
    public var rule: String
    /// The severity after the campaign's settings.
    public var severity: Severity
    public var message: String
    /// What to do about it, when there is advice.
    public var help: String?
    /// Byte offset in the rendered body; nil for findings about the whole body.
    public var outputOffset: Int?
    /// 1-based line and character column in the rendered body; 0 when unknown.
    public var outputLine = 0
    public var outputColumn = 0
    /// The template line that wrote it, when a recorder was given.
    public var location: SourceLocation?

    public init(rule: Rule, severity: Severity? = nil, message: String, help: String? = nil, outputOffset: Int? = nil) {
        self.rule = rule.id
        self.severity = severity ?? rule.severity
        self.message = message
        self.help = help
        self.outputOffset = outputOffset
    }

    public var description: String {
        let place = location?.description ?? (outputLine > 0 ? "output:\(outputLine):\(outputColumn)" : "output")
        return "\(place): \(severity.rawValue): \(message) [\(rule)]"
    }
}
