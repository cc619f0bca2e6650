import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files that appear whole or not at all: written under a temporary name in the same
/// folder, then renamed into place (rename is atomic within one file system).
enum AtomicFile {
    /// Writes `bytes` to `folder/name` atomically; `folder` is a file-system path
    /// (a writer takes it from its URL once, not per file).
    ///
    /// Plain `open`/`write`/`close` then `rename`: the file is in the page cache
    /// like any other write, not forced to disk (no `fsync`, which would cost a
    /// disk flush per message), so a killed process never leaves a torn file
    /// under the final name, while a machine crash may lose the latest files
    /// (a resumed run checks every file's size against the manifest).
    ///
    /// On Linux the bytes go first into an unnamed file (`O_TMPFILE`), which is
    /// then linked under the final name: one directory entry made instead of a
    /// temporary one made and renamed, and nothing left behind by a kill. Where
    /// that is not supported, or the name is taken (a resumed run rewriting a
    /// file), the temporary name and `rename` take over.
    static func write(_ bytes: [UInt8], toFolder folder: String, name: String) throws(MIMEError) {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let target = prefix + name
        #if os(Linux)
            if writeUnnamed(bytes, folder: folder, target: target) { return }
        #endif
        let temp = prefix + ".\(name).tmp-\(processID)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .io(path: temp, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        let failure = writeAll(bytes, to: fd)
        close(fd)
        if let failure {
            unlink(temp)
            throw .io(path: temp, reason: "cannot write: \(String(cString: strerror(failure)))")
        }
        if posixRename(temp, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw .io(path: target, reason: "cannot rename into place: \(reason)")
        }
    }

    private static let processID = getpid()

    /// Writes all of `bytes` to `fd`; the errno that stopped it, or nil.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var written = 0
        return bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
    }

    #if os(Linux)
        /// `O_TMPFILE`, which Glibc's Swift overlay does not export: `__O_TMPFILE`
        /// (the same value on x86-64 and arm64) with `O_DIRECTORY`.
        private static let openUnnamed: Int32 = 0o20000000 | O_DIRECTORY

        /// Writes `bytes` into an unnamed file in `folder` and links it as
        /// `target`; false when that could not be done (nothing is left behind),
        /// so the caller writes the usual way.
        private static func writeUnnamed(_ bytes: [UInt8], folder: String, target: String) -> Bool {
            let fd = open(folder, openUnnamed | O_WRONLY | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            guard writeAll(bytes, to: fd) == nil else { return false }
            return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0
        }
    #endif

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

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
    #else
        Darwin.write(fd, bytes, count)
    #endif
}

private func posixRename(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> Int32 {
    #if canImport(Glibc)
        Glibc.rename(from, to)
    #else
        Darwin.rename(from, to)
    #endif
}
