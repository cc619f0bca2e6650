/// Template-level variables by symbol: a handful per template, so a linear
/// scan over integers beats hashing.
struct SymbolMap {
    private var ids: [Int] = []
    private var values: [Value] = []

    var isEmpty: Bool { ids.isEmpty }

    @inline(__always)
    func contains(_ id: Int) -> Bool {
        for i in ids.indices where ids[i] == id { return true }
        return false
    }

    subscript(id: Int) -> Value? {
        @inline(__always) get {
            for i in ids.indices where ids[i] == id { return values[i] }
            return nil
        }
        set {
            if let i = ids.firstIndex(of: id) {
                if let newValue {
                    values[i] = newValue
                } else {
                    ids.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                if ids.isEmpty {
                    // A template sets a few variables: room for them at once.
                    ids.reserveCapacity(4)
                    values.reserveCapacity(4)
                }
                ids.append(id)
                values.append(newValue)
            }
        }
    }
}
