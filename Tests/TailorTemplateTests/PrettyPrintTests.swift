import Testing

@testable import TailorTemplate

/// `pprint` as Jinja2 prints it (Python's `pprint.pformat`): one line when the
/// `repr` fits in 80 columns, otherwise one item per line, and long strings
/// cut between words. Every expectation is Jinja 3.1.6's output.
@Suite struct PrettyPrintTests {
    @Test(arguments: [
        // Fits: the repr, with dict keys sorted.
        ("{{ v|pprint }}", #"{"v": {"b": 1, "a": [true, null]}}"#, "{'a': [True, None], 'b': 1}"),
        // A list too wide: one item per line under the bracket.
        ("{{ v|pprint }}", #"{"v": ["first product name here", "second product name here", "third product name here"]}"#,
         "['first product name here',\n 'second product name here',\n 'third product name here']"),
        // Nested: each level indents under its key; what fits stays on one line.
        ("{{ v|pprint }}",
         #"{"v": {"zip": "10115", "name": "Zoë Adams", "cart": [{"sku": "A-1", "name": "Linen duvet cover, queen"}, {"sku": "K-2", "name": "Cast iron skillet"}]}}"#,
         "{'cart': [{'name': 'Linen duvet cover, queen', 'sku': 'A-1'},\n          {'name': 'Cast iron skillet', 'sku': 'K-2'}],\n 'name': 'Zoë Adams',\n 'zip': '10115'}"),
        // A long string alone: adjacent literals in parentheses, cut after a space.
        ("{{ v|pprint }}", #"{"v": "the quick brown fox jumps over the lazy dog and keeps running past the river bank"}"#,
         "('the quick brown fox jumps over the lazy dog and keeps running past the river '\n 'bank')"),
        // A one-item tuple keeps room for its ",)".
        ("{{ (v,)|pprint }}", #"{"v": "a string long enough that the one-item tuple around it has to wrap the line"}"#,
         "('a string long enough that the one-item tuple around it has to wrap the line',)"),
        ("{{ (v,)|pprint }}", #"{"v": "a string long enough that the one-item tuple around it has to wrap the lines"}"#,
         "('a string long enough that the one-item tuple around it has to wrap the '\n 'lines',)"),
        // Markup is never cut.
        ("{{ v|safe|pprint }}", #"{"v": "<p>markup is never cut however long it is, since its repr is not a str's</p>"}"#,
         #"Markup("<p>markup is never cut however long it is, since its repr is not a str's</p>")"#),
        // A string inside a dict breaks at its line ends, under its key.
        ("{{ {'note': v}|pprint }}", #"{"v": "line one\nline two is a little longer than line one\nline three ends the note here"}"#,
         "{'note': 'line one\\n'\n         'line two is a little longer than line one\\n'\n         'line three ends the note here'}"),
        // What Python does not print is escaped.
        ("{{ [v, v]|pprint }}", #"{"v": "nbsp\u00a0em\u2003zero\u200bnel\u0085"}"#,
         #"['nbsp\xa0em\u2003zero\u200bnel\x85', 'nbsp\xa0em\u2003zero\u200bnel\x85']"#),
    ])
    func printsAsJinja(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test(arguments: [
        ("{{ [v] }}", #"{"v": "tab\tnul\u0000del\u007f"}"#, #"['tab\tnul\x00del\x7f']"#),
        ("{{ [v] }}", #"{"v": "ls\u2028ps\u2029bom\ufeffpua\ue000"}"#, #"['ls\u2028ps\u2029bom\ufeffpua\ue000']"#),
        ("{{ [v] }}", #"{"v": "café 😀 e\u0301"}"#, "['café 😀 e\u{301}']"),
        ("{{ [v|safe] }}", #"{"v": "<b>"}"#, "[Markup('<b>')]"),
        ("{{ [v|e] }}", #"{"v": "a'b"}"#, "[Markup('a&#39;b')]"),
        ("{{ [v] }}", #"{"v": "a'b"}"#, #"["a'b"]"#),
    ])
    func containersPrintPythonRepr(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test func wordsKeepTheSpacesAfterThem() {
        #expect(PrettyPrinter.wordsWithTheirSpaces("  a bb\u{2003}c  ") == ["  ", "a ", "bb\u{2003}", "c  "])
        #expect(PrettyPrinter.wordsWithTheirSpaces("") == [])
    }
}
