import ArgumentParser
import Foundation

/// The `tailor` command: campaigns, segments and sends are subcommands.
@main
struct Tailor: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "tailor",
        abstract: "Render personalized email from Jinja templates.",
        discussion: """
            tailor renders each recipient's email from Jinja2 templates: segment \
            conditionals, recommendation blocks, HTML and plain-text bodies, and the \
            MIME message an Email Service Provider takes.

            The template engine follows Jinja2 3.x, so templates written for Jinja \
            render the same way. Start with 'tailor template --help'.

            Exit status: 0 on success, 1 when a template fails to compile or render (or \
            `tailor check` finds errors), \
            2 on a usage error, 3 when an input file cannot be read or parsed.
            """,
        version: version,
        subcommands: [
            Render.self, Check.self, Preview.self, Serve.self, ManifestCommand.self, TemplateCommand.self,
            Segments.self, Recommend.self,
        ]
    )

    /// Parses and runs the command, mapping usage errors to exit status 2
    /// (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                ErrorPrinter.write(fullMessage(for: error))
                Foundation.exit(ExitCode.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
