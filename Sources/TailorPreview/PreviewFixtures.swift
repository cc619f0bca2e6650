import Foundation
import TailorConfig
public import TailorData
import TailorTemplate

/// `segments/previews.yml`: a made-up recipient per segment, rendered instead
/// of a real one (for segments that are empty in the sample data, or to keep
/// real people's data out of screenshots).
///
/// ```yaml
/// fixtures:
///   new:
///     recipient_id: FIXTURE-NEW
///     email: nina@example.com
///     first_name: Nina
///     signup_date: 2026-01-10
/// ```
///
/// Cells are typed like a profiles CSV (numbers, dates, booleans, text); the
/// segment named by the key becomes the fixture's primary segment.
public struct PreviewFixtures: Sendable {
    public var path: String
    /// Fixture profiles by segment name, in file order.
    public var profiles: [(segment: String, profile: Profile)]

    /// The fixtures beside a segments file, or nil when there is no `previews.yml`.
    public static func beside(segmentsFile: String, idColumn: String, emailColumn: String) throws -> PreviewFixtures? {
        let path = ((segmentsFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent("previews.yml")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(path: path, idColumn: idColumn, emailColumn: emailColumn)
    }

    /// Reads a fixtures file; errors name its line.
    public static func load(path: String, idColumn: String, emailColumn: String) throws -> PreviewFixtures {
        let document = try YAMLDocument(path: path)
        var profiles: [(String, Profile)] = []
        for top in try document.root.mapping(allowed: ["fixtures"], in: "previews.yml") {
            for entry in try top.value.mapping(in: "fixtures") {
                var attributes: [String: Value] = [:]
                for cell in try entry.value.mapping(in: "fixture '\(entry.key)'") {
                    let text = try cell.value.string("'\(cell.key)' of fixture '\(entry.key)'")
                    do {
                        let type: ColumnType = cell.value.isQuoted ? .string : .implied(byName: cell.key)
                        if let value = try CellTyping.value(of: text, column: cell.key, type: type) {
                            attributes[cell.key] = value
                        }
                    } catch {
                        throw cell.value.error(error.message)
                    }
                }
                let id = attributes[idColumn]?.stringValue ?? "fixture-\(entry.key)"
                attributes[idColumn] = .string(id)
                let email = attributes[emailColumn]?.stringValue ?? "\(entry.key)@fixture.invalid"
                attributes[emailColumn] = .string(email)
                profiles.append((entry.key, Profile(id: id, email: email, attributes: attributes, line: entry.keyNode.line)))
            }
        }
        return PreviewFixtures(path: path, profiles: profiles)
    }

    /// The fixture for `segment`, if the file has one.
    public func profile(for segment: String) -> Profile? {
        profiles.first { $0.segment == segment }?.profile
    }
}
