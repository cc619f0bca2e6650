/// A render context made before, kept so the next context with the same keys
/// in the same order is made without hashing them.
///
/// Inserting a record's twenty-odd keys into a new `[String: Value]` hashes
/// each key string, which costs more than reading the record's values. A copy
/// of an earlier context keeps its hash table as it is (same capacity, same
/// seed, same buckets), so each value can be replaced at the index its key
/// had there: the copy is one allocation and a pass over the entries.
///
/// Only a layout whose keys were distinct strings is kept (two keys that are
/// different bytes but equal strings, like "é" and "e\u{301}", merge into one
/// entry), so every entry is replaced and nothing of the earlier record shows
/// through.
struct ContextLayout {
    /// The key ids, in the order the record gave them.
    let ids: [Int32]
    /// The context the layout was made from; only its keys and table are used.
    let context: [String: Value]
    /// For each key in `ids`' order, its index in `context`.
    let indices: [Dictionary<String, Value>.Index]

    /// A layout of `context`, whose keys are `names` (for `ids`), or nil when
    /// two of the keys are one entry.
    init?(ids: [Int32], names: [String], context: [String: Value]) {
        guard context.count == ids.count, names.count == ids.count else { return nil }
        var indices: [Dictionary<String, Value>.Index] = []
        indices.reserveCapacity(ids.count)
        for name in names {
            guard let index = context.index(forKey: name) else { return nil }
            indices.append(index)
        }
        self.ids = ids
        self.context = context
        self.indices = indices
    }

    /// Whether a record whose key ids are `ids` has exactly these keys.
    func matches(_ ids: [Int32]) -> Bool {
        self.ids == ids
    }
}
