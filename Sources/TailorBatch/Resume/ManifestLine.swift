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
        func string(_ key: String) -> String? {
            if case .string(let s)? = object[key] { return s }
            return nil
        }
        func int(_ key: String) -> Int? {
            if case .int(let i)? = object[key] { return i }
            return nil
        }
        return ManifestEntry(
            recipientID: id, status: status, segment: string("segment"), variant: string("variant"),
            bytes: int("bytes"), sha256: string("sha256"), messageID: string("message_id"), file: string("file"),
            reason: string("reason"), attempts: int("attempts"), smtpReply: string("smtp"))
    }
}
