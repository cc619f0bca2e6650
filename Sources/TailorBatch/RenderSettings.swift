public import Foundation
public import TailorMIME

/// What one `tailor render` run does: which campaign, which inputs (each
/// overriding the campaign's `data:` setting), which output and delivery.
public struct RenderSettings: Sendable {
    /// The campaign folder, holding `campaign.yml`.
    public var campaignFolder: String
    public var profiles: String?
    public var events: String?
    public var segments: String?
    /// The product catalog for recommendation blocks (default: the campaign's data.catalog).
    public var catalog: String?
    /// Where output goes; default `out/<campaign name>`.
    public var outDirectory: String?
    public var format: OutputFormat = .eml
    /// JSONL: add `raw`, the whole message.
    public var includeRaw = false
    /// Rendering threads.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Submit the messages to this SMTP server instead of only writing them.
    public var deliver: SMTPConfiguration?
    /// Overrides the campaign's `send_date` (seconds since the epoch).
    public var sendDate: Int?
    /// Recipients rendered between two writes; bounds memory.
    public var batchSize = 256

    public init(campaignFolder: String) {
        self.campaignFolder = campaignFolder
    }
}
