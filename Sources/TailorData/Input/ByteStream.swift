import Foundation

/// A file read front to back in large chunks, one byte at a time, so readers
/// stream files of any size in constant memory.
final class ByteStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private let chunkSize: Int

    /// Opens `path`; throws ``DataFileError`` when it is missing or a folder.
    init(path: String, role: String, chunkSize: Int = 1 << 20) throws(DataFileError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DataFileError(path: path, role: role, reason: "no such file")
        }
        guard !isFolder.boolValue else {
            throw DataFileError(path: path, role: role, reason: "it is a folder, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataFileError(path: path, role: role, reason: "permission denied or unreadable")
        }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle.close()
    }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    func next() -> UInt8? {
        if position < buffer.count {
            defer { position += 1 }
            return buffer[position]
        }
        return refillAndNext()
    }

    /// The next byte without consuming it.
    @inline(__always)
    func peek() -> UInt8? {
        if position < buffer.count { return buffer[position] }
        guard refill() else { return nil }
        return buffer[position]
    }

    private func refillAndNext() -> UInt8? {
        guard refill() else { return nil }
        position += 1
        return buffer[position - 1]
    }

    private func refill() -> Bool {
        guard let data = try? handle.read(upToCount: chunkSize), !data.isEmpty else { return false }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: data)
        position = 0
        return true
    }
}

/// A data file that cannot be read at all (as opposed to a bad row in it).
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// What the file is for: "profiles", "events", "assignments".
    public var role: String
    public var reason: String
    /// 1-based line, when the problem is at one place in the file.
    public var line: Int?

    public init(path: String, role: String, reason: String, line: Int? = nil) {
        self.path = path
        self.role = role
        self.reason = reason
        self.line = line
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "error: cannot read \(role) file \(place): \(reason)"
    }
}
