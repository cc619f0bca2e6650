import Testing

@testable import TailorTemplate

private let treeJSON = #"{"tree": [{"name": "a", "children": [{"name": "b", "children": []}, {"name": "c", "children": [{"name": "d", "children": []}]}]}, {"name": "e", "children": []}]}"#

/// `if`, `for` with `loop`, `set`, `with` and filter blocks; every expectation
/// is Jinja 3.1.6's output for the same template and context.
@Suite struct ControlFlowTests {
    @Test(arguments: [
        ("{% if x %}a{% elif y %}b{% else %}c{% endif %}", #"{"x": 1}"#, "a"),
        ("{% if x %}a{% elif y %}b{% else %}c{% endif %}", #"{"y": 1}"#, "b"),
        ("{% if x %}a{% elif y %}b{% else %}c{% endif %}", #"{"x": 0, "y": ""}"#, "c"),
        ("{% if x %}a{% elif y %}b{% elif z %}c{% endif %}|", #"{"z": true}"#, "c|"),
        ("{% if x is defined and x > 2 %}big{% else %}small{% endif %}", #"{"x": 3}"#, "big"),
        ("{% if missing %}a{% else %}b{% endif %}", "", "b"),
        ("{% if not missing %}a{% endif %}", "", "a"),
        ("{% for v in [0, 1, '', 'a', [], [0], {}, {'k': 0}, none, 0.0, 0.5, true, false] %}{{ 'T' if v else 'F' }}{% endfor %}", "", "FTFTFTFTFFTTF"),
    ])
    func conditionals(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test(arguments: [
        ("{% for x in items %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }} {% endfor %}", #"{"items": ["a", "b", "c"]}"#, "1/0/3/2/True/False/3 2/1/2/1/False/False/3 3/2/1/0/False/True/3 "),
        ("{% for x in items %}{{ loop.previtem|default('^') }}{{ x }}{{ loop.nextitem|default('$') }} {% endfor %}", #"{"items": ["a", "b", "c"]}"#, "^ab abc bc$ "),
        ("{% for x in items %}{{ loop.cycle('odd', 'even') }} {% endfor %}", #"{"items": [1, 2, 3]}"#, "odd even odd "),
        ("{% for x in [1, 1, 2, 2, 3, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}", "", "1231"),
        ("{% for x in [] %}x{% else %}empty{% endfor %}", "", "empty"),
        ("{% for x in [1, 2] if x > 5 %}{{ x }}{% else %}none{% endfor %}", "", "none"),
        ("{% for x in [1, 2, 3, 4, 5, 6] if x is divisibleby 2 %}{{ loop.index }}:{{ x }}/{{ loop.length }}{{ ',' if not loop.last }}{% endfor %}", "", "1:2/3,2:4/3,3:6/3"),
        ("{% for k, v in pairs %}{{ k }}={{ v }};{% endfor %}", #"{"pairs": [["a", 1], ["b", 2]]}"#, "a=1;b=2;"),
        ("{% for a, (b, c) in rows %}{{ a }}{{ b }}{{ c }} {% endfor %}", #"{"rows": [[1, [2, 3]], [4, [5, 6]]]}"#, "123 456 "),
        ("{% for k in d %}{{ k }}{% endfor %}", #"{"d": {"b": 1, "a": 2, "c": 3}}"#, "bac"),
        ("{% for c in 'abc' %}{{ c }}-{% endfor %}", "", "a-b-c-"),
        ("{% for a in [1, 2] %}{% set outer = loop %}{% for b in 'xy' %}{{ outer.index }}{{ loop.index }}{{ b }} {% endfor %}{% endfor %}", "", "11x 12y 21x 22y "),
        ("{% for x in [1, 2] %}{% endfor %}{{ x }}", #"{"x": "outer"}"#, "outer"),
        ("{% set n = 0 %}{% for x in [1, 2] %}{% set n = n + x %}{{ n }},{% endfor %}{{ n }}", "", "1,2,0"),
        ("{% for x in [1, 2] %}{% set seen = x %}{% endfor %}[{{ seen }}]", "", "[]"),
        ("{% for item in tree recursive %}<{{ item.name }}{% if item.children %}:{{ loop(item.children) }}{% endif %}>{% endfor %}", treeJSON, "<a:<b><c:<d>>><e>"),
        ("{% for item in tree recursive %}{{ loop.depth }}{{ loop.depth0 }}{{ item.name }} {% if item.children %}{{ loop(item.children) }}{% endif %}{% endfor %}", treeJSON, "10a 21b 21c 32d 10e "),
        ("{% for item in tree recursive %}{{ item.name }}{{ loop.index }}/{{ loop.length }} {{ loop(item.children) }}{% endfor %}", treeJSON, "a1/2 b1/2 c2/2 d1/1 e2/2 "),
        ("{% for x in [1, 2, 3] %}{{ loop.length - loop.index }}{% endfor %}", "", "210"),
        ("{% for x in [1, 2] %}{% for y in [3, 4] %}{{ x * y }} {% endfor %}{% endfor %}", "", "3 4 6 8 "),
        ("{% for x in [3, 1, 2] %}{% if loop.first %}first={{ x }} {% endif %}{% if loop.last %}last={{ x }}{% endif %}{% endfor %}", "", "first=3 last=2"),
    ])
    func loops(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test(arguments: [
        ("{% set x = 1 %}{% set y = x + 1 %}{{ x }}{{ y }}", "", "12"),
        ("{% set a, b = 1, 2 %}{{ b }}{{ a }}", "", "21"),
        ("{% set a, b = pair %}{{ b }}{{ a }}", #"{"pair": ["x", "y"]}"#, "yx"),
        ("{% set greeting %}Hello {{ name }}!{% endset %}[{{ greeting }}]", #"{"name": "World"}"#, "[Hello World!]"),
        ("{% set s | upper %}abc{{ x }}{% endset %}{{ s }}", #"{"x": "d"}"#, "ABCD"),
        ("{% set s | wrap('<', '>') | upper %}ab{% endset %}{{ s }}", "", "<AB>"),
        ("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}[{{ a }}]", "", "3[]"),
        ("{% set x = 5 %}{% with y = x * 2 %}{{ y }}{% endwith %}", "", "10"),
        ("{% with %}{% set x = 1 %}{{ x }}{% endwith %}[{{ x }}]", "", "1[]"),
        ("{% with a = 1 %}{% with a = a + 1 %}{{ a }}{% endwith %}{{ a }}{% endwith %}", "", "21"),
        ("{% if true %}{% set x = 1 %}{% endif %}{{ x }}", "", "1"),
        ("{% set x = 1 %}{% set x = x + 1 %}{{ x }}", "", "2"),
        ("{% filter upper %}hello {{ name }}{% endfilter %}", #"{"name": "ann"}"#, "HELLO ANN"),
        ("{% filter wrap('(', ')')|upper %}x{% endfilter %}", "", "(X)"),
        ("{% filter wrap %}{% for i in [1, 2] %}{{ i }}{% endfor %}{% endfilter %}", "", "[12]"),
    ])
    func assignmentsAndFilterBlocks(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test(arguments: [
        ("{{ name|upper }} {{ name|wrap('<', '>') }} {{ name|wrap(l='{')|upper }}", #"{"name": "ann"}"#, "ANN <ann> {ANN]"),
        ("{{ user.name }} {{ user['name'] }} {{ user.tags[1] }} {{ user.tags.0 }}", #"{"user": {"name": "Ann", "tags": ["x", "y"]}}"#, "Ann Ann y x"),
        ("{{ 'a' }}{# inline #}{{ 'b' }}", "", "ab"),
        ("{% raw %}{{ not rendered }}{% endraw %}", "", "{{ not rendered }}"),
        ("{{ x }} {{ y }} {{ z }} {{ w }}", #"{"x": 1.0, "y": 10000000000000000.0, "z": true, "w": null}"#, "1.0 1e+16 True None"),
    ])
    func outputAndAccess(source: String, json: String, expected: String) throws {
        #expect(try render(source, json) == expected)
    }

    @Test func aRegisteredFilterReceivesArgumentsInOrder() throws {
        let env = Environment()
        env.addFilter("show") { value, args, _ in
            let positional = try args.positional.map { try $0.stringify() }.joined(separator: ",")
            let keywords = try args.keywords.map { "\($0.name)=\(try $0.value.stringify())" }.joined(separator: ",")
            return .string("\(try value.stringify())(\(positional);\(keywords))")
        }
        let template = try env.template(source: "{{ 1|show }} {{ 'v'|show(2, 'a', k=true, j=none) }} {{ x|show(*[1, 2], **{'z': 3}) }}")
        #expect(try template.render(["x": "X"]) == "1(;) v(2,a;k=True,j=None) X(1,2;z=3)")
    }

    @Test func aRegisteredTestReceivesItsArgument() throws {
        let env = Environment()
        env.addTest("longer") { value, args, _ in
            (value.stringValue?.count ?? 0) > (args.positional.first?.intValue ?? 0)
        }
        let template = try env.template(source: "{{ 'abc' is longer 2 }} {{ 'abc' is longer(3) }} {{ 'abc' is not longer 5 }}")
        #expect(try template.render() == "True False True")
    }
}
