/// The variables a render was given, plus the environment's globals, looked
/// up by symbol and remembered for the rest of the render.
final class RootContext {
    private(set) var values: RootVariables
    let environment: Environment
    /// Per symbol: 0 not yet resolved, -1 missing; `n > 0` the render's own
    /// variable at `resolved[n - 1]`, `n < -1` a global at `resolved[-n - 2]`.
    /// Integers, so filling and freeing the table per render touches no values;
    /// in memory of its own, since making an `[Int32]` of a given count goes
    /// through the array's unspecialized allocation path (a metadata lookup
    /// of a few hundred instructions, once per render).
    private var slots = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// Per symbol, where a record's key of that name was last found (see
    /// ``RootVariables``); kept from one render to the next, since the
    /// records of a file mostly share one key order. Beside `slots`, as long.
    private var positions = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// The values found, in the order they were first asked for.
    private var resolved: [Value] = []
    /// Names by symbol, and the global each names, taken from the
    /// environment when first needed.
    private var symbols = SymbolGlobals()

    init(_ values: RootVariables, environment: Environment) {
        self.values = values
        self.environment = environment
    }

    deinit {
        slots.deallocate()
        positions.deallocate()
    }

    /// Starts over with `values` as the render's variables, keeping the slot
    /// table's memory. Only for a root context nothing else holds.
    func reuse(for values: RootVariables) {
        self.values = values
        if slots.count > 0 { slots.update(repeating: 0) }
        resolved.removeAll(keepingCapacity: true)
        // Taken again on first use: a global may have been added since.
        symbols = SymbolGlobals()
    }

    /// Whether `id` is not in the render's variables and so falls to a global.
    /// A symbol already resolved is answered without a call, so the check
    /// inlined into a text run need not retain this context around one.
    @inline(__always)
    func isGlobal(_ id: Int) -> Bool {
        if id < slots.count {
            let slot = slots[id]
            if slot != 0 { return slot < 0 }
        }
        return resolvesToGlobal(id)
    }

    @inline(never)
    private func resolvesToGlobal(_ id: Int) -> Bool {
        _ = resolve(id)
        return slots[id] < 0
    }

    @inline(__always)
    func value(_ id: Int) -> Value? {
        if id < slots.count {
            let slot = Int(slots[id])
            if slot > 0 { return resolved[slot - 1] }
            if slot < -1 { return resolved[-slot - 2] }
            if slot == -1 { return nil }
        }
        return resolve(id)
    }

    private func resolve(_ id: Int) -> Value? {
        if id >= symbols.names.count { symbols = environment.globalsBySymbol() }
        if id >= slots.count { grow(to: max(id + 1, symbols.names.count)) }
        // A local copy of the pointer: its subscript is the hint's storage,
        // with no exclusivity check of the property around the lookup.
        let positions = self.positions
        // Includes and imports without context have no variables of their own.
        if !values.isEmpty,
            let own = values.value(named: symbols.names[id], nameIsASCII: symbols.namesAreASCII[id], hint: &positions[id])
        {
            resolved.append(own)
            slots[id] = Int32(resolved.count)
            return own
        }
        if let global = symbols.globals[id] {
            resolved.append(global)
            slots[id] = -Int32(resolved.count) - 1
            return global
        }
        slots[id] = -1
        return nil
    }

    /// Room for `count` symbols: one allocation per render at most.
    private func grow(to count: Int) {
        let kept = slots.count
        slots = Self.grown(slots, to: count)
        positions = Self.grown(positions, to: count)
        if kept == 0 { resolved.reserveCapacity(32) }
    }

    private static func grown(_ table: UnsafeMutableBufferPointer<Int32>, to count: Int) -> UnsafeMutableBufferPointer<Int32> {
        let grown = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
        let kept = table.count
        if kept > 0 { _ = grown.initialize(fromContentsOf: table) }
        grown[kept...].initialize(repeating: 0)
        table.deallocate()
        return grown
    }
}
