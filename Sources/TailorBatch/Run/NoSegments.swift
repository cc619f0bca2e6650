import TailorConfig
import TailorSegments

/// The segments of a campaign without a segments file: none, so every
/// recipient is in the default segment unless the profile gives its own
/// (see ``GivenSegments``).
enum NoSegments {
    /// A segments file whose only segment can never match. `SegmentsFile`
    /// insists on at least one segment; this one is a placeholder no
    /// recipient joins, so assignments hold only the default segment.
    static func file(campaignPath: String, now: Int) throws -> SegmentsFile {
        let text = """
            segments:
              _no_segments_file: {rule: "false"}
            """
        return try SegmentsFile.load(document: YAMLDocument(text: text, path: "\(campaignPath) (no segments file)"), now: now)
    }
}
