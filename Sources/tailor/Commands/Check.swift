import ArgumentParser
import Foundation
import TailorCheck
import TailorConfig
import TailorData
import TailorTemplate

/// `tailor check [CAMPAIGN...]`: is the campaign ready to send? Thin over `TailorCheck.CampaignCheck`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a campaign is ready to send: templates, HTML, data and messages.",
        discussion: """
            For each segment variant (each segment of the segments file, the default, and \
            any segment a template compares with) it takes a sample recipient from the \
            profiles (or a fixture from previews.yml beside the segments file), renders \
            with strict undefined, validates the HTML with libxml2 and the email checks \
            (each finding at the template file and line that wrote it), and builds the \
            MIME message to check the subject, headers and size (quoted-printable HTML \
            against the budget and Gmail's clipping limit).

            Statically it reports variables no profile column or derived value provides, \
            and over the whole profiles file, how many recipients of each variant lack an \
            attribute that variant needs, with example line numbers.

            Rules can be turned off or down in validation.yml in the campaign folder \
            (rules: {img-alt: error, template-syntax: off}; size: {budget: 80KB}).

            Exit status: 0 no errors (warnings and notices are reported), 1 errors found, \
            2 usage error, 3 the campaign or an input cannot be read.

            Examples:
              tailor check templates/spring_sale
              tailor check templates/spring_sale --validate every --json
              tailor check templates/spring_sale --sarif out/check.sarif
            """
    )

    @Argument(help: ArgumentHelp("Campaign folders (default: every campaign under templates/).", valueName: "campaign"))
    var campaigns: [String] = []

    @OptionGroup var inputs: CampaignInputs




    @Option(help: ArgumentHelp("Fixtures for segments the profiles lack (default: previews.yml beside the segments file).", valueName: "file"))
    var previews: String?

    @Option(
        name: .customLong("validate"),
        help: ArgumentHelp("variant: validate one sample per segment variant; every: every recipient's message.", valueName: "mode"))
    var validationMode = "variant"

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Also write the findings as SARIF 2.1.0 to this file.", valueName: "file"))
    var sarif: String?

    @Option(name: .customLong("send-date"), help: ArgumentHelp("The send's date (ISO 8601); default the campaign's send_date.", valueName: "timestamp"))
    var sendDate: String?

    func validate() throws {
        guard validationMode == "variant" || validationMode == "every" else {
            throw ValidationError("--validate '\(validationMode)' must be 'variant' or 'every'.")
        }
        if let sendDate, Temporal.seconds(of: .string(sendDate)) == nil {
            throw ValidationError("--send-date '\(sendDate)' is not a timestamp like 2026-01-15T09:00:00Z.")
        }
        if sarif != nil && campaignFolders().count > 1 {
            throw ValidationError("--sarif takes one campaign; name the campaign to check.")
        }
    }

    /// The campaigns named, or every folder under templates/ with a campaign.yml.
    private func campaignFolders() -> [String] { CampaignFolders.resolve(campaigns) }

    func run() throws {
        let folders = campaignFolders()
        guard !folders.isEmpty else {
            ErrorPrinter.write("error: no campaign to check: templates/ has no folder with a campaign.yml")
            throw ExitCode.unreadableInput
        }
        if let problem = folders.lazy.compactMap(CampaignFolders.problem).first {
            ErrorPrinter.write("error: \(problem)")
            throw ExitCode.unreadableInput
        }
        var failed = false
        for folder in folders {
            var settings = CheckSettings(campaignFolder: folder)
            settings.profiles = inputs.profiles
            settings.events = inputs.events
            settings.segments = inputs.segments
            settings.catalog = inputs.catalog
            settings.previews = previews
            settings.validateEvery = validationMode == "every"
            settings.sendDate = sendDate.flatMap { Temporal.seconds(of: .string($0)) }
            let report: CheckReport
            do {
                report = try CampaignCheck(settings).run()
            } catch let error where ErrorPrinter.knows(error) {
                throw ErrorPrinter.report(error)
            }
            StandardStream.output.write(json ? report.json + "\n" : report.text)
            if let sarif {
                do {
                    try report.sarif(toolVersion: Tailor.version).write(toFile: sarif, atomically: true, encoding: .utf8)
                } catch {
                    ErrorPrinter.write("error: cannot write \(sarif): \(error.localizedDescription)")
                    throw ExitCode.unreadableInput
                }
            }
            if report.hasErrors { failed = true }
        }
        if failed { throw ExitCode.templateFailed }
    }
}
