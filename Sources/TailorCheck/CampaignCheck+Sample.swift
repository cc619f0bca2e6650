import Foundation
import TailorBatch
import TailorCampaign
import TailorData
import TailorHTML
import TailorMIME
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// The compiled campaign, shared by every sample.
struct Sampler {
    let templates: CampaignTemplates
    let renderer: RecipientRenderer?
    let analysis: Analysis
    /// Picks for `{% recommend %}` blocks, when the campaign has a catalog.
    let recommender: Recommender?
}

extension CampaignCheck {
    /// Renders, validates and builds one recipient's message, reporting under
    /// `segment`. With `every` (the `--validate every` pass) it validates the
    /// body whatever its variant and skips the needs analysis.
    func check(_ sampler: Sampler, _ profile: Profile, _ assignment: Assignment, as segment: String, every: Bool)
        -> CheckReport.Variant
    {
        var summary = CheckReport.Variant(segment: segment, recipientID: profile.id)
        var context = assignment.context
        sampler.recommender?.attachSession(to: &context, idKey: sampler.templates.campaign.data.idColumn)
        do {
            context["unsubscribe_url"] = .string(
                try sampler.templates.unsubscribeURL.render(context).trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let error as TemplateError {
            add(error, segment: segment)
            return summary
        } catch {}
        let url = context["unsubscribe_url"].flatMap { if case .string(let s) = $0 { s } else { nil } }

        // The body as the template writes it, recorded, then validated.
        let recorder = RenderRecorder()
        var html: [UInt8] = []
        var rendered = true
        do {
            try sampler.templates.html.render(context, into: &html, recorder: recorder)
        } catch let error as TemplateError {
            rendered = false
            if error.kind != .skipped { add(error, segment: segment) }
        } catch {
            rendered = false
        }
        if rendered {
            summary.variant = recorder.variant
            let findings: [Finding]
            if !every, let known = validated[recorder.variant] {
                findings = known
            } else {
                let started = DispatchTime.now().uptimeNanoseconds
                findings = validator.validate(html: html, recorder: recorder, unsubscribeURL: url)
                report.validationSeconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                report.validations += 1
                if !every { validated[recorder.variant] = findings }
            }
            for finding in findings { add(finding, segment: segment) }
        }
        if !every { summary.needs = needs(sampler, context) }

        // The message as sent: subject, headers, size.
        guard let renderer = sampler.renderer else { return summary }
        report.messages += 1
        switch renderer.render(profile, assignment) {
        case .rendered(let message, _):
            summary.subject = message.subject
            checkSubject(message.subject, segment: segment)
            let size = SizeBudgetCheck.encodedSize(ofMessage: message.bytes, html: message.html)
            summary.encodedSize = size
            ledger.record(recipientID: profile.id, variant: summary.variant ?? "-", segment: segment, encodedSize: size)
            if let finding = SizeBudgetCheck.check(encodedSize: size, policy: policy) {
                add(CheckFinding(
                    rule: Rule.named(finding.rule)!, severity: finding.severity,
                    message: "\(finding.message) (recipient \(profile.id))", help: finding.help,
                    file: files.file(of: campaign.html).path), segment: segment)
            }
        case .failed(_, _, let reason):
            // A body that failed to render is already reported at its template line.
            if rendered, every {
                failures[reason, default: []].append((profile.id, profile.line, segment))
            } else if rendered {
                add(CheckFinding(rule: CheckRules.messageError, message: reason, file: campaign.path), segment: segment)
            }
        case .skipped:
            break
        }
        return summary
    }

    /// The subject: not empty, no template syntax, short enough to read.
    func checkSubject(_ subject: String, segment: String) {
        let line = campaign.subject.line
        if subject.trimmingCharacters(in: .whitespaces).isEmpty {
            add(CheckFinding(rule: CheckRules.subject, message: "the subject is empty", file: campaign.path, line: line, column: 1),
                segment: segment)
        } else if ["{{", "{%", "{#"].contains(where: subject.contains) {
            add(CheckFinding(
                rule: CheckRules.subject, message: "template syntax left in the subject: \"\(subject)\"", file: campaign.path,
                line: line, column: 1), segment: segment)
        } else if subject.count > 78 {
            add(CheckFinding(
                rule: CheckRules.subjectLength, message: "the subject is \(subject.count) characters; inboxes show 40 to 78",
                file: campaign.path, line: line, column: 1), segment: segment)
        }
    }

    /// The attributes this recipient's path cannot do without: each one the
    /// templates read is taken away in turn, and the ones whose absence fails
    /// a strict render are needed. Only what this variant reaches counts, so
    /// `cart` is needed by the abandoned-cart variant and by no other.
    func needs(_ sampler: Sampler, _ context: [String: Value]) -> [String] {
        let templates = sampler.templates
        // Only templates that render with everything count: a failure without
        // an attribute must be that attribute's doing.
        let bodies = [templates.html, templates.text, templates.subject, templates.preheader].compactMap { $0 }.filter {
            var scratch: [UInt8] = []
            return (try? $0.render(context, into: &scratch)) != nil
        }
        var needed: [String] = []
        for name in sampler.analysis.variables.sorted() where context[name] != nil {
            var without = context
            without[name] = nil
            for template in bodies {
                var scratch: [UInt8] = []
                do {
                    try template.render(without, into: &scratch)
                } catch let error as TemplateError where error.kind == .undefined {
                    needed.append(name)
                    break
                } catch {}
            }
        }
        return needed
    }
}
