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
///
/// Small appends are copied into the buffer; an array of at least
/// ``keptWhole`` bytes (an mbox or JSONL record) is kept as it is, and the
/// flush hands the kernel all pieces in one `writev`, so a message is not
/// copied once more on its way out and the flushes stay as few.
final class AppendFile {
    let path: String
    private let fd: Int32
    /// What is waiting to be written, in order: kept arrays and, when small
    /// appends came between them, sealed copies of the buffer.
    private var pieces: [[UInt8]] = []
    /// The small appends after the last piece.
    private var buffer: [UInt8] = []
    /// Bytes in `pieces` and `buffer`.
    private var buffered = 0
    /// The file's size, counting what is still buffered.
    private(set) var size: Int

    /// The size from which an array is kept rather than copied.
    static let keptWhole = 4096
    /// Buffered bytes that start a flush.
    private static let flushSize = 1 << 20

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
        buffer.reserveCapacity(Self.flushSize)
    }

    deinit { close(fd) }

    func append(_ bytes: some Collection<UInt8>) throws(BatchIOError) {
        buffer.append(contentsOf: bytes)
        try grew(by: bytes.count)
    }

    /// Appends `bytes`, keeping a large array as it is instead of copying it.
    func append(_ bytes: [UInt8]) throws(BatchIOError) {
        guard bytes.count >= Self.keptWhole else {
            buffer.append(contentsOf: bytes)
            return try grew(by: bytes.count)
        }
        if !buffer.isEmpty {
            pieces.append(buffer)
            buffer = []
        }
        pieces.append(bytes)
        try grew(by: bytes.count)
    }

    private func grew(by count: Int) throws(BatchIOError) {
        size += count
        buffered += count
        if buffered >= Self.flushSize { try flush() }
    }

    func append(_ text: String) throws(BatchIOError) {
        try append(text.utf8)
    }

    /// Writes everything buffered out, in one `writev` when the kernel takes it all.
    func flush() throws(BatchIOError) {
        let sealed = !buffer.isEmpty
        if sealed {
            pieces.append(buffer)
            buffer = []
        }
        var written = 0
        while written < buffered {
            let n = GatherWrite.write(pieces, skipping: written, to: fd)
            if n < 0 {
                if errno == EINTR { continue }
                throw BatchIOError(path: path, "cannot write")
            }
            written += n
        }
        if sealed {
            // The buffer's storage, now held once again: keep its capacity.
            buffer = pieces.removeLast()
            buffer.removeAll(keepingCapacity: true)
        }
        pieces.removeAll(keepingCapacity: true)
        buffered = 0
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
