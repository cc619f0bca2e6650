import Testing
@testable import TailorTemplate

/// Each row's expectation is what Jinja2 3.1.6 renders for `{{ v.name(*args, **kwargs) }}`;
/// `NOMETHOD` marks a method the type does not have.
@Suite struct MethodTests {
    static let calls: [Call] = [
        Call("upper", .string("Ada"), [], [], [], .output("ADA")),
        Call("lower", .string("ADA"), [], [], [], .output("ada")),
        Call("title", .string("they're bill's friends"), [], [], [], .output("They'Re Bill'S Friends")),
        Call("capitalize", .string("hello WORLD"), [], [], [], .output("Hello world")),
        Call("swapcase", .string("Hello"), [], [], [], .output("hELLO")),
        Call("strip", .string("**sale**"), [.string("*")], [], [], .output("sale")),
        Call("rstrip", .string("sale!!!"), [.string("!")], [], [], .output("sale")),
        Call("lstrip", .string("  x  "), [], [], [], .output("x  ")),
        Call("strip", .string(" \t\nx\u{a0}"), [], [], [], .output("x")),
        Call("strip", .string("xax"), [.none], [], [], .output("xax")),
        Call("split", .string("a b  c"), [], [], [], .output("['a', 'b', 'c']")),
        Call("split", .string("a,b,c,d"), [.string(","), .int(2)], [], [], .output("['a', 'b', 'c,d']")),
        Call("rsplit", .string("a-b-c"), [.string("-"), .int(1)], [], [], .output("['a-b', 'c']")),
        Call("split", .string("a,,b"), [.string(",")], [], [], .output("['a', '', 'b']")),
        Call("split", .string(""), [], [], [], .output("[]")),
        Call("split", .string(""), [.string(",")], [], [], .output("['']")),
        Call("split", .string("abc"), [.string("")], [], [], .error(.value)),
        Call("split", .string("  a b c  "), [.none, .int(1)], [], [], .output("['a', 'b c  ']")),
        Call("rsplit", .string("  a b c  "), [.none, .int(1)], [], [], .output("['  a b', 'c']")),
        Call("split", .string("a=b"), [], [("sep", .string("="))], [], .output("['a', 'b']")),
        Call("split", .string("x"), [.int(1)], [], [], .error(.type)),
        Call("splitlines", .string("l1\nl2"), [], [], [], .output("['l1', 'l2']")),
        Call("splitlines", .string("a\r\nb\rc\n"), [.bool(true)], [], [], .output("['a\\r\\n', 'b\\r', 'c\\n']")),
        Call("splitlines", .string(""), [], [], [], .output("[]")),
        Call("replace", .string("free shipping"), [.string("free"), .string("FREE")], [], [], .output("FREE shipping")),
        Call("replace", .string("aaa"), [.string("a"), .string("b"), .int(2)], [], [], .output("bba")),
        Call("replace", .markup("a&b"), [.string("&"), .string("<&>")], [], [], .output("a&lt;&amp;&gt;b")),
        Call("startswith", .string("Hello"), [.tuple([.string("He"), .string("Ha")])], [], [], .output("True")),
        Call("startswith", .string("Hello"), [.string("lo"), .int(3)], [], [], .output("True")),
        Call("endswith", .string("Hello"), [.string("ll"), .int(0), .int(4)], [], [], .output("True")),
        Call("startswith", .string("Hello"), [.int(1)], [], [], .error(.type)),
        Call("endswith", .string("Hello"), [.tuple([.string("x"), .string("o")])], [], [], .output("True")),
        Call("startswith", .string("Hello"), [.string("")], [], [], .output("True")),
        Call("count", .string("banana"), [.string("a")], [], [], .output("3")),
        Call("find", .string("banana"), [.string("n")], [], [], .output("2")),
        Call("find", .string("banana"), [.string("z")], [], [], .output("-1")),
        Call("index", .string("banana"), [.string("b")], [], [], .output("0")),
        Call("rfind", .string("banana"), [.string("a")], [], [], .output("5")),
        Call("rindex", .string("banana"), [.string("n"), .int(0), .int(3)], [], [], .output("2")),
        Call("index", .string("banana"), [.string("z")], [], [], .error(.value)),
        Call("find", .string("banana"), [.string("a"), .int(-2)], [], [], .output("5")),
        Call("count", .string("aaaa"), [.string("aa")], [], [], .output("2")),
        Call("count", .string("abc"), [.string("")], [], [], .output("4")),
        Call("find", .string("abc"), [.string("")], [], [], .output("0")),
        Call("find", .string("abc"), [.string(""), .int(5)], [], [], .output("-1")),
        Call("isdigit", .string("42"), [], [], [], .output("True")),
        Call("isalpha", .string("abc"), [], [], [], .output("True")),
        Call("isalnum", .string("Ab1"), [], [], [], .output("True")),
        Call("isspace", .string(" "), [], [], [], .output("True")),
        Call("isdigit", .string(""), [], [], [], .output("False")),
        Call("isdigit", .string("\u{b2}"), [], [], [], .output("True")),
        Call("isdecimal", .string("\u{b2}"), [], [], [], .output("False")),
        Call("isnumeric", .string("\u{bd}"), [], [], [], .output("True")),
        Call("isalpha", .string("\u{e9}1"), [], [], [], .output("False")),
        Call("isupper", .string("AB1"), [], [], [], .output("True")),
        Call("islower", .string("ab1"), [], [], [], .output("True")),
        Call("isupper", .string("12"), [], [], [], .output("False")),
        Call("istitle", .string("Hello World"), [], [], [], .output("True")),
        Call("istitle", .string("Hello world"), [], [], [], .output("False")),
        Call("istitle", .string("HELLO"), [], [], [], .output("False")),
        Call("partition", .string("key=value"), [.string("=")], [], [], .output("('key', '=', 'value')")),
        Call("partition", .string("key"), [.string("=")], [], [], .output("('key', '', '')")),
        Call("rpartition", .string("a=b=c"), [.string("=")], [], [], .output("('a=b', '=', 'c')")),
        Call("rpartition", .string("abc"), [.string("=")], [], [], .output("('', '', 'abc')")),
        Call("partition", .string("a"), [.string("")], [], [], .error(.value)),
        Call("center", .string("x"), [.int(6), .string("*")], [], [], .output("**x***")),
        Call("ljust", .string("ab"), [.int(5), .string(".")], [], [], .output("ab...")),
        Call("rjust", .string("ab"), [.int(5)], [], [], .output("   ab")),
        Call("zfill", .string("-42"), [.int(6)], [], [], .output("-00042")),
        Call("zfill", .string("42"), [.int(1)], [], [], .output("42")),
        Call("center", .string("x"), [.int(5), .string("ab")], [], [], .error(.type)),
        Call("join", .string(","), [.list([.string("a"), .string("b")])], [], [], .output("a,b")),
        Call("join", .string("-"), [.string("abc")], [], [], .output("a-b-c")),
        Call("join", .string(","), [.list([.int(1), .int(2)])], [], [], .error(.type)),
        Call("join", .markup("<br>"), [.list([.string("<a>"), .markup("<b>")])], [], [], .output("&lt;a&gt;<br><b>")),
        Call("removeprefix", .string("unsubscribe"), [.string("un")], [], [], .output("subscribe")),
        Call("removesuffix", .string("file.txt"), [.string(".txt")], [], [], .output("file")),
        Call("casefold", .string("ABC"), [], [], [], .output("abc")),
        Call("format", .string("{0}-{1}-{0}"), [.string("a"), .string("b")], [], [], .output("a-b-a")),
        Call("format", .string("Hi {name}!"), [], [("name", .string("Bo"))], [], .output("Hi Bo!")),
        Call("format_map", .string("{a}{b}"), [.dict(Dict([(.string("a"), .int(1)), (.string("b"), .int(2))]))], [], [], .output("12")),
        Call("nosuchmethod", .string("x"), [], [], [], .output("NOMETHOD")),
        Call("upper", .string("x"), [.int(1)], [], [], .error(.type)),
        Call("index", .list([.string("new"), .string("vip"), .string("new")]), [.string("vip")], [], [], .output("1")),
        Call("count", .list([.string("new"), .string("vip"), .string("new")]), [.string("new")], [], [], .output("2")),
        Call("index", .list([.string("a")]), [.string("z")], [], [], .error(.value)),
        Call("index", .tuple([.int(1), .int(2)]), [.int(2)], [], [], .output("1")),
        Call("index", .tuple([.int(1), .int(2)]), [.int(3)], [], [], .error(.value)),
        Call("count", .tuple([.int(1), .float(1.0), .bool(true)]), [.int(1)], [], [], .output("3")),
        Call("index", .list([.int(1), .int(2), .int(1)]), [.int(1), .int(1)], [], [], .output("2")),
        Call("get", .dict(Dict([(.string("sms"), .bool(false))])), [.string("sms")], [], [], .output("False")),
        Call("get", .dict(Dict([(.string("sms"), .bool(false))])), [.string("fax")], [], [], .output("None")),
        Call("get", .dict(Dict([(.string("sms"), .bool(false))])), [.string("fax"), .string("n/a")], [], [], .output("n/a")),
        Call("get", .dict(Dict([(.int(1), .string("x"))])), [.int(1)], [], [], .output("x")),
        Call("get", .dict(Dict([(.string("a"), .int(1))])), [], [], [], .error(.type)),
        Call("get", .dict(Dict([(.string("a"), .int(1))])), [.list([.int(1)])], [], [], .error(.type)),
        Call("keys", .dict(Dict([(.string("a"), .int(1)), (.string("b"), .none)])), [], [], [], .output("dict_keys(['a', 'b'])")),
        Call("values", .dict(Dict([(.string("a"), .int(1)), (.string("b"), .none)])), [], [], [], .output("dict_values([1, None])")),
        Call("items", .dict(Dict([(.string("email"), .int(1)), (.string("sms"), .int(0))])), [], [], [], .output("dict_items([('email', 1), ('sms', 0)])")),
        Call("keys", .dict(Dict()), [], [], [], .output("dict_keys([])")),
        Call("keys", .dict(Dict([(.string("a"), .int(1))])), [.int(1)], [], [], .error(.type)),

    ]

