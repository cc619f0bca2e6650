/// The blocks a render's inheritance chain defines, by symbol: for each block
/// name its definitions from the most derived template to the base, in the
/// order the templates' top levels ran. A chain has a handful of blocks, so
/// scanning integers beats hashing their names on every render.
struct BlockTable {
    private var ids: [Int] = []
    private var definitions: [CompiledBlock] = []

    /// Adds a template's definitions behind those of the templates extending
    /// it, growing the table once for all of them.
    mutating func append(contentsOf blocks: [CompiledBlock]) {
        guard !blocks.isEmpty else { return }
        ids.reserveCapacity(ids.count + blocks.count)
        definitions.reserveCapacity(definitions.count + blocks.count)
        for block in blocks {
            ids.append(block.nameID)
            definitions.append(block)
        }
    }

    /// The definition of block `id` at `depth` in its chain (0: the most
    /// derived, 1: what its `super()` renders, ...), if there is one.
    func definition(_ id: Int, at depth: Int) -> CompiledBlock? {
        var seen = 0
        for i in ids.indices where ids[i] == id {
            if seen == depth { return definitions[i] }
            seen += 1
        }
        return nil
    }

    func contains(_ id: Int) -> Bool {
        ids.contains(id)
    }
}
