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

    /// The parser's entries, as in ``JSONValueReader``, with this reader's cache.
    @usableFromInline
    func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Value, JSONReadError> {
        cache.beginRecord()
        return JSONValueReader(maxDepth: maxDepth).parseDocument(buffer, cache: cache)
    }

    @usableFromInline
    func parseContext(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[String: Value], JSONReadError> {
        cache.beginRecord()
        return JSONValueReader(maxDepth: maxDepth).parseContext(buffer, cache: cache)
    }
}
