import ArgumentParser
import Foundation
import TailorBatch
import TailorCheck
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

            Profiles that already carry a 'segment' or 'segments' column or JSON field \
            (as an upstream model or CDP exports them) keep those segments, first and \
            in their order; the rules of the segments file, when there is one, add theirs \
            after.

            Scale: reading, rendering (--jobs threads) and writing overlap through \
            bounded queues, so memory stays flat however many recipients. --shard I/N \
            renders only the recipients whose id hashes to shard I of N (0-based); \
            without --shard, the index comes from JOB_COMPLETION_INDEX (Kubernetes \
            Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID, with \
            --shard-count N (Slurm arrays give their own count and first index); an \
            index without a count is an error. A sharded run tags its files (manifest.shard-I-of-N.jsonl, \
            run.shard-I-of-N.json, messages.shard-I-of-N.mbox), so shards can share a \
            folder; 'tailor manifest verify DIR...' proves they rendered every input \
            row exactly once.

            --resume continues an interrupted run in the same --out: recipients its \
            manifest (manifest.jsonl.partial while a run is under way) records with \
            their files complete are kept, the rest are rendered, and the output ends \
            identical to an uninterrupted run. mbox and JSONL grow under .partial and \
            are cut back to the last message the manifest records. Not for postmark.

            --validate checks the HTML bodies with libxml2 and the email checks of \
            'tailor check' (rules and severities from the campaign's validation.yml). \
            variant (the default) validates the first recipient, in input order, of each \
            structural variant (the path the HTML template took through its conditionals \
            and loops, as check and preview name it); every validates each message; off \
            validates none. An error finding fails the message (in variant mode, every \
            recipient of that variant) with the rule, message and template file:line:col \
            as its manifest reason; warnings and notices are reported only. Findings go to \
            validation.jsonl beside the manifest (one line per finding: manifest_line, \
            recipient, variant, rule, severity, file, line, column, message), are counted \
            in the summary and run.json, and each rendered recipient's manifest line names \
            its variant.

            A message whose subject, headers, HTML or text would show template syntax \
            ({{, {%, }}, %} or {#, by check-eml's rules: in HTML, the last three not \
            inside <style>, <script>, comments or style attributes) fails with a reason \
            naming the profile attribute that holds it (values are printed, never \
            evaluated), or the template line that wrote it. --allow-template-syntax lets \
            such messages through, and turns off validation's template-syntax rule, for an \
            ESP that fills its own {{ }} merge tags.

            --catalog (else the campaign's data.catalog) feeds the {% recommend %} blocks \
            and is recorded in run.json.

            On a terminal, a progress line (count, rate, ETA, failures) shows on \
            standard error.

            Examples:
              tailor render
              tailor render templates/spring_sale --format mbox --out out/mbox
              tailor render templates/spring_sale --profiles big.csv --jobs 8
              tailor render templates/spring_sale --deliver smtp://127.0.0.1:2525
              tailor render ../shared/bench/campaign --shard 2/8 --out out/send
              JOB_COMPLETION_INDEX=2 tailor render ../shared/bench/campaign --shard-count 8 --out out/send
              tailor render templates/spring_sale --out out/send --resume
              tailor render templates/spring_sale --validate every --out out/qa
            """
    )

    @Argument(help: ArgumentHelp("Campaign folders (default: every campaign under templates/).", valueName: "campaign"))
    var campaigns: [String] = []

    @OptionGroup var inputs: CampaignInputs

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

    @Option(help: ArgumentHelp("Render only shard I of N (0-based), by a stable hash of the recipient id.", valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("shard-count"), help: ArgumentHelp("The number of shards when the index comes from the scheduler's variable.", valueName: "n"))
    var shardCount: Int?

    @Flag(help: "Continue an interrupted run in the same --out: keep what its manifest records as done, render the rest.")
    var resume = false

    @Option(name: .customLong("validate"), help: ArgumentHelp("HTML validation: variant (the first recipient of each structural variant; its errors fail the variant), every (each message), off.", valueName: "mode"))
    var validation = "variant"

    @Flag(name: .customLong("allow-template-syntax"), help: "Send messages that show template syntax ({{ }}, {% %}, {#) from their data or templates, e.g. an ESP's own merge tags.")
    var allowTemplateSyntax = false

    @Option(name: .customLong("send-date"), help: ArgumentHelp("The send's date (ISO 8601); fixes Date and Message-ID for a re-run.", valueName: "timestamp"))
    var sendDate: String?

    func validate() throws {
        guard OutputFormat(rawValue: format) != nil else {
            throw ValidationError("--format '\(format)' is not one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        try WorkerCount.check(jobs, option: "--jobs")
        if let deliver, (try? SMTPConfiguration(url: deliver)) == nil {
            throw ValidationError("--deliver '\(deliver)' is not an smtp://HOST:PORT address.")
        }
        if let sendDate, Temporal.seconds(of: .string(sendDate)) == nil {
            throw ValidationError("--send-date '\(sendDate)' is not a timestamp like 2026-01-15T09:00:00Z.")
        }
        if ValidationMode(rawValue: validation) == nil {
            throw ValidationError("--validate '\(validation)' is not one of: variant, every, off.")
        }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError("--shard: \(error.description).") }
            if shardCount != nil { throw ValidationError("--shard-count goes with a scheduler's index, not with --shard.") }
        }
        if let shardCount, shardCount < 1 { throw ValidationError("--shard-count must be at least 1.") }
        if resume && format == "postmark" {
            throw ValidationError("--resume does not apply to --format postmark (batch files are numbered across the run).")
        }
        if out != nil && campaignFolders().count > 1 {
            throw ValidationError("--out takes one campaign; name the campaign to render.")
        }
    }

    /// The campaigns named, or every folder under templates/ with a campaign.yml.
    private func campaignFolders() -> [String] { CampaignFolders.resolve(campaigns) }

    /// The shard from --shard, or from the scheduler's variable and --shard-count.
    private func selectedShard() throws -> Shard {
        if let shard { return try Shard(parsing: shard) }
        if let fromScheduler = try Shard.fromEnvironment(ProcessInfo.processInfo.environment, count: shardCount) {
            return fromScheduler
        }
        guard let count = shardCount else { return .whole }
        let names = Shard.environmentVariables.map(\.name).joined(separator: ", ")
        throw ValidationError("--shard-count \(count) needs the shard index from one of \(names); none is set (or pass --shard I/N).")
    }

    func run() throws {
        let folders = campaignFolders()
        guard !folders.isEmpty else {
            ErrorPrinter.write("error: no campaign to render: templates/ has no folder with a campaign.yml")
            throw ExitCode.unreadableInput
        }
        if let problem = folders.lazy.compactMap(CampaignFolders.problem).first {
            ErrorPrinter.write("error: \(problem)")
            throw ExitCode.unreadableInput
        }
        var anyFailed = false
        for folder in folders {
            var settings = RenderSettings(campaignFolder: folder)
            settings.profiles = inputs.profiles
            settings.events = inputs.events
            settings.segments = inputs.segments
            settings.catalog = inputs.catalog
            settings.validate = ValidationMode(rawValue: validation)!
            settings.extraValidationRules = CheckRules.all
            settings.allowTemplateSyntax = allowTemplateSyntax
            settings.resume = resume
            do {
                settings.shard = try selectedShard()
            } catch let error as ShardError {
                ErrorPrinter.write("error: \(error.description)")
                throw ExitCode.usage
            }
            settings.outDirectory = out
            settings.format = OutputFormat(rawValue: format)!
            settings.includeRaw = raw
            if let jobs { settings.jobs = jobs }
            settings.deliver = try deliver.map { try SMTPConfiguration(url: $0) }
            settings.sendDate = sendDate.flatMap { Temporal.seconds(of: .string($0)) }
            let summary: RenderSummary
            do {
                let run = try RenderRun(settings)
                let progress = ProgressReporter.forStandardError(profiles: run.profilesPath)
                summary = try run.run(progress: progress?.update)
                progress?.end()
            } catch let error where ErrorPrinter.knows(error) {
                throw ErrorPrinter.report(error)
            } catch let error where RenderRun.stopsTheRun(error) {
                ErrorPrinter.write("error: \(error)")
                ErrorPrinter.write("  help: the run stopped here; fix the cause (free space, the folder), then run the same command with --resume")
                throw ExitCode.unreadableInput
            } catch let error as ResumeError {
                ErrorPrinter.write("error: cannot resume: \(error.description)")
                throw ExitCode.unreadableInput
            } catch {
                ErrorPrinter.write("error: \(error)")
                throw ExitCode.unreadableInput
            }
            StandardStream.output.write(summary.line + "\n")
            for line in summary.failureLines() { ErrorPrinter.write("  " + line) }
            for line in summary.dataFileWarnings.lines() { ErrorPrinter.write(line) }
            if summary.failed > 0 { anyFailed = true }
        }
        if anyFailed && failIfAnyFailed { throw ExitCode.templateFailed }
    }
}
