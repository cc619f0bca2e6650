import Logging
import ServiceLifecycle

/// Looks at the template files every ``interval`` and recompiles when they
/// changed, until the service shuts down. A campaign that no longer compiles
/// keeps serving its last good version; the error is logged, counted under
/// `tailor_template_reloads_total{result="failed"}` and shown by
/// `GET /v1/campaigns`.
struct CatalogReloader: Service {
    let catalog: CampaignCatalog
    let interval: Duration
    let threads: RenderThreads
    let metrics: ServeMetrics
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await check()
            }
        }
    }

    /// One look; compiling runs on a render thread, off the cooperative pool.
    func check() async {
        let catalog = self.catalog
        let outcome = await threads.run { catalog.reloadIfChanged() }
        switch outcome {
        case .unchanged: break
        case .reloaded:
            metrics.reloaded(ok: true)
            logger.info("templates reloaded", metadata: ["generation": "\(catalog.current.generation)"])
        case .failed(let problems):
            metrics.reloaded(ok: false)
            for problem in problems {
                logger.error(
                    "template reload failed; the previous version is still served",
                    metadata: ["folder": "\(problem.folder)", "error": "\(problem.message)"])
            }
        }
    }
}
