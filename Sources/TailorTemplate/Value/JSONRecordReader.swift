/// Reads many JSON records of one shape, one after another: the objects of a
/// JSONL profiles file, or a batch's contexts. The results are those of
/// ``JSONValueReader``; the difference is speed, because the reader keeps the
/// records' key strings and their objects' key lists from one record to the
/// next (``JSONKeyCache``).
///
/// A reader is for one thread: make one per worker.
///
/// ```swift
/// let reader = JSONRecordReader()
/// for line in lines {
///     let context = try reader.readObject(line)  // [String: Value]
///     ...
/// }
/// for line in lines {
///     let record = try reader.readRecord(line)  // Dict, for template.render(record, into: &buffer)
///     ...
/// }
/// ```
public final class JSONRecordReader {
    /// Deepest nesting of arrays and objects accepted, as in ``JSONValueReader``.
    public let maxDepth: Int
    private let cache = JSONKeyCache()

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text from UTF-8 bytes, like ``JSONValueReader``'s `read`.
    @inlinable
    public func read(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> Value {
        try JSONValueReader.parsing(bytes, with: parseDocument)
    }

    /// Parses a JSON object into a template context, like
    /// ``JSONValueReader``'s `readObject`.
    @inlinable
    public func readObject(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> [String: Value] {
        try JSONValueReader.parsing(bytes, with: parseContext)
    }

    /// Parses a JSON object into a ``Dict`` for ``Template/render(_:into:)``
    /// to take as it is: the errors of `readObject`, and the same variables
    /// (a repeated key keeps its first position and its last value), without
    /// a dictionary built and hashed per record.
    @inlinable
    public func readRecord(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> Dict {
        try JSONValueReader.parsing(bytes, with: parseRecord)
    }

    /// The parser's entries, as in ``JSONValueReader``, with this reader's cache.
    @usableFromInline
    func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Value, JSONReadError> {
        cache.beginRecord()
        return JSONValueReader(maxDepth: maxDepth).parseDocument(buffer, cache: cache)
    }

    @usableFromInline
    func parseRecord(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Dict, JSONReadError> {
        cache.beginRecord()
        return JSONValueReader(maxDepth: maxDepth).parseRecord(buffer, cache: cache)
    }

    @usableFromInline
    func parseContext(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[String: Value], JSONReadError> {
        cache.beginRecord()
        return JSONValueReader(maxDepth: maxDepth).parseContext(buffer, cache: cache)
    }
}
