import Foundation

/// The progress line a terminal shows during a run: count, rate, ETA,
/// failures so far. The ETA comes from how far through the profiles file the
/// run is, by line (``LineCount``), so it holds for shards too.
///
/// ```
/// 41,216 recipients · 3,880/s · 38% · ETA 0:27 · 2 failed
/// ```
public struct ProgressLine: Sendable {
    /// Lines of the profiles file, when counted.
    public var totalLines: Int?

    public init(totalLines: Int? = nil) {
        self.totalLines = totalLines
    }

    /// The line for `summary`, without a line end.
    public func text(_ summary: RenderSummary) -> String {
        var parts = ["\(Self.grouped(summary.recipients)) recipients", "\(Self.grouped(Int(summary.rate)))/s"]
        if let totalLines, totalLines > 0, summary.inputLine > 0 {
            let fraction = min(1, Double(summary.inputLine) / Double(totalLines))
            parts.append("\(Int(fraction * 100))%")
            if fraction > 0, summary.seconds > 0 {
                parts.append("ETA \(Self.clock(summary.seconds * (1 - fraction) / fraction))")
            }
        }
        parts.append("\(summary.failed) failed")
        return parts.joined(separator: " · ")
    }

    /// `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
    }
}

/// Counts the lines of a file fast (for the progress line's ETA).
public enum LineCount {
    /// The number of line feeds in `path`, plus one for a last line without
    /// one; nil when the file cannot be read.
    public static func of(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        var last: UInt8 = 0x0a
        while let chunk = try? handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { raw in
                for byte in raw where byte == 0x0a { count += 1 }
            }
            last = chunk.last!
        }
        return last == 0x0a ? count : count + 1
    }
}
