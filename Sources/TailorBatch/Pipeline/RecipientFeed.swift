import Foundation
import TailorData
import TailorMIME
import TailorSegments

/// The reading end of a run, on its own thread: assigns each input row
/// (``SegmentRun/assignEach(_:_:)``), fingerprints it, keeps this shard's
/// rows, replays the rows a resumed run already did from its manifest, and
/// hands the rest on in chunks, never more than the ``InFlightLimit`` allows.
final class RecipientFeed: @unchecked Sendable {
    private let segmentRun: SegmentRun
    private let assigner: SegmentAssigner
    private let shard: Shard
    private let resume: ResumePoint
    private let journalPath: String
    private let chunkSize: Int
    private let limit: InFlightLimit
    private let queue: BoundedQueue<Chunk>

    // Read by the run once the feed is done.
    private(set) var input = RecipientDigest()
    private(set) var shardInput = RecipientDigest()
    private(set) var totals: RunTotals?
    private(set) var failure: (any Error)?

    init(
        segmentRun: SegmentRun, assigner: SegmentAssigner, shard: Shard, resume: ResumePoint, journalPath: String,
        chunkSize: Int, limit: InFlightLimit, queue: BoundedQueue<Chunk>
    ) {
        self.segmentRun = segmentRun
        self.assigner = assigner
        self.shard = shard
        self.resume = resume
        self.journalPath = journalPath
        self.chunkSize = max(1, chunkSize)
        self.limit = limit
        self.queue = queue
    }

    /// Reads the whole input; closes the queue when done, failed or cancelled.
    func run() {
        defer { queue.close() }
        do {
            var replay = resume.recipients > 0 ? LineReader(path: journalPath) : nil
            var replayed = 0
            var sequence = 0
            var chunk = Chunk(sequence: 0)
            chunk.items.reserveCapacity(chunkSize)
            func emit() throws {
                guard limit.acquire(), queue.push(chunk) else { throw RenderInterrupted() }
                sequence += 1
                chunk = Chunk(sequence: sequence)
                chunk.items.reserveCapacity(chunkSize)
            }
            totals = try segmentRun.assignEach(assigner) { outcome in
                let id: String
                let line: Int
                switch outcome {
                case .assigned(let profile, _): (id, line) = (profile.id, profile.line)
                case .bad(let row): (id, line) = (row.recipientId ?? "", row.line)
                }
                input.add(id)
                guard shard.contains(id) else { return }
                shardInput.add(id)
                if replayed < resume.recipients {
                    replayed += 1
                    chunk.items.append(.resumed(try Self.replayed(id, line: replayed, from: &replay, path: journalPath)))
                } else {
                    switch outcome {
                    case .assigned(let profile, let assignment): chunk.items.append(.recipient(profile, assignment))
                    case .bad(let row): chunk.items.append(.bad(row))
                    }
                }
                chunk.lastLine = line
                if chunk.items.count >= chunkSize { try emit() }
            }
            if !chunk.items.isEmpty { try emit() }
            if replayed < resume.recipients {
                throw ResumeError(
                    "the manifest of the interrupted run records \(resume.recipients) recipients but the input now "
                        + "has \(replayed) for this shard: the inputs changed; render again without --resume")
            }
        } catch {
            failure = error
        }
    }

    /// The interrupted run's manifest line for the next recipient, which must be `id`.
    private static func replayed(_ id: String, line: Int, from reader: inout LineReader?, path: String) throws
        -> ManifestEntry
    {
        guard let (bytes, _) = reader?.next(), let entry = ManifestLine.parse(bytes) else {
            throw ResumeError("\(path):\(line): cannot be read back")
        }
        guard entry.recipientID == id else {
            throw ResumeError(
                "\(path):\(line) is recipient '\(entry.recipientID)' but the input has '\(id)' there: the inputs "
                    + "changed since the interrupted run; render again without --resume, or into another --out")
        }
        return entry
    }
}

/// The run was stopped (``RenderRun/cancel()``) before it completed; its
/// output folder can be resumed.
public struct RenderInterrupted: Error, Sendable, CustomStringConvertible {
    public var description: String { "the run was interrupted; run it again with --resume to finish it" }
}
