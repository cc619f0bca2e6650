import ArgumentParser
import Foundation
import TailorCampaign
import TailorConfig
import TailorData
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// `tailor recommend`: which products each recommendation block picks for one recipient, and why.
struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Show, slot by slot, what each recommendation block picks for one recipient and why.",
        discussion: """
            Renders the campaign's HTML and text bodies for one recipient and \
            prints every {% recommend %} block and recommend() call in render \
            order: the product in each slot, the strategy that filled it and \
            why, the candidates passed over (bought, out of stock, shown by an \
            earlier block), and whether the block rendered its else or skipped \
            the recipient. Everything is read from local files.

            The files default to the campaign's 'data:' settings; options override them.

            Exit status: 0 done (a skipped recipient is a result, not an error), \
            1 a template failed, 2 usage error, 3 a file could not be read or \
            the recipient is not in the profiles.

            Examples:
              tailor recommend --recipient R0000003
              tailor recommend --recipient R0000003 --campaign templates/spring_sale --catalog data/catalog.csv
            """
    )

    @Option(help: ArgumentHelp("The recipient id.", valueName: "id"))
    var recipient: String

    @Option(help: ArgumentHelp("The campaign folder.", valueName: "folder"))
    var campaign = "templates/spring_sale"

    @OptionGroup var inputs: CampaignInputs





    @Option(help: ArgumentHelp("A CSV of recipient ids and product ids for the 'external' strategy.", valueName: "file"))
    var external: String?

    func run() throws {
        do {
            let campaign = try Campaign.load(folder: self.campaign)
            let data = campaign.data
            guard let catalogPath = inputs.catalog ?? data.catalog else {
                throw ValidationError("The campaign names no catalog (data: catalog:); give one with --catalog.")
            }
            guard let profilesPath = inputs.profiles ?? data.profiles else {
                throw ValidationError("The campaign names no profiles file (data: profiles:); give one with --profiles.")
            }
            let eventsPath = inputs.events ?? data.events
            let recommender = try Recommender.load(
                catalog: catalogPath, events: eventsPath, external: external, idColumn: data.idColumn)
            for row in recommender.catalog.badRows.rows.prefix(5) { ErrorPrinter.write("warning: \(row)") }
            if recommender.catalog.badRows.count > 5 {
                ErrorPrinter.write("warning: \(recommender.catalog.badRows.count - 5) more bad catalog rows")
            }
            let templates = try CampaignTemplates.compile(campaign, environmentSetup: recommender.register(in:))
            let format = ProfileFormat(idColumn: data.idColumn, emailColumn: data.emailColumn)
            guard var context = try Self.context(
                of: recipient, profiles: profilesPath, events: eventsPath, segments: inputs.segments ?? data.segments, format: format)
            else {
                ErrorPrinter.write("error: recipient '\(recipient)' is not among the profiles of \(profilesPath)")
                throw ExitCode.unreadableInput
            }
            let session = recommender.attachSession(to: &context, idKey: data.idColumn, tracing: true)!
            var out = describe(session.signals, context: context, recommender: recommender, catalogPath: catalogPath)
            for template in [templates.html, templates.text].compactMap({ $0 }) {
                session.tracing = true
                let before = session.blocks.count
                var skipped: String?
                do {
                    _ = try template.render(context)
                } catch let error as TemplateError where error.kind == .skipped {
                    skipped = error.message
                }
                out += "\n\(template.name)\n"
                let blocks = session.blocks[before...]
                if blocks.isEmpty { out += "  no recommendation blocks rendered\n" }
                for block in blocks {
                    out += block.explained(in: recommender.catalog).split(separator: "\n").map { "  \($0)\n" }.joined()
                }
                if let skipped { out += "  → the recipient is skipped: \(skipped)\n" }
            }
            StandardStream.output.write(out)
        } catch let error where ErrorPrinter.knows(error) {
            throw ErrorPrinter.report(error)
        }
    }

    /// The recipient's render context, segments included when there is a segments file.
    static func context(
        of id: String, profiles: String, events: String?, segments: String?, format: ProfileFormat
    ) throws -> [String: Value]? {
        if let segments {
            let run = SegmentRun(profiles: profiles, events: events, segments: try SegmentsFile.load(path: segments), format: format)
            let assigner = try run.prepare()
            var found: [String: Value]?
            _ = try run.assignEach(assigner) { outcome in
                if found == nil, case .assigned(let profile, let assignment) = outcome, profile.id == id {
                    found = assignment.context
                }
            }
            return found
        }
        guard let profile = try ProfileReader(path: profiles, format: format).lazy.compactMap({ item -> Profile? in
            if case .profile(let p) = item, p.id == id { return p }
            return nil
        }).first else { return nil }
        var history: [Event] = []
        if let events {
            for case .event(let e) in try EventReader(path: events) where e.recipientId == id { history.append(e) }
        }
        var context = profile.attributes
        for (name, value) in EventHistory(history).contextValues where context[name] == nil { context[name] = value }
        context["segment"] = "default"
        context["segments"] = []
        return context
    }

    private func describe(_ s: RecipientSignals, context: [String: Value], recommender: Recommender, catalogPath: String) -> String {
        let segment = context["segment"]?.stringValue ?? "-"
        let memberships = context["segments"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? ""
        let interests = s.interests.map { "\($0.category) (\($0.score > 0 ? "\($0.score)" : "profile"))" }
        let inStock = recommender.catalog.products.filter(\.inStock).count
        return """
            Recipient \(s.recipientID): segment \(segment)\(memberships.isEmpty ? "" : "; member of \(memberships)")
            History: \(s.cart.count) in the cart, \(s.viewed.count) viewed, \(s.purchased.count) bought\
            \(s.unknownProducts > 0 ? " (and \(s.unknownProducts) event\(s.unknownProducts == 1 ? "" : "s") about products not in the catalog)" : "")
            Top categories: \(interests.isEmpty ? "none" : interests.joined(separator: ", "))
            Catalog: \(catalogPath), \(recommender.catalog.count) products (\(inStock) in stock); \
            \(recommender.indexes.purchases.reduce(0) { $0 + Int($1) }) purchases by \(recommender.indexes.customers) customers

            """
    }
}
