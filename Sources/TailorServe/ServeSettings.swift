import Foundation

/// How `tailor serve` listens, authenticates and bounds its work.
///
/// ```swift
/// var settings = ServeSettings(templatesDirectory: "templates")
/// settings.port = 0                       // any free port; see RenderService.start()
/// settings.token = "s3cret"               // every endpoint but /healthz asks for it
/// let running = try await RenderService(settings).start()
/// ```
public struct ServeSettings: Sendable {
    /// The folder whose subfolders with a `campaign.yml` are the campaigns served.
    public var templatesDirectory: String
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 8080
    /// The bearer token requests must carry; nil serves without authentication.
    public var token: String?
    /// Request bodies larger than this are refused with 413.
    public var maxBodyBytes = 256 * 1024
    /// How long an `Idempotency-Key` is remembered.
    public var idempotencyTTL: Duration = .seconds(24 * 60 * 60)
    /// At most this many keys are remembered; the oldest go first.
    public var idempotencyCapacity = 10_000
    /// How often the template files are checked for changes; nil turns reloading off.
    public var reloadInterval: Duration? = .seconds(1)
    /// Threads that render (CPU-bound work kept off the server's event loops).
    public var renderThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Lets messages that show template syntax through (``MessageGuards``).
    public var allowTemplateSyntax = false

    public init(templatesDirectory: String = "templates") {
        self.templatesDirectory = templatesDirectory
    }

    /// Reads the token from `path`: its first line, surrounding whitespace removed.
    /// An empty file is refused, since it would make every request pass.
    public static func readToken(path: String) throws -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServeSetupError("cannot read the token file \(path): \(error.localizedDescription)")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else { throw ServeSetupError("the token file \(path) is empty") }
        return token
    }
}

/// A setting the service cannot start with (no campaigns, an unreadable token file).
public struct ServeSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
