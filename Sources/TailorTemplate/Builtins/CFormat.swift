import Foundation

/// C's `snprintf` for one number, for conversions whose rounding must match
/// Python's (`%.1f`, `%e`, `%g`): both round the exact binary value correctly.
enum CFormat {
    /// Formats a double with a C format such as `"%.2f"` or `"%+08.3e"`.
    static func format(_ spec: String, _ value: Double) -> String {
        // A stack buffer fits nearly everything; retry with the exact size when
        // the text is longer (`"%.300f" % 1e300`).
        let fitted: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            let written = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, spec, $0) }
            guard written >= 0, Int(written) < buffer.count else { return nil }
            return String(cString: buffer.baseAddress!)
        }
        if let fitted { return fitted }
        let needed = withVaList([value]) { vsnprintf(nil, 0, spec, $0) }
        guard needed >= 0 else { return "" }
        var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        _ = withVaList([value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
        }
        return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