    @Test(arguments: calls)
    func method(_ call: Call) {
        let result = Harness.run(call.modes) { runtime in
            try PythonMethods.call(call.value, call.name, call.arguments, runtime) ?? .string("NOMETHOD")
        }
        #expect(result == call.expected)
    }

    @Test func dictViewsPrintAndIterate() throws {
        let runtime = Harness.runtime([])
        let prefs: Value = ["a": 1, "b": .none]
        let keys = try #require(try PythonMethods.call(prefs, "keys", .empty, runtime))
        #expect(keys.repr == "dict_keys(['a', 'b'])")
        #expect(try runtime.filter("list", keys).repr == "['a', 'b']")
        let items = try #require(try PythonMethods.call(prefs, "items", .empty, runtime))
        #expect(try items.iterate() == [.tuple(["a", 1]), .tuple(["b", .none])])
        #expect(try items.length() == 2)
    }

    @Test func boundMethodsCallThrough() throws {
        let runtime = Harness.runtime([])
        let method = try #require(PythonMethods.bound("a-b", "split"))
        #expect(try runtime.call(method, Arguments(["-"])) == ["a", "b"])
        #expect(PythonMethods.bound(5, "split") == nil)
        #expect(PythonMethods.bound(["k": 1], "append") == nil)
        #expect(try runtime.filter("attr", ["k": 1], Arguments(["items"])).typeName == "builtin_function_or_method")
    }

