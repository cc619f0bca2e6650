public import Foundation

/// A campaign's previews: the variants, who lands in each, and when they were made.
public struct PreviewGallery: Sendable {
    /// The campaign's name, from `campaign.yml`.
    public var campaign: String
    /// The campaign folder.
    public var campaignFolder: String
    /// The default segment of the segments file.
    public var defaultSegment: String
    /// The segments the templates branch on, in the order they appear.
    public var branchedSegments: [String]
    /// The variants in gallery order: each branched segment, then the default
    /// (or the one named recipient's variant).
    public var variants: [PreviewVariant]
    public var coverage: PreviewCoverage
    /// Set when the gallery shows one named recipient.
    public var recipient: String?
    /// The profiles file read.
    public var profilesPath: String
    public var generated: Date

    /// Gmail clips a message whose source is over about 102 KB and hides the
    /// rest behind "[Message clipped]"; the limit is the encoded message
    /// (quoted-printable and headers included), not the template output.
    public static let gmailClipBytes = 102 * 1024
}
