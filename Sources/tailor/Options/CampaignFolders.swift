import Foundation

/// The campaign folders a command works on: the ones named on the command
/// line, or else every folder under `templates/` that holds a `campaign.yml`,
/// in name order.
enum CampaignFolders {
    static func resolve(_ named: [String]) -> [String] {
        if !named.isEmpty { return named.map(folder(named:)) }
        return campaigns(in: "templates").map { "templates/\($0)" }
    }

    /// The folder an argument names: a `campaign.yml` given by its own path
    /// stands for the folder it is in.
    static func folder(named argument: String) -> String {
        let url = URL(fileURLWithPath: argument)
        guard url.lastPathComponent == "campaign.yml", isFile(argument) else { return argument }
        let parent = (argument as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Why `folder` is not a campaign, and what to pass instead; nil when it holds a `campaign.yml`.
    static func problem(_ folder: String) -> String? {
        if isFile("\(folder)/campaign.yml") { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            return "no campaign folder '\(folder)': name a folder that holds a campaign.yml (for example templates/spring_sale)"
        }
        guard isDirectory.boolValue else {
            return "'\(folder)' is a file: name the campaign's folder, the one that holds its campaign.yml"
        }
        let inside = campaigns(in: folder)
        guard let first = inside.first else {
            return "'\(folder)' has no campaign.yml: a campaign is a folder holding one, with its templates beside it (see the README, 'tailor render')"
        }
        let listed = inside.prefix(5).joined(separator: ", ") + (inside.count > 5 ? ", ..." : "")
        return "'\(folder)' is not a campaign but holds \(inside.count) (\(listed)): name one, for example \(folder)/\(first)"
    }

    /// The names of the folders directly in `folder` that hold a `campaign.yml`, in order.
    private static func campaigns(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { isFile("\(folder)/\($0)/campaign.yml") }
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
