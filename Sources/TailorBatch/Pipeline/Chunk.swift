import TailorData
import TailorMIME
import TailorSegments

/// A run of consecutive recipients of one shard, numbered in input order,
/// handed from the reader to a rendering thread and on to the writer.
struct Chunk: Sendable {
    /// Input order: the writer takes chunks by this number.
    let sequence: Int
    var items: [Item] = []
    /// The input line of the last item, for the progress line.
    var lastLine = 0

    /// One row of the input.
    enum Item: Sendable {
        /// To render.
        case recipient(Profile, Assignment)
        /// An input row that is not a recipient: fails with its reason.
        case bad(BadRow)
        /// Done by the interrupted run this one resumes: its manifest line.
        case resumed(ManifestEntry)
    }
}

/// A chunk's outcomes, in the chunk's order.
struct RenderedChunk: Sendable {
    let sequence: Int
    var results: [Result]
    var lastLine: Int

    enum Result: Sendable {
        case outcome(RenderedRecipient)
        case resumed(ManifestEntry)
    }
}
