import Foundation
import Testing

@testable import TailorTemplate

/// `FileSystemLoader` over a temporary folder: names resolve inside the root
/// and nothing outside it is ever read.
///
/// ```
/// <tmp>/outside/secret.html
/// <tmp>/outside/dir/secret.html
/// <tmp>/root/pages/home.html        includes partials/nav.html
/// <tmp>/root/partials/nav.html
/// <tmp>/root/escape.html            includes ../outside/secret.html
/// <tmp>/root/link.html      -> <tmp>/outside/secret.html
/// <tmp>/root/linkdir        -> <tmp>/outside/dir
/// <tmp>/root/alias.html     -> <tmp>/root/partials/nav.html
/// <tmp>/second/only-second.html, <tmp>/second/pages/home.html
/// ```
@Suite struct LoaderSandboxTests {
    /// A temporary workspace, removed when the test's value goes away.
    final class Workspace {
        let url: URL
        var root: String { url.appendingPathComponent("root").path }
        var second: String { url.appendingPathComponent("second").path }

        init() throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("tailor-loader-\(UUID().uuidString)")
            try write("outside/secret.html", "SECRET")
            try write("outside/dir/secret.html", "SECRET DIR")
            try write("root/pages/home.html", "Home: {% include 'partials/nav.html' %}")
            try write("root/partials/nav.html", "nav")
            try write("root/escape.html", "line one\n  {% include '../outside/secret.html' %}")
            try write("second/only-second.html", "from second")
            try write("second/pages/home.html", "second home")
            try link("root/link.html", to: "outside/secret.html")
            try link("root/linkdir", to: "outside/dir")
            try link("root/alias.html", to: "root/partials/nav.html")
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        private func write(_ path: String, _ text: String) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }

        private func link(_ path: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(
                at: url.appendingPathComponent(path), withDestinationURL: url.appendingPathComponent(target))
        }
    }

    @Test func nestedPathsLoadAndInclude() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        #expect(try env.template(named: "pages/home.html").render() == "Home: nav")
        #expect(try env.template(named: "./partials/nav.html").render() == "nav")
        #expect(try env.template(named: "partials//nav.html").render() == "nav")
    }

    @Test func aSymlinkThatStaysInsideTheRootIsAllowed() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        #expect(try env.template(named: "alias.html").render() == "nav")
    }

    @Test func rootsAreSearchedInOrder() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(roots: [space.root, space.second]))
        #expect(try env.template(named: "pages/home.html").render() == "Home: nav")
        #expect(try env.template(named: "only-second.html").render() == "from second")
    }

    @Test(arguments: [
        ("../outside/secret.html", "'..' would leave the templates folder"),
        ("pages/../../outside/secret.html", "'..' would leave the templates folder"),
        ("pages/../partials/nav.html", "'..' would leave the templates folder"),
        ("..", "'..' would leave the templates folder"),
        ("/etc/passwd", "names are relative to the templates folder"),
        ("partials\\nav.html", "names are relative to the templates folder"),
        ("..\\outside\\secret.html", "names are relative to the templates folder"),
        ("link.html", "resolves outside the templates folder"),
        ("linkdir/secret.html", "resolves outside the templates folder"),
        ("", "empty template name"),
        (".", "empty template name"),
    ])
    func namesThatLeaveTheRootAreRefused(name: String, fragment: String) throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        let error = try #require(throws: TemplateError.self) { try env.template(named: name) }
        #expect(error.kind == .notFound)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(!error.message.contains("SECRET"))
    }

    @Test func anAbsolutePathIntoTheRootIsStillRefused() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        let error = try #require(throws: TemplateError.self) {
            try env.template(named: space.root + "/partials/nav.html")
        }
        #expect(error.kind == .notFound)
    }

    @Test func aMissingTemplateIsNotFound() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        let error = try #require(throws: TemplateError.self) { try env.template(named: "nope.html") }
        #expect(error.kind == .notFound)
        #expect(error.message == "template 'nope.html' not found")
    }

    @Test func anIncludeThatLeavesTheRootFailsAtTheInclude() throws {
        let space = try Workspace()
        let env = Environment(loader: FileSystemLoader(root: space.root))
        let template = try env.template(named: "escape.html")
        let error = try #require(throws: TemplateError.self) { try template.render() }
        #expect(error.kind == .notFound)
        #expect(error.templateName == "escape.html")
        #expect((error.line, error.column) == (2, 6))  // the tag name
        #expect(error.sourceLine == "  {% include '../outside/secret.html' %}")
    }
}
