/// Lines of a rendered body: byte offsets to 1-based lines and character
/// columns and back, as libxml2 counts them (a column counts characters, not
/// bytes, so `é` is one).
struct OutputLines {
    let bytes: [UInt8]
    /// Offset of the first byte of each line.
    private(set) var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
    }

    /// The line and column of the byte at `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = starts[lo]
        while i < min(offset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }

    /// The offset of a 1-based line and character column; nil past the end.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        var i = starts[line - 1]
        var remaining = max(0, column - 1)
        while remaining > 0, i < bytes.count, bytes[i] != 10 {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            remaining -= 1
        }
        return i
    }

    /// The first offset of `line`.
    func start(ofLine line: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        return starts[line - 1]
    }
}
