import Testing

@testable import TailorTemplate

/// Attribute sites guess where their key is (``KeyPositionHint``) and macro
/// memos find entries by fingerprint (``MemoTable``): neither may ever change
/// what a lookup finds.
@Suite struct LookupHintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        let json: String
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "one site, dicts of different layouts",
            source: "{% for d in ds %}{{ d.name }};{% endfor %}",
            json: #"{"ds": [{"name": "a", "x": 1}, {"x": 2, "name": "b"}, {"name": "c"}, {"x": 3}, {"é": 1, "y": 2, "name": "d"}, {}]}"#,
            expected: "a;b;c;;d;;"),
        Case(
            name: "non-ASCII and long keys",
            source: "{% for d in ds %}{{ d['naïve'] }}{{ d.naïve }}{{ d.a_rather_long_key_name_here }};{% endfor %}",
            json: #"{"ds": [{"naïve": 1, "a_rather_long_key_name_here": 2}, {"a_rather_long_key_name_here": 3, "naïve": 4}, {"naive": 5}]}"#,
            expected: "112;443;;"),
        Case(
            name: "a dict with more keys than the linear search covers",
            source: "{% for d in ds %}{{ d.k40 }}{{ d.k1 }};{% endfor %}",
            json: "{\"ds\": [{" + (0..<50).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}, {\"k1\": \"x\"}, {\"k40\": \"y\"}]}",
            expected: "401;x;y;"),
        Case(
            name: "memoized macro: values that print differently are different arguments",
            source: "{% macro m(p) %}{{ p.a }}/{{ p.b }}{% endmacro %}{% for p in ps %}{{ m(p) }}|{% endfor %}",
            json: #"{"ps": [{"a": 1, "b": 2}, {"a": 1.0, "b": 2}, {"a": "1", "b": 2}, {"a": true, "b": 2}, {"b": 2, "a": 1}, {"a": 1, "b": 2}, {"a": [], "b": {}}, {"a": [1], "b": {"c": 1}}, {"a": [], "b": {}}]}"#,
            expected: "1/2|1.0/2|1/2|True/2|1/2|1/2|[]/{}|[1]/{'c': 1}|[]/{}|"),
    ]

    @Test(arguments: cases)
    func lookupsFindWhatTheyShould(_ c: Case) throws {
        let template = try makeEnvironment().template(source: c.source, name: "main")
        // Twice: the second pass runs on hints and memo entries the first left.
        #expect(try template.render(context(c.json)) == c.expected)
        #expect(try template.render(context(c.json)) == c.expected)
    }

    @Test func theMemoTableKeepsAtMostItsCapacityAndReplacesInPlace() throws {
        var table = MemoTable(capacity: 4)
        func key(_ i: Int) -> MacroMemo.Key { MacroMemo.Key([.int(i)], autoescape: false)! }
        for i in 0..<10 { table.set(MacroMemo.Entry(bytes: [UInt8(i)], trace: nil), for: key(i)) }
        #expect(table.count == 4)
        for i in 0..<10 {
            #expect(table.entry(for: key(i))?.bytes == (i < 4 ? [UInt8(i)] : nil))
        }
        table.set(MacroMemo.Entry(bytes: [99], trace: nil), for: key(2))
        #expect(table.count == 4)
        #expect(table.entry(for: key(2))?.bytes == [99])
        // The same fingerprint's seed differs with autoescaping: another key.
        #expect(table.entry(for: MacroMemo.Key([.int(2)], autoescape: true)!) == nil)
    }
}
