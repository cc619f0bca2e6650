/// What a ``JSONRecordReader`` keeps from one record to the next, so that
/// records of one shape (a JSONL file's profiles) cost less after the first:
///
/// - each distinct object key, as a `String` made once and found again by its
///   bytes, with an id that stands for those bytes;
/// - for each place an object appears (the top level, or under a given key),
///   the key ids of the last object there: the next object's keys are first
///   compared with those bytes, in order, before being read the long way;
/// - the key list of each object shape as the `[Value]` a ``Dict`` takes,
///   shared by every object of that shape.
///
/// Keys are always matched by their bytes, so a record of another shape takes
/// the ordinary path, and every result is the one ``JSONValueReader`` gives.
/// The cache is bounded: past ``keyLimit`` keys or ``byteLimit`` key bytes it
/// starts again, between records.
final class JSONKeyCache {
    static let keyLimit = 4096
    static let byteLimit = 1 << 18

    /// The parser's stack buffers, kept between records.
    let stacks = JSONStackPool()
    /// String values seen in earlier records.
    let strings = JSONStringCache()

    /// One key: where its bytes are in `bytes`, their digest, and whether the
    /// bytes can stand for themselves in JSON (no quote, backslash or control
    /// character), so that the same bytes between quotes in the input are
    /// this key.
    struct Entry {
        var digest: UInt64
        var start: Int
        var count: Int
        var isPlain: Bool
        /// Whether every byte is below 0x80.
        var isASCII: Bool
    }

    private var entries: [Entry] = []
    private var names: [String] = []
    /// Each key's bytes, then a quote, then eight zero bytes so that a word
    /// can be loaded from anywhere in the key.
    private var bytes: [UInt8] = []
    /// Open addressing over the digests: an id, or -1 for an empty slot.
    private var slots = [Int32](repeating: -1, count: 256)

    /// The key ids of the last object read under each key id; the last
    /// top-level object's are `topLevelShape`.
    private var shapesUnder: [ExpectedShape] = []
    private var topLevelShape = ExpectedShape()
    /// Object shapes, at a hash of their key ids.
    private var dictKeys = [ObjectShape?](repeating: nil, count: 64)

    /// The keys expected at one place, and once an object there had exactly
    /// those keys, its ``Dict`` key array.
    struct ExpectedShape {
        var ids: [Int32] = []
        var dictKeys: [Value]?
    }

    struct ObjectShape {
        var ids: [Int32]
        var keys: [Value]
    }

    /// Called before each record: a cache past its bounds starts again here,
    /// never half-way through a record, so ids stay fixed within one.
    func beginRecord() {
        guard names.count > Self.keyLimit || bytes.count > Self.byteLimit else { return }
        entries = []
        names = []
        bytes = []
        slots = [Int32](repeating: -1, count: 256)
        shapesUnder = []
        topLevelShape = ExpectedShape()
        dictKeys = [ObjectShape?](repeating: nil, count: dictKeys.count)
    }

    // MARK: Keys

    /// The name of the key `id`.
    func name(_ id: Int32) -> String {
        names[Int(id)]
    }

    /// Whether the key `id` is ASCII (a key read without the cache, id -1, is
    /// not known to be).
    @inline(__always)
    func isASCII(_ id: Int32) -> Bool {
        id >= 0 && entries[Int(id)].isASCII
    }

