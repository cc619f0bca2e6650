import TailorData
import TailorTemplate

extension SegmentsFile {
    /// The segments of a campaign that has no segments file: none, so every
    /// recipient is in the default segment unless its profile names its own.
    /// A file that is there must define at least one segment; a campaign
    /// without one (a newsletter, a receipt) is a campaign all the same, for
    /// `render`, `check`, `preview` and `serve` alike.
    public static func none(campaignPath: String, now: Int) -> SegmentsFile {
        let environment = Environment()
        DateGlobals(now: now).register(in: environment)
        return SegmentsFile(
            path: "\(campaignPath) (no segments file)", now: now, defaultSegment: "default", reportBy: nil, rfm: nil,
            segments: [], priorityOrder: [], evaluationOrder: [], environment: environment)
    }
}
