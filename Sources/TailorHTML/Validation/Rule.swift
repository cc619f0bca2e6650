/// How much a finding matters. `tailor check` fails on errors; warnings and
/// notices are reported.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case notice, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        a.rank < b.rank
    }

    private var rank: Int {
        switch self {
        case .notice: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}

/// A validation rule: a stable id (what `validation.yml` and SARIF name), a
/// default severity, and a one-line summary.
///
/// ```yaml
/// # templates/spring_sale/validation.yml
/// rules:
///   img-alt: error          # raise
///   template-syntax: off    # the ESP fills its own {{ }} merge tags
/// ```
public struct Rule: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let severity: Severity
    public let summary: String

    /// A rule of another pass (`tailor check` adds its own).
    public init(id: String, severity: Severity, summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    public var description: String { id }

    // Parsing.
    public static let htmlParse = Rule(id: "html-parse", severity: .error, summary: "libxml2's HTML parser reported an error")
    public static let unknownTag = Rule(
        id: "html-unknown-tag", severity: .warning, summary: "an element neither HTML 4 nor HTML 5 knows")
    public static let entity = Rule(id: "html-entity", severity: .warning, summary: "a bare '&' or an unknown character reference")
    public static let unclosedTag = Rule(id: "unclosed-tag", severity: .error, summary: "an element whose end tag is missing")
    public static let unclosedOptionalTag = Rule(
        id: "unclosed-optional-tag", severity: .notice, summary: "a p, li or similar element left for the parser to close")
    // Content.
    public static let imageAlt = Rule(id: "img-alt", severity: .warning, summary: "an image without an alt attribute")
    public static let relativeURL = Rule(
        id: "url-relative", severity: .error, summary: "a relative URL: a mail client has no base to resolve it against")
    public static let emptyURL = Rule(id: "url-empty", severity: .error, summary: "an empty link or image URL, or a bare '#'")
    public static let javascriptURL = Rule(id: "url-javascript", severity: .error, summary: "a javascript: URL")
    public static let forbiddenElement = Rule(
        id: "forbidden-element", severity: .error, summary: "script, form, iframe, object or embed: stripped or blocked by mail clients")
    public static let unsubscribeLink = Rule(id: "unsubscribe-link", severity: .error, summary: "no unsubscribe link in the body")
    public static let templateSyntax = Rule(
        id: "template-syntax", severity: .error, summary: "template syntax ({{, {% or {#) left in the output")
    public static let missingTitle = Rule(id: "missing-title", severity: .warning, summary: "no <title>, or an empty one")
    public static let missingLang = Rule(id: "missing-lang", severity: .warning, summary: "no lang attribute on <html>")
    public static let duplicateID = Rule(id: "duplicate-id", severity: .warning, summary: "an id used by two elements")
    public static let styleSize = Rule(
        id: "style-size", severity: .error, summary: "a <style> block over 16 KB, which Gmail drops whole")
    public static let conditionalComment = Rule(
        id: "conditional-comment", severity: .error, summary: "an Outlook conditional comment that is unbalanced or mangled")
    // Size.
    public static let sizeClipped = Rule(
        id: "size-clipped", severity: .error, summary: "the encoded HTML is over Gmail's clipping limit")
    public static let sizeBudget = Rule(
        id: "size-budget", severity: .warning, summary: "the encoded HTML is over the size budget")

    /// Every rule, in report order.
    public static let all: [Rule] = [
        .htmlParse, .unknownTag, .entity, .unclosedTag, .unclosedOptionalTag, .imageAlt, .relativeURL, .emptyURL,
        .javascriptURL, .forbiddenElement, .unsubscribeLink, .templateSyntax, .missingTitle, .missingLang,
        .duplicateID, .styleSize, .conditionalComment, .sizeClipped, .sizeBudget,
    ]

    /// The rule with id `id`.
    public static func named(_ id: String) -> Rule? {
        all.first { $0.id == id }
    }
}
