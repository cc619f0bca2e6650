/// An error from compiling or rendering a template.
///
/// Errors carry a ``Kind``, a message worded for a template author, and, once
/// they cross the boundary where the location is known, the template name,
/// line, column and source line. ``description`` shows all of it with a caret:
///
/// ```
/// error: unexpected 'endfor', expected 'endif' to close the 'if' on line 3
///   --> email.html:7:4
///    |
///  7 | {% endfor %}
///    |    ^
/// ```
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in Jinja's terms.
    public enum Kind: String, Sendable {
        case syntax = "TemplateSyntaxError"
        case undefined = "UndefinedError"
        case type = "TypeError"
        case value = "ValueError"
        case zeroDivision = "ZeroDivisionError"
        case notFound = "TemplateNotFound"
        case unknownFilter = "UnknownFilter"
        case unknownTest = "UnknownTest"
        case recursion = "RecursionError"
        case limit = "LimitExceeded"
        case runtime = "TemplateRuntimeError"
        case key = "KeyError"
        case index = "IndexError"
        case attribute = "AttributeError"
        case io = "IOError"
        /// Not a failure: the template decided this recipient gets no message
        /// (a recommendation block with too few picks says `skip`).
        case skipped = "RecipientSkipped"
    }

    public var kind: Kind
    public var message: String
    /// The template the error is in, once known.
    public var templateName: String?
    /// 1-based line, 0 while unknown.
    public var line: Int = 0
    /// 1-based column, 0 while unknown.
    public var column: Int = 0
    /// The text of the offending line, for the caret display.
    public var sourceLine: String?
    /// Hint on what to do, shown under the excerpt.
    public var help: String?

    public init(_ kind: Kind, _ message: String, help: String? = nil) {
        self.kind = kind
        self.message = message
        self.help = help
    }

    /// Whether a location has been attached yet.
    public var hasLocation: Bool { line > 0 }

    /// Attaches a location unless one is already known (the innermost wins).
    public func located(in source: SourceFile, at span: Span) -> TemplateError {
        guard !hasLocation else { return self }
        var copy = self
        copy.templateName = source.name
        copy.line = Int(span.line)
        copy.column = Int(span.column)
        copy.sourceLine = source.lineText(Int(span.line))
        return copy
    }

    public var description: String {
        var out = "error: \(message)"
        if hasLocation {
            let name = templateName ?? "<template>"
            out += "\n  --> \(name):\(line):\(column)"
            if let sourceLine {
                let number = String(line)
                let pad = String(repeating: " ", count: number.count)
                out += "\n \(pad) |\n \(number) | \(sourceLine)\n \(pad) | "
                out += String(repeating: " ", count: max(0, column - 1)) + "^"
            }
        }
        if let help { out += "\n  help: \(help)" }
        return out
    }
}
