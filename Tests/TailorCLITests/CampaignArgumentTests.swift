import Foundation
import TailorTestSupport
import Testing

/// A campaign argument that is not a campaign folder says what it is and what
/// to name instead (`render`, `check`, `preview`); a `campaign.yml` named
/// directly stands for its folder.
@Suite struct CampaignArgumentTests {
    /// A workspace with one campaign under templates/ and a data folder.
    static func workspaceWithACampaign() throws -> URL {
        try workspace([
            "templates/welcome/campaign.yml": """
                from: news@acme.example
                subject: "Hello {{ first_name }}"
                html: email.html
                unsubscribe: {url: "https://acme.example/u/{{ recipient_id }}"}
                data: {profiles: ../../data/profiles.csv}
                """,
            "templates/welcome/email.html": """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hi</title></head>
                <body><p>Hi {{ first_name }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
                """,
            "data/profiles.csv": "recipient_id,email,first_name\nR1,ann@acme.example,Ann\n",
            "notes.txt": "not a campaign",
        ])
    }

    @Test(arguments: [
        ("missing", "error: no campaign folder 'missing': name a folder that holds a campaign.yml"),
        ("templates", "error: 'templates' is not a campaign but holds 1 (welcome): name one, for example templates/welcome"),
        ("data", "error: 'data' has no campaign.yml: a campaign is a folder holding one"),
        ("notes.txt", "error: 'notes.txt' is a file: name the campaign's folder"),
    ])
    func notACampaign(argument: String, message: String) throws {
        let folder = try Self.workspaceWithACampaign()
        for command in ["render", "check", "preview"] {
            let result = try tailor([command, argument], in: folder)
            #expect(result.status == 3, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func theCampaignFileStandsForItsFolder() throws {
        let folder = try Self.workspaceWithACampaign()
        let result = try tailor(["render", "templates/welcome/campaign.yml", "--out", "out/w"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("welcome: 1 recipients (1 rendered)"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/w/manifest.jsonl").path))
    }
}
