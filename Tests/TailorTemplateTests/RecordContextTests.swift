import Testing

@testable import TailorTemplate

/// A render given a JSON record as a ``Dict`` (``JSONRecordReader/readRecord(_:)``)
/// must answer every name as one given the `[String: Value]` of
/// `readObject` does, recipient after recipient through one environment
/// (whose pooled runtimes keep their key position hints), errors included.
@Suite struct RecordContextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var lines: [String]
        var globals: [String: Value] = [:]
        var strict = false
        var partials: [String: String] = [:]
        var testDescription: String { name }
    }

    static let long = String(repeating: "k", count: 300)
    static let longer = String(repeating: "k", count: 299) + "j"

    static let cases: [Case] = [
        Case(
            name: "key order differs between recipients at the same site",
            template: "{{ a }}-{{ b }}-{{ c }}",
            lines: [#"{"a": 1, "b": 2, "c": 3}"#, #"{"c": 4, "b": 5, "a": 6}"#, #"{"b": 7, "a": 8, "c": 9}"#, #"{"a": 1, "b": 2, "c": 3}"#]),
        Case(
            name: "duplicate keys: the last value wins",
            template: "{{ a }} {{ b }}",
            lines: [#"{"a": 1, "b": 2, "a": 3}"#, #"{"a": 1, "b": 2}"#, #"{"a": 1, "a": 2, "a": 4, "b": 0}"#]),
        Case(
            name: "non-ASCII keys, and keys equal only as Swift strings",
            template: "{{ a }}|{{ K }}",
            lines: [
                #"{"é": 1, "e\u0301": 2, "a": 3}"#, #"{"a": 4, "\u212a": 5}"#, #"{"K": 6, "\u212a": 7, "a": 8}"#,
                #"{"\u212a": 9, "K": 10, "a": 11}"#, #"{"a": 12, "K": 13}"#,
            ]),
        Case(
            name: "very long keys",
            template: "{{ \(long) }} {{ \(longer) }}",
            lines: [
                #"{"\#(long)": 1, "\#(longer)": 2}"#, #"{"\#(longer)": 3, "\#(long)": 4}"#,
                #"{"\#(long)x": 5, "\#(long)": 6, "\#(longer)": 7}"#,
            ]),
        Case(
            name: "a name missing from one recipient and present in the next",
            template: "{{ nick | default('none') }} {% if nick is defined %}d{% else %}u{% endif %}",
            lines: [#"{"nick": "A"}"#, #"{"name": "B"}"#, #"{"name": "C", "nick": "C"}"#, #"{}"#, #"{"nick": null}"#]),
        Case(
            name: "context shadowed by set and loop variables",
            template: "{{ a }}{% for a in [7, 8] %}{{ a }}{% endfor %}{{ a }}{% set a = 5 %}{{ a }}{% with b = 9 %}{{ b }}{% endwith %}{{ b }}",
            lines: [#"{"a": 1, "b": 2}"#, #"{"b": 3, "a": 4}"#, #"{"a": 6}"#]),
        Case(
            name: "globals against the context",
            template: "{{ g }} {{ h }} {{ a }}",
            lines: [#"{"a": 1}"#, #"{"g": "mine", "a": 2}"#, #"{"a": 3}"#, #"{"h": "own", "g": "mine"}"#],
            globals: ["g": "global", "h": "H", "a": "A"]),
        Case(
            name: "strict undefined errors",
            template: "line one\n  {{ a }} {{ missing }}\n",
            lines: [#"{"a": 1}"#, #"{"a": 2, "missing": 3}"#, #"{"missing": 4}"#, #"{"b": 5}"#],
            strict: true),
        Case(
            name: "includes and imports see the context, or not",
            template: "{% include 'p' %}|{% include 'p' without context %}|{% from 'm' import show %}{{ show() }}",
            lines: [#"{"a": 1}"#, #"{"b": 2, "a": 3}"#, #"{"b": 4}"#],
            partials: ["p": "{{ a | default('-') }}", "m": "{% macro show() %}{{ a | default('?') }}{% endmacro %}"]),
    ]

    /// The output, or the error with its location.
    static func outcome(_ body: () throws -> String) -> String {
        do {
            return "ok: " + (try body())
        } catch let error as TemplateError {
            return "error: \(error)"
        } catch {
            return "other: \(error)"
        }
    }

    @Test(arguments: cases)
    func recordsRenderAsDictionariesDo(_ c: Case) throws {
        let env = makeEnvironment(c.partials, options: Options(undefined: c.strict ? .strict : .lenient))
        for (name, value) in c.globals { env.addGlobal(name, value) }
        let template = try env.template(source: c.template, name: "main")
        let reader = JSONRecordReader()
        let objects = JSONRecordReader()
        for line in c.lines {
            let bytes = Array(line.utf8)
            let expected = Self.outcome { try template.render(try objects.readObject(bytes)) }
            let found = Self.outcome {
                let record = try reader.readRecord(bytes)
                var buffer: [UInt8] = []
                try template.render(record, into: &buffer)
                return RenderedText.string(buffer)
            }
            #expect(found == expected, "\(c.name): \(line)")
        }
    }

    @Test func recordsReadAsDistinctASCIIOnlyWhenTheyAre() throws {
        let reader = JSONRecordReader()
        let rows: [(String, Bool)] = [
            (#"{"a": 1, "b": 2}"#, true), (#"{"a": 1, "a": 2}"#, true), (#"{"é": 1}"#, false),
            (#"{"a": 1, "\u00e9": 2}"#, false), (#"{}"#, true), (#"{"a": {"é": 1}}"#, true),
            (#"{"a": 1, "b": 2}"#, true),
        ]
        for (line, distinct) in rows {
            #expect(try reader.readRecord(Array(line.utf8)).hasDistinctASCIINames == distinct, "\(line)")
        }
        var record = try reader.readRecord(Array(#"{"a": 1}"#.utf8))
        record[string: "b"] = 2
        #expect(!record.hasDistinctASCIINames, "a key added")
    }

    @Test func dictsNotFromTheReaderRenderAsTheirStringKeys() throws {
        let env = makeEnvironment()
        let template = try env.template(source: "{{ a }} {{ b }} {{ c | default('-') }}", name: "main")
        let dicts = [
            Dict([(.string("a"), 1), (.markup("b"), 2), (.int(3), 3)]),
            Dict([(.string("a"), 1), (.string("a\u{301}"), 2), (.string("b"), 4)]),
            Dict(),
        ]
        for dict in dicts {
            var buffer: [UInt8] = []
            try template.render(dict, into: &buffer)
            #expect(RenderedText.string(buffer) == (try template.render(dict.stringKeyed)))
        }
    }

    @Test func badLinesFailAsReadObjectDoes() {
        let lines = [
            #"{"a": 1, "b": "x"#, #"{"a": 1, "b"  "x"}"#, #"{"a": 1} ["#, #"[1, 2]"#, "{\"a\": 1, \"b\u{1}\": 2}",
            #"{"a": 1, "b": "\ud800"}"#, "", "nul", #"{"a": 1,}"#, #""text""#,
        ]
        let records = JSONRecordReader()
        let objects = JSONRecordReader()
        for line in lines {
            let bytes = Array(line.utf8)
            var a = "", b = ""
            do { _ = try records.readRecord(bytes) } catch { a = "\(error.line):\(error.column): \(error.message)" }
            do { _ = try objects.readObject(bytes) } catch { b = "\(error.line):\(error.column): \(error.message)" }
            #expect(!a.isEmpty && a == b, "\(line)")
        }
    }
}
