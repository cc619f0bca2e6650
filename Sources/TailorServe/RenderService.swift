import Foundation
import HTTPTypes
import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
import TailorTemplate

/// `tailor serve`: renders one recipient's message per request, from the
/// campaigns under a templates folder.
///
/// | endpoint | answer |
/// |---|---|
/// | `POST /v1/campaigns/{name}/render` | the message, as JSON or `message/rfc822` (``RenderEndpoint``) |
/// | `GET /v1/campaigns` | campaigns served and reload errors (``CampaignList``) |
/// | `GET /healthz` | `{"status":"ok"}`, without a token |
/// | `GET /metrics` | Prometheus text (``ServeMetrics``) |
///
/// Templates compile at start (an error stops the start) and again when their
/// files change (``CatalogReloader``). SIGTERM or SIGINT stops accepting
/// connections and lets requests in flight finish.
///
/// ```swift
/// let service = try RenderService(ServeSettings(templatesDirectory: "templates"))
/// try await service.run()                  // until SIGTERM
///
/// let running = try await service.start()  // tests: any free port, stopped by hand
/// print(running.port)
/// try await running.stop()
/// ```
public final class RenderService: Sendable {
    public let settings: ServeSettings
    let catalog: CampaignCatalog
    let store: IdempotencyStore
    let threads: RenderThreads
    let metrics = ServeMetrics()
    let logger: Logger

    /// Compiles every campaign; throws ``ServeSetupError`` or the campaign's own error.
    public init(_ settings: ServeSettings, logger: Logger = Logger(label: "tailor.serve")) throws {
        self.settings = settings
        self.logger = logger
        catalog = try CampaignCatalog(templatesDirectory: settings.templatesDirectory)
        store = IdempotencyStore(ttl: settings.idempotencyTTL, capacity: settings.idempotencyCapacity)
        threads = RenderThreads(count: settings.renderThreads)
    }

    /// The campaigns served now.
    public var campaignNames: [String] { catalog.current.names }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: services(onListening: onListening), gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        threads.stop()
    }

    /// Starts serving in the background and returns once the port is bound.
    public func start() async throws -> RunningService {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = ServiceGroup(
            configuration: .init(
                services: services(onListening: { continuation.yield($0); continuation.finish() }),
                gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw ServeSetupError("the server stopped before it listened")
        }
        return RunningService(port: port, group: group, task: task, threads: threads)
    }

    /// Looks for template changes now rather than at the next interval (tests).
    func reloadNow() async {
        await reloader.check()
    }

    private var reloader: CatalogReloader {
        CatalogReloader(
            catalog: catalog, interval: settings.reloadInterval ?? .seconds(1), threads: threads, metrics: metrics, logger: logger)
    }

    private func services(onListening: @escaping @Sendable (Int) -> Void) -> [any Service] {
        let configuration = ApplicationConfiguration(
            address: .hostname(settings.host, port: settings.port), serverName: "tailor")
        let app = Application(
            router: router(), configuration: configuration,
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) }, logger: logger)
        var services: [any Service] = [app]
        if settings.reloadInterval != nil { services.append(reloader) }
        return services
    }

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServeMiddleware(token: settings.token.map(BearerToken.init), metrics: metrics))
        let endpoint = RenderEndpoint(
            catalog: catalog, store: store, threads: threads, metrics: metrics, maxBodyBytes: settings.maxBodyBytes,
            guardsTemplateSyntax: !settings.allowTemplateSyntax)
        let catalog = self.catalog
        let metrics = self.metrics
        let store = self.store
        router.get("/healthz") { _, _ in
            JSONResponse.make(JSONResponse.object([("status", "ok")]))
        }
        router.get("/metrics") { _, _ in
            let snapshot = catalog.current
            let text = metrics.text(
                campaigns: snapshot.campaigns.count, generation: snapshot.generation, idempotencyKeys: await store.count)
            return JSONResponse.bytesResponse(
                Array(text.utf8), status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"])
        }
        router.get("/v1/campaigns") { _, _ in
            JSONResponse.make(CampaignList.json(catalog.current))
        }
        router.post("/v1/campaigns/:name/render") { request, context in
            await endpoint.handle(request, name: context.parameters.get("name") ?? "")
        }
        return router
    }
}

/// A service started with ``RenderService/start()``.
public final class RunningService: Sendable {
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let threads: RenderThreads

    init(port: Int, group: ServiceGroup, task: Task<Void, any Error>, threads: RenderThreads) {
        self.port = port
        self.group = group
        self.task = task
        self.threads = threads
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when all is done.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
        threads.stop()
    }
}
