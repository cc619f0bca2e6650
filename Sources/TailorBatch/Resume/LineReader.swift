import Foundation

/// Reads a file line by line in 1 MB chunks, telling complete lines (ended by
/// a line feed) from a torn last one, and the offset after each.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes consumed: the offset just after the last line returned.
    private(set) var offset = 0

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line feed, and whether it had one; nil at the end.
    func next() -> (line: ArraySlice<UInt8>, complete: Bool)? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0a) {
                let line = buffer[position..<newline]
                offset += newline + 1 - position
                position = newline + 1
                return (line, true)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                offset += buffer.count - position
                position = buffer.count
                return (line, false)
            }
            refill()
        }
    }

    private func refill() {
        buffer.removeSubrange(0..<position)
        position = 0
        let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
        if let chunk, !chunk.isEmpty {
            buffer.append(contentsOf: chunk)
        } else {
            atEnd = true
        }
    }
}
