import Foundation
public import TailorTemplate

/// Validates rendered HTML bodies: libxml2's parse diagnostics and every
/// email check, each finding placed at the template line that wrote it.
///
/// One validator serves a whole send and is safe to share between rendering
/// threads: each call parses its own document with its own error handler, and
/// the only shared state, the per-variant memory, is behind a lock.
///
/// ```swift
/// let validator = Validator(policy: try ValidationPolicy.load(campaignFolder: folder))
/// let recorder = RenderRecorder()
/// var html: [UInt8] = []
/// try templates.html.render(context, into: &html, recorder: recorder)
///
/// // --validate every: each message.
/// let findings = validator.validate(html: html, recorder: recorder)
/// // --validate variant (the default): the first message of each structural variant.
/// if let findings = validator.validateOnce(html: html, recorder: recorder) { ... }
/// ```
///
/// Validate the body as the template rendered it, before the preheader is
/// inserted, so output offsets match the recorder's; measure size on the
/// HTML as sent with ``SizeBudgetCheck``.
public final class Validator: @unchecked Sendable {
    public let policy: ValidationPolicy
    private let checks: [any EmailCheck] = [
        ParseErrorCheck(), UnclosedTagCheck(), ConditionalCommentCheck(), TemplateSyntaxCheck(), ImageAltCheck(),
        LinkURLCheck(), ForbiddenElementCheck(), UnsubscribeLinkCheck(), DocumentHeadCheck(), DuplicateIDCheck(),
        StyleSizeCheck(),
    ]
    private let lock = NSLock()
    /// Variant to its findings; nil while the first thread to claim it validates.
    private var variants: [String: [Finding]?] = [:]

    public init(policy: ValidationPolicy = ValidationPolicy()) {
        self.policy = policy
    }

    /// Parses and checks one body; with `recorder` (the one its render used),
    /// each finding gets its template ``Finding/location``. `unsubscribeURL`
    /// is the recipient's, when known, for the unsubscribe-link check.
    public func validate(html: [UInt8], recorder: RenderRecorder? = nil, unsubscribeURL: String? = nil) -> [Finding] {
        let document: HTMLDocument
        do {
            document = try HTMLDocument(bytes: html)
        } catch {
            var sink = FindingSink(policy: policy)
            sink.report(.htmlParse, "\(error)", at: nil)
            return sink.findings
        }
        let body = CheckedBody(document: document, bytes: html, policy: policy, unsubscribeURL: unsubscribeURL)
        var sink = FindingSink(policy: policy)
        for check in checks { check.run(body, &sink) }
        return sink.findings.map { finding in
            var located = finding
            guard let offset = finding.outputOffset else { return located }
            (located.outputLine, located.outputColumn) = body.lines.position(of: offset)
            if let place = recorder?.location(ofOutputOffset: offset) {
                located.location = SourceLocation(template: place.template, line: place.line, column: place.column)
            }
            return located
        }
    }

    /// Validates the first body of each structural variant
    /// (`recorder.variant`) and returns nil for the rest: the default,
    /// `--validate variant`. Threads rendering the same variant at once
    /// validate it once between them.
    public func validateOnce(html: [UInt8], recorder: RenderRecorder, unsubscribeURL: String? = nil) -> [Finding]? {
        let variant = recorder.variant
        let claimed: Bool = lock.withLock {
            guard variants[variant] == nil else { return false }
            variants[variant] = .some(nil)
            return true
        }
        guard claimed else { return nil }
        let findings = validate(html: html, recorder: recorder, unsubscribeURL: unsubscribeURL)
        lock.withLock { variants[variant] = .some(findings) }
        return findings
    }

    /// The findings of every variant validated so far, by variant.
    public var findingsByVariant: [String: [Finding]] {
        lock.withLock { variants.compactMapValues { $0 } }
    }
}
