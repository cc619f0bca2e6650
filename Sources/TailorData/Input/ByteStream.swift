import Foundation

/// A file read front to back in large chunks, one byte at a time, so readers
/// stream files of any size in constant memory.
final class ByteStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private let chunkSize: Int

    /// Opens `path`; throws ``DataFileError`` when it is missing, a folder,
    /// compressed or UTF-16 (see ``InputFileKind``).
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
        switch InputFileKind(path: path) {
        case let unreadable where unreadable == .gzip || unreadable == .zip || unreadable == .utf16:
            try? handle.close()
            throw DataFileError(path: path, role: role, reason: unreadable.problem(path: path, readTwice: false)!)
        default:
            break
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

    /// Appends the bytes before the next line feed to `line` and consumes
    /// the line feed; false at the end of the file with nothing read.
    func readLine(into line: inout [UInt8]) -> Bool {
        var any = false
        while true {
            if position >= buffer.count {
                guard refill() else { return any }
            }
            any = true
            let start = position
            let end = buffer.count
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                var i = start
                while i < end {
                    if b[i] == 0x0A { return i }
                    i += 1
                }
                return nil
            }
            if let found {
                line.append(contentsOf: buffer[start..<found])
                position = found + 1
                return true
            }
            line.append(contentsOf: buffer[start..<end])
            position = end
        }
    }

    /// Appends bytes to `field` up to the first byte for which `stop` is
    /// true, and returns that byte without consuming it; nil at the end of the file.
    @inline(__always)
    func append(into field: inout [UInt8], until stop: (UInt8) -> Bool) -> UInt8? {
        while true {
            if position >= buffer.count {
                guard refill() else { return nil }
            }
            let start = position
            let end = buffer.count
            let found: Int? = buffer.withUnsafeBufferPointer { b in
                var i = start
                while i < end {
                    if stop(b[i]) { return i }
                    i += 1
                }
                return nil
            }
            if let found {
                field.append(contentsOf: buffer[start..<found])
                position = found
                return buffer[found]
            }
            field.append(contentsOf: buffer[start..<end])
            position = end
        }
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
