import Foundation
public import TailorCampaign
import TailorBatch
import TailorConfig
import TailorData
import TailorHTML
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// `tailor check`: whether a campaign is ready to send.
///
/// For each segment variant (the segments of the segments file, the default,
/// and any segment a template compares with) it takes a sample recipient from
/// the profiles, or a fixture from `previews.yml`, then compiles the
/// templates with strict undefined, renders, validates the HTML (findings
/// placed at template lines), and builds the MIME message to check the
/// subject, headers and size. Statically, it reports variables nothing
/// provides, and over the whole profiles file, how many recipients of each
/// variant lack an attribute that variant needs.
///
/// ```swift
/// let report = try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
/// print(report.text)
/// if report.hasErrors { exit(1) }
/// ```
public final class CampaignCheck {
    public let settings: CheckSettings
    public let campaign: Campaign
    let files: TemplateFiles
    let policy: ValidationPolicy
    let validator: Validator
    let ledger = SizeLedger(keep: 5)
    var report: CheckReport
    /// Variant to findings, so a variant two segments share is validated once.
    var validated: [String: [Finding]] = [:]
    /// With --validate every: message failures by reason, the recipients that had them.
    var failures: [String: [(id: String, line: Int, segment: String)]] = [:]

    /// Loads the campaign and its `validation.yml`; throws ``ConfigError`` when either is wrong.
    public init(_ settings: CheckSettings) throws {
        self.settings = settings
        campaign = try Campaign.load(folder: settings.campaignFolder)
        files = TemplateFiles(campaign: campaign)
        policy = try ValidationPolicy.load(campaignFolder: settings.campaignFolder, extraRules: CheckRules.all)
        validator = Validator(policy: policy)
        report = CheckReport(campaign: campaign.name, folder: settings.campaignFolder)
        report.mode = settings.validateEvery ? "every" : "variant"
        report.clipLimit = policy.clipLimit
        report.sizeBudget = policy.sizeBudget
    }

    /// Runs every check. Throws only when an input cannot be used at all (a
    /// segments or profiles file that cannot be read); template errors are findings.
    public func run() throws -> CheckReport {
        let started = Date()
        try checkAll()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func checkAll() throws {
        var strict = campaign
        strict.undefined = .strict
        let sendSeconds = settings.sendDate ?? campaign.sendDate ?? Int(Date().timeIntervalSince1970)
        let setup: CampaignSetup
        do {
            setup = try CampaignSetup(strict, now: sendSeconds, catalog: settings.catalog, events: settings.events)
        } catch let error as TemplateError {
            add(error, segment: nil)
            return
        } catch let error as ConfigError {
            add(CheckFinding(rule: CheckRules.templateError, message: error.message, help: error.help, file: error.file,
                             line: error.line, column: error.column), segment: nil)
            return
        }
        let templates = setup.templates
        let recommender = setup.recommender
        let analysis = try Analysis(templates)
        let segmentsFile = try loadSegments(now: sendSeconds)
        checkSegmentNames(analysis, segmentsFile)

        var renderer: RecipientRenderer?
        do {
            renderer = try RecipientRenderer(
                templates: templates, sendID: "\(campaign.name)-check",
                sendDate: Date(timeIntervalSince1970: TimeInterval(sendSeconds)), recommender: recommender)
        } catch {
            add(CheckFinding(rule: CheckRules.messageError, message: "\(error)", file: campaign.path), segment: nil)
        }
        let sampler = Sampler(templates: templates, renderer: renderer, analysis: analysis, recommender: recommender)

        guard let profilesPath = settings.profiles ?? campaign.data.profiles else {
            add(CheckFinding(rule: CheckRules.noSample, message: "no profiles (data.profiles or --profiles): no variant is rendered",
                             file: campaign.path), segment: nil)
            return
        }
        let profiles = Self.tidy(profilesPath)
        report.profiles = profiles
        let format = ProfileFormat(idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn)
        checkVariables(analysis, columns: try ProfileReader(path: profiles, format: format).columns, segmentsFile)

        // One pass over the profiles: samples, the data contract, and with
        // --validate every, each recipient's message.
        let run = SegmentRun(profiles: profiles, events: settings.events ?? campaign.data.events, segments: segmentsFile, format: format)
        let assigner = try run.prepare()
        var contract = DataContract(attributes: analysis.variables)
        var primary: [String: (Profile, Assignment)] = [:]
        var member: [String: (Profile, Assignment)] = [:]
        _ = try run.assignEach(assigner) { outcome in
            guard case .assigned(let profile, let assignment) = outcome else { return }
            if primary[assignment.segment] == nil { primary[assignment.segment] = (profile, assignment) }
            for s in assignment.segments where member[s] == nil { member[s] = (profile, assignment) }
            contract.observe(segment: assignment.segment, context: assignment.context, line: profile.line)
            if settings.validateEvery { _ = check(sampler, profile, assignment, as: assignment.segment, every: true) }
        }

        let fixtures = try PreviewFixtures.load(path: previewsPath(segmentsFile), template: primary.values.first?.1)
        var names = segmentsFile.namesByPriority + [segmentsFile.defaultSegment]
        names += analysis.segments.filter { !names.contains($0) }
        for name in names {
            var variant = CheckReport.Variant(segment: name)
            if let (profile, assignment) = primary[name] ?? member[name] {
                variant = check(sampler, profile, assignment, as: name, every: false)
                variant.source = "\(profiles):\(profile.line)" + (primary[name] == nil ? " (a member; primary '\(assignment.segment)')" : "")
            } else if let fixture = fixtures.recipients[name] {
                variant = check(sampler, fixture.profile, fixture.assignment, as: name, every: false)
                variant.source = fixtures.path
            } else {
                add(CheckFinding(
                    rule: CheckRules.noSample, message: "no recipient of segment '\(name)' in \(profiles): its variant is not checked",
                    help: "add a fixture for '\(name)' to \(previewsPath(segmentsFile))", file: profiles), segment: nil)
            }
            if primary[name] != nil {
                for gap in contract.gaps(segment: name, needs: variant.needs) {
                    report.gaps.append(gap)
                    let lines = gap.exampleLines.map(String.init).joined(separator: ", ")
                    add(CheckFinding(
                        rule: CheckRules.missingData,
                        message: "\(gap.missing) of \(gap.recipients) recipients of '\(name)' lack '\(gap.attribute)', which their variant needs (lines \(lines))",
                        help: "fill the column, or write {{ \(gap.attribute)|default(...) }} in the template",
                        file: profiles, line: gap.exampleLines.first ?? 0, column: 1), segment: name)
                }
            }
            report.variants.append(variant)
        }
        for (reason, recipients) in failures.sorted(by: { $0.key < $1.key }) {
            let examples = recipients.prefix(3).map { "\($0.id) on line \($0.line)" }.joined(separator: ", ")
            let finding = CheckFinding(
                rule: CheckRules.recipientFails,
                message: "\(recipients.count == 1 ? "1 recipient fails" : "\(recipients.count) recipients fail"): \(reason) (\(examples))",
                help: "the send skips them and lists them in the manifest; fix the data to include them",
                file: profiles, line: recipients[0].line, column: 1)
            for recipient in recipients { add(finding, segment: recipient.segment) }
        }
        report.largestRecipients = ledger.largestRecipients
        report.largestVariants = ledger.largestByVariant
    }

    /// `templates/spring_sale/../../data/x.csv` → `data/x.csv`: paths as a reader would write them.
    static func tidy(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." , let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." || parts.isEmpty {
                parts.append(part)
            }
        }
        let out = parts.joined(separator: "/")
        return out.isEmpty ? "." : out
    }

