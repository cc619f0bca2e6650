import Foundation

/// Notices when any file under the watched paths is added, removed or
/// changed (by modification time and size): templates, segment files and
/// data files. Polling, so it works the same on every file system.
struct InputWatcher: Sendable {
    /// Files and folders to watch; folders are walked.
    var paths: [String]

    /// A value that changes when any watched file does.
    func fingerprint() -> [String: String] {
        var seen: [String: String] = [:]
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                seen[path] = "missing"
                continue
            }
            let files: [String]
            if isFolder.boolValue {
                let walker = manager.enumerator(atPath: path)
                files = (walker?.allObjects as? [String] ?? []).map { (path as NSString).appendingPathComponent($0) }
            } else {
                files = [path]
            }
            for file in files {
                guard let attributes = try? manager.attributesOfItem(atPath: file),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                seen[file] = "\(modified):\(attributes[.size] as? Int ?? -1)"
            }
        }
        return seen
    }
}
