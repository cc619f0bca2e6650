import Foundation

/// Finds one byte string in another, for searches over whole message parts.
///
/// `memchr` finds each place one byte of the needle (the anchor, best a rare one)
/// stands, and only there is the whole needle compared with `memcmp`. glibc's
/// `memchr` scans 32 bytes a step, so a search costs little more than the anchor's
/// occurrences.
///
/// ```swift
/// ByteSearch.firstOffset(of: needle, in: haystack, anchor: 1)   // "=_tailor_…": anchor on "_"
/// ```
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack` that starts at or
    /// after `start`; `anchor` is the index in `needle` of the byte to scan for.
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0,
        anchor: Int = 0
    ) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        precondition(anchor < needle.count, "the anchor must be a byte of the needle")
        guard let n = needle.baseAddress, let h = haystack.baseAddress else { return nil }
        let lastStart = haystack.count - needle.count
        var from = start + anchor
        while from <= lastStart + anchor,
            let hit = memchr(h + from, Int32(needle[anchor]), lastStart + anchor + 1 - from)
        {
            let candidate = UnsafeRawPointer(h).distance(to: UnsafeRawPointer(hit)) - anchor
            if memcmp(h + candidate, n, needle.count) == 0 { return candidate }
            from = candidate + anchor + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `haystack` at or after `start`.
    static func firstOffset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let h = haystack.baseAddress, start < haystack.count,
            let hit = memchr(h + start, Int32(byte), haystack.count - start)
        else { return nil }
        return UnsafeRawPointer(h).distance(to: UnsafeRawPointer(hit))
    }
}
