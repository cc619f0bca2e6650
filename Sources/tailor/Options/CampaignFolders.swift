import Foundation

/// The campaign folders a command works on: the ones named on the command
/// line, or else every folder under `templates/` that holds a `campaign.yml`,
/// in name order.
enum CampaignFolders {
    static func resolve(_ named: [String]) -> [String] {
        if !named.isEmpty { return named }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "templates")) ?? []
        return names.sorted().map { "templates/\($0)" }
            .filter { FileManager.default.fileExists(atPath: "\($0)/campaign.yml") }
    }
}
