import Foundation
import Testing

/// `tailor render --validate` and `--allow-template-syntax` through the
/// binary: the summary, the failures on standard error, the exit status.
@Suite struct RenderValidationCLITests {
    private func files() -> [String: String] {
        [
            "campaign/campaign.yml": """
                name: cli_validation
                from: "Shop <news@shop.example>"
                subject: "Hello {{ first_name }}"
                html: email.html
                unsubscribe: {url: "https://shop.example/u/{{ recipient_id }}"}
                send_date: "2026-01-15T09:00:00Z"
                data: {profiles: ../profiles.csv}
                """,
            "campaign/email.html": """
                <html lang="en"><head><title>Hi</title></head><body><p>Hi {{ first_name }}</p>
                {% if segment == 'vip' %}<table><tr><td>VIP</tr></table>{% endif %}
                <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p></body></html>
                """,
            "profiles.csv": "recipient_id,email,first_name,segment\nR1,a@example.com,Ana,\nR2,b@example.com,{{ 7*7 }},\nR3,c@example.com,Cy,vip\n",
        ]
    }

    @Test func failuresAreListedAndTheSummaryCountsTheFindings() throws {
        let folder = try workspace(files())
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try tailor(["render", "campaign", "--out", "out", "--validate", "every"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 recipients (1 rendered, 2 failed)"))
        #expect(result.stdout.contains("validation (every): 2 bodies, 1 error, 0 warnings, 0 notices, 1 recipient failed by it in validation.jsonl"))
        #expect(result.stderr.contains("failed: R2: profile attribute 'first_name' holds template syntax '{{ 7*7 }}' (not evaluated)"))
        #expect(result.stderr.contains("failed: R3: HTML validation: email.html:2:37: <td> is not closed before </tr> [unclosed-tag]"))
        let strict = try tailor(["render", "campaign", "--out", "strict", "--fail-if-any-failed"], in: folder)
        #expect(strict.status == 1)
    }

    @Test func allowTemplateSyntaxAndValidateOffSendEverything() throws {
        let folder = try workspace(files())
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try tailor(["render", "campaign", "--out", "out", "--validate", "off", "--allow-template-syntax"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 recipients (3 rendered)"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/validation.jsonl").path))
        let record = try String(contentsOf: folder.appendingPathComponent("out/run.json"), encoding: .utf8)
        #expect(record.contains("\"allow_template_syntax\":true") && record.contains("\"validate\":\"off\""))
    }

    @Test func theHelpSaysWhatValidationDoes() throws {
        let help = try tailor(["render", "--help"], in: workspace([:]))
        #expect(help.status == 0)
        for text in ["--allow-template-syntax", "validation.jsonl", "structural variant", "--validate <mode>"] {
            #expect(help.stdout.contains(text), "\(text)")
        }
        #expect(!help.stdout.contains("Recorded only"))
    }
}
