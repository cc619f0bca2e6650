import Foundation
import Testing

@testable import TailorTemplate

/// A `for` body that never reads `loop` runs without a loop object. Each
/// template here renders beside the same template with `{% if loop %}{% endif %}`
/// added to every loop body (which prints nothing but keeps the loop object):
/// both must print the same and fail alike.
@Suite struct LoopBindingTests {
    static let templates = [
        "{% for x in xs %}[{{ x }}]{% endfor %}",
        "{% for x in xs %}[{{ x }}]{% else %}none{% endfor %}",
        "{% for x in xs if x %}[{{ x }}]{% else %}none{% endfor %}",
        "{% for row in xs|batch(2) %}<{% for p in row %}{{ p }};{% endfor %}>{% endfor %}",
        "{% for a in xs %}{% for b in xs %}{{ a }}{{ b }} {% endfor %}{% endfor %}",
        "{% for k, v in d|dictsort %}{{ k }}={{ v }},{% endfor %}",
        "{% for k in d %}{{ k }}{% set k = 'shadow' %}{{ k }},{% endfor %}{{ k }}",
        "{% for c in s %}({{ c }}){% endfor %}",
        "{% for x in missing %}{{ x }}{% else %}empty{% endfor %}",
        "{% for x in xs %}{% set y = x %}{{ y }}{% endfor %}{{ y }}",
        "{% set loop = 'outer' %}{% for x in xs %}{{ x }}{% endfor %}{{ loop }}",
        "{% for x in 7 %}{{ x }}{% endfor %}",
    ]

    /// The same template with every loop body reading `loop`.
    static func general(_ source: String) -> String {
        // Before `{% else %}` when there is one: the else branch has no `loop`.
        source.contains("{% else %}")
            ? source.replacingOccurrences(of: "{% else %}", with: "{% if loop %}{% endif %}{% else %}")
            : source.replacingOccurrences(of: "{% endfor %}", with: "{% if loop %}{% endif %}{% endfor %}")
    }

    static let contexts = [
        #"{"xs": [1, 2, 3], "d": {"b": 2, "a": 1}, "s": "h\u00e9"}"#,
        #"{"xs": [], "d": {}, "s": ""}"#,
        #"{"xs": [0, "", null, 5], "d": {"z": null}, "s": "x"}"#,
    ]

    @Test(arguments: templates)
    func loopWithoutLoopObjectMatchesTheGeneralPath(_ source: String) throws {
        for json in Self.contexts {
            for options in [Options(), Options(autoescape: true), Options(undefined: .strict)] {
                let a = Result { try render(source, json, options: options) }
                let b = Result { try render(Self.general(source), json, options: options) }
                switch (a, b) {
                case (.success(let x), .success(let y)):
                    #expect(x == y, "\(source) with \(json)")
                case (.failure(let x as TemplateError), .failure(let y as TemplateError)):
                    #expect(x.message == y.message && x.line == y.line, "\(source) with \(json)")
                default:
                    Issue.record("\(source) with \(json): \(a) vs \(b)")
                }
            }
        }
    }

    /// An inner loop without `loop` leaves the outer loop's `loop` intact.
    @Test func outerLoopStillSeesItsOwnLoop() throws {
        let source = "{% for a in xs %}{% for b in xs %}{{ b }}{% endfor %}:{{ loop.index }}/{{ loop.length }} {% endfor %}"
        #expect(try render(source, #"{"xs": [1, 2]}"#) == "12:1/2 12:2/2 ")
    }

    /// Bodies that reach their locals other than by name keep the loop object.
    @Test func indirectReadersKeepTheLoopObject() throws {
        let caller = """
            {% macro m() %}{{ caller() }}{% endmacro %}\
            {% for x in xs %}{% call m() %}{{ loop.index }}{% endcall %}{% endfor %}
            """
        #expect(try render(caller, #"{"xs": [5, 6]}"#) == "12")
        let recursive = """
            {% for n in tree recursive %}{{ n.name }}{% if n.kids %}({{ loop(n.kids) }}){% endif %}{% endfor %}
            """
        #expect(try render(recursive, #"{"tree": [{"name": "a", "kids": [{"name": "b"}]}, {"name": "c"}]}"#) == "a(b)c")
        #expect(Compiler.bodyNeedsLoopObject([.include(template: .constant(.string("t"), Span.unknown), ignoreMissing: false, withContext: true, Span.unknown)]))
    }
}
