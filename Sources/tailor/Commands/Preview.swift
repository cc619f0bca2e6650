import ArgumentParser
import Foundation
import TailorPreview
import TailorPreviewServer

/// `tailor preview CAMPAIGN`: a gallery of every segment variant. Thin over
/// `TailorPreview.PreviewBuilder` and `GalleryWriter`.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Render every segment variant of a campaign into a gallery QA can open.",
        discussion: """
            Renders one variant per segment the campaign's templates branch on, plus \
            the default, each for the first recipient of that segment (or the fixture \
            for it in previews.yml beside the segments file), and writes \
            out/preview/<campaign>/: index.html, and per variant its HTML part, text \
            part and .eml. The gallery shows the subject and preheader as an inbox \
            line, the HTML at desktop (600 px) and mobile (375 px) width, the text \
            part, the size against Gmail's 102 KB clipping limit, validation findings, \
            a chart of segment sizes, and who gets which variant. It needs no network: \
            open index.html from disk.

            With --serve it serves the gallery on 127.0.0.1 instead (port 8089 unless \
            --port says otherwise; 0 picks a free one), renders it again whenever a \
            template, a segments file or a data file changes, and reloads open pages; \
            while a template does not compile the page shows the error, its file, line \
            and source. Stop it with Ctrl-C.

            Exit status: 0 written, 1 a template does not compile, 2 usage error, 3 the \
            campaign, segments or profiles cannot be used (or --recipient is unknown).

            Examples:
              tailor preview templates/spring_sale
              tailor preview templates/spring_sale --recipient R0000042
              tailor preview templates/spring_sale --serve --port 8089
            """
    )

    @Argument(help: ArgumentHelp("The campaign folder.", valueName: "campaign"))
    var campaign: String

    @Option(help: ArgumentHelp("Preview what this recipient gets, only.", valueName: "id"))
    var recipient: String?

    @Option(help: ArgumentHelp("Output folder (default: out/preview/<campaign>).", valueName: "dir"))
    var out: String?

    @Flag(help: "Serve the gallery on 127.0.0.1 and rebuild it when an input changes.")
    var serve = false

    @Option(help: ArgumentHelp("With --serve, the port (0 picks a free one).", valueName: "n"))
    var port = 8089

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() throws {
        let campaign = CampaignFolders.folder(named: campaign)
        if let problem = CampaignFolders.problem(campaign) {
            ErrorPrinter.write("error: \(problem)")
            throw ExitCode.unreadableInput
        }
        if serve {
            let settings = PreviewSettings(campaignFolder: campaign, recipient: recipient, outDirectory: out)
            try PreviewServer(settings, port: port).runUntilStopped { url in
                StandardStream.output.write("serving \(url) (Ctrl-C stops)\n")
            }
            return
        }
        let settings = PreviewSettings(campaignFolder: campaign, recipient: recipient, outDirectory: out)
        let gallery: PreviewGallery
        do {
            let validator = try CampaignPreviewValidator(campaignFolder: campaign)
            gallery = try PreviewBuilder(settings, validator: validator).build()
        } catch let problem as PreviewProblem {
            ErrorPrinter.write(problem.description)
            throw problem.isTemplateError ? ExitCode.templateFailed : ExitCode.unreadableInput
        }
        let folder = URL(fileURLWithPath: out ?? "out/preview/\(gallery.campaign)")
        let index = try GalleryWriter(directory: folder).write(gallery)
        let failed = gallery.variants.filter { $0.message == nil }.count
        StandardStream.output.write(
            "\(gallery.campaign): \(gallery.variants.count) variants, \(gallery.coverage.recipients) recipients"
                + (failed > 0 ? ", \(failed) variants not rendered" : "") + " -> \(index.path)\n")
    }
}