    private func loadSegments(now: Int) throws -> SegmentsFile {
        if let path = settings.segments ?? campaign.data.segments { return try SegmentsFile.load(path: path, now: now) }
        return SegmentsFile.none(campaignPath: campaign.path, now: now)
    }

    private func previewsPath(_ segments: SegmentsFile) -> String {
        Self.tidy(
            settings.previews ?? ((segments.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("previews.yml"))
    }

    // MARK: Findings

    /// Adds a finding at the campaign's severity for its rule (nothing when the rule is off).
    func add(_ finding: CheckFinding, segment: String?) {
        guard let rule = (Rule.all + CheckRules.all).first(where: { $0.id == finding.rule }),
            let severity = policy.severity(of: rule)
        else { return }
        var adjusted = finding
        adjusted.severity = severity
        report.add(adjusted, segment: segment)
    }

    /// A template error, at its template file and line.
    func add(_ error: TemplateError, segment: String?) {
        var finding = CheckFinding(rule: CheckRules.templateError, message: error.message, help: error.help, file: campaign.path)
        if let name = error.templateName {
            let (path, lineOffset) = files.file(of: name)
            finding.file = path
            if error.hasLocation {
                finding.line = error.line + lineOffset
                finding.column = error.column
            }
        }
        add(finding, segment: segment)
    }

    /// A validation finding, at the template line that wrote it.
    func add(_ finding: Finding, segment: String) {
        var out = CheckFinding(rule: CheckRules.templateError, message: finding.message, help: finding.help, file: files.file(of: campaign.html).path)
        out.rule = finding.rule
        if let location = finding.location {
            (out.file, out.line, out.column) = (files.file(of: location.template).path, location.line, location.column)
        }
        report.add(CheckFinding(copying: out, severity: finding.severity), segment: segment)
    }
}

extension CheckFinding {
    init(rule: Rule, message: String, help: String? = nil, file: String?, line: Int = 0, column: Int = 0) {
        self.init(rule: rule, severity: rule.severity, message: message, help: help, file: file, line: line, column: column)
    }

    init(copying other: CheckFinding, severity: Severity) {
        self = other
        self.severity = severity
    }
}
