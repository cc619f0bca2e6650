import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that only grows, through a buffer that ``flush()`` hands to the
/// kernel: what a killed process wrote before its last flush is in the file
/// (the page cache survives the process). ``truncate(to:)`` cuts a resumed
/// file back to its last complete record.
final class AppendFile {
    let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    /// The file's size, counting what is still buffered.
    private(set) var size: Int

    /// Opens `path` for appending, creating it when missing; `truncatingTo`
    /// cuts it first (0 starts it empty).
    ///
    /// A file already of that size is not truncated: on ext4 a truncation to
    /// zero (even of a new, empty file) marks the file for `auto_da_alloc`,
    /// and its `close` then starts write-back of everything written, which at
    /// the end of a send of 270 MB held the process up for tens of milliseconds.
    init(path: String, truncatingTo length: Int) throws(BatchIOError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BatchIOError(path: path, "cannot open for writing") }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            close(fd)
            throw BatchIOError(path: path, "cannot read its size")
        }
        let cut = Int(status.st_size) == length || ftruncate(fd, off_t(length)) == 0
        guard cut, lseek(fd, off_t(length), SEEK_SET) >= 0 else {
            close(fd)
            throw BatchIOError(path: path, "cannot cut to \(length) bytes")
        }
        size = length
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    func append(_ bytes: some Collection<UInt8>) throws(BatchIOError) {
        buffer.append(contentsOf: bytes)
        size += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    func append(_ text: String) throws(BatchIOError) {
        try append(text.utf8)
    }

    /// Writes the buffer out.
    func flush() throws(BatchIOError) {
        var written = 0
        let total = buffer.count
        while written < total {
            let n = buffer.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, total - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw BatchIOError(path: path, "cannot write")
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and renames the file to `target` (replacing it).
    func commit(as target: String) throws(BatchIOError) {
        try flush()
        guard rename(path, target) == 0 else { throw BatchIOError(path: target, "cannot rename \(path) into place") }
    }
}

/// A file of the send that could not be read or written.
public struct BatchIOError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    init(path: String, _ reason: String, errno code: Int32 = errno) {
        self.path = path
        self.reason = code == 0 ? reason : "\(reason): \(String(cString: strerror(code)))"
    }

    public var description: String { "\(path): \(reason)" }
}
