import Foundation
import Testing
@testable import TailorTemplate
import TailorTestSupport

/// The reader's fast paths (numbers gathered while scanning, strings skipped
/// eight bytes at a time, objects merged by key digest, contexts built without
/// a `Dict`) against the slow, obvious answers.
@Suite struct JSONValueReaderFastPathTests {
    let reader = JSONValueReader()

    // MARK: Numbers

    @Test(arguments: [
        ("-0", Value.int(0)), ("0", .int(0)), ("7", .int(7)),
        ("123456789012345678", .int(123_456_789_012_345_678)),
        ("-123456789012345678", .int(-123_456_789_012_345_678)),
        ("1234567890123456789", .int(1_234_567_890_123_456_789)),
        ("12345678901234567890", .string("12345678901234567890")),
        ("123456789012345678901234567890", .string("123456789012345678901234567890")),
        ("0.1", .float(0.1)), ("-0.5", .float(-0.5)), ("420.71", .float(420.71)), ("0.075", .float(0.075)),
        ("0.30000000000000004", .float(0.30000000000000004)),
        ("9007199254740993.0", .float(9_007_199_254_740_992.0)),
        ("1e22", .float(1e22)), ("1e23", .float(1e23)), ("1.5e-22", .float(1.5e-22)),
        ("2.2250738585072014e-308", .float(2.2250738585072014e-308)),
        ("4.9e-324", .float(.leastNonzeroMagnitude)), ("1.7976931348623157e308", .float(1.7976931348623157e308)),
        ("1e-400", .float(0)), ("0.000001", .float(0.000001)), ("-1.25E+2", .float(-125)),
        ("1.00000000000000000000000001", .float(1)),
    ])
    func number(text: String, expected: Value) throws {
        let value = try reader.read(text)
        #expect(value == expected, "\(text)")
        #expect(value.typeName == expected.typeName, "\(text)")
    }

    @Test func negativeZeroFloatKeepsItsSign() throws {
        for text in ["-0.0", "-0e0", "-0.000", "-0E+5"] {
            guard case .float(let d) = try reader.read(text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(d == 0 && d.sign == .minus, "\(text)")
        }
    }

    @Test func hugeExponentIsInfinity() throws {
        #expect(try reader.read("1e400") == .float(.infinity))
        #expect(try reader.read("-1e400") == .float(-.infinity))
    }

    /// Decimals of every length and exponent near the fast path's edges,
    /// against the standard library reading the same text.
    @Test func decimalsRoundLikeTheStandardLibrary() throws {
        var generator = SplitMix64(seed: 0x5EED)
        var texts: [String] = []
        for _ in 0..<4000 {
            let integerDigits = Int(generator.next() % 10)
            let fractionDigits = Int(generator.next() % 12)
            var text = generator.next() % 2 == 0 ? "-" : ""
            text += integerDigits == 0 ? "0" : String(1 + generator.next() % 9)
            text += (1..<max(integerDigits, 1)).map { _ in String(generator.next() % 10) }.joined()
            if fractionDigits > 0 {
                text += "." + (0..<fractionDigits).map { _ in String(generator.next() % 10) }.joined()
            }
            if generator.next() % 2 == 0 {
                text += "e\(Int(generator.next() % 61) - 30)"
            } else if fractionDigits == 0 {
                text += ".0"
            }
            texts.append(text)
        }
        texts += ["9007199254740992.0", "9007199254740993e0", "9007199254740991e22", "1e-22", "17976931348623157e292"]
        for text in texts {
            guard case .float(let d) = try reader.read(text), let expected = Double(text) else {
                Issue.record("\(text) did not read as a float")
                continue
            }
            #expect(d.bitPattern == expected.bitPattern, "\(text): \(d) != \(expected)")
        }
    }

    @Test func numbersAgreeWithFoundation() throws {
        let texts = ["0.1", "420.71", "-3.5e10", "6.02214076e23", "1e-7", "123.456", "2.5e-300", "0.075", "31415926535.897"]
        for text in texts {
            let object = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
            guard let foundation = object?.first?.doubleValue, case .float(let d) = try reader.read(text) else {
                Issue.record("\(text) did not read")
                continue
            }
            #expect(d == foundation, "\(text)")
        }
    }

    @Test(arguments: [
        ("-", "digit after '-'"), ("-a", "digit after '-'"), ("00", "leading zeros"), ("-01", "leading zeros"),
        ("1.e5", "digit after '.'"), ("1e+", "exponent"), ("1.5E", "exponent"), ("1.5e-x", "exponent"),
    ])
    func badNumber(text: String, message: String) {
        #expect {
            try reader.read(text)
        } throws: { error in
            (error as? JSONReadError)?.message.contains(message) == true
        }
    }

    // MARK: Literals

    @Test(arguments: [
        ("true", Value.bool(true)), ("false", .bool(false)), ("null", .none),
        ("[true,false,null]", .list([.bool(true), .bool(false), .none])), (" true ", .bool(true)), ("[null]", .list([.none])),
    ] as [(String, Value)])
    func literal(text: String, expected: Value) throws {
        #expect(try reader.read(text) == expected)
    }

