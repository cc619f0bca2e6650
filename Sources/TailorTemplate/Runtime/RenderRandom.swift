/// The random choices of a render (`|random`, `lipsum()`), the same every
/// time the same variables are rendered.
///
/// Jinja draws from the system's generator, so two renders of one recipient
/// differ. A send must not: a resumed or re-run send has to write the bytes
/// the first run wrote, and a preview has to show what the recipient will get.
/// So the generator is seeded from the render's variables, in a way that does
/// not depend on the process (keys in sorted order, values as JSON text; host
/// objects by their type name only): one recipient always gets the same
/// choices, two recipients most likely different ones.
struct RenderRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: one addition and three multiply-xorshift steps a number.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over each variable's name and JSON text, names in sorted order.
    static func seed(for variables: RootVariables) -> UInt64 {
        var members: [(name: String, value: Value)]
        switch variables {
        case .dictionary(let values): members = values.map { (name: $0.key, value: $0.value) }
        case .record(let dict): members = dict.pairs.map { (name: $0.key.stringValue ?? $0.key.repr, value: $0.value) }
        }
        members.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3  // ends the field
        }
        var text: [UInt8] = []
        for member in members {
            add(member.name.utf8)
            text.removeAll(keepingCapacity: true)
            JSONValueWriter.append(member.value.withoutHostObjects, to: &text)
            add(text)
        }
        return hash
    }
}

extension Value {
    /// The value with each host object (a recommendation session, a macro)
    /// replaced by its type name, whose printed form may hold an address.
    fileprivate var withoutHostObjects: Value {
        switch self {
        case .object(let o): return .string("<\(o.typeName)>")
        case .list(let items): return .list(items.map(\.withoutHostObjects))
        case .tuple(let items): return .tuple(items.map(\.withoutHostObjects))
        case .dict(let d): return .dict(Dict(d.pairs.map { ($0.key, $0.value.withoutHostObjects) }))
        default: return self
        }
    }
}

extension Runtime {
    /// Runs `body` with this render's generator, seeded on first use.
    func withRandom<T>(_ body: (inout RenderRandom) throws -> T) rethrows -> T {
        if random == nil { random = RenderRandom(seed: RenderRandom.seed(for: context.root.values)) }
        return try body(&random!)
    }
}
