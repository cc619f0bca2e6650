public import TailorMIME

/// One validation finding about a variant's HTML, placed at the template line
/// that wrote it when the validator says where in the output it is.
public struct PreviewFinding: Sendable, Equatable {
    /// How much a finding matters; the gallery colours it.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// What the check found, e.g. "image without alt text".
    public var message: String
    /// The check's name, e.g. "img-alt".
    public var check: String?
    /// Where in the rendered HTML (template output, before the preheader is
    /// inserted), as a UTF-8 offset; the preview maps it to a template line.
    public var outputOffset: Int?
    /// `template:line:column`, filled in by the preview from ``outputOffset``.
    public var templateLocation: String?

    public init(severity: Severity, message: String, check: String? = nil, outputOffset: Int? = nil) {
        self.severity = severity
        self.message = message
        self.check = check
        self.outputOffset = outputOffset
    }
}

/// What a validator sees of one variant.
public struct PreviewValidationInput: Sendable {
    /// The HTML template's output, the text whose offsets findings give.
    public var html: String
    /// The whole message as it would be sent.
    public var message: MailMessage
}

/// The seam for `tailor check`'s validation: previews run whatever validator
/// they are given on each variant and show its findings; with none, the
/// gallery says "validation: not run".
///
/// ```swift
/// struct NoImages: PreviewValidator {
///     func findings(for input: PreviewValidationInput) -> [PreviewFinding] {
///         guard let at = input.html.utf8.firstRange(of: "<img".utf8) else { return [] }
///         return [PreviewFinding(severity: .warning, message: "an image",
///                                outputOffset: input.html.utf8.distance(from: input.html.utf8.startIndex, to: at.lowerBound))]
///     }
/// }
/// ```
public protocol PreviewValidator: Sendable {
    /// The findings for one variant, in any order.
    func findings(for input: PreviewValidationInput) -> [PreviewFinding]
}
