import TailorMIME

/// Finds where the first `records` messages of an mbox or JSONL file end, so
/// a resumed run can cut off what follows (a message written after the last
/// manifest line, or torn by the kill).
///
/// A JSONL record is one line. An mbox record starts with a `From ` line;
/// inside messages such lines are quoted (`>From `, mboxrd), so every line
/// that starts with `From ` starts a record. The messages the manifest counts
/// were flushed before their manifest lines, so they are complete; after the
/// last of them there may be a torn record, which starts with `From ` unless
/// fewer than five of its bytes were written (then it holds no line feed).
enum StreamRecords {
    /// The records found (at most `records`) and the length they take.
    static func lengthOf(records: Int, in path: String, format: OutputFormat) -> (records: Int, bytes: Int) {
        guard records > 0 else { return (0, 0) }
        guard let reader = LineReader(path: path) else { return (0, 0) }
        var found = 0
        var end = 0
        switch format {
        case .jsonl:
            while found < records, let (_, complete) = reader.next(), complete {
                found += 1
                end = reader.offset
            }
        default:
            let separator = Array("From ".utf8)
            var lineStart = 0
            while let (line, complete) = reader.next() {
                if line.starts(with: separator) {
                    if found == records {
                        return (found, lineStart)
                    }
                    found += 1
                }
                if complete { end = reader.offset }
                lineStart = reader.offset
            }
        }
        return (found, end)
    }
}
