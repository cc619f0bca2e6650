import TailorSegments
import Foundation
import TailorCampaign
import TailorTemplate

/// The campaigns being served, as one immutable snapshot: a request takes the
/// snapshot once and renders from it, so it sees the old or the new version of
/// a campaign, never a mix.
struct CatalogSnapshot: Sendable {
    /// By campaign name.
    var campaigns: [String: LoadedCampaign] = [:]
    /// Campaigns whose latest compile failed, by folder: the error, and
    /// whether an older version is still served.
    var problems: [String: CatalogProblem] = [:]
    /// Counts successful swaps; 1 after the first load.
    var generation = 0

    var names: [String] { campaigns.keys.sorted() }
}

/// A campaign folder that did not compile.
struct CatalogProblem: Sendable {
    var folder: String
    var message: String
    /// Where, when the error is in a template.
    var template: String?
    var line: Int?
    var column: Int?
    /// When the failed compile happened.
    var at: Date
    /// The campaign still served from its last good compile, if any.
    var servedName: String?

    init(folder: String, error: any Error, servedName: String?) {
        self.folder = folder
        self.servedName = servedName
        at = Date()
        if let error = error as? TemplateError {
            message = error.message
            if error.hasLocation {
                template = error.templateName
                line = error.line
                column = error.column
            }
        } else {
            message = "\(error)"
        }
    }
}

/// Holds the current ``CatalogSnapshot`` and replaces it when templates change.
///
/// ```swift
/// let catalog = try CampaignCatalog(templatesDirectory: "templates")
/// let snapshot = catalog.current          // one consistent view for one request
/// let changed = catalog.reloadIfChanged() // called by CatalogReloader
/// ```
final class CampaignCatalog: Sendable {
    let templatesDirectory: String
    private let state: LockedValue<(snapshot: CatalogSnapshot, fingerprint: FileFingerprint)>
    /// Serialises reloads; requests never wait on it.
    private let reloading = LockedValue(())

    /// Compiles every campaign; any error stops the start (there is nothing older to serve).
    init(templatesDirectory: String) throws {
        self.templatesDirectory = templatesDirectory
        let folders = Self.campaignFolders(in: templatesDirectory)
        guard !folders.isEmpty else {
            throw ServeSetupError("no campaign to serve: \(templatesDirectory)/ has no folder with a campaign.yml")
        }
        var snapshot = CatalogSnapshot()
        for folder in folders {
            // The campaign's own error (a TemplateError, a ConfigError) names its file.
            let campaign = try LoadedCampaign(folder: folder)
            if let other = snapshot.campaigns[campaign.name] {
                throw ServeSetupError("\(folder) and \(other.folder) are both named '\(campaign.name)'")
            }
            snapshot.campaigns[campaign.name] = campaign
        }
        snapshot.generation = 1
        state = LockedValue((snapshot, Self.fingerprint(templatesDirectory, snapshot)))
    }

    /// The snapshot to serve one request from.
    var current: CatalogSnapshot { state.withLock { $0.snapshot } }

    /// Recompiles when any file changed since the last look. A campaign that
    /// fails keeps its previous version and is reported; one that compiles
    /// replaces it. Returns what happened, for logs and metrics.
    @discardableResult
    func reloadIfChanged() -> ReloadOutcome {
        reloading.withLock { _ in
            let (old, seen) = state.withLock { ($0.snapshot, $0.fingerprint) }
            let now = Self.fingerprint(templatesDirectory, old)
            guard now != seen else { return .unchanged }
            var next = CatalogSnapshot(generation: old.generation + 1)
            var failures: [CatalogProblem] = []
            for folder in Self.campaignFolders(in: templatesDirectory) {
                let previous = old.campaigns.values.first { $0.folder == folder }
                do {
                    let campaign = try LoadedCampaign(folder: folder)
                    if let clash = next.campaigns[campaign.name], clash.folder != folder {
                        throw ServeSetupError("\(folder) and \(clash.folder) are both named '\(campaign.name)'")
                    }
                    next.campaigns[campaign.name] = campaign
                } catch {
                    let problem = CatalogProblem(folder: folder, error: error, servedName: previous?.name)
                    next.problems[folder] = problem
                    failures.append(problem)
                    if let previous, next.campaigns[previous.name] == nil { next.campaigns[previous.name] = previous }
                }
            }
            // Fingerprint what the new snapshot reads (its data files may differ).
            let fingerprint = Self.fingerprint(templatesDirectory, next)
            state.withLock { $0 = (next, fingerprint) }
            return failures.isEmpty ? .reloaded : .failed(failures)
        }
    }

    /// Folders under `directory` holding a `campaign.yml`, sorted.
    static func campaignFolders(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { (directory as NSString).appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("campaign.yml")) }
    }

    /// The templates folder (campaigns and shared includes) and each campaign's data files.
    private static func fingerprint(_ directory: String, _ snapshot: CatalogSnapshot) -> FileFingerprint {
        var files: [String] = []
        for campaign in snapshot.campaigns.values {
            let data = campaign.templates.campaign.data
            files += [data.segments, data.profiles, data.events, data.catalog].compactMap { $0 }
            files += campaign.assigner.file.segments.compactMap(\.externalFile)
        }
        return FileFingerprint(directories: [directory], files: Array(Set(files)))
    }
}

/// What one look at the template files found.
enum ReloadOutcome: Sendable {
    case unchanged
    case reloaded
    /// Some campaigns failed to compile; they keep their previous version.
    case failed([CatalogProblem])
}
