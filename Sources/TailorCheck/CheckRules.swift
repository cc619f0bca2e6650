public import TailorHTML

/// The rules `tailor check` adds to the HTML ones: about templates, data and
/// messages rather than markup. `validation.yml` can turn them off or down too.
public enum CheckRules {
    public static let templateError = Rule(
        id: "template-error", severity: .error, summary: "a template does not compile, or fails to render for a sample recipient")
    public static let undefinedVariable = Rule(
        id: "undefined-variable", severity: .error,
        summary: "a variable read without default or 'is defined' that no profile column, derived value or set provides")
    public static let missingData = Rule(
        id: "missing-data", severity: .warning, summary: "recipients of a variant lack an attribute the variant needs")
    public static let unknownSegment = Rule(
        id: "unknown-segment", severity: .warning, summary: "a template compares with a segment the segments file does not define")
    public static let noSample = Rule(
        id: "no-sample", severity: .notice, summary: "no recipient and no fixture for a segment, so its variant is not checked")
    public static let messageError = Rule(
        id: "message-error", severity: .error, summary: "the MIME message cannot be built (an address, header or URL)")
    public static let recipientFails = Rule(
        id: "recipient-fails", severity: .warning,
        summary: "with --validate every: recipients whose message fails on their own data (the send skips them)")
    public static let subject = Rule(id: "subject", severity: .error, summary: "an empty subject, or template syntax in it")
    public static let subjectLength = Rule(
        id: "subject-length", severity: .notice, summary: "a subject longer than the 78 characters inboxes show at most")

    public static let all: [Rule] = [
        templateError, undefinedVariable, missingData, unknownSegment, noSample, messageError, recipientFails, subject, subjectLength,
    ]
}
