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
///   and column of the offending character.
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
    public func read(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> Value {
        let result: Result<Value, JSONReadError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parse(buffer)
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { parse($0) }.get()
    }

    /// Parses one JSON text from a string.
    public func read(_ text: String) throws(JSONReadError) -> Value {
        var text = text
        let result = text.withUTF8 { parse($0) }
        return try result.get()
    }

    /// Parses a JSON object into a template context; any other top-level value
    /// is an error.
    public func readObject(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> [String: Value] {
        let value = try read(bytes)
        guard case .dict(let dict) = value else {
            throw JSONReadError(
                "expected a JSON object at the top level, found \(JSONValueReader.describe(value))",
                line: 1, column: 1, offset: 0)
        }
        return dict.stringKeyed
    }

    private func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<Value, JSONReadError> {
        var parser = JSONParser(buffer, maxDepth: maxDepth)
        do throws(JSONParser.Failure) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(JSONReadError(error.message, in: buffer, at: error.offset))
        }
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

/// Why a JSON text could not be read, and where.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// Byte offset from the start of the input.
    public var offset: Int

    public init(_ message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    init(_ message: String, in buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, buffer.count)
        for i in 0..<end where buffer[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Count scalars, not bytes: UTF-8 continuation bytes do not start a column.
        var column = 1
        for i in lineStart..<end where buffer[i] & 0xC0 != 0x80 { column += 1 }
        self.init(message, line: line, column: column, offset: offset)
    }

    /// `line:column: message`, ready to follow a file name.
    public var description: String { "\(line):\(column): \(message)" }
}

/// The recursive-descent parser over a byte buffer; positions are byte offsets.
private struct JSONParser {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var depth = 0
    /// Reused between strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(Failure) -> Value {
        // A UTF-8 byte order mark is tolerated, as most readers do.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw Failure(message: "unexpected \(describeByte(at: position)) after the JSON value", offset: position)
        }
        return value
    }

    // MARK: Values

    mutating func parseValue() throws(Failure) -> Value {
        guard position < bytes.count else {
            throw Failure(message: "unexpected end of input, expected a value", offset: position)
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .none
        default:
            throw Failure(message: "unexpected \(describeByte(at: position)), expected a value", offset: position)
        }
    }

    mutating func expectWord(_ word: StaticString) throws(Failure) {
        let start = position
        let count = word.utf8CodeUnitCount
        let ok = word.withUTF8Buffer { expected in
            guard bytes.count - position >= count else { return false }
            for i in 0..<count where bytes[position + i] != expected[i] { return false }
            return true
        }
        guard ok else {
            throw Failure(message: "invalid literal, expected '\(word)'", offset: start)
        }
        position += count
    }

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth {
            throw Failure(message: "nesting deeper than \(maxDepth) arrays and objects", offset: position)
        }
    }

    mutating func parseArray() throws(Failure) -> Value {
        try enter()
        position += 1  // [
        var elements: [Value] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .list(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else {
                throw Failure(message: "unexpected end of input, expected ',' or ']' in an array", offset: position)
            }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            throw Failure(
                message: "unexpected \(describeByte(at: position - 1)), expected ',' or ']' in an array",
                offset: position - 1)
        }
        depth -= 1
        return .list(elements)
    }

    mutating func parseObject() throws(Failure) -> Value {
        try enter()
        position += 1  // {
        var dict = Dict()
        // A digest of each key's bytes: a repeated key (rare) is looked for only
        // when its digest was seen before in this object.
        var keyDigests: [UInt64] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .dict(dict)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                if position >= bytes.count {
                    throw Failure(message: "unexpected end of input, expected a string key", offset: position)
                }
                throw Failure(
                    message: "unexpected \(describeByte(at: position)), expected a string key (object keys are quoted)",
                    offset: position)
            }
            var key = try parseString()
            let digest = key.withUTF8 { Self.digest($0) }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                if position >= bytes.count {
                    throw Failure(message: "unexpected end of input, expected ':' after the key", offset: position)
                }
                throw Failure(
                    message: "unexpected \(describeByte(at: position)), expected ':' after the key", offset: position)
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            if keyDigests.contains(digest) {
                dict[.string(key)] = value
            } else {
                keyDigests.append(digest)
                dict.appendNew(.string(key), value)
            }
            skipWhitespace()
            guard position < bytes.count else {
                throw Failure(message: "unexpected end of input, expected ',' or '}' in an object", offset: position)
            }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            throw Failure(
                message: "unexpected \(describeByte(at: position - 1)), expected ',' or '}' in an object",
                offset: position - 1)
        }
        depth -= 1
        return .dict(dict)
    }

    /// FNV-1a over a decoded key's UTF-8: equal keys, however they were
    /// escaped, have equal digests.
    static func digest(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in raw {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func parseNumber() throws(Failure) -> Value {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else {
            throw Failure(message: "invalid number: expected a digit after '-'", offset: position)
        }
        position += 1
        if first == UInt8(ascii: "0"), let next = peek(), isDigit(next) {
            throw Failure(message: "invalid number: leading zeros are not allowed", offset: start)
        }
        skipDigits()
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard let d = peek(), isDigit(d) else {
                throw Failure(message: "invalid number: expected a digit after '.'", offset: position)
            }
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let d = peek(), isDigit(d) else {
                throw Failure(message: "invalid number: expected a digit in the exponent", offset: position)
            }
            skipDigits()
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, let int = Self.parseInt(digits) { return .int(int) }
        // Decimal text that passed the grammar above always converts.
        let text = String(decoding: digits, as: UTF8.self)
        return .float(Double(text) ?? .nan)
    }

    /// Accumulates decimal digits, or nil on overflow (the caller falls back to a float).
    static func parseInt(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let negative = digits.first == UInt8(ascii: "-")
        if negative { i = 1 }
        var value = 0
        while i < digits.count {
            let d = Int(digits[i] &- UInt8(ascii: "0"))
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    @inline(__always) mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    // MARK: Strings

    /// Reads a string starting at its opening quote.
    mutating func parseString() throws(Failure) -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes, so the bytes are the string.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacter(b) }
            if b >= 0x80 { try skipUTF8Sequence() } else { position += 1 }
        }
        guard position < bytes.count else {
            throw Failure(message: "unterminated string", offset: open)
        }
        // Slow path: copy what we have, then decode escapes into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape()
            } else if b < 0x20 {
                throw controlCharacter(b)
            } else if b >= 0x80 {
                let from = position
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<position]))
            } else {
                scratch.append(b)
                position += 1
            }
        }
        throw Failure(message: "unterminated string", offset: open)
    }

    func controlCharacter(_ b: UInt8) -> Failure {
        let name: String
        switch b {
        case 0x0A: name = "a line break (write \\n)"
        case 0x0D: name = "a carriage return (write \\r)"
        case 0x09: name = "a tab (write \\t)"
        default: name = "control character U+\(hex4(UInt32(b))) (write \\u\(hex4(UInt32(b))))"
        }
        return Failure(message: "\(name) inside a string; control characters must be escaped", offset: position)
    }

    /// Decodes one backslash escape at `position` into `scratch`.
    mutating func parseEscape() throws(Failure) {
        let start = position
        guard position + 1 < bytes.count else {
            throw Failure(message: "unterminated escape at the end of input", offset: start)
        }
        let c = bytes[position + 1]
        position += 2
        switch c {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw Failure(
                        message: "lone surrogate \\u\(hex4(scalar)) in string: a high surrogate needs a low one after it",
                        offset: start)
                }
                let lowStart = position
                position += 2
                let low = try hexQuad(escapeAt: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(
                        message: "lone surrogate \\u\(hex4(scalar)) in string: \\u\(hex4(low)) is not a low surrogate",
                        offset: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure(
                    message: "lone surrogate \\u\(hex4(scalar)) in string: a low surrogate without a high one",
                    offset: start)
            }
            appendUTF8(scalar)
        default:
            throw Failure(message: "invalid escape '\\\(describeEscaped(c))' in string", offset: start)
        }
    }

    /// Reads the four hex digits after `\u` at `position`.
    mutating func hexQuad(escapeAt start: Int) throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4 else {
            throw Failure(message: "incomplete \\u escape: expected four hex digits", offset: start)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default:
                throw Failure(message: "invalid \\u escape: expected four hex digits", offset: start)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF).
    mutating func skipUTF8Sequence() throws(Failure) {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw Failure(message: "invalid UTF-8 byte 0x\(hex2(lead))", offset: position)
        }
        guard bytes.count - position >= length else {
            throw Failure(message: "truncated UTF-8 sequence", offset: position)
        }
        let second = bytes[position + 1]
        guard second >= low && second <= high else {
            throw Failure(message: "invalid UTF-8 sequence", offset: position)
        }
        for i in 2..<max(length, 2) where bytes[position + i] & 0xC0 != 0x80 {
            throw Failure(message: "invalid UTF-8 sequence", offset: position)
        }
        position += length
    }

    // MARK: Helpers

    @inline(__always) func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func describeByte(at offset: Int) -> String {
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b >= 0x80 { return "non-ASCII character" }
        return "character U+\(hex4(UInt32(b)))"
    }

    func describeEscaped(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "U+\(hex4(UInt32(b)))"
    }

    func hex4(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    func hex2(_ v: UInt8) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }
}
