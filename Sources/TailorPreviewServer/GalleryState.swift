import Foundation
import TailorCampaign
import TailorMIME
import TailorPreview

/// What the server shows: the current page (the gallery, or the error panel
/// while the campaign does not build), the variants' files, and a version
/// that moves on each rebuild so open pages know to reload.
actor GalleryState {
    let settings: PreviewSettings
    let validator: (any PreviewValidator)?
    private(set) var version = 0
    private(set) var page = ""
    private(set) var files: [String: (type: String, bytes: [UInt8])] = [:]
    /// The last successful build's inputs to watch.
    private(set) var watched: [String]

    init(settings: PreviewSettings, validator: (any PreviewValidator)?) {
        self.settings = settings
        self.validator = validator
        watched = [(settings.campaignFolder as NSString).deletingLastPathComponent]
    }

    /// Builds the gallery anew (also writing it to disk); a failure becomes the error page.
    func rebuild() -> PreviewProblem? {
        version += 1
        let reload = GalleryPage.LiveReload(version: String(version))
        refreshWatched()
        do {
            let gallery = try PreviewBuilder(settings, validator: validator).build()
            var next: [String: (String, [UInt8])] = [:]
            for variant in gallery.variants {
                guard let message = variant.message else { continue }
                next["\(variant.slug).html"] = ("text/html; charset=utf-8", Array(message.html.utf8))
                next["\(variant.slug).txt"] = ("text/plain; charset=utf-8", Array(message.text.utf8))
                next["\(variant.slug).eml"] = ("message/rfc822", message.bytes)
            }
            files = next
            page = GalleryPage(gallery, liveReload: reload).html
            let folder = URL(fileURLWithPath: settings.outDirectory ?? "out/preview/\(gallery.campaign)")
            _ = try? GalleryWriter(directory: folder).write(gallery)
            return nil
        } catch {
            let problem = PreviewProblem(error)
            page = ErrorPage(problem, campaignFolder: settings.campaignFolder, liveReload: reload).html
            return problem
        }
    }

    /// The templates folder, the segments folder and the data files the campaign names.
    private func refreshWatched() {
        guard let campaign = try? Campaign.load(folder: settings.campaignFolder) else { return }
        var paths = [(campaign.folder as NSString).deletingLastPathComponent]
        if let segments = campaign.data.segments { paths.append((segments as NSString).deletingLastPathComponent) }
        paths += [campaign.data.profiles, campaign.data.events, campaign.data.catalog].compactMap { $0 }
        watched = paths
    }
}
