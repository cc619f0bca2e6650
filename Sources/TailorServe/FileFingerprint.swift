import Foundation

/// What the files a catalog was compiled from looked like: path, size,
/// modification time and inode of each. Two equal fingerprints mean nothing
/// to reload; an editor's save (in place or by rename) changes one.
struct FileFingerprint: Equatable, Sendable {
    private var entries: [String]

    /// Every regular file under `directories` (recursively) and the `files` named.
    init(directories: [String], files: [String]) {
        var entries: [String] = []
        let manager = FileManager.default
        for directory in directories {
            guard let walker = manager.enumerator(atPath: directory) else { continue }
            while let relative = walker.nextObject() as? String {
                entries.append(Self.entry((directory as NSString).appendingPathComponent(relative)))
            }
        }
        for file in files { entries.append(Self.entry(file)) }
        self.entries = entries.sorted()
    }

    private static func entry(_ path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path)|missing" }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory { return "\(path)|dir" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return "\(path)|\(size)|\(modified)|\(inode)"
    }
}
