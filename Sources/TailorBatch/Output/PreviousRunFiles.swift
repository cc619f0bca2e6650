import Foundation
import TailorMIME

/// The files an earlier run of the same output left, removed when a run
/// starts over in that folder (without `--resume`).
///
/// A new run writes only its own recipients' files. Without this, the `.eml`
/// (or SES, SendGrid, Postmark) files of recipients the earlier run rendered
/// and this one does not, because they left the list, unsubscribed, or now
/// fail, stayed beside the new ones, and whatever sends the folder would send
/// them too. The earlier run's manifests (complete and partial) list its
/// files; each listed name is removed, then the manifests. Only plain names
/// inside the folder are touched, never the run's own bookkeeping, and the
/// manifests are read line by line, so memory does not grow with the send. A
/// shard's manifest lists only that shard's files, so shards sharing a folder
/// do not touch each other's.
enum PreviousRunFiles {
    /// Removes what the manifests of `layout` list, and those manifests;
    /// returns how many listed files were removed.
    @discardableResult
    static func remove(in layout: OutputLayout) -> Int {
        let manifest = layout.path(layout.manifestName)
        let own: Set<String> = [layout.manifestName, layout.runRecordName, layout.validationName]
        var removed = 0
        for path in [OutputLayout.partial(manifest), manifest] {
            guard let reader = LineReader(path: path) else { continue }
            var last: String?
            while let (line, _) = reader.next() {
                guard let entry = ManifestLine.parse(line), let name = entry.file, name != last else { continue }
                last = name
                guard isPlainName(name), !own.contains(name) else { continue }
                if unlink(layout.path(name)) == 0 { removed += 1 }
            }
            unlink(path)
        }
        return removed
    }

    /// A file name in the folder itself: no separator, not hidden, not `.` or `..`, no NUL.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }
}
