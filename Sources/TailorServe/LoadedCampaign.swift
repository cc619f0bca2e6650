import Foundation
import TailorBatch
import TailorCampaign
import TailorConfig
import TailorData
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// One campaign ready to serve: its templates compiled, its segments file
/// read, the population statistics its RFM and `top_percent` segments need,
/// and its catalog for `recommend`.
///
/// A triggered request brings one recipient, and one recipient has no
/// quintiles or percentiles. So the population is read once, when the
/// campaign loads, from the campaign's `data.profiles` (and `data.events`),
/// exactly as `tailor render` reads it, and every request is scored against
/// those cuts: a recipient gets the segment a batch send would give them.
/// Without a profiles file the population segments cannot match (an
/// `rfm_score` is 1 everywhere, `top_percent` segments stay empty); the
/// campaign says so in ``populationNote`` and in `GET /v1/campaigns`.
///
/// Like a batch send, templates and segment rules see `now` as the campaign's
/// `send_date` when set; otherwise as the time this campaign was compiled
/// (a reload moves it on).
final class LoadedCampaign: Sendable {
    let name: String
    let folder: String
    let templates: CampaignTemplates
    /// `recommend` for the campaign's `data.catalog`, as in a batch send; the
    /// request's events are the recipient's history.
    let recommender: Recommender?
    let assigner: SegmentAssigner
    /// The id and email columns the profile in a request is read with.
    let format: ProfileFormat
    /// Segments a request may assign (`external:` in `segments.yml`).
    let externalSegments: Set<String>
    /// Why population segments are off, or nil when they are on.
    let populationNote: String?
    let compiledAt: Date

    /// Loads `folder/campaign.yml`, compiles its templates and prepares its segments.
    init(folder: String) throws {
        let campaign = try Campaign.load(folder: folder)
        let clock = Int(Date().timeIntervalSince1970)
        let now = campaign.sendDate ?? clock
        let setup = try CampaignSetup(campaign, now: now)
        let recommender = setup.recommender
        self.recommender = recommender
        templates = setup.templates
        // Fails here, at load, for a bad From or Reply-To: not on every request.
        _ = try RecipientRenderer(
            templates: templates, sendID: "\(campaign.name)-check", sendDate: Date(), recommender: recommender)
        name = campaign.name
        self.folder = folder
        compiledAt = Date()
        format = ProfileFormat(idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn)

        let file: SegmentsFile
        if let path = campaign.data.segments {
            file = try SegmentsFile.load(path: path, now: now)
        } else {
            file = SegmentsFile.none(campaignPath: campaign.path, now: now)
        }
        externalSegments = Set(file.segments.filter { $0.externalFile != nil }.map(\.name))
        let needsPopulation = file.rfm != nil || file.segments.contains { $0.topPercent != nil }
        if let profiles = campaign.data.profiles, FileManager.default.fileExists(atPath: profiles) {
            let run = SegmentRun(profiles: profiles, events: campaign.data.events, segments: file, format: format)
            assigner = try run.prepare()
            populationNote = nil
        } else {
            assigner = SegmentAssigner(file: file, statistics: PopulationStatistics())
            populationNote = needsPopulation
                ? "no profiles file (data.profiles) to score RFM and top_percent segments against: they do not match"
                : nil
        }
    }

    /// A renderer whose Message-IDs derive from `sendID` and whose Date is `sendDate`.
    func renderer(sendID: String, sendDate: Date) throws -> RecipientRenderer {
        try RecipientRenderer(templates: templates, sendID: sendID, sendDate: sendDate, recommender: recommender)
    }
}
