import TailorHTML
import TailorMIME

/// The manifest reason of a message that validation failed: the first error
/// finding with its template position and rule, how many there are, and for
/// `--validate variant` which variant and recipient they come from.
///
/// ```
/// HTML validation: email.html:24:12: <td> is not closed before </tr> [unclosed-tag] (2 errors in variant
/// 31131ba497ca8d30, validated on recipient R0000003; all findings in validation.jsonl)
/// ```
///
/// Every recipient of a failing variant gets the same reason, built from the
/// findings as `validation.jsonl` holds them, so a resumed run that reads
/// them back writes the same line.
enum ValidationFailure {
    /// How every such reason starts, so a resumed run can count them again.
    static let prefix = "HTML validation: "

    /// The reason, or nil when no finding is an error.
    static func reason(_ records: [FindingRecord], mode: ValidationMode, findingsFile: String) -> String? {
        let errors = records.filter { $0.severity == .error }
        guard let first = errors.first else { return nil }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        let origin =
            mode == .variant
            ? "\(count) in variant \(first.variant), validated on recipient \(first.recipientID)" : count
        return "\(prefix)\(first.place): \(first.message) [\(first.rule)] (\(origin); all findings in \(findingsFile))"
    }

    /// Whether a manifest line records a recipient that validation failed.
    static func isValidationFailure(_ entry: ManifestEntry) -> Bool {
        entry.status == .failed && entry.reason?.hasPrefix(prefix) == true
    }
}