    /// The key whose decoded UTF-8 is `raw`, `digest` being
    /// ``JSONParser/digest(_:)`` of it; made on first sight.
    func key(_ raw: UnsafeBufferPointer<UInt8>, digest: UInt64) -> JSONKey {
        let mask = slots.count - 1
        var slot = Self.slot(digest, mask)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return insert(raw, digest: digest, at: slot) }
            let entry = entries[id]
            if entry.digest == digest, entry.count == raw.count, storedBytes(entry, equal: raw.baseAddress) {
                return JSONKey(digest: digest, id: Int32(truncatingIfNeeded: id))
            }
            slot = (slot + 1) & mask
        }
    }

    /// The key `id` if the input at `offset` is that key between quotes
    /// (only for plain keys; any other spelling takes the ordinary path), and
    /// how many bytes it spans.
    @inline(__always)
    func key(_ id: Int32, at offset: Int, in input: UnsafeBufferPointer<UInt8>) -> (JSONKey, length: Int)? {
        let entry = entries[Int(id)]
        // The key and its closing quote, as stored.
        let count = entry.count + 1
        guard entry.isPlain, let base = input.baseAddress, input.count - (offset + 1) >= count else { return nil }
        let same = bytes.withUnsafeBufferPointer { stored in
            let a = UnsafeRawPointer(stored.baseAddress! + entry.start)
            let b = UnsafeRawPointer(base + offset + 1)
            if count < 8 {
                guard input.count - (offset + 1) >= 8 else { return Self.bytesEqual(a, b, count) }
                let mask: UInt64 = (1 << (8 * UInt64(count))) - 1
                return (a.loadUnaligned(as: UInt64.self) ^ b.loadUnaligned(as: UInt64.self)) & mask == 0
            }
            var i = 0
            while count - i > 8 {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i += 8
            }
            // The last eight bytes, overlapping the words before.
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        guard same else { return nil }
        return (JSONKey(digest: entry.digest, id: id), count + 1)
    }

    @inline(__always) private static func slot(_ digest: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: digest >> 32) & mask
    }

    private func storedBytes(_ entry: Entry, equal other: UnsafePointer<UInt8>?) -> Bool {
        guard entry.count > 0 else { return true }
        guard let other else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            Self.bytesEqual(UnsafeRawPointer(stored.baseAddress! + entry.start), UnsafeRawPointer(other), entry.count)
        }
    }

    private static func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while count - i >= 8 {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    private func insert(_ raw: UnsafeBufferPointer<UInt8>, digest: UInt64, at slot: Int) -> JSONKey {
        let id = Int32(truncatingIfNeeded: names.count)
        let name = String(decoding: raw, as: UTF8.self)
        let isPlain = !raw.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        let isASCII = !raw.contains { $0 >= 0x80 }
        entries.append(Entry(digest: digest, start: bytes.count, count: raw.count, isPlain: isPlain, isASCII: isASCII))
        names.append(name)
        bytes.append(contentsOf: raw)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: repeatElement(0, count: 8))
        slots[slot] = id
        // At most half full, so probes stay short.
        if names.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        return JSONKey(digest: digest, id: id)
    }

    private func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for id in entries.indices {
            var slot = Self.slot(entries[id].digest, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }

    // MARK: Expected keys

    /// The key ids of the last object read under the key `parent` (-1: at
    /// the top level), to expect in the next one.
    func expectedShape(under parent: Int32) -> [Int32] {
        if parent < 0 { return topLevelShape.ids }
        return Int(parent) < shapesUnder.count ? shapesUnder[Int(parent)].ids : []
    }

    /// Remembers the key ids of the object just read, whose keys are `keys`
    /// from `start` up, under the key `parent`.
    func rememberShape(_ keys: borrowing JSONStack<JSONKey>, from start: Int, under parent: Int32) {
        var ids: [Int32] = []
        ids.reserveCapacity(keys.count - start)
        for i in start..<keys.count { ids.append(keys[i].id) }
        if parent < 0 {
            topLevelShape = ExpectedShape(ids: ids)
            return
        }
        if Int(parent) >= shapesUnder.count {
            shapesUnder.append(contentsOf: repeatElement(ExpectedShape(), count: Int(parent) + 1 - shapesUnder.count))
        }
        shapesUnder[Int(parent)] = ExpectedShape(ids: ids)
    }

    /// The ``Dict`` key array for an object whose keys were exactly `ids`,
    /// expected under `parent`, if one was made. (An object nested under the
    /// same key may have changed what is expected there since; then nil.)
    func expectedDictKeys(_ ids: [Int32], under parent: Int32) -> [Value]? {
        // Read in place: copying the shape out would retain both its arrays.
        if parent < 0 { return topLevelShape.ids == ids ? topLevelShape.dictKeys : nil }
        return shapesUnder[Int(parent)].ids == ids ? shapesUnder[Int(parent)].dictKeys : nil
    }

    func rememberExpectedDictKeys(_ keys: [Value], for ids: [Int32], under parent: Int32) {
        if parent < 0 {
            if topLevelShape.ids == ids { topLevelShape.dictKeys = keys }
        } else if shapesUnder[Int(parent)].ids == ids {
            shapesUnder[Int(parent)].dictKeys = keys
        }
    }

    // MARK: Dict keys

    /// The key array for a ``Dict`` whose keys are `keys` from `start` up
    /// (merged already, each with its id): the one an object of the same
    /// shape used before, or a new one, remembered for the next.
    func dictKeys(_ keys: borrowing JSONStack<JSONKey>, from start: Int) -> [Value] {
        let count = keys.count - start
        var hash = count
        for i in start..<keys.count { hash = (hash &* 31) &+ Int(keys[i].id) }
        let slot = (hash ^ hash >> 16) & (dictKeys.count - 1)
        if let shape = dictKeys[slot], Self.ids(shape.ids, match: keys, from: start) {
            return shape.keys
        }
        var ids: [Int32] = []
        var names: [Value] = []
        ids.reserveCapacity(count)
        names.reserveCapacity(count)
        for i in start..<keys.count {
            ids.append(keys[i].id)
            names.append(.string(self.names[Int(keys[i].id)]))
        }
        dictKeys[slot] = ObjectShape(ids: ids, keys: names)
        return names
    }

    private static func ids(_ ids: [Int32], match keys: borrowing JSONStack<JSONKey>, from start: Int) -> Bool {
        guard ids.count == keys.count - start else { return false }
        for i in ids.indices where ids[i] != keys[start + i].id { return false }
        return true
    }
}
