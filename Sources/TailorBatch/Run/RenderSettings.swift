public import Foundation
public import TailorHTML
public import TailorMIME

/// What one `tailor render` run does: which campaign, which inputs (each
/// overriding the campaign's `data:` setting), which part of the send, which
/// output and delivery.
public struct RenderSettings: Sendable {
    /// The campaign folder, holding `campaign.yml`.
    public var campaignFolder: String
    public var profiles: String?
    public var events: String?
    public var segments: String?
    /// The product catalog for recommendations (passed through to the
    /// recommendation step; recorded in the run file).
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
    /// Recipients handed to a rendering thread at a time; with ``jobs`` it
    /// bounds how many messages are in memory (see ``maxChunksInFlight``).
    public var batchSize = 64
    /// The part of the send this run renders (default: all of it).
    public var shard: Shard = .whole
    /// Continue an interrupted run in the same output folder: recipients its
    /// manifest records as done (with their files complete) are not rendered again.
    public var resume = false
    /// Which rendered HTML bodies are validated (see ``ValidationMode``).
    public var validate: ValidationMode = .variant
    /// Rules of other passes that the campaign's `validation.yml` may name
    /// (`tailor check`'s), so a file written for the check loads here too.
    public var extraValidationRules: [Rule] = []
    /// Let messages show template syntax (`{{`, `{%`, ...) from their data or
    /// templates: turns off the ``TemplateSyntaxGuard`` and the validator's
    /// `template-syntax` rule, for an ESP that fills its own merge tags.
    public var allowTemplateSyntax = false

    public init(campaignFolder: String) {
        self.campaignFolder = campaignFolder
    }

    /// Chunks read ahead of the writer at most: rendering threads stay busy
    /// while memory stays bounded by this many times ``batchSize`` messages.
    public var maxChunksInFlight: Int { 4 * max(1, jobs) + 2 }
}
