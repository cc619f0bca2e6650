/// A 64-bit hash of a recipient id that never changes between runs, machines
/// or versions of Swift (unlike `Hasher`, which is seeded per process): FNV-1a
/// over the id's UTF-8 bytes, then the SplitMix64 finalizer so that the low
/// bits, which pick the shard, depend on every byte.
///
/// ```swift
/// StableHash.of("R0000001")      // the same value everywhere
/// StableHash.of("R0000001") % 4  // the shard among 4
/// ```
public enum StableHash {
    /// The hash of `id`'s UTF-8 bytes.
    public static func of(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { of(bytes: $0) }
    }

    /// The hash of raw bytes.
    public static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        return mix(h)
    }

    /// SplitMix64's finalizer: spreads every input bit over the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
