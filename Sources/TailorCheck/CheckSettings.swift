/// What one `tailor check` looks at: the campaign, and inputs overriding its
/// `data:` settings.
public struct CheckSettings: Sendable {
    /// The campaign folder, holding `campaign.yml`.
    public var campaignFolder: String
    public var profiles: String?
    public var events: String?
    /// The product catalog for recommendation blocks (default: the campaign's data.catalog).
    public var catalog: String?
    public var segments: String?
    /// Fixtures for segments the profiles lack; default `previews.yml` beside the segments file.
    public var previews: String?
    /// Validate every recipient's message rather than one sample per segment.
    public var validateEvery = false
    /// The send date (seconds since the epoch); default the campaign's `send_date`, else now.
    public var sendDate: Int?

    public init(campaignFolder: String) {
        self.campaignFolder = campaignFolder
    }
}
