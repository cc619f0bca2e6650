import Testing

@testable import TailorTemplate

@Suite struct LexerTests {
    // MARK: Tokens and spans

    @Test func tokensCarryLineAndColumn() throws {
        let source = """
            Hi {{ user.name }}!
            {% if x %}
              ok
            {% endif %}
            """
        let tokens = try Lexer.tokenize(SourceFile(name: "t", text: source), options: Options())
        #expect(
            dumpTokens(tokens) == """
                1:1 data "Hi "
                1:4 {{
                1:7 name user
                1:11 op .
                1:12 name name
                1:17 }}
                1:19 data "!\\n"
                2:1 {%
                2:4 name if
                2:7 name x
                2:9 %}
                2:11 data "\\n  ok\\n"
                4:1 {%
                4:4 name endif
                4:10 %}
                4:12 eof
                """)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let tokens = try Lexer.tokenize(SourceFile(name: "t", text: "héllo wörld {{ x }}"), options: Options())
        #expect(dumpTokens(tokens) == "1:1 data \"héllo wörld \"\n1:13 {{\n1:16 name x\n1:18 }}\n1:20 eof")
    }

    @Test func spansAfterAMultiLineComment() throws {
        let tokens = try Lexer.tokenize(SourceFile(name: "t", text: "a{# one\ntwo #}b\n  {{ c }}"), options: Options())
        #expect(dumpTokens(tokens) == "1:1 data \"a\"\n2:7 data \"b\\n  \"\n3:3 {{\n3:6 name c\n3:8 }}\n3:10 eof")
    }

    @Test func emptyTemplateIsJustTheEnd() throws {
        #expect(try tokenKinds("") == [])
    }

    // MARK: Literals

    @Test(arguments: [
        (#"'plain'"#, "plain"),
        (#""double""#, "double"),
        (#"'it\'s'"#, "it's"),
        (#""say \"hi\"""#, "say \"hi\""),
        (#"'a\nb'"#, "a\nb"),
        (#"'tab\there'"#, "tab\there"),
        (#"'cr\r'"#, "cr\r"),
        (#"'back\\slash'"#, "back\\slash"),
        (#"'\x41\x42'"#, "AB"),
        (#"'\u00e9'"#, "é"),
        (#"'\U0001F600'"#, "😀"),
        (#"'keep \q unknown'"#, "keep \\q unknown"),
        ("'line\\\ncontinued'", "linecontinued"),
        (#"'{{ not a tag }}'"#, "{{ not a tag }}"),
        (#"'ünïcödé'"#, "ünïcödé"),
    ])
    func stringEscapes(literal: String, expected: String) throws {
        #expect(try tokenKinds("{{ \(literal) }}") == ["{{", "string \(expected.debugDescription)", "}}"])
    }

    @Test(arguments: [
        ("0", "int 0"),
        ("42", "int 42"),
        ("1_000_000", "int 1000000"),
        ("0x1F", "int 31"),
        ("0X1f", "int 31"),
        ("0o17", "int 15"),
        ("0b101", "int 5"),
        ("0b_1010", "int 10"),
        ("2.5", "float 2.5"),
        ("1_0.2_5", "float 10.25"),
        ("1e3", "float 1000.0"),
        ("1E2", "float 100.0"),
        ("1.5e-3", "float 0.0015"),
        ("2e+2", "float 200.0"),
        ("9223372036854775807", "int 9223372036854775807"),
    ])
    func numbers(literal: String, expected: String) throws {
        #expect(try tokenKinds("{{ \(literal) }}") == ["{{", expected, "}}"])
    }

    @Test func operatorsTakeTheLongestMatch() throws {
        let kinds = try tokenKinds("{{ a**b//c!=d<=e>=f==g<h>i~j%k*l/m+n-o|p }}")
        let ops = kinds.filter { $0.hasPrefix("op ") }.map { String($0.dropFirst(3)) }
        #expect(ops == ["**", "//", "!=", "<=", ">=", "==", "<", ">", "~", "%", "*", "/", "+", "-", "|"])
    }

    @Test func punctuation() throws {
        #expect(
            try tokenKinds("{{ f(a, b=[1], *c, **d)[0:1] }}") == [
                "{{", "name f", "op (", "name a", "op ,", "name b", "op =", "op [", "int 1", "op ]", "op ,",
                "op *", "name c", "op ,", "op **", "name d", "op )", "op [", "int 0", "op :", "int 1", "op ]", "}}",
            ])
    }

    @Test func nestedBracesDoNotEndTheTag() throws {
        #expect(
            try tokenKinds("{{ {'a': {'b': 1}} }}") == [
                "{{", "op {", "string \"a\"", "op :", "op {", "string \"b\"", "op :", "int 1", "op }", "op }", "}}",
            ])
        #expect(try render("{{ {'a': {'b': 1}} }}") == "{'a': {'b': 1}}")
        #expect(try render("{{ {'a': {'b': 1}}['a']['b'] }}") == "1")
    }

    @Test func percentBraceInsideBracketsIsNotTheTagEnd() throws {
        #expect(try tokenKinds("{% set x = {'a': 1} %}") == [
            "{%", "name set", "name x", "op =", "op {", "string \"a\"", "op :", "int 1", "op }", "%}",
        ])
    }

    // MARK: Comments and raw

    @Test func commentsProduceNoTokens() throws {
        #expect(try tokenKinds("a{# {{ x }} {% if %} #}b") == ["data \"a\"", "data \"b\""])
        #expect(try tokenKinds("{# only #}") == [])
    }

    @Test func rawBlocksAreText() throws {
        #expect(try tokenKinds("{% raw %}{{ x }}{% if %}{# c #}{% endraw %}") == [#"data "{{ x }}{% if %}{# c #}""#])
        #expect(try tokenKinds("a{%raw%} {{ b }} {%endraw%}c") == [#"data "a""#, #"data " {{ b }} ""#, #"data "c""#])
    }

    @Test func rawBlockEndsAtTheFirstEndraw() throws {
        #expect(try render("{% raw %}{% endraw x %}{% endraw %}") == "{% endraw x %}")
    }

    // MARK: Whitespace control

    struct WhitespaceCase: Sendable, CustomTestStringConvertible {
        var source: String
        var plain: String
        var trim: String
        var lstrip: String
        var both: String
        var keep: String

        init(_ source: String, plain: String, trim: String, lstrip: String, both: String, keep: String) {
            self.source = source
            self.plain = plain
            self.trim = trim
            self.lstrip = lstrip
            self.both = both
            self.keep = keep
        }

        var testDescription: String { source.debugDescription }
    }

    /// Each row renders with no options, `trim_blocks`, `lstrip_blocks`, both,
    /// and `keep_trailing_newline`; expectations are Jinja 3.1.6's output.
    static let whitespaceCases: [WhitespaceCase] = [
        WhitespaceCase(
            "a  {{- 1 -}}  b",
            plain: "a1b", trim: "a1b", lstrip: "a1b", both: "a1b", keep: "a1b"),
        WhitespaceCase(
            "a  {%- if true -%}  b  {%- endif -%}  c",
            plain: "abc", trim: "abc", lstrip: "abc", both: "abc", keep: "abc"),
        WhitespaceCase(
            "a\n  {#- c -#}\n b",
            plain: "ab", trim: "ab", lstrip: "ab", both: "ab", keep: "ab"),
        WhitespaceCase(
            "<ul>\n  {% for i in [1,2] %}\n  <li>{{ i }}</li>\n  {% endfor %}\n</ul>\n",
            plain: "<ul>\n  \n  <li>1</li>\n  \n  <li>2</li>\n  \n</ul>", trim: "<ul>\n    <li>1</li>\n    <li>2</li>\n  </ul>", lstrip: "<ul>\n\n  <li>1</li>\n\n  <li>2</li>\n\n</ul>", both: "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>", keep: "<ul>\n  \n  <li>1</li>\n  \n  <li>2</li>\n  \n</ul>\n"),
        WhitespaceCase(
            "x\n  {%+ if true %}y{% endif %}\n",
            plain: "x\n  y", trim: "x\n  y", lstrip: "x\n  y", both: "x\n  y", keep: "x\n  y\n"),
        WhitespaceCase(
            "{% if true %}\na{% endif +%}\nb",
            plain: "\na\nb", trim: "a\nb", lstrip: "\na\nb", both: "a\nb", keep: "\na\nb"),
        WhitespaceCase(
            "  {{ 1 }}\n",
            plain: "  1", trim: "  1", lstrip: "  1", both: "  1", keep: "  1\n"),
        WhitespaceCase(
            "  {% raw %}\n{{ x }}\n  {% endraw %}\nz",
            plain: "  \n{{ x }}\n  \nz", trim: "  \n{{ x }}\n  z", lstrip: "\n{{ x }}\n\nz", both: "\n{{ x }}\nz", keep: "  \n{{ x }}\n  \nz"),
        WhitespaceCase(
            "{%- raw -%}  {{ x }}  {%- endraw -%}",
            plain: "{{ x }}", trim: "{{ x }}", lstrip: "{{ x }}", both: "{{ x }}", keep: "{{ x }}"),
        WhitespaceCase(
            "{% if true %}  \nx{% endif %}",
            plain: "  \nx", trim: "  \nx", lstrip: "  \nx", both: "  \nx", keep: "  \nx"),
        WhitespaceCase(
            "\t{% if true %}x{% endif %}",
            plain: "\tx", trim: "\tx", lstrip: "x", both: "x", keep: "\tx"),
        WhitespaceCase(
            "a {% if true %}x{% endif %}",
            plain: "a x", trim: "a x", lstrip: "a x", both: "a x", keep: "a x"),
        WhitespaceCase(
            "{# a #}\nb",
            plain: "\nb", trim: "b", lstrip: "\nb", both: "b", keep: "\nb"),
        WhitespaceCase(
            "  {# c #}x\n  {# d -#}  y",
            plain: "  x\n  y", trim: "  x\n  y", lstrip: "x\ny", both: "x\ny", keep: "  x\n  y"),
        WhitespaceCase(
            "a\r\nb{{ 1 }}\r\n",
            plain: "a\nb1", trim: "a\nb1", lstrip: "a\nb1", both: "a\nb1", keep: "a\nb1\n"),
        WhitespaceCase(
            "a\rb\r\n",
            plain: "a\nb", trim: "a\nb", lstrip: "a\nb", both: "a\nb", keep: "a\nb\n"),
        WhitespaceCase(
            "{% if true %}\r\nx\r\n{% endif %}\r\ny",
            plain: "\nx\n\ny", trim: "x\ny", lstrip: "\nx\n\ny", both: "x\ny", keep: "\nx\n\ny"),
    ]

    @Test(arguments: whitespaceCases)
    func whitespaceControl(_ row: WhitespaceCase) throws {
        #expect(try render(row.source) == row.plain, "plain")
        #expect(try render(row.source, options: Options(trimBlocks: true)) == row.trim, "trim_blocks")
        #expect(try render(row.source, options: Options(lstripBlocks: true)) == row.lstrip, "lstrip_blocks")
        #expect(
            try render(row.source, options: Options(trimBlocks: true, lstripBlocks: true)) == row.both,
            "trim_blocks + lstrip_blocks")
        #expect(
            try render(row.source, options: Options(keepTrailingNewline: true)) == row.keep, "keep_trailing_newline")
    }

    @Test func lineNumbersCountNormalizedLineBreaks() throws {
        let tokens = try Lexer.tokenize(SourceFile(name: "t", text: "a\r\nb\rc\n{{ x }}"), options: Options())
        #expect(dumpTokens(tokens) == "1:1 data \"a\\nb\\nc\\n\"\n4:1 {{\n4:4 name x\n4:6 }}\n4:8 eof")
    }
}
