import ArgumentParser
import Foundation
import TailorServe

/// `tailor serve`: triggered sends over HTTP. Thin over `TailorServe.RenderService`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a render endpoint for triggered sends (one recipient per request).",
        discussion: """
            Compiles every campaign under the templates folder and answers:

              POST /v1/campaigns/NAME/render   the message for the profile in the JSON body
              GET  /v1/campaigns               campaigns served, and template reload errors
              GET  /healthz                    liveness, without a token
              GET  /metrics                    Prometheus text

            The body is {"profile": {...}, "events": [...], "segments": [...]}; the \
            answer is JSON (subject, html, text, headers, raw) or, with \
            'Accept: message/rfc822' or '?format=eml', the message itself. An \
            Idempotency-Key header renders a key's body once and answers retries with \
            the same bytes; the same key with another body is refused (409).

            A message that would show template syntax from its data ({{ 7*7 }} as a \
            first name) or whose HTML holds a control character is refused (422) with \
            the profile attribute that holds it, as in a batch send; \
            --allow-template-syntax lets template syntax through.

            Templates are recompiled when their files change; a template error keeps \
            the previous version serving and is reported. SIGTERM or SIGINT finishes \
            the requests in flight, then exits.

            Exit status: 0 after a shutdown, 1 a template does not compile at start, \
            2 usage error, 3 a campaign, token file or address cannot be used.

            Examples:
              tailor serve
              tailor serve --port 9000 --token-file /run/secrets/tailor-token
              curl -s localhost:8080/v1/campaigns/spring_sale/render \\
                -H 'Content-Type: application/json' -H 'Idempotency-Key: cart-7741' \\
                -d '{"profile": {"recipient_id": "R1", "email": "anna@example.com"}}'
            """
    )

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "n"))
    var port = 8080

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Require 'Authorization: Bearer <token>' with the token in this file.", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("The folder of campaign folders.", valueName: "dir"))
    var templates = "templates"

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = 256 * 1024

    @Option(name: .customLong("idempotency-ttl"), help: ArgumentHelp("Seconds an Idempotency-Key is remembered.", valueName: "seconds"))
    var idempotencyTTL = 86_400

    @Option(name: .customLong("idempotency-keys"), help: ArgumentHelp("Most Idempotency-Keys remembered at once.", valueName: "n"))
    var idempotencyKeys = 10_000

    @Option(name: .customLong("reload-interval"), help: ArgumentHelp("Seconds between looks for template changes (0: never).", valueName: "seconds"))
    var reloadInterval = 1.0

    @Option(help: ArgumentHelp("Rendering threads (default: one per core, at least 2).", valueName: "n"))
    var threads: Int?

    @Flag(name: .customLong("allow-template-syntax"), help: "Answer with messages that show template syntax ({{ }}, {% %}, {#) from their data or templates, e.g. an ESP's own merge tags.")
    var allowTemplateSyntax = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard maxBody >= 1 else { throw ValidationError("--max-body must be at least 1.") }
        guard idempotencyTTL >= 1 else { throw ValidationError("--idempotency-ttl must be at least 1 second.") }
        guard idempotencyKeys >= 1 else { throw ValidationError("--idempotency-keys must be at least 1.") }
        guard reloadInterval >= 0 else { throw ValidationError("--reload-interval cannot be negative.") }
        try WorkerCount.check(threads, option: "--threads")
    }

    func run() throws {
        var settings = ServeSettings(templatesDirectory: templates)
        settings.host = host
        settings.port = port
        settings.maxBodyBytes = maxBody
        settings.idempotencyTTL = .seconds(idempotencyTTL)
        settings.idempotencyCapacity = idempotencyKeys
        settings.reloadInterval = reloadInterval > 0 ? .milliseconds(Int(reloadInterval * 1000)) : nil
        if let threads { settings.renderThreads = threads }
        settings.allowTemplateSyntax = allowTemplateSyntax
        let service: RenderService
        do {
            settings.token = try tokenFile.map(ServeSettings.readToken(path:))
            service = try RenderService(settings)
        } catch let error as ServeSetupError {
            ErrorPrinter.write("error: \(error)")
            throw ExitCode.unreadableInput
        } catch {
            throw ErrorPrinter.report(error)
        }
        let names = service.campaignNames.joined(separator: ", ")
        let outcome = Blocking.wait {
            try await service.run { port in
                ErrorPrinter.write("tailor serve: listening on http://\(host):\(port) (campaigns: \(names))")
            }
        }
        if case .failure(let error) = outcome {
            ErrorPrinter.write("error: \(error)")
            throw ExitCode.unreadableInput
        }
    }
}

/// Runs async work to completion from a synchronous command (the root command is not async).
enum Blocking {
    static func wait(_ work: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            do { try await work() } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return box.get()
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Void, any Error> = .success(())
        func set(_ value: Result<Void, any Error>) { lock.withLock { result = value } }
        func get() -> Result<Void, any Error> { lock.withLock { result } }
    }
}
