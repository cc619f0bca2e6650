import TailorHTML
import TailorMIME

/// The writer's side of `--validate`: in input order, it decides what each
/// recipient's findings mean, which findings go to `validation.jsonl`, and
/// keeps the totals.
///
/// With `every`, each body stands on its own findings. With `variant`, the
/// first recipient of a variant in input order brings its findings (the
/// rendering threads make sure it validated, see ``VariantClaims``); they are
/// written once, and their verdict holds for every later recipient of the
/// variant: an error finding fails them all, since they share the markup.
/// Going in input order on one thread, the ledger needs no lock, and the
/// findings written never depend on which thread was faster.
///
/// A resumed run replays the kept manifest lines through ``replay(_:)``: a
/// variant seen there gets back its verdict from the kept findings.
final class ValidationLedger {
    let mode: ValidationMode
    /// The HTML template's name, for findings about the whole body.
    let htmlTemplate: String
    private(set) var totals: ValidationTotals
    /// Verdicts by variant (`variant` mode): the failure reason, or nil for a pass.
    private var verdicts: [String: Verdict] = [:]
    /// Variants seen (`every` mode; with `variant`, the verdicts' keys).
    private var seen: Set<String> = []
    /// Findings of the variants the interrupted run validated.
    private let resumed: [String: [FindingRecord]]
    /// Manifest lines so far: the next recipient's is one more.
    private var manifestLine = 0

    private struct Verdict {
        var failure: String?
    }

    init(mode: ValidationMode, htmlTemplate: String, file: String, kept: FindingsJournal.Kept) {
        self.mode = mode
        self.htmlTemplate = htmlTemplate
        totals = ValidationTotals(file: file)
        totals.errors = kept.errors
        totals.warnings = kept.warnings
        totals.notices = kept.notices
        resumed = kept.byVariant
    }

    /// A manifest line of the run this one resumes.
    func replay(_ entry: ManifestEntry) {
        manifestLine += 1
        if ValidationFailure.isValidationFailure(entry) { totals.failed += 1 }
        guard let variant = entry.variant else { return }
        switch mode {
        case .variant where verdicts[variant] == nil:
            // Its first recipient: the one validated.
            verdicts[variant] = Verdict(failure: reason(resumed[variant] ?? []))
            totals.bodies += 1
            totals.variants += 1
        case .every:
            totals.bodies += 1
            if seen.insert(variant).inserted { totals.variants += 1 }
        default:
            break
        }
    }

    /// The next recipient in input order: the reason validation fails its
    /// message (nil when it passes or was not validated), and the findings to
    /// write for it.
    func judge(_ validation: RecipientValidation?, recipientID: String) -> (failure: String?, records: [FindingRecord]) {
        manifestLine += 1
        guard let validation else { return (nil, []) }
        if mode == .variant, let verdict = verdicts[validation.variant] { return (verdict.failure, []) }
        guard let findings = validation.findings else {
            preconditionFailure("the first recipient of variant \(validation.variant) in input order was not validated")
        }
        let records = findings.map {
            FindingRecord(
                $0, manifestLine: manifestLine, recipientID: recipientID, variant: validation.variant,
                htmlTemplate: htmlTemplate)
        }
        for record in records {
            switch record.severity {
            case .error: totals.errors += 1
            case .warning: totals.warnings += 1
            case .notice: totals.notices += 1
            }
        }
        totals.bodies += 1
        let failure = reason(records)
        if mode == .variant {
            verdicts[validation.variant] = Verdict(failure: failure)
            totals.variants += 1
        } else if seen.insert(validation.variant).inserted {
            totals.variants += 1
        }
        return (failure, records)
    }

    /// Notes a message that validation failed.
    func countFailure() { totals.failed += 1 }

    private func reason(_ records: [FindingRecord]) -> String? {
        ValidationFailure.reason(records, mode: mode, findingsFile: totals.file)
    }
}
