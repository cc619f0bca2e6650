import TailorMIME
import TailorTemplate

/// Reads back one line of `manifest.jsonl` (see ``ManifestEntry``), as a
/// resumed run and `tailor manifest verify` need it.
enum ManifestLine {
    private static let reader = JSONValueReader(maxDepth: 4)

    /// The entry on `line`; nil when it is not a manifest line.
    static func parse(_ line: some Collection<UInt8>) -> ManifestEntry? {
        guard let object = try? reader.readObject(line),
            case .string(let id)? = object["id"],
            case .string(let statusName)? = object["status"],
            let status = ManifestEntry.Status(rawValue: statusName)
        else { return nil }
        return ManifestEntry(
            recipientID: id, status: status, segment: object.string("segment"), variant: object.string("variant"),
            bytes: object.int("bytes"), sha256: object.string("sha256"), messageID: object.string("message_id"), file: object.string("file"),
            reason: object.string("reason"), attempts: object.int("attempts"), smtpReply: object.string("smtp"))
    }
}
