import Foundation
import TailorBatch
import TailorCampaign
import TailorConfig
import TailorData
import TailorMIME
import TailorRecommendations
import TailorSegments
import TailorTemplate

/// Builds a campaign's ``PreviewGallery``: reads the templates' segment
/// branches, assigns every recipient once (counting who lands where), keeps
/// the first recipient of each variant (or its fixture), and renders it the
/// way a send would.
///
/// ```swift
/// let gallery = try PreviewBuilder(PreviewSettings(campaignFolder: "templates/spring_sale")).build()
/// try GalleryWriter(directory: URL(fileURLWithPath: "out/preview/spring_sale")).write(gallery)
/// ```
///
/// Any error that stops a preview comes out as a ``PreviewProblem``.
public struct PreviewBuilder: Sendable {
    public var settings: PreviewSettings
    /// Runs on each rendered variant; nil shows "validation: not run".
    public var validator: (any PreviewValidator)?

    public init(_ settings: PreviewSettings, validator: (any PreviewValidator)? = nil) {
        self.settings = settings
        self.validator = validator
    }

    /// Loads, assigns and renders; throws a ``PreviewProblem``.
    public func build() throws -> PreviewGallery {
        do {
            return try buildUnwrapped()
        } catch {
            throw PreviewProblem(error)
        }
    }

    private func buildUnwrapped() throws -> PreviewGallery {
        let campaign = try Campaign.load(folder: settings.campaignFolder)
        let sendSeconds = campaign.sendDate ?? Int(Date().timeIntervalSince1970)
        let setup = try CampaignSetup(campaign, now: sendSeconds)
        let recommender = setup.recommender
        let templates = setup.templates
        let renderer = try RecipientRenderer(
            templates: templates, sendID: "\(campaign.name)-preview-\(sendSeconds)",
            sendDate: Date(timeIntervalSince1970: TimeInterval(sendSeconds)), recommender: recommender)
        guard let profiles = campaign.data.profiles else {
            throw PreviewProblem(message: "no profiles to preview: set data.profiles", file: campaign.path)
        }
        let segmentsFile: SegmentsFile
        if let path = campaign.data.segments {
            segmentsFile = try SegmentsFile.load(path: path, now: sendSeconds)
        } else {
            segmentsFile = SegmentsFile.none(campaignPath: campaign.path, now: sendSeconds)
        }
        let fixturesPath = settings.fixtures
        let fixtures = try fixturesPath.map {
            try PreviewFixtures.load(path: $0, idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn)
        } ?? campaign.data.segments.flatMap {
            try PreviewFixtures.beside(
                segmentsFile: $0, idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn)
        }

        let branched = try Self.branchedSegments(templates)
        let run = SegmentRun(
            profiles: profiles, events: campaign.data.events, segments: segmentsFile,
            format: ProfileFormat(idColumn: campaign.data.idColumn, emailColumn: campaign.data.emailColumn))
        let assigner = try run.prepare()
        var census = Census(branched: branched, defaultSegment: segmentsFile.defaultSegment, wanted: settings.recipient)
        let totals = try run.assignEach(assigner) { outcome in
            if case .assigned(let profile, let assignment) = outcome { census.observe(profile, assignment) }
        }
        census.coverage.badRows = totals.badRows.count
        census.coverage.segments = (segmentsFile.namesByPriority + [segmentsFile.defaultSegment]).map { name in
            PreviewCoverage.SegmentCount(
                name: name, primary: census.primary[name, default: 0], members: census.members[name, default: 0],
                hasBranch: branched.contains(name) || name == segmentsFile.defaultSegment)
        }

        let render = VariantRenderer(renderer: renderer, validator: validator)
        var variants: [PreviewVariant] = []
        if let wanted = settings.recipient {
            guard let (profile, assignment) = census.wantedSample else {
                throw PreviewProblem(message: "recipient '\(wanted)' is not in \(profiles)", file: profiles)
            }
            let key = census.variantKey(of: assignment)
            var variant = render.variant(
                segment: assignment.segment, isDefault: key != assignment.segment, slug: Self.slug(wanted),
                profile: profile, assignment: assignment, sample: .recipient(
                    id: profile.id, email: profile.email, segments: assignment.segments))
            variant.recipients = census.perVariant[key, default: 0]
            variant.members = census.members[assignment.segment, default: 0]
            variants.append(variant)
        } else {
            for key in census.variantKeys {
                let isDefault = key == segmentsFile.defaultSegment
                let slug = Self.slug(isDefault ? "default-\(key)" : key)
                var variant: PreviewVariant
                if let fixture = fixtures?.profile(for: key) {
                    var assignment = assigner.assign(fixture, history: .empty)
                    let memberships = [key] + assignment.segments.filter { $0 != key }
                    assignment.segment = key
                    assignment.segments = isDefault ? [] : memberships
                    assignment.context["segment"] = .string(key)
                    assignment.context["segments"] = .list(assignment.segments.map { .string($0) })
                    variant = render.variant(
                        segment: key, isDefault: isDefault, slug: slug, profile: fixture, assignment: assignment,
                        sample: .fixture(id: fixture.id, file: fixtures?.path ?? "previews.yml"))
                } else if let (profile, assignment) = census.samples[key] ?? census.secondarySamples[key] {
                    variant = render.variant(
                        segment: key, isDefault: isDefault, slug: slug, profile: profile, assignment: assignment,
                        sample: .recipient(id: profile.id, email: profile.email, segments: assignment.segments))
                } else {
                    variant = PreviewVariant(
                        segment: key, isDefault: isDefault, slug: slug, recipients: 0, members: 0, sample: .none,
                        outcome: .empty)
                }
                variant.recipients = census.perVariant[key, default: 0]
                variant.members = isDefault ? census.perVariant[key, default: 0] : census.members[key, default: 0]
                variants.append(variant)
            }
        }
        return PreviewGallery(
            campaign: campaign.name, campaignFolder: campaign.folder, defaultSegment: segmentsFile.defaultSegment,
            branchedSegments: branched, variants: variants, coverage: census.coverage, recipient: settings.recipient,
            profilesPath: profiles, generated: Date())
    }

    /// The segments any of the campaign's templates branch on (subject,
    /// preheader, bodies, headers), each once, in the order first seen.
    static func branchedSegments(_ templates: CampaignTemplates) throws -> [String] {
        var all: [Template] = [templates.subject, templates.html]
        if let preheader = templates.preheader { all.append(preheader) }
        if let text = templates.text { all.append(text) }
        all += templates.headers.map(\.template)
        var seen: [String] = []
        for template in all {
            for name in try template.analyze().segments where !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    /// A name safe in a file name and an HTML id: letters, digits, `-`, `_`; anything else becomes `-`.
    static func slug(_ name: String) -> String {
        let safe = name.unicodeScalars.map { scalar -> Character in
            let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "-"
        }
        let text = String(safe)
        return text.isEmpty || text.hasPrefix("-") ? "v" + text : text
    }
}
