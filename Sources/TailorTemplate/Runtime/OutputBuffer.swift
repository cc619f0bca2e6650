/// The bytes a render writes: the caller's `[UInt8]`, with small writes
/// gathered in a staging area first and appended to it in batches, as a
/// buffered writer does.
///
/// A render appends a few hundred times (the static text between tags, each
/// printed value, each run between escaped characters). `Array.append(contentsOf:)`
/// spends about sixty-five instructions a call besides the copy itself (the
/// uniqueness check, the capacity and overflow checks, the generic copy path);
/// a staged write is a capacity check and a `memcpy`. The staging area is
/// small (it stays in the L1 cache, and each batch is copied the way `memcpy`
/// copies short blocks); a write that does not fit goes to the array after
/// the staged bytes.
///
/// Captures (block `set`, macro values, `caller()`) write on at the end and
/// take their bytes back off, so there is one buffer per render however deep
/// they nest; a capture that fits the staging area never touches the array.
struct OutputBuffer: ~Copyable {
    /// The output before the staged bytes.
    var bytes: [UInt8] = []
    private let staging: UnsafeMutablePointer<UInt8>
    private var staged = 0
    static let stagingCapacity = 2048

    init() {
        staging = .allocate(capacity: Self.stagingCapacity)
    }

    deinit {
        staging.deallocate()
    }

    /// Bytes written so far.
    var count: Int {
        @inline(__always) get { bytes.count + staged }
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        let n = source.count
        if n <= Self.stagingCapacity - staged, let from = source.baseAddress {
            (staging + staged).update(from: from, count: n)
            staged += n
        } else {
            appendUnstaged(source)
        }
    }

    /// A write that does not fit what is left of the staging area.
    @inline(never)
    private mutating func appendUnstaged(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress else { return }
        flush()
        if source.count <= Self.stagingCapacity {
            staging.update(from: from, count: source.count)
            staged = source.count
        } else {
            bytes.append(contentsOf: source)
        }
    }

    /// Appends `text`'s UTF-8 HTML-escaped, as ``Escaping/appendEscaped(_:to:)`` does.
    mutating func appendEscaped(_ text: String) {
        // Read in place when the string is contiguous UTF-8 (see `Runtime.write(_:)`).
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped(utf8: $0) }
        }
    }

    private mutating func appendEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        // Copy runs of ordinary bytes at once; only the specials are replaced.
        var runStart = 0
        var i = Escaping.nextSpecial(in: bytes, from: 0)
        while i < bytes.count {
            // `nextSpecial` stops only at a byte that has an entity.
            let entity = Escaping.entity(for: bytes[i])!
            if i > runStart { append(UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = i + 1
            i = Escaping.nextSpecial(in: bytes, from: runStart)
        }
        if runStart < bytes.count {
            append(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
        }
    }

    /// Moves the staged bytes to `bytes`.
    mutating func flush() {
        guard staged > 0 else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(start: staging, count: staged))
        staged = 0
    }

    /// Forgets the bytes from `offset` on (a capture taken off, discarded output).
    mutating func truncate(to offset: Int) {
        if offset >= bytes.count {
            staged = offset - bytes.count
        } else {
            staged = 0
            bytes.removeLast(bytes.count - offset)
        }
    }

    /// The bytes from `offset` on.
    mutating func withBytes<R>(from offset: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if offset >= bytes.count {
            return try body(UnsafeBufferPointer(start: staging + (offset - bytes.count), count: count - offset))
        }
        flush()
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset...])) }
    }

    /// The bytes from `offset` on, as text.
    mutating func string(from offset: Int) -> String {
        withBytes(from: offset) { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes from `offset` on, as an array.
    mutating func bytes(from offset: Int) -> [UInt8] {
        withBytes(from: offset) { Array($0) }
    }
}