    @Test func markupMethodsStayMarkup() throws {
        let runtime = Harness.runtime([])
        #expect(try PythonMethods.call(.markup("<b>x</b>"), "upper", .empty, runtime) == .markup("<B>X</B>"))
        let formatted = try PythonMethods.call(.markup("<i>{}</i>"), "format", Arguments(["<x>"]), runtime)
        #expect(formatted == .markup("<i>&lt;x&gt;</i>"))
        if case .markup = formatted {} else { Issue.record("format on Markup should give Markup") }
    }
}

@Suite struct GlobalFunctionTests {
    func call(_ name: String, _ args: Arguments = .empty) throws -> Value {
        try Harness.runtime([]).call(BuiltinFunctions.globals[name]!, args)
    }

    @Test(arguments: [
        ([5], "range(0, 5)", "[0, 1, 2, 3, 4]"), ([1, 4], "range(1, 4)", "[1, 2, 3]"),
        ([0, 10, 3], "range(0, 10, 3)", "[0, 3, 6, 9]"), ([5, 0, -2], "range(5, 0, -2)", "[5, 3, 1]"),
        ([3, 1], "range(3, 1)", "[]"),
    ] as [([Value], String, String)])
    func range(args: [Value], repr: String, items: String) throws {
        let range = try call("range", Arguments(args))
        #expect(range.repr == repr)
        #expect(Value.list(try range.iterate()).repr == items)
        #expect(try range.length() == range.iterate().count)
    }

