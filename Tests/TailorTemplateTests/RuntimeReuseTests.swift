import Testing

@testable import TailorTemplate

/// Renders of one environment share runtimes (``RuntimePool``): nothing one
/// render sets, binds, imports or leaves half done may show in the next.
/// Each case renders a sequence of contexts through one template and expects
/// what a fresh environment renders for each context alone.
@Suite struct RuntimeReuseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let templates: [String: String]
        let contexts: [String]
        var options = Options()
        var testDescription: String { name }
    }

    static let templates: [String: String] = [
        "lib.html": "{% set counter = 1 %}{% macro card(p) %}[{{ p.name }}:{{ counter }}]{% endmacro %}",
        "footer.html": "({{ who | default('nobody') }}{% if extra is defined %}+{{ extra }}{% endif %})",
    ]

    static let cases: [Case] = [
        Case(
            name: "template variables and namespaces start empty",
            templates: ["main": "{% if first %}{% set x = 'set' %}{% endif %}{{ x | default('unset') }}"
                + "{% set ns = namespace(n=0) %}{% for i in items %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}"],
            contexts: [#"{"first": true, "items": [1, 2, 3]}"#, #"{"items": [4]}"#, "{}"]),
        Case(
            name: "names resolved by one render are looked up again in the next",
            templates: ["main": "{{ a }}|{{ b | default('-') }}|{{ c.d | default('-') }}"],
            contexts: [#"{"a": 1, "b": 2, "c": {"d": 3}}"#, #"{"a": "x"}"#, #"{"a": [], "c": {}}"#]),
        Case(
            name: "imports and includes are made per render",
            templates: templates.merging([
                "main": "{% import 'lib.html' as lib %}{% for p in ps %}{{ lib.card(p) }}{% endfor %}"
                    + "{% set who = name %}{% include 'footer.html' %}"
            ]) { a, _ in a },
            contexts: [#"{"ps": [{"name": "a"}], "name": "Ann"}"#, #"{"ps": [], "extra": 5}"#, #"{"ps": [{"name": "ü"}]}"#]),
        Case(
            name: "a render that failed half-way leaves nothing behind",
            templates: [
                "main": "{% macro m(v) %}<{{ v.x.y }}>{% endmacro %}{% set t %}{% for i in items %}{{ m(i) }}{% endfor %}{% endset %}"
                    + "{{ t }}{% if last %}{{ last }}{% endif %}"
            ],
            contexts: [#"{"items": [{"x": {"y": 1}}, {}], "last": 1}"#, #"{"items": [{"x": {"y": 2}}]}"#, #"{"last": "z"}"#],
            options: Options(undefined: .strict)),
        Case(
            name: "an output over the limit does not shorten the next",
            templates: ["main": "{% for i in range(n) %}0123456789{% endfor %}"],
            contexts: [#"{"n": 50}"#, #"{"n": 2}"#, #"{"n": 9}"#],
            options: { var o = Options(); o.maxOutputBytes = 100; return o }()),
        Case(
            name: "autoescape set by a block does not carry over",
            templates: ["main": "{% if off %}{% autoescape false %}{{ s }}{% endautoescape %}{% endif %}{{ s }}"],
            contexts: [#"{"off": true, "s": "<b>"}"#, #"{"s": "<i>"}"#],
            options: Options(autoescape: true)),
    ]

    /// What `template` renders for `json`, or the error's kind and message.
    static func outcome(_ template: Template, _ json: String) -> String {
        do {
            return try template.render(context(json))
        } catch let error as TemplateError {
            return "error \(error.kind.rawValue): \(error.message)"
        } catch {
            return "error \(error)"
        }
    }

    @Test(arguments: cases)
    func rendersInSequenceMatchFreshRenders(_ c: Case) throws {
        let shared = try makeEnvironment(c.templates, options: c.options).template(named: "main")
        // Twice over, so every context follows every other once.
        for json in c.contexts + c.contexts {
            let fresh = try makeEnvironment(c.templates, options: c.options).template(named: "main")
            #expect(Self.outcome(shared, json) == Self.outcome(fresh, json), "context \(json)")
        }
    }

    @Test func aGlobalAddedBetweenRendersIsSeen() throws {
        let env = makeEnvironment(["main": "{{ g | default('none') }}"])
        let template = try env.template(named: "main")
        #expect(try template.render() == "none")
        env.addGlobal("g", "later")
        #expect(try template.render() == "later")
    }

    /// A literal `include` remembers the template it found, but not that one
    /// was missing: a template the loader brings later is found then.
    @Test func aMissingIncludeIsLookedForAgain() throws {
        final class LateLoader: TemplateLoader, @unchecked Sendable {
            var ready = false
            func source(named name: String) throws -> String? {
                name == "late.html" && ready ? "[late {{ n }}]" : nil
            }
        }
        let loader = LateLoader()
        let env = Environment(loader: loader)
        let template = try env.template(source: "{% include 'late.html' ignore missing %}{% include 'late.html' ignore missing %}")
        #expect(try template.render(["n": 1]) == "")
        loader.ready = true
        #expect(try template.render(["n": 2]) == "[late 2][late 2]")
        #expect(try template.render(["n": 3]) == "[late 3][late 3]")
    }

    /// A host that keeps a macro keeps its render's context: the next render
    /// must not share it, and the kept macro still renders as it did.
    @Test func aKeptMacroKeepsItsOwnContext() throws {
        final class Keeper: @unchecked Sendable { var kept: Value? }
        let keeper = Keeper()
        let env = makeEnvironment(["main": "{% macro m() %}{{ name }}{% endmacro %}{{ m | keep }}{{ m() }}"])
        env.addFilter("keep") { value, _, _ in
            if keeper.kept == nil { keeper.kept = value }
            return .string("")
        }
        let template = try env.template(named: "main")
        #expect(try template.render(["name": "first"]) == "first")
        #expect(try template.render(["name": "second"]) == "second")
        #expect(try template.render(["name": "third"]) == "third")
    }
}
