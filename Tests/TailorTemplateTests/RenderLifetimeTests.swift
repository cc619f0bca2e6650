import Synchronization
import Testing
@testable import TailorTemplate

/// Nothing a render makes outlives it: a macro and the template variables that
/// hold it would otherwise keep each other alive, and a long send would grow.
@Suite struct RenderLifetimeTests {
    final class WeakBox: @unchecked Sendable {
        weak var object: AnyObject?
    }

    @Test(arguments: [
        "{% macro m() %}x{% endmacro %}{{ m|keep }}",
        "{% import 'lib.html' as lib %}{{ lib.card|keep }}",
        "{% from 'lib.html' import card %}{% for i in [1] %}{{ card|keep }}{% endfor %}",
    ])
    func macrosAreReleasedAfterTheRender(source: String) throws {
        let env = Environment(loader: MemoryLoader(["lib.html": "{% macro card() %}c{% endmacro %}"]))
        let box = WeakBox()
        env.addFilter("keep") { value, _, _ in
            if case .object(let o) = value { box.object = o }
            return .string("kept")
        }
        let template = try env.template(source: source)
        #expect(try template.render() == "kept")
        #expect(box.object == nil)
    }
}