    @Test(arguments: [
        Arguments(["x"]), Arguments([1, 10, 0]), Arguments([]), Arguments([1.5]), Arguments([1, 2, 3, 4]),
        Arguments([1], keywords: [(name: "step", value: 1)]),
    ])
    func rangeRejects(args: Arguments) {
        #expect(throws: TemplateError.self) { try call("range", args) }
    }

    @Test func dictAndNamespace() throws {
        #expect(try call("dict", Arguments([], keywords: [(name: "a", value: 1), (name: "b", value: "x")])).repr
            == "{'a': 1, 'b': 'x'}")
        let ns = try call("namespace", Arguments([["b": 2]], keywords: [(name: "c", value: 3)]))
        #expect(ns.repr == "<Namespace {'b': 2, 'c': 3}>")
        let object = try #require({ if case .object(let o) = ns { return o as? NamespaceObject } else { return nil } }())
        object.attributes[string: "rows"] = 1
        #expect(object.attribute("rows") == 1)
        #expect(object.attribute("missing") == nil)
    }

    @Test func cyclerAndJoiner() throws {
        let runtime = Harness.runtime([])
        let cycler = try call("cycler", Arguments(["odd", "even"]))
        let next = try runtime.attribute(of: cycler, "next")
        #expect(try runtime.call(next, .empty) == "odd")
        #expect(try runtime.call(next, .empty) == "even")
        #expect(try runtime.call(next, .empty) == "odd")
        #expect(try runtime.attribute(of: cycler, "current") == "even")
        _ = try runtime.call(try runtime.attribute(of: cycler, "reset"), .empty)
        #expect(try runtime.call(next, .empty) == "odd")
        #expect(throws: TemplateError.self) { try call("cycler") }

        let joiner = try call("joiner")
        #expect(try runtime.call(joiner, .empty) == "")
        #expect(try runtime.call(joiner, .empty) == ", ")
        let pipe = try call("joiner", Arguments(["|"]))
        _ = try runtime.call(pipe, .empty)
        #expect(try runtime.call(pipe, .empty) == "|")
    }

    @Test func lipsum() throws {
        let html = try call("lipsum", Arguments([2]))
        #expect(html.isMarkup)
        #expect(try html.stringify().split(separator: "\n").count == 2)
        let text = try call("lipsum", Arguments([1, false, 5, 6]))
        let words = try text.stringify().split(separator: " ")
        #expect(words.count == 5)
        #expect(try text.stringify().hasSuffix("."))
        #expect(throws: TemplateError.self) { try call("lipsum", Arguments([], keywords: [(name: "bogus", value: 1)])) }
    }
}
