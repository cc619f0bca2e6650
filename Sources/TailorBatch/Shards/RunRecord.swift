public import Foundation

/// `run.json` (or `run.shard-I-of-N.json`) beside a run's manifest: what was
/// rendered from which input, and the fingerprints that let
/// `tailor manifest verify` prove the shards of a send rendered every input
/// recipient exactly once.
///
/// ```json
/// {"campaign":"winter-sale-2026","complete":true,"format":"eml","manifest":"manifest.shard-1-of-4.jsonl",
///  "profiles":"data/contexts.jsonl","send_date":1768467600,"shard":{"count":4,"index":1},
///  "input":{"rows":10000,"sum":"…","sum2":"…"},"shard_input":{"rows":2491,"sum":"…","sum2":"…"},
///  "counts":{"rendered":2490,"failed":1},"resumed":0,"seconds":1.52,"validate":"variant",
///  "validation":{"bodies":7,"errors":0,"failed":0,"file":"validation.shard-1-of-4.jsonl","notices":0,"variants":7,"warnings":2}}
/// ```
///
/// It is written when the run starts (`complete: false`, no fingerprints) and
/// again, atomically, when it ends.
public struct RunRecord: Codable, Sendable, Equatable {
    /// A digest as stored: sums in hex, so JSON readers keep every bit.
    public struct Digest: Codable, Sendable, Equatable {
        public var rows: Int
        public var sum: String
        public var sum2: String

        public init(_ digest: RecipientDigest) {
            rows = digest.count
            sum = String(digest.sum, radix: 16)
            sum2 = String(digest.sum2, radix: 16)
        }

        /// The digest back; nil when the sums are not hex.
        public var digest: RecipientDigest? {
            guard let a = UInt64(sum, radix: 16), let b = UInt64(sum2, radix: 16) else { return nil }
            return RecipientDigest(count: rows, sum: a, sum2: b)
        }
    }

    public struct ShardPart: Codable, Sendable, Equatable {
        public var index: Int
        public var count: Int
    }

    public var campaign: String
    public var profiles: String
    public var format: String
    public var sendDate: Int
    public var shard: ShardPart
    public var manifest: String
    public var validate: String
    public var catalog: String?
    /// `--events` and `--segments` as given (nil for the campaign's own).
    public var events: String?
    public var segments: String?
    /// Whether the run finished; the fingerprints are there only then.
    public var complete = false
    /// Every row of the input, whichever shard it belongs to.
    public var input: Digest?
    /// The rows of this shard.
    public var shardInput: Digest?
    /// Manifest lines by status.
    public var counts: [String: Int]?
    /// Recipients taken over from an interrupted run's manifest.
    public var resumed: Int?
    public var seconds: Double?
    /// Set (true) when the run let template syntax through (`--allow-template-syntax`).
    public var allowTemplateSyntax: Bool?
    /// What validation found, unless `validate` is `off`.
    public var validation: ValidationTotals?

    enum CodingKeys: String, CodingKey {
        case campaign, profiles, format, shard, manifest, validate, catalog, events, segments, complete, input, counts
        case resumed, seconds
        case validation
        case sendDate = "send_date"
        case shardInput = "shard_input"
        case allowTemplateSyntax = "allow_template_syntax"
    }

    /// Writes the record to `url` atomically.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        try data.write(to: url, options: .atomic)
    }

    /// Reads a record.
    /// A record that does not decode, or whose shard is not one `--shard` could
    /// give (a count below 1, an index outside `0..<count`), throws a
    /// ``RunRecordError`` saying which.
    public static func read(from url: URL) throws -> RunRecord {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw RunRecordError("cannot be read") }
        let record: RunRecord
        do {
            record = try JSONDecoder().decode(RunRecord.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw RunRecordError("'\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw RunRecordError("'\(path)' has the wrong type")
        } catch {
            throw RunRecordError("not valid JSON (truncated or overwritten?)")
        }
        guard record.shard.count >= 1, (0..<record.shard.count).contains(record.shard.index) else {
            throw RunRecordError("shard \(record.shard.index)/\(record.shard.count) is not a shard (0 <= index < count)")
        }
        return record
    }

    /// The record at `url`; nil when there is none. A record that cannot be
    /// read is an error naming the file.
    static func readIfPresent(from url: URL) throws -> RunRecord? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try read(from: url)
        } catch {
            throw ResumeError("\(url.path) cannot be read (\(error)); render again without --resume")
        }
    }
}

/// Why a run record (`run.json`) cannot be used.
public struct RunRecordError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
