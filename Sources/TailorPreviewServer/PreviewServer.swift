import Foundation
import Hummingbird
import NIOCore
public import TailorPreview

/// `tailor preview --serve`: the gallery on 127.0.0.1, rebuilt when a
/// template, segment file or data file changes. Open pages poll `/version`
/// and reload; while the campaign does not build, `/` shows the error with
/// its file, line and source instead of a dead page.
///
/// ```swift
/// try PreviewServer(PreviewSettings(campaignFolder: "templates/spring_sale"), port: 8089).runUntilStopped()
/// ```
///
/// Routes: `/` the gallery (or error page), `/version` the build number as
/// text, `/<variant>.html|.txt|.eml` a variant's files.
public struct PreviewServer: Sendable {
    public var settings: PreviewSettings
    /// 0 picks a free port; the line printed on start names it.
    public var port: Int
    public var validator: (any PreviewValidator)?
    /// How often the inputs are checked for changes.
    public var pollInterval: Duration = .milliseconds(400)

    public init(_ settings: PreviewSettings, port: Int, validator: (any PreviewValidator)? = nil) {
        self.settings = settings
        self.port = port
        self.validator = validator
    }

    /// Serves until SIGINT or SIGTERM. `started` gets the URL once the port is bound.
    public func run(started: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let state = GalleryState(settings: settings, validator: validator)
        if let problem = await state.rebuild() { report(problem) }
        let router = Router()
        router.get("/") { _, _ in Self.response(await state.page, type: "text/html; charset=utf-8") }
        router.get("/version") { _, _ in Self.response(String(await state.version), type: "text/plain") }
        router.get("/:file") { _, context in
            guard let name = context.parameters.get("file"), let file = await state.files[name] else {
                return Response(status: .notFound)
            }
            return Self.response(file.bytes, type: file.type)
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "tailor-preview"),
            onServerRunning: { channel in
                started("http://127.0.0.1:\(channel.localAddress?.port ?? port)/")
            })
        let watch = Task { await watchInputs(state) }
        defer { watch.cancel() }
        try await app.runService()
    }

    /// Runs ``run(started:)`` from synchronous code, blocking until the server stops.
    public func runUntilStopped(started: @escaping @Sendable (String) -> Void = { _ in }) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await run(started: started) } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw error }
    }

    /// Polls the watched inputs and rebuilds when they change.
    private func watchInputs(_ state: GalleryState) async {
        var last = InputWatcher(paths: await state.watched).fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            let now = InputWatcher(paths: await state.watched).fingerprint()
            guard now != last else { continue }
            last = now
            if let problem = await state.rebuild() { report(problem) } else { note("rebuilt the gallery") }
            last = InputWatcher(paths: await state.watched).fingerprint()
        }
    }

    private func report(_ problem: PreviewProblem) {
        FileHandle.standardError.write(Data((problem.description + "\n").utf8))
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    private static func response(_ text: String, type: String) -> Response {
        response(Array(text.utf8), type: type)
    }

    private static func response(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// An error handed from the serving task to the waiting thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
