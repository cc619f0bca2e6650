import Foundation
import TailorHTML

extension CheckReport {
    /// The report as one JSON object (keys sorted, for diffs).
    public var json: String {
        func finding(_ f: CheckFinding) -> [String: Any] {
            var out: [String: Any] = ["rule": f.rule, "severity": f.severity.rawValue, "message": f.message, "segments": f.segments]
            if let file = f.file { out["file"] = file }
            if f.line > 0 {
                out["line"] = f.line
                out["column"] = f.column
            }
            if let help = f.help { out["help"] = help }
            return out
        }
        func size(_ e: SizeLedger.Entry) -> [String: Any] {
            ["recipient_id": e.recipientID, "variant": e.variant, "segment": e.segment ?? NSNull(), "encoded_size": e.encodedSize]
        }
        let object: [String: Any] = [
            "campaign": campaign,
            "folder": folder,
            "mode": mode,
            "passed": !hasErrors,
            "counts": ["error": count(.error), "warning": count(.warning), "notice": count(.notice)],
            "findings": sortedFindings.map(finding),
            "variants": variants.map { v -> [String: Any] in
                [
                    "segment": v.segment, "recipient_id": v.recipientID ?? NSNull(), "source": v.source ?? NSNull(),
                    "variant": v.variant ?? NSNull(), "subject": v.subject ?? NSNull(),
                    "encoded_size": v.encodedSize ?? NSNull(), "needs": v.needs,
                ]
            },
            "data_contract": gaps.map { g -> [String: Any] in
                [
                    "segment": g.segment, "attribute": g.attribute, "missing": g.missing, "recipients": g.recipients,
                    "example_lines": g.exampleLines,
                ]
            },
            "sizes": [
                "clip_limit": clipLimit, "budget": sizeBudget, "largest_recipients": largestRecipients.map(size),
                "largest_variants": largestVariants.map(size),
            ],
            "messages": messages,
            "validations": validations,
            "seconds": seconds,
            "validation_seconds": validationSeconds,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
