import Foundation

/// C's `snprintf` for one number, for conversions whose rounding must match
/// Python's (`%.1f`, `%e`, `%g`): both round the exact binary value correctly.
enum CFormat {
    /// Formats a double with a C format such as `"%.2f"` or `"%+08.3e"`.
    static func format(_ spec: String, _ value: Double) -> String {
        // Retry with the exact size when the text is longer (`"%.300f" % 1e300`).
        var capacity = 128
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let written = withVaList([value]) { args in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
            }
            guard written >= 0 else { return "" }
            if Int(written) < capacity {
                return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(written) + 1
        }
    }
}
