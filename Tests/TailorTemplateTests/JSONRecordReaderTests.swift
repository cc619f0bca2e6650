import Testing
@testable import TailorTemplate
import TailorTestSupport

/// The record reader keeps keys and shapes between records; every
/// result must still be the plain reader's.
@Suite struct JSONRecordReaderTests {
    let plain = JSONValueReader()

    /// The plain reader's answer and the record reader's, as comparable text.
    func both(_ text: String, _ records: JSONRecordReader) -> (plain: String, records: String, plainContext: String, context: String) {
        let bytes = Array(text.utf8)
        return (
            Self.describe(Result { () throws(JSONReadError) -> Value in try plain.read(bytes) }),
            Self.describe(Result { () throws(JSONReadError) -> Value in try records.read(bytes) }),
            Self.describe(Result { () throws(JSONReadError) in try plain.readObject(bytes) }),
            Self.describe(Result { () throws(JSONReadError) in try records.readObject(bytes) })
        )
    }

    static func describe(_ result: Result<Value, JSONReadError>) -> String {
        switch result {
        case .success(let value): return JSONValueWriter.string(value) + " " + types(value)
        case .failure(let error): return "\(error.line):\(error.column):\(error.offset): \(error.message)"
        }
    }

    static func describe(_ result: Result<[String: Value], JSONReadError>) -> String {
        switch result {
        case .success(let context):
            return context.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                .map { "\(Array($0.utf8))=\(JSONValueWriter.string(context[$0]!)) \(types(context[$0]!))" }
                .joined(separator: "; ")
        case .failure(let error): return "\(error.line):\(error.column):\(error.offset): \(error.message)"
        }
    }

    static func types(_ value: Value) -> String {
        switch value {
        case .list(let items): return "[" + items.map(types).joined(separator: ",") + "]"
        case .dict(let dict): return "{" + dict.values.map(types).joined(separator: ",") + "}"
        default: return value.typeName
        }
    }

