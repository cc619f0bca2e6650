import Testing
@testable import TailorTemplate

@Suite struct JSONValueReaderTests {
    let reader = JSONValueReader()

    // MARK: Scalars

    @Test(arguments: [
        ("0", Value.int(0)), ("-0", .int(0)), ("42", .int(42)), ("-17", .int(-17)),
        ("1.0", .float(1.0)), ("1e2", .float(100)), ("1E-2", .float(0.01)), ("-2.5e+3", .float(-2500)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("true", .bool(true)), ("false", .bool(false)), ("null", .none),
        (#""""#, .string("")), (#""hi""#, .string("hi")), ("  7 \n\t", .int(7)),
    ])
    func scalar(text: String, expected: Value) throws {
        let value = try reader.read(text)
        #expect(value == expected)
        #expect(value.typeName == expected.typeName)
    }

    @Test func integersAndFloatsStayApart() throws {
        guard case .list(let items) = try reader.read("[1, 1.0, 10, 1e1]") else {
            Issue.record("not a list")
            return
        }
        #expect(items.map(\.typeName) == ["int", "float", "int", "float"])
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"])
    func integersBeyond64BitsKeepTheirDigits(text: String) throws {
        #expect(try reader.read(text) == .string(text))
        #expect(try reader.read("[\(text), 1]") == .list([.string(text), .int(1)]))
    }

    @Test func anIntegerBeyond64BitsPrintsAsWritten() throws {
        #expect(try render("{{ order }} {{ card }}", #"{"order": 12345678901234567890, "card": -9223372036854775809}"#)
            == "12345678901234567890 -9223372036854775809")
    }

    // MARK: Strings

    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#""a\\b""#, "a\\b"), (#""a\/b""#, "a/b"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"), (#""\u0041\u00e9""#, "Aé"),
        (#""\u20AC""#, "€"), (#""\ud83d\ude00""#, "😀"), (#""\uD834\uDD1E!""#, "𝄞!"),
        (#""Zoë Müller 日本""#, "Zoë Müller 日本"), (#""x😀y""#, "x😀y"), (#""\u0000""#, "\u{0}"),
        (#""plain then \n escape""#, "plain then \n escape"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try reader.read(text) == .string(expected))
    }

    // MARK: Containers

    @Test func objectKeepsKeyOrder() throws {
        let value = try reader.read(#"{"zeta": 1, "alpha": 2, "mid": {"b": [], "a": {}}}"#)
        guard case .dict(let dict) = value else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.keys == ["zeta", "alpha", "mid"])
        guard case .dict(let inner) = dict[string: "mid"] else {
            Issue.record("not a nested dict")
            return
        }
        #expect(inner.keys == ["b", "a"])
    }

    @Test func duplicateKeyKeepsFirstPositionAndLastValue() throws {
        guard case .dict(let dict) = try reader.read(#"{"a": 1, "b": 2, "a": 3}"#) else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.keys == ["a", "b"])
        #expect(dict[string: "a"] == .int(3))
    }

    @Test func nestedArrays() throws {
        #expect(try reader.read("[[], [1, [2, [3]]], {}]") == [[], [1, [2, [3]]], .dict(Dict())])
    }

    @Test func readObjectGivesContext() throws {
        let context = try reader.readObject(Array(#"{"first_name": "Ada", "n": 2}"#.utf8))
        #expect(context["first_name"] == "Ada")
        #expect(context["n"] == .int(2))
    }

    @Test func readObjectRefusesOtherValues() {
        #expect(throws: JSONReadError.self) { try reader.readObject(Array("[1]".utf8)) }
    }

    @Test func bytesAndStringAgree() throws {
        let text = #"{"name": "Zoë", "tags": ["a", "\u00e9"], "n": 1.5}"#
        #expect(try reader.read(Array(text.utf8)) == reader.read(text))
    }

    @Test func byteOrderMarkIsTolerated() throws {
        #expect(try reader.read([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try reader.read(ok) }
        let shallow = JSONValueReader(maxDepth: 3)
        #expect(throws: Never.self) { try shallow.read("[[[1]]]") }
        #expect(throws: JSONReadError.self) { try shallow.read("[[[[1]]]]") }
    }

    @Test func veryDeepInputFailsWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect {
            try reader.read(deep)
        } throws: { error in
            (error as? JSONReadError)?.message.contains("nesting deeper than 512") == true
        }
    }

    // MARK: Bad input

    @Test(arguments: [
        // (input, line, column, part of the message)
        ("", 1, 1, "unexpected end of input"),
        ("   ", 1, 4, "unexpected end of input"),
        ("[1, 2", 1, 6, "expected ',' or ']'"),
        (#"{"a": 1"#, 1, 8, "expected ',' or '}'"),
        (#"{"a" 1}"#, 1, 6, "expected ':'"),
        (#"{"a":}"#, 1, 6, "expected a value"),
        (#"{a: 1}"#, 1, 2, "expected a string key"),
        (#"{"a": 1,}"#, 1, 9, "expected a string key"),
        ("[1,]", 1, 4, "expected a value"),
        (#""abc"#, 1, 1, "unterminated string"),
        ("[1] x", 1, 5, "after the JSON value"),
        ("{}{}", 1, 3, "after the JSON value"),
        ("tru", 1, 1, "expected 'true'"),
        ("nul1", 1, 1, "expected 'null'"),
        ("01", 1, 1, "leading zeros"),
        ("-", 1, 2, "digit after '-'"),
        ("1.", 1, 3, "digit after '.'"),
        ("1e", 1, 3, "exponent"),
        ("+1", 1, 1, "expected a value"),
        ("NaN", 1, 1, "expected a value"),
        (#""\x""#, 1, 2, "invalid escape '\\x'"),
        (#""\u12""#, 1, 2, "four hex digits"),
        (#""\u12G4""#, 1, 2, "four hex digits"),
        (#""\ud800""#, 1, 2, "lone surrogate \\uD800"),
        (#""\ud800x""#, 1, 2, "lone surrogate"),
        (#""\ud800\u0041""#, 1, 2, "not a low surrogate"),
        (#""\udc00""#, 1, 2, "a low surrogate without a high one"),
        ("\"a\nb\"", 1, 3, "line break"),
        ("\"a\u{1}b\"", 1, 3, "control character U+0001"),
        ("[\n  1,\n  ?\n]", 3, 3, "unexpected '?'"),
        ("{\n\"é\": x}", 2, 6, "unexpected 'x'"),
    ])
    func badInput(text: String, line: Int, column: Int, message: String) {
        #expect {
            try reader.read(text)
        } throws: { error in
            guard let error = error as? JSONReadError else { return false }
            #expect(error.line == line, "line for \(text.debugDescription)")
            #expect(error.column == column, "column for \(text.debugDescription)")
            #expect(error.message.contains(message), "message: \(error.message)")
            return true
        }
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22],  // a byte that never appears in UTF-8
        [0x22, 0xC3, 0x22],  // truncated two-byte sequence
        [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
        [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
        [0x22, 0xE2, 0x82],  // truncated at the end of input
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONReadError.self) { try reader.read(bytes) }
    }
}

@Suite struct JSONValueWriterTests {
    @Test(arguments: [
        (Value.none, "null"), (.undefined(Undefined(.name("x"), strict: false)), "null"),
        (.bool(true), "true"), (.int(-3), "-3"), (.float(1.0), "1.0"), (.float(1e16), "1e+16"),
        (.float(.infinity), "null"), (.float(.nan), "null"),
        (.string("a\"b\\c"), #""a\"b\\c""#), (.string("line\nbreak\ttab\r"), #""line\nbreak\ttab\r""#),
        (.string("\u{0}\u{1}\u{1F}\u{7F}"), #""\u0000\u0001\u001f\u007f""#),
        // The line breaks Python's splitlines and JavaScript see outside ASCII are escaped too.
        (.string("Zoë 😀 \u{2028}\u{2029}\u{85}é"), #""Zoë 😀 \u2028\u2029\u0085é""#), (.markup("<b>"), #""<b>""#),
        (.list([1, "a", .none]), #"[1,"a",null]"#), (.tuple([1, 2]), "[1,2]"),
        (Value(dictionaryLiteral: ("id", "x/1"), ("output", "Hi")), #"{"id":"x/1","output":"Hi"}"#),
        (.dict(Dict([(.int(1), .bool(false))])), #"{"1":false}"#),
    ])
    func writes(value: Value, expected: String) {
        #expect(JSONValueWriter.string(value) == expected)
    }

    @Test(arguments: [
        #"{"b":[1,2.5,{"c":null}],"a":"x\ny\u0001é😀","n":-0.0,"t":true}"#,
        #"[1e+16,123456789012345678,0.30000000000000004,"\\\"/"]"#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValueReader().read(text)
        let written = JSONValueWriter.string(value)
        let again = try JSONValueReader().read(written)
        #expect(again == value)
        #expect(JSONValueWriter.string(again) == written)
    }
}
