import Testing

@testable import TailorTemplate

/// `extends`, `block`, `super()`, `self`, scoped and required blocks;
/// expectations are Jinja 3.1.6's output with the same templates.
@Suite struct InheritanceTests {
    static let templates: [String: String] = [
        "base.html": "<title>{% block title %}Base{% endblock %}</title>|{% block body %}B{% endblock %}|{% block footer %}F{{ year }}{% endblock %}",
        "child.html": "{% extends 'base.html' %}{% block title %}Child - {{ super() }}{% endblock %}{% block body %}C{% endblock %}",
        "grandchild.html": "{% extends 'child.html' %}{% block title %}GC / {{ super() }}{% endblock %}{% block body %}G+{{ super() }}{% endblock %}",
        "selfref.html": "{% block title %}T{% endblock %}|{{ self.title() }}|{{ self.title() }}",
        "scoped-base.html": "{% for item in [1, 2] %}{% block row scoped %}{{ item }}{% endblock %}{% endfor %}",
        "scoped-child.html": "{% extends 'scoped-base.html' %}{% block row %}<{{ item }}>{% endblock %}",
        "unscoped.html": "{% for item in [1, 2] %}{% block row %}[{{ item }}]{% endblock %}{% endfor %}",
        "required-base.html": "<{% block content required %}{% endblock %}>",
        "required-child.html": "{% extends 'required-base.html' %}{% block content %}filled{% endblock %}",
        "nested-base.html": "{% block outer %}O[{% block inner %}I{% endblock %}]{% endblock %}",
        "nested-child.html": "{% extends 'nested-base.html' %}{% block inner %}CI{% endblock %}",
        "vars-base.html": "{{ greeting }} {% block body %}{% endblock %}",
        "vars-child.html": "{% extends 'vars-base.html' %}{% set greeting = 'hi' %}{% block body %}{{ greeting }}!{% endblock %}",
        "macro-base.html": "{% macro shout(x) %}{{ x }}!{% endmacro %}{% block body %}{% endblock %}",
        "macro-child.html": "{% extends 'macro-base.html' %}{% block body %}{{ shout('hey') }}{% endblock %}",
        "super-twice.html": "{% extends 'base.html' %}{% block body %}{{ super() }}{{ super() }}{% endblock %}",
        "layout-var.html": "{% extends layout %}{% block body %}X{% endblock %}",
        "text-outside.html": "{% extends 'base.html' %}ignored{% block body %}C{% endblock %}also ignored",
        "include-block.html": "{% extends 'base.html' %}{% block body %}{% include 'partial.html' %}{% endblock %}",
        "partial.html": "P({{ year }})",
        "self-child.html": "{% extends 'selfref.html' %}{% block title %}child{% endblock %}",
        "conditional-extends.html": "{% if wrap %}{% extends 'base.html' %}{% endif %}{% block body %}own{% endblock %}",
    ]

    @Test(arguments: [
        ("child.html", #"{"year": 2026}"#, "<title>Child - Base</title>|C|F2026"),
        ("grandchild.html", #"{"year": 2026}"#, "<title>GC / Child - Base</title>|G+C|F2026"),
        ("selfref.html", "", "T|T|T"),
        ("self-child.html", "", "child|child|child"),
        ("scoped-child.html", "", "<1><2>"),
        ("scoped-base.html", "", "12"),
        ("unscoped.html", "", "[][]"),
        ("required-child.html", "", "<filled>"),
        ("nested-child.html", "", "O[CI]"),
        ("vars-child.html", "", "hi hi!"),
        ("macro-child.html", "", "hey!"),
        ("super-twice.html", "", "<title>Base</title>|BB|F"),
        ("layout-var.html", #"{"layout": "base.html"}"#, "<title>Base</title>|X|F"),
        ("text-outside.html", "", "<title>Base</title>|C|F"),
        ("include-block.html", #"{"year": 1999}"#, "<title>Base</title>|P(1999)|F1999"),
        ("conditional-extends.html", #"{"wrap": true}"#, "<title>Base</title>|own|F"),
        ("conditional-extends.html", #"{"wrap": false}"#, "own"),
    ])
    func inheritance(name: String, json: String, expected: String) throws {
        #expect(try render(named: name, json, templates: Self.templates) == expected)
    }

    /// Jinja refuses `extends` inside a macro; tailor runs it. A template with
    /// no `extends` of its own runs its top level as one closure, which must
    /// still stop where the statement-by-statement loop does: after the
    /// statement that called the macro, dropping the rest's output.
    @Test func anExtendsInAnImportedMacroStopsTheTopLevel() throws {
        let templates = [
            "m.html": #"{% macro x() %}{% extends "p.html" %}M{% endmacro %}"#,
            "p.html": "P[{% block b %}pb{% endblock %}]",
            "t.html": #"{% from "m.html" import x %}A{{ x() }}B{% block b %}tb{% endblock %}C{% if true %}D{% endif %}"#,
        ]
        #expect(try render(named: "t.html", templates: templates) == "AMP[tb]")
    }

    @Test func aBaseRendersOnItsOwn() throws {
        #expect(try render(named: "base.html", templates: Self.templates) == "<title>Base</title>|B|F")
    }

    @Test func aRequiredBlockMustBeOverridden() throws {
        let error = try #require(throws: TemplateError.self) {
            try render(named: "required-base.html", templates: Self.templates)
        }
        #expect(error.kind == .runtime)
        #expect(error.message.contains("required block 'content' not found"))
        #expect(error.templateName == "required-base.html")
        #expect(error.line == 1)
    }
}
