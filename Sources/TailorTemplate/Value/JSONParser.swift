/// The recursive-descent parser behind ``JSONValueReader``, over a byte buffer;
/// positions are byte offsets.
///
/// Finished values and keys wait on a ``JSONStack`` until their container
/// closes, so each array and object is allocated once, at its final size. Strings,
/// numbers and escapes are read in `JSONParser+Strings.swift` and
/// `JSONParser+Numbers.swift`.
struct JSONParser: ~Copyable {
    /// A message and the byte offset it is about; ``JSONReadError`` adds the
    /// line and column.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    /// Keys and shapes kept from earlier records, for a ``JSONRecordReader``.
    let cache: JSONKeyCache?
    /// The cache's string values, kept from earlier records.
    let strings: JSONStringCache.Table?
    var position = 0
    var depth = 0
    /// Reused between strings that contain escapes.
    var scratch: [UInt8] = []
    /// Elements of the arrays and member values of the objects being read.
    var values: JSONStack<Value>
    /// Member keys of the objects being read, each with a digest: a repeated
    /// key (rare) is looked for only when its digest was seen before in the
    /// same object.
    var keys: JSONStack<JSONKey>
    /// The names of `keys`, beside them, when there is no cache to keep them.
    var names: JSONStack<String>

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, cache: JSONKeyCache? = nil) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.cache = cache
        strings = cache?.strings.table
        values = JSONStack(capacity: 64, pool: cache?.stacks, slot: 0)
        keys = JSONStack(capacity: 32, pool: cache?.stacks, slot: 1)
        names = JSONStack(capacity: cache == nil ? 32 : 0, pool: cache?.stacks, slot: 2)
    }

    /// One JSON text: a value with optional whitespace around it.
    mutating func parseDocument() throws(Failure) -> Value {
        skipByteOrderMark()
        skipWhitespace()
        let value = try parseValue()
        try expectEnd()
        return value
    }

    /// One JSON text that must be an object, read straight into a render
    /// context. Any other value is read in full first, so a malformed text
    /// reports its own error rather than the wrong top-level type.
    mutating func parseContextDocument() throws(Failure) -> [String: Value] {
        popContext(try parseTopLevelMembers())
    }

    /// One JSON text that must be an object, read into a ``Dict`` that a
    /// render takes as its context (``JSONRecordReader/readRecord(_:)``).
    mutating func parseRecordDocument() throws(Failure) -> Dict {
        popRecord(try parseTopLevelMembers())
    }

    /// The members of a JSON text that must be an object, left on the stacks.
    /// Any other value is read in full first, so a malformed text reports its
    /// own error rather than the wrong top-level type.
    mutating func parseTopLevelMembers() throws(Failure) -> Members {
        skipByteOrderMark()
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else {
            let value = try parseValue()
            try expectEnd()
            throw Failure(
                message: "expected a JSON object at the top level, found \(JSONValueReader.describe(value))",
                offset: 0)
        }
        let members = try parseMembers(under: -1)
        try expectEnd()
        return members
    }

    /// A UTF-8 byte order mark is tolerated, as most readers do.
    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if position < bytes.count {
            throw Failure(message: "unexpected \(describeByte(at: position)) after the JSON value", offset: position)
        }
    }

    // MARK: Values

    /// Reads the value at `position`. `parent` is the id of the key it is the
    /// value of, or of the array it is in (-1 at the top level), for the
    /// cache's expected keys.
    mutating func parseValue(under parent: Int32 = -1) throws(Failure) -> Value {
        guard position < bytes.count else {
            throw Failure(message: "unexpected end of input, expected a value", offset: position)
        }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "{"):
            let members = try parseMembers(under: parent)
            return .dict(popDict(members))
        case UInt8(ascii: "["): return try parseArray(under: parent)
        case UInt8(ascii: "t"):
            if hasWord(0x6575_7274) { position += 4 } else { try expectWord("true") }  // "true"
            return .bool(true)
        case UInt8(ascii: "f"):
            if hasWord(0x6573_6C61, after: 1) { position += 5 } else { try expectWord("false") }  // "alse"
            return .bool(false)
        case UInt8(ascii: "n"):
            if hasWord(0x6C6C_756E) { position += 4 } else { try expectWord("null") }  // "null"
            return .none
        default:
            throw Failure(message: "unexpected \(describeByte(at: position)), expected a value", offset: position)
        }
    }

    /// Whether the four bytes `after` bytes past `position` are `word` (its
    /// first byte lowest): a literal recognised in one comparison.
    @inline(__always) func hasWord(_ word: UInt32, after skip: Int = 0) -> Bool {
        guard bytes.count - position - skip >= 4, let base = bytes.baseAddress else { return false }
        let found = UnsafeRawPointer(base + position + skip).loadUnaligned(as: UInt32.self)
        return UInt32(littleEndian: found) == word
    }

    /// Steps over `word`, or fails naming it.
    mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let expected = word.utf8Start
        var ok = bytes.count - position >= count
        var i = 0
        while ok && i < count {
            ok = bytes[position + i] == expected[i]
            i += 1
        }
        guard ok else {
            throw Failure(message: "invalid literal, expected '\(word)'", offset: position)
        }
        position += count
    }

    @inline(__always) mutating func enter() throws(Failure) {
        depth += 1
        if depth > maxDepth {
            throw Failure(message: "nesting deeper than \(maxDepth) arrays and objects", offset: position)
        }
    }

    // MARK: Containers

    mutating func parseArray(under parent: Int32) throws(Failure) -> Value {
        try enter()
        position += 1  // [
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .list([])
        }
        let start = values.count
        while true {
            skipWhitespace()
            let element = try parseValue(under: parent)
            values.push(consume element)
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
        return .list(values.popArray(from: start) { $0 })
    }

    /// Where an object's members start on the key and value stacks, where
    /// the object is, and whether its keys were exactly the ones expected
    /// there.
    struct Members {
        var keys: Int
        var values: Int
        var parent: Int32
        /// The key ids expected, and whether the keys were exactly those.
        var expected: [Int32] = []
        var matchedExpected = false
    }

    /// Reads an object from its `{`, leaving its members on the key and value
    /// stacks. A repeated key (the same bytes) keeps its first position and
    /// takes the later value. (A render context is made from the members so
    /// merged: assigning them unmerged would differ where two keys are
    /// different bytes but equal Swift strings, like "é" and "e\u{301}".)
    ///
    /// With a cache, the keys of the last object read under the same `parent`
    /// are expected: while they come in the same order, each is recognised by
    /// comparing bytes, and (a prefix of a list of distinct keys) cannot be a
    /// repeat.
    mutating func parseMembers(under parent: Int32) throws(Failure) -> Members {
        try enter()
        position += 1  // {
        var members = Members(keys: keys.count, values: values.count, parent: parent)
        var seenDigests: Set<UInt64>? = nil
        let cache = self.cache
        let expected = cache?.expectedShape(under: parent) ?? []
        var expecting = !expected.isEmpty
        var matched = 0
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return members
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
            let key: JSONKey
            // A repeat of an earlier key, found before the value is read, and
            // (without a cache) the new key's name, pushed with it after.
            var earlier: Int? = nil
            var newName: String? = nil
            if expecting, matched < expected.count, let (found, length) = cache?.key(expected[matched], at: position, in: bytes) {
                key = found
                position += length
                matched += 1
            } else {
                expecting = false
                let (parsedKey, name) = try parseKey()
                key = parsedKey
                earlier = earlierMember(key, name, members, seen: &seenDigests)
                if earlier == nil, cache == nil { newName = consume name }
            }
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
            let value = try parseValue(under: key.id)
            if let earlier {
                values.replace(at: members.values + earlier, with: consume value)
            } else {
                keys.push(key)
                if cache == nil { names.push(newName.take() ?? "") }
                values.push(consume value)
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
        members.matchedExpected = expecting && matched == expected.count
        members.expected = expected
        if let cache, !members.matchedExpected {
            cache.rememberShape(keys, from: members.keys, under: parent)
        }
        depth -= 1
        return members
    }

    /// Objects with more members than this look digests up in a set rather
    /// than one by one.
    static let linearDigestSearchLimit = 32

    /// The member number of an earlier member of the current object whose key
    /// has the same bytes as `key`, if any. Digests are compared first; only an
    /// equal digest costs a comparison of the keys.
    func earlierMember(_ key: JSONKey, _ name: String, _ members: Members, seen: inout Set<UInt64>?) -> Int? {
        let count = keys.count - members.keys
        if count > Self.linearDigestSearchLimit {
            if seen == nil {
                var digests = Set<UInt64>(minimumCapacity: count * 2)
                for i in members.keys..<keys.count { digests.insert(keys[i].digest) }
                seen = digests
            }
            if seen!.insert(key.digest).inserted { return nil }
        }
        for i in members.keys..<keys.count where keys[i].digest == key.digest {
            // Cached keys have the same bytes exactly when they have the same id.
            let same = key.id >= 0 ? keys[i].id == key.id : names[i].utf8.elementsEqual(name.utf8)
            if same { return i - members.keys }
        }
        return nil
    }

    /// Moves an object's members off the stacks into a ``Dict``; repeated keys
    /// were merged as they were read.
    mutating func popDict(_ members: Members) -> Dict {
        let dictKeys: [Value]
        if let cache {
            if members.matchedExpected, let shared = cache.expectedDictKeys(members.expected, under: members.parent) {
                dictKeys = shared
            } else {
                dictKeys = cache.dictKeys(keys, from: members.keys)
                if members.matchedExpected {
                    cache.rememberExpectedDictKeys(dictKeys, for: members.expected, under: members.parent)
                }
            }
        } else {
            dictKeys = names.popArray(from: members.keys) { Value.string($0) }
        }
        keys.remove(from: members.keys)
        return Dict(uniqueKeys: dictKeys, values: values.popArray(from: members.values) { $0 })
    }

    /// Moves the top-level object's members off the stacks into a render
    /// context, assigning them in order, as `Dict.stringKeyed` does.
    mutating func popContext(_ members: Members) -> [String: Value] {
        let count = keys.count - members.keys
        var context = [String: Value](minimumCapacity: count)
        for i in 0..<count {
            let key = keys.take(members.keys + i)
            let name: String
            if let cache { name = cache.name(key.id) } else { name = self.names.take(members.keys + i) }
            context[name] = values.take(members.values + i)
        }
        keys.removeTaken(from: members.keys)
        if cache == nil { self.names.removeTaken(from: members.keys) }
        values.removeTaken(from: members.values)
        return context
    }

    /// Moves the top-level object's members off the stacks into a ``Dict``,
    /// marked as having distinct ASCII names when the cache knows every key
    /// to be ASCII (keys were merged by their bytes as they were read).
    mutating func popRecord(_ members: Members) -> Dict {
        var ascii = cache != nil
        if let cache {
            for i in members.keys..<keys.count where !cache.isASCII(keys[i].id) {
                ascii = false
                break
            }
        }
        var record = popDict(members)
        if ascii { record.hasDistinctASCIINames = true }
        return record
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
