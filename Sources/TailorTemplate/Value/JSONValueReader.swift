/// Reads JSON (RFC 8259) into ``Value``s, keeping what Jinja's data model needs
/// and a generic JSON decoder loses.
///
/// - Object members keep their order (they become a ``Dict``), so `{% for k, v in
///   profile.items() %}` iterates the way the file reads. A repeated key keeps its
///   first position and its last value, like Python's `json.loads`.
/// - Numbers written without a fraction or exponent become `.int`, the others
///   `.float`: `1` prints as `1` and `1.0` as `1.0`. An integer too large for
///   `Int` becomes `.float`, rounded like Python's `float(...)`.
/// - Strings decode every escape, with UTF-16 surrogate pairs joined; a lone
///   surrogate is an error, because a Swift string cannot hold one.
/// - Malformed input fails with a ``JSONReadError`` that gives the 1-based line
///   and column of the offending character. Bytes that are not UTF-8 are
///   malformed input, inside strings and out.
///
/// ```swift
/// let value = try JSONValueReader().read(#"{"first_name": "Ada", "orders": 3, "spent": 120.0}"#)
/// // .dict(["first_name": "Ada", "orders": .int(3), "spent": .float(120.0)])
/// ```
public struct JSONValueReader: Sendable {
    /// Deepest nesting of arrays and objects accepted; deeper input is refused
    /// rather than risking the stack.
    public var maxDepth: Int

    public init(maxDepth: Int = 512) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text from UTF-8 bytes. Surrounding whitespace is allowed;
    /// anything else after the value is an error.
    @inlinable
    public func read(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> Value {
        try Self.parsing(bytes, with: parseDocument)
    }

    /// Parses one JSON text from a string.
    public func read(_ text: String) throws(JSONReadError) -> Value {
        var text = text
        return try text.withUTF8 { parseDocument($0) }.get()
    }

    /// Parses a JSON object into a template context; any other top-level value
    /// is an error. The members go straight into the dictionary (no ``Dict``
    /// on the way); a repeated key keeps its last value.
    @inlinable
    public func readObject(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> [String: Value] {
        try Self.parsing(bytes, with: parseContext)
    }

    /// The parser's entry for a value. The generic `read` is inlined into its
    /// callers, so each reaches this with its own collection's buffer and no
    /// generic dispatch.
    @usableFromInline
    func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Value, JSONReadError> {
        parseDocument(buffer, cache: nil)
    }

    /// The parser's entry for a render context, like ``parseDocument(_:)``.
    @usableFromInline
    func parseContext(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[String: Value], JSONReadError> {
        parseContext(buffer, cache: nil)
    }

    func parseRecord(_ buffer: UnsafeBufferPointer<UInt8>, cache: JSONKeyCache?) -> Result<Dict, JSONReadError> {
        var parser = JSONParser(buffer, maxDepth: maxDepth, cache: cache)
        do throws(JSONParser.Failure) {
            return .success(try parser.parseRecordDocument())
        } catch {
            return .failure(JSONReadError(error.message, in: buffer, at: error.offset))
        }
    }

    func parseDocument(_ buffer: UnsafeBufferPointer<UInt8>, cache: JSONKeyCache?) -> Result<Value, JSONReadError> {
        var parser = JSONParser(buffer, maxDepth: maxDepth, cache: cache)
        do throws(JSONParser.Failure) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(JSONReadError(error.message, in: buffer, at: error.offset))
        }
    }

    func parseContext(_ buffer: UnsafeBufferPointer<UInt8>, cache: JSONKeyCache?) -> Result<[String: Value], JSONReadError> {
        var parser = JSONParser(buffer, maxDepth: maxDepth, cache: cache)
        do throws(JSONParser.Failure) {
            return .success(try parser.parseContextDocument())
        } catch {
            return .failure(JSONReadError(error.message, in: buffer, at: error.offset))
        }
    }

    /// `parse` over the bytes in place when they are contiguous, else over a
    /// copy: the step both readers' generic entries share.
    @inlinable
    static func parsing<Bytes: Collection<UInt8>, Parsed>(
        _ bytes: Bytes, with parse: (UnsafeBufferPointer<UInt8>) -> Result<Parsed, JSONReadError>
    ) throws(JSONReadError) -> Parsed {
        if let result = bytes.withContiguousStorageIfAvailable(parse) { return try result.get() }
        return try Array(bytes).withUnsafeBufferPointer(parse).get()
    }

    /// "an array", "a string", ...: how a JSON value is named in messages.
    public static func describe(_ value: Value) -> String {
        switch value {
        case .list, .tuple: return "an array"
        case .string, .markup: return "a string"
        case .int, .float: return "a number"
        case .bool: return "a boolean"
        case .none: return "null"
        default: return value.typeName
        }
    }
}

extension Dict {
    /// The members whose keys are strings, as a Swift dictionary (a render context).
    public var stringKeyed: [String: Value] {
        var out: [String: Value] = [:]
        out.reserveCapacity(count)
        for (key, value) in zip(keys, values) {
            if let name = key.stringValue { out[name] = value }
        }
        return out
    }
}
