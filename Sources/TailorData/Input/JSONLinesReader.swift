public import TailorTemplate

/// One line of a JSONL file: its object, or why it could not be read.
public struct JSONLine: Sendable {
    /// 1-based line number.
    public var line: Int
    public var result: Result<Dict, JSONLineError>
}

/// Why one JSONL line is unusable.
public struct JSONLineError: Error, Sendable, Equatable {
    public var message: String
}

/// Reads JSON Lines (one JSON object per line) one line at a time, in
/// constant memory. Blank lines are skipped; CRLF line ends are accepted; a bad
/// line comes back as an error and reading goes on.
///
/// ```swift
/// for line in try JSONLinesReader(path: "data/events.jsonl") {
///     if case .success(let object) = line.result { ... }
/// }
/// ```
public final class JSONLinesReader: Sequence, IteratorProtocol {
    private let bytes: ByteStream
    private var lineNumber = 0
    private var buffer: [UInt8] = []
    /// Lines of one file tend to share their keys; the reader keeps them.
    private let reader = JSONRecordReader()

    public init(path: String, role: String = "JSONL") throws(DataFileError) {
        bytes = try ByteStream(path: path, role: role)
    }

    public func next() -> JSONLine? {
        while true {
            buffer.removeAll(keepingCapacity: true)
            guard bytes.readLine(into: &buffer) else { return nil }
            lineNumber += 1
            if lineNumber == 1, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
            if buffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return JSONLine(line: lineNumber, result: parse())
        }
    }

    private func parse() -> Result<Dict, JSONLineError> {
        do throws(JSONReadError) {
            let value = try reader.read(buffer)
            guard case .dict(let object) = value else {
                return .failure(JSONLineError(message: "expected a JSON object, found \(JSONValueReader.describe(value))"))
            }
            return .success(object)
        } catch {
            // A file with CR line ends (classic Mac OS) reads as one line of many objects.
            let crLineEnds = buffer.contains(0x0D)
                ? "; the line holds carriage returns: if the file ends its lines with CR alone, convert them to LF "
                    + "(tr '\\r' '\\n' < old.jsonl > new.jsonl)"
                : ""
            return .failure(JSONLineError(message: "invalid JSON at column \(error.column): \(error.message)" + crLineEnds))
        }
    }
}
