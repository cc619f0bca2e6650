/// What a campaign changes about validation: rules turned off or to another
/// severity, and the size limits. Read from `validation.yml` in the campaign
/// folder (see ``load(campaignFolder:)``); the defaults apply without one.
public struct ValidationPolicy: Sendable, Equatable {
    /// Rule id to severity; nil turns the rule off.
    public var overrides: [String: Severity?] = [:]
    /// Where Gmail clips a message: about 102 KB of encoded HTML.
    public var clipLimit = 102 * 1024
    /// The budget the encoded HTML should stay under: 90 KB by default, which
    /// leaves about 12 KB for the ESP's click-tracking rewrite of every link
    /// (around 60-100 bytes more per URL) and its open pixel.
    public var sizeBudget = 90 * 1024
    /// Bytes of CSS in one `<style>` over which Gmail drops the block.
    public var styleLimit = 16 * 1024

    public init() {}

    /// The severity `rule` reports at; nil when it is off.
    public func severity(of rule: Rule) -> Severity? {
        if let override = overrides[rule.id] { return override }
        return rule.severity
    }
}
