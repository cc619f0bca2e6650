/// The entries of a ``MacroMemo``, found by their keys' fingerprints.
///
/// A `Dictionary` would hash the fingerprint again (it is already a mixed
/// 64-bit digest) and, probing, compare whole keys, each copied out of its
/// storage, at every occupied slot on the way. Here the slot comes from the
/// fingerprint's low bits, probing compares fingerprints kept in an array of
/// their own, and only an equal fingerprint costs a comparison of the keys.
struct MemoTable {
    typealias Key = MacroMemo.Key
    typealias Entry = MacroMemo.Entry

    /// Per slot: 0 for empty, else 1 + the entry's index.
    private var slots: [Int32] = []
    private var fingerprints: [UInt64] = []
    private var keys: [Key] = []
    private var entries: [Entry] = []
    /// Most entries kept; the slot array is twice as long, so probes stay short.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    var count: Int { entries.count }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(for key: Key) -> (slot: Int, found: Int?) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key.fingerprint) & mask
        while true {
            let occupant = Int(slots[i])
            if occupant == 0 { return (i, nil) }
            let index = occupant - 1
            if fingerprints[index] == key.fingerprint && keys[index] == key { return (i, index) }
            i = (i + 1) & mask
        }
    }

    func entry(for key: Key) -> Entry? {
        guard !slots.isEmpty, let index = slot(for: key).found else { return nil }
        return entries[index]
    }

    /// The entry whose key has `fingerprint` and satisfies `matches`, found
    /// without a key to compare with (the arguments are read in place).
    func entry(fingerprint: UInt64, matching matches: (Key) -> Bool) -> Entry? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: fingerprint) & mask
        while true {
            let occupant = Int(slots[i])
            if occupant == 0 { return nil }
            let index = occupant - 1
            if fingerprints[index] == fingerprint && matches(keys[index]) { return entries[index] }
            i = (i + 1) & mask
        }
    }

    /// Adds or replaces the entry of `key`; a new key is dropped once the
    /// table holds `capacity` entries.
    mutating func set(_ entry: Entry, for key: Key) {
        if slots.isEmpty {
            var size = 8
            while size < 2 * capacity { size *= 2 }
            slots = Array(repeating: 0, count: size)
        }
        let (slot, found) = slot(for: key)
        if let found {
            entries[found] = entry
            return
        }
        guard entries.count < capacity else { return }
        fingerprints.append(key.fingerprint)
        keys.append(key)
        entries.append(entry)
        slots[slot] = Int32(entries.count)
    }
}