    func expectSame(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let records = JSONRecordReader()
        let contexts = JSONRecordReader()
        for text in texts {
            let (a, b, c, _) = both(text, records)
            let d = both(text, contexts).context
            #expect(a == b, "read \(text)", sourceLocation: sourceLocation)
            #expect(c == d, "readObject \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func recordsOfOneShape() {
        let records = (0..<20).map {
            #"{"id": "R\#($0)", "n": \#($0), "price": \#($0).5, "tags": ["a", "b"], "recs": [{"p": 1, "q": "x"}, {"p": 2, "q": "y"}]}"#
        }
        expectSame(records)
    }

    @Test func shapesThatChange() {
        expectSame([
            #"{"a": 1, "b": 2, "c": 3}"#, #"{"a": 1, "b": 2, "c": 3}"#, #"{"a": 1, "b": 2, "c": 3}"#,
            #"{"a": 1, "b": 2}"#, #"{"a": 1, "b": 2, "c": 3, "d": 4}"#, #"{"b": 1, "a": 2, "c": 3}"#,
            #"{"a": 1, "b": 2, "c": 3}"#, #"{"a": {"x": 1}, "b": [{"x": 1, "y": 2}, {"y": 2, "x": 1}, {"x": 3}]}"#,
            #"{"a": {"x": 1}, "b": [{"x": 1, "y": 2}, {"x": 1, "y": 2, "z": 3}, {}]}"#, #"{}"#, #"{"a": 1}"#,
        ])
    }

    @Test func objectsNestedUnderTheSameKey() {
        // The inner object changes what is expected under "k" while the outer one is being read.
        expectSame([
            #"{"k": {"x": 1, "y": 2}}"#, #"{"k": {"x": 1, "y": 2}}"#, #"{"k": {"x": {"k": {"p": 1}}, "y": 2}}"#,
            #"{"k": {"k": {"a": 1}, "b": 2}}"#, #"{"k": {"k": {"a": 1}, "b": 2}}"#, #"{"k": {"k": {"k": [1], "b": 2}, "b": 2}}"#,
            #"{"k": {"k": {"a": 1}, "b": 2}}"#, #"{"k": [{"a": 1}, {"k": {"a": 2}}, {"a": 3}]}"#, #"{"k": [{"a": 1}, {"a": 2}]}"#,
        ])
    }

    @Test func keysSpelledAnotherWay() {
        // The same key bytes written with escapes, keys that are not plain, and repeats.
        expectSame([
            #"{"a": 1, "q\"uote": 2, "tab\tkey": 3, "é": 4}"#, #"{"a": 1, "q\"uote": 2, "tab\tkey": 3, "é": 4}"#,
            #"{"\u0061": 1, "q\u0022uote": 2, "tab\u0009key": 3, "\u00e9": 4}"#,
            #"{"a": 1, "q\"uote": 2, "tab\tkey": 3, "é": 4, "a": 5}"#,
            #"{"a": 1, "q\"uote": 2, "a": 3, "é": 4}"#, #"{"é": 1, "e\u0301": 2, "é": 3}"#, #"{"é": 1, "e\u0301": 2, "é": 3}"#,
            #"{"q": 1, "qq": 2}"#, #"{"q": 1, "q\"": 2}"#, #"{"q\"": 1, "q": 2}"#,
        ])
    }

    @Test func badRecordsInBetween() {
        expectSame([
            #"{"a": 1, "b": "x"}"#, #"{"a": 1, "b": "x"}"#, #"{"a": 1, "b": "x"#, #"{"a": 1, "b": "x"}"#,
            #"{"a": 1, "b"  "x"}"#, #"{"a": 1, "b": "x"} ["#, #"[1, 2]"#, #"{"a": 1, "b": "x"}"#,
            "{\"a\": 1, \"b\u{1}\": 2}", #"{"a": 1, "b": "\ud800"}"#, #"{"a": 1, "b": "x"}"#,
        ])
    }

    @Test func keysNearTheEndOfTheInput() {
        // Expected keys are compared a word at a time; the input may end right after one.
        expectSame([#"{"k": {"a": 1}}"#, #"{"k": {"a": 1}}"#, #"{"k": {"a""#, #"{"k": {"a"#, #"{"k": {"#, #"{"k": {"ab": 1}}"#])
    }

    @Test func manyDistinctKeysRestartTheCache() {
        // More keys than the cache keeps: it starts again between records.
        let records = (0..<300).map { record in
            "{" + (0..<20).map { #""key_\#(record)_\#($0)": \#($0)"# }.joined(separator: ", ") + ", \"same\": 1}"
        }
        expectSame(records + records.prefix(5))
    }

    @Test func longStringsRepeatedAcrossRecords() {
        // Long values are shared between records by their bytes: near misses
        // (one byte changed, one longer, escaped, not ASCII) must stay apart.
        let base = "https://cdn.example.com/img/P00307-600x600.jpg"
        let values = [
            base, "https://cdn.example.com/img/P00308-600x600.jpg", base + "x", String(base.dropLast()),
            "0123456789abcde", "0123456789abcdef", "0123456789abcdefg", #"https:\/\/cdn.example.com\/img"#,
            "https://cdn.example.com/img", "Signature Rosé Table Lamp", #"Signature Rose\u0301 Table Lamp"#,
            "DE", "de", "D", "", "2018-04-19", "2018-04-1", "P00307", "P00308",
            "é", "Düsseldorf", "Düsseldorg", "1234567", "12345678", "123456789", "12345678\t", "silver", "silveR",
            String(repeating: "a", count: 512), String(repeating: "a", count: 513), String(repeating: "a", count: 511) + "b",
        ]
        var records: [String] = []
        for _ in 0..<3 {
            for (i, value) in values.enumerated() {
                records.append(#"{"v": "\#(value)", "w": ["\#(values[(i + 1) % values.count])", "\#(value)"]}"#)
            }
        }
        expectSame(records)
    }

    @Test func randomLongStringsFromASmallPool() {
        // Values drawn from a few similar strings, so slots are reused,
        // replaced and found again; the plain reader is the oracle.
        var generator = SplitMix64(seed: 0x57A1)
        let alphabet = Array("ab/.-_é\"\\\u{7}".unicodeScalars)
        func pooled() -> String {
            let length = Int(generator.next() % 40) + 10
            let seed = generator.next() % UInt64(alphabet.count)
            var text = ""
            for i in 0..<length {
                let scalar = i == length / 2 ? alphabet[Int(seed)] : Unicode.Scalar(UInt8(ascii: "p") + UInt8(i % 3))
                text.unicodeScalars.append(scalar)
            }
            return text
        }
        var records: [String] = []
        for _ in 0..<400 {
            let text = pooled()
            var escaped = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\u{7}": escaped += "\\u0007"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            let raw = generator.next() % 8 == 0 ? text : escaped  // sometimes unescaped: an error
            records.append(#"{"a": "\#(escaped)", "b": ["\#(raw)", "\#(escaped)"]}"#)
        }
        expectSame(records)
    }

    @Test func randomMutationsOfOneShape() {
        // Records of one shape, each with a random change where a key is
        // expected: the expected-key path and the general one must agree,
        // results and errors alike.
        var generator = SplitMix64(seed: 0x4B45_5953)
        let keys = ["product_id", "name", "price", "url", "in_stock", "é", "q\\\"k"]
        let values = [
            #""P00307""#, #""Schäfer""#, "128.5", "-0", "18446744073709551616", "9223372036854775807",
            "1e400", #""\ud83d\ude00""#, #""\ud83d""#, "{}", "[]", #"{"x": [{"y": {}}]}"#, "true", "null",
            #""tab\there""#, "\"\u{FF}\"", "[[[[[[[[1]]]]]]]]",
        ]
        let spellings = [#""\u0070rice""#, #""name" "#, "name", #""url""#, #""price","#, #""in_stock"""#, #""""#]
        var records: [String] = []
        for _ in 0..<600 {
            var members: [String] = []
            for key in keys {
                let value = values[Int(generator.next() % UInt64(values.count))]
                let spelled: String
                switch generator.next() % 24 {
                case 0: continue  // a key left out
                case 1: spelled = spellings[Int(generator.next() % UInt64(spellings.count))]
                case 2: members.append(#""name": 0"#); spelled = "\"\(key)\""  // a repeat, or a new key
                default: spelled = "\"\(key)\""
                }
                let space = generator.next() % 4 == 0 ? " \n" : ""
                members.append(spelled + space + ":" + space + value)
            }
            if generator.next() % 16 == 0 { members.shuffle(using: &generator) }
            let inner = "{" + members.joined(separator: ",") + (generator.next() % 40 == 0 ? ",}" : "}")
            records.append(#"{"id": 1, "recs": [\#(inner), \#(inner)], "cart": []}"#)
        }
        expectSame(records)
    }

    @Test func readObjectOfTheSameShapeAgain() throws {
        let reader = JSONRecordReader()
        for i in 0..<5 {
            let context = try reader.readObject(Array(#"{"first": "Ada", "n": \#(i), "nested": {"x": [\#(i)]}}"#.utf8))
            #expect(context == ["first": "Ada", "n": .int(i), "nested": .dict(Dict([(.string("x"), [.int(i)])]))])
        }
    }
}
