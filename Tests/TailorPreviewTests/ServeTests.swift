import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `tailor preview --serve` on a free loopback port, over a copy of the sample workspace.
@Suite struct ServeTests {
    @Test func servesTheGalleryAndFollowsTemplateChanges() async throws {
        let workspace = try temporaryFolder("serve")
        for folder in ["templates", "segments", "data"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent(folder), to: workspace.appendingPathComponent(folder))
        }
        let server = try ServedPreview(in: workspace)
        defer { server.stop() }
        let base = try server.waitForURL()

        let first = try await fetch(base)
        #expect(first.contains("Your cart misses you"))
        let version = try await fetch(base + "version")

        let email = workspace.appendingPathComponent("templates/spring_sale/email.html")
        let source = try String(contentsOf: email, encoding: .utf8)
        try Data(source.replacingOccurrences(of: "Your cart misses you", with: "Your basket is waiting").utf8)
            .write(to: email)
        let changed = try await poll(base) { $0.contains("Your basket is waiting") }
        #expect(changed)
        #expect(try await fetch(base + "version") != version)
        #expect(try await fetch(base + "abandoned_cart.html").contains("Your basket is waiting"))

        // A broken template: an error panel with the file, line and source, not a dead page.
        try Data(source.replacingOccurrences(of: "{% endsegment %}", with: "").utf8).write(to: email)
        let broken = try await poll(base) { $0.contains("data-error=\"yes\"") }
        #expect(broken)
        let page = try await fetch(base)
        #expect(page.contains("email.html:"))
        #expect(page.contains("data-source"))

        try Data(source.utf8).write(to: email)
        #expect(try await poll(base) { $0.contains("Your cart misses you") })
    }
}

/// The `tailor` binary serving a workspace on port 0.
final class ServedPreview: @unchecked Sendable {
    let process = Process()
    let output = Pipe()

    init(in workspace: URL) throws {
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("tailor")
        process.arguments = ["preview", "templates/spring_sale", "--serve", "--port", "0"]
        process.currentDirectoryURL = workspace
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The URL from the "serving http://127.0.0.1:PORT/" line, waiting up to 60 s.
    func waitForURL() throws -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                return String(text[range])
            }
        }
        throw ServeTestError("the server printed no URL: \(text)")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func fetch(_ url: String) async throws -> String {
    var request = URLRequest(url: URL(string: url)!)
    request.cachePolicy = .reloadIgnoringLocalCacheData
    request.timeoutInterval = 10
    let (data, _) = try await URLSession.shared.data(for: request)
    return String(decoding: data, as: UTF8.self)
}

/// Fetches `url` until `done` holds or 20 seconds pass.
func poll(_ url: String, until done: (String) -> Bool) async throws -> Bool {
    for _ in 0..<100 {
        if done(try await fetch(url)) { return true }
        try await Task.sleep(for: .milliseconds(200))
    }
    return false
}
