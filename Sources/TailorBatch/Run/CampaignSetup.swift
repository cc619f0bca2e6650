public import TailorCampaign
public import TailorRecommendations

/// A campaign's templates compiled with its recommendations registered: what
/// a send, a check, a preview and the render service all start from.
public struct CampaignSetup: Sendable {
    public let templates: CampaignTemplates
    /// Nil when the campaign has no catalog.
    public let recommender: Recommender?

    /// Loads the catalog (`catalog`, else the campaign's `data.catalog`) with the
    /// purchase indexes from `events` (else `data.events`), and compiles the
    /// campaign's templates with `recommend` registered.
    public init(_ campaign: Campaign, now: Int, catalog: String? = nil, events: String? = nil) throws {
        let recommender = try (catalog ?? campaign.data.catalog).map { path in
            try Recommender.load(catalog: path, events: events ?? campaign.data.events, idColumn: campaign.data.idColumn)
        }
        self.recommender = recommender
        templates = try CampaignTemplates.compile(campaign, now: now, environmentSetup: { recommender?.register(in: $0) })
    }
}
