import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that appear whole or not at all: written under a temporary name in the same
/// folder, then renamed into place (rename is atomic within one file system).
enum AtomicFile {
    /// Writes `bytes` to `directory/name` atomically.
    static func write(_ bytes: [UInt8], to directory: URL, name: String) throws(MIMEError) {
        let target = directory.appendingPathComponent(name)
        let temp = directory.appendingPathComponent(".\(name).tmp-\(getpid())")
        do {
            try Data(bytes).write(to: temp)
        } catch {
            throw .io(path: temp.path, reason: "cannot write: \(error.localizedDescription)")
        }
        try rename(temp, to: target)
    }

    /// Renames `from` to `to`, replacing `to`.
    static func rename(_ from: URL, to target: URL) throws(MIMEError) {
        let result = from.withUnsafeFileSystemRepresentation { src in
            target.withUnsafeFileSystemRepresentation { dst in
                posixRename(src!, dst!)
            }
        }
        if result != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: from)
            throw .io(path: target.path, reason: "cannot rename into place: \(reason)")
        }
    }

    /// Creates `directory` and its parents when missing.
    static func ensureDirectory(_ directory: URL) throws(MIMEError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }
}

/// One output file written as a stream under a temporary name, renamed into place by
/// ``commit()``; dropped without a commit, the temporary file is removed.
final class StreamingFile {
    let target: URL
    private let temp: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false

    init(directory: URL, name: String) throws(MIMEError) {
        target = directory.appendingPathComponent(name)
        temp = directory.appendingPathComponent(".\(name).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temp.path)
        else {
            throw .io(path: temp.path, reason: "cannot create")
        }
        self.handle = handle
    }

    func append(_ bytes: some Sequence<UInt8>) throws(MIMEError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func append(_ text: String) throws(MIMEError) {
        try append(text.utf8)
    }

    private func flush() throws(MIMEError) {
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw .io(path: temp.path, reason: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func commit() throws(MIMEError) {
        guard !committed else { return }
        try flush()
        try? handle.close()
        try AtomicFile.rename(temp, to: target)
        committed = true
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
        }
    }
}

private func posixRename(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 {
    #if canImport(Glibc)
        Glibc.rename(from, to)
    #else
        Darwin.rename(from, to)
    #endif
}
