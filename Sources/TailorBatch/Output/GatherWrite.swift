#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `writev` of several arrays, without copying them into one.
///
/// Each array's storage is only borrowed inside its `withUnsafeBufferPointer`,
/// so the calls nest, one per array, and the system call is made innermost.
enum GatherWrite {
    /// At most this many arrays go into one call: the system's `IOV_MAX`, but no
    /// more than 256, which bounds the nesting. A flush of ``AppendFile`` holds about
    /// 1 MB in arrays of 4 KB or more, so it rarely needs a second call; the caller
    /// makes it for the rest, as after a short write.
    static let maxPieces = min(256, max(16, sysconf(Int32(_SC_IOV_MAX))))

    /// Writes the bytes of `pieces` after the first `skip` to `fd`; returns what
    /// `writev` returns.
    static func write(_ pieces: [[UInt8]], skipping skip: Int, to fd: Int32) -> Int {
        var first = 0
        var offset = skip
        while offset >= pieces[first].count {
            offset -= pieces[first].count
            first += 1
        }
        var vectors: [iovec] = []
        vectors.reserveCapacity(maxPieces)
        let last = min(pieces.count, first + maxPieces)
        return gather(pieces[first..<last], offset: offset, into: &vectors, fd: fd)
    }

    private static func gather(_ pieces: ArraySlice<[UInt8]>, offset: Int, into vectors: inout [iovec], fd: Int32) -> Int {
        guard let piece = pieces.first else {
            return vectors.withUnsafeBufferPointer { writev(fd, $0.baseAddress, Int32($0.count)) }
        }
        return piece.withUnsafeBufferPointer { bytes in
            let start = UnsafeMutableRawPointer(mutating: bytes.baseAddress! + offset)
            vectors.append(iovec(iov_base: start, iov_len: bytes.count - offset))
            return gather(pieces.dropFirst(), offset: 0, into: &vectors, fd: fd)
        }
    }
}
