import ArgumentParser
import Foundation
import TailorBatch
import TailorConfig
import TailorData
import TailorMIME
import TailorTemplate

/// `tailor render [CAMPAIGN...]`: the send. Thin over `TailorBatch.RenderRun`.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a campaign for every recipient into MIME messages, files or an SMTP server.",
        discussion: """
            For each recipient of the profiles file: assigns segments, renders the \
            subject, preheader, HTML and text bodies, and builds a multipart/alternative \
            message (quoted-printable, RFC 2047 headers, List-Unsubscribe with one-click \
            POST). Messages are written in input order; every recipient gets a line in \
            manifest.jsonl beside the output (rendered, skipped, failed or delivered, \
            with segment, bytes, SHA-256 and the reason for anything not sent). A \
            template error for one recipient fails that recipient, not the run; an \
            error in the campaign itself stops the run before anything is written.

            Without a campaign it renders every campaign under templates/ (each folder \
            with a campaign.yml) into out/<campaign>/.

            Formats: eml (a file per recipient), mbox (one mboxrd file), jsonl (to, from, \
            subject, html, text, headers per line; --raw adds the message), ses (Amazon \
            SES v2 SendEmail bodies), sendgrid (SendGrid v3 mail/send bodies), postmark \
            (Postmark batch bodies of at most 500 messages).

            Exit status: 0 the run completed (recipients that failed are listed on \
            standard error and in the manifest; with --fail-if-any-failed they make it 1), \
            1 a template of the campaign does not compile, 2 usage error, 3 the campaign \
            or an input cannot be used.

            Examples:
              tailor render
              tailor render templates/spring_sale --format mbox --out out/mbox
              tailor render templates/spring_sale --profiles big.csv --jobs 8
              tailor render templates/spring_sale --deliver smtp://127.0.0.1:2525
            """
    )

    @Argument(help: ArgumentHelp("Campaign folders (default: every campaign under templates/).", valueName: "campaign"))
    var campaigns: [String] = []

    @Option(help: ArgumentHelp("The profiles file, CSV or JSONL (default: the campaign's data.profiles).", valueName: "file"))
    var profiles: String?

    @Option(help: ArgumentHelp("The events file (default: the campaign's data.events).", valueName: "file"))
    var events: String?

    @Option(help: ArgumentHelp("The segments file (default: the campaign's data.segments).", valueName: "file"))
    var segments: String?

    @Option(help: ArgumentHelp("The product catalog for recommendation blocks (default: the campaign's data.catalog).", valueName: "file"))
    var catalog: String?

    @Option(help: ArgumentHelp("Output format: eml, mbox, jsonl, ses, sendgrid, postmark.", valueName: "format"))
    var format = "eml"

    @Option(help: ArgumentHelp("Output folder (default: out/<campaign>).", valueName: "dir"))
    var out: String?

    @Flag(help: "With --format jsonl, add 'raw', the whole message, to each line.")
    var raw = false

    @Option(help: ArgumentHelp("Rendering threads (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Submit the messages to this SMTP server, e.g. smtp://127.0.0.1:2525.", valueName: "url"))
    var deliver: String?

    @Flag(name: .customLong("fail-if-any-failed"), help: "Exit with status 1 when any recipient failed.")
    var failIfAnyFailed = false

    @Option(name: .customLong("send-date"), help: ArgumentHelp("The send's date (ISO 8601); fixes Date and Message-ID for a re-run.", valueName: "timestamp"))
    var sendDate: String?

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format '\(format)' is not one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let deliver, (try? SMTPConfiguration(url: deliver)) == nil {
            throw ValidationError("--deliver '\(deliver)' is not an smtp://HOST:PORT address.")
        }
        if let sendDate, Temporal.seconds(of: .string(sendDate)) == nil {
            throw ValidationError("--send-date '\(sendDate)' is not a timestamp like 2026-01-15T09:00:00Z.")
        }
        if out != nil && campaignFolders().count > 1 {
            throw ValidationError("--out takes one campaign; name the campaign to render.")
        }
    }

    /// The campaigns named, or every folder under templates/ with a campaign.yml.
    private func campaignFolders() -> [String] {
        if !campaigns.isEmpty { return campaigns }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "templates")) ?? []
        return names.sorted().map { "templates/\($0)" }
            .filter { FileManager.default.fileExists(atPath: "\($0)/campaign.yml") }
    }

    func run() throws {
        let folders = campaignFolders()
        guard !folders.isEmpty else {
            ErrorPrinter.write("error: no campaign to render: templates/ has no folder with a campaign.yml")
            throw ExitCode.unreadableInput
        }
        var anyFailed = false
        for folder in folders {
            var settings = RenderSettings(campaignFolder: folder)
            settings.profiles = profiles
            settings.events = events
            settings.segments = segments
            settings.catalog = catalog
            settings.outDirectory = out
            settings.format = OutputFormat(rawValue: format)!
            settings.includeRaw = raw
            if let jobs { settings.jobs = jobs }
            settings.deliver = try deliver.map { try SMTPConfiguration(url: $0) }
            settings.sendDate = sendDate.flatMap { Temporal.seconds(of: .string($0)) }
            let summary: RenderSummary
            do {
                summary = try RenderRun(settings).run()
            } catch let error as TemplateError {
                ErrorPrinter.write(error.description)
                throw ExitCode.templateFailed
            } catch let error as ConfigError {
                ErrorPrinter.write(error.description)
                throw ExitCode.unreadableInput
            } catch let error as DataFileError {
                ErrorPrinter.write(error.description)
                throw ExitCode.unreadableInput
            } catch {
                ErrorPrinter.write("error: \(error)")
                throw ExitCode.unreadableInput
            }
            StandardStream.output.write(summary.line + "\n")
            for failure in summary.failures { ErrorPrinter.write("  failed: \(failure)") }
            if summary.failed > 0 { anyFailed = true }
        }
        if anyFailed && failIfAnyFailed { throw ExitCode.templateFailed }
    }
}
