import Dispatch
import Foundation
import Testing

@testable import TailorTemplate

/// One compiled template rendered from many threads at once: each render has
/// its own state (loops, imports, captures) and gets its own output.
@Suite struct ConcurrencyTests {
    static let templates = [
        "macros.html": "{% macro item(i) %}[{{ i }}]{% endmacro %}",
        "footer.html": "{{ name|upper }}",
        "base.html": "<{% block body %}{% endblock %}>",
        "page.html": """
            {% extends 'base.html' %}{% import 'macros.html' as m %}{% block body %}\
            {% set greeting %}Hi {{ name }}{% endset %}{{ greeting }}:\
            {% for i in items %}{{ m.item(i) }}{% if loop.changed(i // 2) %}!{% endif %}{% endfor %}\
            |{% include 'footer.html' %}{% endblock %}
            """,
    ]

    /// What `page.html` renders for a context.
    static func expected(name: String, count: Int) -> String {
        let items = (0..<count).map { "[\($0)]" + ($0 % 2 == 0 ? "!" : "") }.joined()
        return "<Hi \(name):\(items)|\(name.uppercased())>"
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        private(set) var renders = 0

        func record(_ message: String?) {
            lock.lock()
            defer { lock.unlock() }
            renders += 1
            if let message, messages.count < 10 { messages.append(message) }
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return messages
        }
    }

    @Test func oneTemplateManyThreads() throws {
        let env = makeEnvironment(Self.templates)
        let template = try env.template(named: "page.html")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var buffer: [UInt8] = []
            for k in 0..<200 {
                let name = "user\(thread)-\(k)"
                let count = (thread + k) % 7
                let context: [String: Value] = [
                    "name": .string(name), "items": .list((0..<count).map { .int($0) }),
                ]
                buffer.removeAll(keepingCapacity: true)
                do {
                    try template.render(context, into: &buffer)
                    let output = String(decoding: buffer, as: UTF8.self)
                    let want = Self.expected(name: name, count: count)
                    failures.record(output == want ? nil : "thread \(thread) #\(k): \(output) != \(want)")
                } catch {
                    failures.record("thread \(thread) #\(k): \(error)")
                }
            }
        }
        #expect(failures.renders == 1600)
        #expect(failures.all == [])
    }

    @Test func templatesLoadConcurrentlyFromOneEnvironment() throws {
        let env = makeEnvironment(Self.templates)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for k in 0..<50 {
                do {
                    let output = try env.template(named: "page.html").render([
                        "name": .string("t\(thread)"), "items": .list([.int(0), .int(1)]),
                    ])
                    let want = Self.expected(name: "t\(thread)", count: 2)
                    failures.record(output == want ? nil : "thread \(thread) #\(k): \(output)")
                } catch {
                    failures.record("thread \(thread) #\(k): \(error)")
                }
            }
        }
        #expect(failures.renders == 400)
        #expect(failures.all == [])
    }

    @Test func strictErrorsStayWithTheirRender() throws {
        let env = makeEnvironment(Self.templates, options: Options(undefined: .strict))
        let template = try env.template(source: "{{ name }}{% if n is divisibleby 2 %}{{ missing }}{% endif %}")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for k in 0..<100 {
                let n = thread * 100 + k
                do {
                    let output = try template.render(["name": .string("n\(n)"), "n": .int(n)])
                    failures.record(n % 2 == 1 && output == "n\(n)" ? nil : "render \(n) gave \(output)")
                } catch let error as TemplateError {
                    failures.record(
                        n % 2 == 0 && error.message == "'missing' is undefined" ? nil : "render \(n): \(error)")
                } catch {
                    failures.record("render \(n): \(error)")
                }
            }
        }
        #expect(failures.renders == 800)
        #expect(failures.all == [])
    }
}
