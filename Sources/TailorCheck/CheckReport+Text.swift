import Foundation
import TailorHTML

extension CheckReport {
    /// The readable report: findings grouped by file and ordered by line, then
    /// the variants, the data contract and the largest messages.
    ///
    /// ```
    /// templates/spring_sale/email.html
    ///   31:5  error    'coupon' is undefined  [template-error]  (segment: vip)
    /// ```
    public var text: String {
        var out = "tailor check \(folder)\n"
        var currentFile: String?? = .none
        for finding in sortedFindings {
            if currentFile != .some(finding.file) {
                currentFile = .some(finding.file)
                out += "\n\(finding.file ?? "campaign")\n"
            }
            let place = finding.line > 0 ? "\(finding.line):\(finding.column)" : "-"
            var line = "  \(place.padding(toLength: 8, withPad: " ", startingAt: 0)) "
            line += finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            line += " \(finding.message)  [\(finding.rule)]"
            if !finding.segments.isEmpty {
                line += "  (\(finding.segments.count == 1 ? "segment" : "segments"): \(finding.segments.joined(separator: ", ")))"
            }
            out += line + "\n"
            if let help = finding.help { out += "            help: \(help)\n" }
        }
        out += "\nvariants (\(mode == "every" ? "every message validated" : "one validation per structural variant"))\n"
        for v in variants {
            guard let id = v.recipientID else {
                out += "  \(v.segment): no sample\n"
                continue
            }
            let size = v.encodedSize.map { String(format: "%.1f KB", Double($0) / 1024) } ?? "-"
            out += "  \(v.segment): \(id) (\(v.source ?? "")) variant \(v.variant ?? "-"), \(size)"
            if let subject = v.subject { out += ", subject \"\(subject)\"" }
            out += "\n"
        }
        if !gaps.isEmpty {
            out += "\ndata contract (\(profiles ?? "profiles"))\n"
            for gap in gaps {
                let examples = gap.exampleLines.map(String.init).joined(separator: ", ")
                out += "  \(gap.segment): \(gap.missing) of \(gap.recipients) lack '\(gap.attribute)' (lines \(examples))\n"
            }
        }
        if !largestRecipients.isEmpty {
            let kb = { (n: Int) in String(format: "%.1f KB", Double(n) / 1024) }
            out += "\nlargest messages (quoted-printable HTML; budget \(kb(sizeBudget)), Gmail clips at \(kb(clipLimit)))\n"
            for e in largestRecipients {
                out += "  \(e.recipientID) (\(e.segment ?? "-"), variant \(e.variant)): \(kb(e.encodedSize))\n"
            }
        }
        out += "\n\(count(.error)) errors, \(count(.warning)) warnings, \(count(.notice)) notices; "
        out += "\(variants.count) variants, \(messages) messages rendered, \(validations) bodies validated"
        out += String(format: " (%.3f s) in %.2f s\n", validationSeconds, seconds)
        return out
    }
}
