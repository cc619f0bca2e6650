/// What one `tailor preview` does: which campaign, for whom, and where the
/// gallery goes.
public struct PreviewSettings: Sendable {
    /// The campaign folder, holding `campaign.yml`.
    public var campaignFolder: String
    /// Preview only what this recipient gets.
    public var recipient: String?
    /// Where the gallery goes; default `out/preview/<campaign name>`.
    public var outDirectory: String?
    /// The fixtures file; default `previews.yml` beside the segments file, when present.
    public var fixtures: String?

    public init(campaignFolder: String, recipient: String? = nil, outDirectory: String? = nil) {
        self.campaignFolder = campaignFolder
        self.recipient = recipient
        self.outDirectory = outDirectory
    }
}
