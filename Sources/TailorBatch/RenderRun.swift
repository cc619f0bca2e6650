public import Foundation
public import TailorCampaign
import TailorConfig
import TailorData
public import TailorMIME
import TailorSegments
import TailorRecommendations
import TailorTemplate

/// One send: profiles stream in, segments are assigned, each recipient's
/// message is rendered (on `jobs` threads, in batches that bound memory) and
/// written in input order, and every recipient gets a manifest line.
///
/// ```swift
/// var settings = RenderSettings(campaignFolder: "templates/spring_sale")
/// settings.format = .mbox
/// let summary = try RenderRun(settings).run()
/// print(summary.line)
/// ```
public final class RenderRun {
    public let settings: RenderSettings
    public let campaign: Campaign
    public let templates: CampaignTemplates
    public let outDirectory: URL
    let renderer: RecipientRenderer
    let segmentRun: SegmentRun

    /// Loads and compiles everything a send needs; any error here stops the
    /// run before a single message is written.
    public init(_ settings: RenderSettings) throws {
        self.settings = settings
        let campaign = try Campaign.load(folder: settings.campaignFolder)
        self.campaign = campaign
        let sendSeconds = settings.sendDate ?? campaign.sendDate ?? Int(Date().timeIntervalSince1970)
        let recommender = try (settings.catalog ?? campaign.data.catalog).map { catalog in
            try Recommender.load(
                catalog: catalog, events: settings.events ?? campaign.data.events, idColumn: campaign.data.idColumn)
        }
        templates = try CampaignTemplates.compile(
            campaign, now: sendSeconds, environmentSetup: { env in recommender?.register(in: env) })
        outDirectory = URL(fileURLWithPath: settings.outDirectory ?? "out/\(campaign.name)")
        let sendDate = Date(timeIntervalSince1970: TimeInterval(sendSeconds))
        renderer = try RecipientRenderer(
            templates: templates, sendID: "\(campaign.name)-\(sendSeconds)", sendDate: sendDate, recommender: recommender)

        guard let profiles = settings.profiles ?? campaign.data.profiles else {
            throw RenderSetupError("\(campaign.path): no profiles: set data.profiles or pass --profiles")
        }
        let segmentsFile: SegmentsFile
        if let path = settings.segments ?? campaign.data.segments {
            segmentsFile = try SegmentsFile.load(path: path, now: sendSeconds)
        } else {
            // No segments file: everyone is in the default segment.
            segmentsFile = try SegmentsFile.load(
                document: YAMLDocument(text: "segments: {}", path: "\(campaign.path) (no segments file)"), now: sendSeconds)
        }
        segmentRun = SegmentRun(
            profiles: profiles, events: settings.events ?? campaign.data.events, segments: segmentsFile,
            format: ProfileFormat(idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn))
    }

    /// Renders every recipient; `progress` sees the running totals after each batch.
    public func run(progress: ((RenderSummary) -> Void)? = nil) throws -> RenderSummary {
        let started = Date()
        let assigner = try segmentRun.prepare()
        var options = OutputOptions()
        options.includeRaw = settings.includeRaw
        let writer = try settings.format.makeWriter(directory: outDirectory, options: options)
        let manifest = try ManifestWriter(directory: outDirectory)
        let pool = RenderPool(threads: max(1, settings.jobs))
        var summary = RenderSummary(campaign: campaign.name, outDirectory: outDirectory.path)

        var batch: [RecipientOutcome] = []
        batch.reserveCapacity(settings.batchSize)
        func flush() throws {
            guard !batch.isEmpty else { return }
            let inputs = batch
            batch.removeAll(keepingCapacity: true)
            let outcomes = pool.map(inputs.count) { i -> RenderOutcome in
                switch inputs[i] {
                case .assigned(let profile, let assignment): return self.renderer.render(profile, assignment)
                case .bad(let row):
                    return .failed(recipientID: row.recipientId ?? "", segment: nil, reason: row.description)
                }
            }
            try write(outcomes, writer: writer, manifest: manifest, summary: &summary)
            summary.seconds = Date().timeIntervalSince(started)
            progress?(summary)
        }
        let totals = try segmentRun.assignEach(assigner) { outcome in
            batch.append(outcome)
            if batch.count >= settings.batchSize { try flush() }
        }
        try flush()
        try writer.finish()
        try manifest.finish()
        summary.badRows = totals.badRows.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes a batch in input order, delivering it first when asked, and
    /// records each recipient in the manifest.
    private func write(
        _ outcomes: [RenderOutcome], writer: any MessageWriter, manifest: ManifestWriter, summary: inout RenderSummary
    ) throws {
        var delivery: [String: DeliveryOutcome] = [:]
        if let smtp = settings.deliver {
            let envelopes = outcomes.compactMap { outcome -> SMTPEnvelope? in
                if case .rendered(let message, _) = outcome { return SMTPEnvelope(message) }
                return nil
            }
            for result in SMTPDelivery(configuration: smtp).deliver(envelopes) {
                delivery[result.recipientID] = result
            }
        }
        for outcome in outcomes {
            var entry: ManifestEntry
            switch outcome {
            case .rendered(let message, let segment):
                do {
                    let file = try writer.write(message)
                    entry = .rendered(message, file: file, segment: segment)
                    if let result = delivery[message.recipientID] {
                        entry.status = result.status
                        entry.attempts = result.attempts
                        entry.smtpReply = result.reply
                        if !result.delivered { entry.reason = result.reply }
                    }
                } catch {
                    entry = ManifestEntry(
                        recipientID: message.recipientID, status: .failed, segment: segment, reason: "\(error)")
                }
            case .skipped(let id, let segment, let reason):
                entry = ManifestEntry(recipientID: id, status: .skipped, segment: segment, reason: reason)
            case .failed(let id, let segment, let reason):
                entry = ManifestEntry(recipientID: id, status: .failed, segment: segment, reason: reason)
            }
            try manifest.append(entry)
            summary.count(entry)
        }
    }
}