    @Test(arguments: ["tru", "truE", "fals", "falsy", "nul", "nulL", "[tru]", "[fals", "True", "none"])
    func badLiteral(text: String) {
        #expect(throws: JSONReadError.self) { try reader.read(text) }
    }

    // MARK: Strings

    /// A special character at every position of a longer string, so that each
    /// lands at every place in an eight-byte word and in the byte-wise tail.
    @Test func specialCharactersAtEveryPosition() throws {
        let specials: [(json: String, decoded: String)] = [
            (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é"), ("é", "é"), ("😀", "😀"),
            (#"\ud83d\ude00"#, "😀"), ("\u{7F}", "\u{7F}"), (" ", " "),
        ]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 23] {
            for at in 0...length {
                let plain = (0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) }
                for special in specials {
                    let json = "\"" + String(plain[..<at]) + special.json + String(plain[at...]) + "\""
                    let decoded = String(plain[..<at]) + special.decoded + String(plain[at...])
                    #expect(try reader.read(json) == .string(decoded), "\(json)")
                }
            }
        }
    }

    @Test func badCharacterAtEveryPositionIsFoundWhereItIs() {
        for length in [1, 8, 9, 17] {
            for at in 0..<length {
                for bad: UInt8 in [0x01, 0x0A, 0x1F, 0x80, 0xFF] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[at] = bad
                    let text = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
                    #expect {
                        try reader.read(text)
                    } throws: { error in
                        (error as? JSONReadError)?.offset == at + 1
                    }
                }
            }
        }
    }

    @Test(arguments: [
        ([0x22, 0x61, 0x5C, 0x6E, 0xE2, 0x82], "truncated UTF-8"),  // after an escape, cut short
        ([0x22, 0x61, 0x5C, 0x6E, 0xE2, 0x82, 0x22], "invalid UTF-8 sequence"),  // the quote is no continuation
        ([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], "invalid UTF-8 sequence"),  // bad continuation after an escape
        ([0x22, 0x5C, 0x6E, 0xF8, 0x22], "invalid UTF-8 byte 0xF8"),
        ([0x22, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xFE, 0x22], "invalid UTF-8 byte 0xFE"),
        ([0x5B, 0xC3, 0xA9, 0x5D], "unexpected non-ASCII character"),  // outside a string
        ([0x22, 0x5C, 0x6E, 0x61], "unterminated string"),
        ([0x22, 0x61, 0x5C], "unterminated escape"),
    ] as [([UInt8], String)])
    func badStringBytes(bytes: [UInt8], message: String) {
        #expect {
            try reader.read(bytes)
        } throws: { error in
            (error as? JSONReadError)?.message.contains(message) == true
        }
    }

    @Test func stringsAgreeWithFoundation() throws {
        let texts = [
            #""plain""#, #""tab\tand \"quotes\" and \\ and \/""#, #""\u00e9t\u00E9 \ud83d\ude00 \u0000""#,
            #""Zoë Müller 日本 😀 a long string with no escapes at all, past sixteen bytes""#,
            #""\b\f\n\r mixed é and \u20ac""#,
        ]
        for text in texts {
            let object = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [String]
            #expect(try reader.read(text) == .string(object?.first ?? "?"), "\(text)")
        }
    }

    // MARK: Objects

    @Test func repeatedKeysMergeHoweverTheyAreWritten() throws {
        guard case .dict(let dict) = try reader.read(#"{"a": 1, "\u0061": 2, "long_key_name": 3, "long\u005fkey_name": 4}"#)
        else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.keys == ["a", "long_key_name"])
        #expect(dict.values == [.int(2), .int(4)])
    }

    @Test func canonicallyEquivalentKeysStayApartInADict() throws {
        // "é" precomposed and decomposed: different bytes, so different JSON keys.
        guard case .dict(let dict) = try reader.read(#"{"\u00e9": 1, "e\u0301": 2}"#) else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.count == 2)
    }

    @Test func keysThatDifferOnlyInTheMiddleStayApart() throws {
        let keys = (0..<40).map { "product_attribute_\($0 % 10)\($0 / 10)_value" }
        let json = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        guard case .dict(let dict) = try reader.read(json) else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.keys == keys.map { .string($0) })
        #expect(dict.values == (0..<40).map { .int($0) })
    }

    /// Objects small and large (past the linear digest search), with repeats
    /// early, late and many times, against a plain dictionary-and-order model.
    @Test(arguments: [3, 16, 17, 32, 33, 40, 300])
    func repeatedKeysInObjectsOfEverySize(size: Int) throws {
        var generator = SplitMix64(seed: UInt64(size))
        var members: [(String, Int)] = []
        for i in 0..<size {
            let key = generator.next() % 4 == 0 && i > 0 ? members[Int(generator.next() % UInt64(i))].0 : "key\(i)"
            members.append((key, i))
        }
        var order: [String] = []
        var last: [String: Int] = [:]
        for (key, value) in members {
            if last[key] == nil { order.append(key) }
            last[key] = value
        }
        let json = "{" + members.map { "\"\($0)\": \($1)" }.joined(separator: ",") + "}"
        guard case .dict(let dict) = try reader.read(json) else {
            Issue.record("not a dict")
            return
        }
        #expect(dict.keys == order.map { .string($0) })
        #expect(dict.values == order.map { .int(last[$0]!) })
        #expect(dict[string: order.last!] == .int(last[order.last!]!))
        let context = try reader.readObject(Array(json.utf8))
        #expect(context == last.mapValues { .int($0) })
    }

    @Test(arguments: [
        #"{"a": 1, "b": [1, 2.5, {"c": null, "c": true}], "a": "again", "é": {"x": {}}}"#,
        #"{"\u00e9": 1, "e\u0301": 2}"#,
        // Byte-equal repeats merge first; then "é" and "e\u{301}" (equal as Swift strings) meet.
        #"{"\u00e9": 1, "e\u0301": 2, "\u00e9": 3}"#, #"{"é": 1, "e\u0301": 2, "é": 3, "e\u0301": 4, "x": 5}"#,
        #"{}"#, "\u{FEFF}{\"bom\": 1}", #"  {"k": "v"}  "#,
        #"{"recipient_id":"R1","recommendations":[{"price":128.5,"in_stock":true}],"cart":[]}"#,
    ])
    func readObjectMatchesReadingADict(json: String) throws {
        guard case .dict(let dict) = try reader.read(json) else {
            Issue.record("not a dict")
            return
        }
        #expect(try reader.readObject(Array(json.utf8)) == dict.stringKeyed)
    }

    @Test(arguments: [
        ("[1", 1, 3, "expected ',' or ']'"),
        ("[1] x", 1, 5, "after the JSON value"),
        ("[1]", 1, 1, "expected a JSON object at the top level, found an array"),
        (" \"s\" ", 1, 1, "found a string"),
        ("null", 1, 1, "found null"),
        (#"{"a": 1} {"#, 1, 10, "after the JSON value"),
        (#"{"a": [1, {"b": "#, 1, 17, "expected a value"),
        ("", 1, 1, "unexpected end of input"),
    ])
    func readObjectErrors(text: String, line: Int, column: Int, message: String) {
        #expect {
            try reader.readObject(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JSONReadError else { return false }
            #expect(error.line == line && error.column == column, "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error)")
            return true
        }
    }

    @Test func readObjectCountsTheTopLevelTowardsTheDepth() throws {
        let flat = JSONValueReader(maxDepth: 1)
        #expect(try flat.readObject(Array(#"{"a": 1}"#.utf8)) == ["a": .int(1)])
        #expect(throws: JSONReadError.self) { try flat.readObject(Array(#"{"a": []}"#.utf8)) }
        #expect(throws: JSONReadError.self) { try flat.readObject(Array("[[]]".utf8)) }
    }

    @Test func sliceOfALargerBufferReadsOnlyItsBytes() throws {
        let bytes = Array(#"xx{"a": [1, "two"]}{"b": 2}yy"#.utf8)
        #expect(try reader.readObject(bytes[2..<19]) == ["a": [1, "two"]])
        #expect(try reader.readObject(bytes[19..<27]) == ["b": 2])
        #expect {
            try reader.readObject(bytes[19..<28])
        } throws: { error in
            (error as? JSONReadError)?.offset == 8
        }
    }

    // MARK: Containers

    @Test func largeAndNestedContainersKeepEveryElement() throws {
        let count = 5000
        let json = "[" + (0..<count).map { "{\"i\": \($0), \"l\": [\($0), \"s\($0)\"]}" }.joined(separator: ",") + "]"
        guard case .list(let items) = try reader.read(json) else {
            Issue.record("not a list")
            return
        }
        #expect(items.count == count)
        for (i, item) in items.enumerated() where i % 997 == 0 {
            guard case .dict(let dict) = item else {
                Issue.record("item \(i) is not a dict")
                continue
            }
            #expect(dict[string: "i"] == .int(i))
            #expect(dict[string: "l"] == [.int(i), .string("s\(i)")])
        }
    }

    @Test(arguments: [
        #"[{"a": ["x", {"b": 1}], "c": [1, 2, "#,
        #"{"a": {"b": {"c": ["long string value past sixteen bytes", 1.5, "#,
        #"[[[[["leak?", ["#,
        #"{"a": 1, "a": 2, "b": [3, {"c": "\ud800"}]}"#,
    ])
    func failingHalfWayReleasesWhatWasRead(json: String) {
        #expect(throws: JSONReadError.self) { try reader.read(json) }
        #expect(throws: JSONReadError.self) { try reader.readObject(Array(json.utf8)) }
    }
}
