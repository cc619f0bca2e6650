import Foundation
import TailorCheck
import TailorHTML
import Testing

/// The broken copy: three mistakes, each in one place.
let brokenEdits: [String: [(String, String)]] = [
    "templates/spring_sale/email.html": [
        // An unclosed <td>, on a line every variant renders.
        ("<p>{{ ui.greeting(first_name) }}</p>", "<table><tr><td>{{ ui.greeting(first_name) }}</tr></table>"),
        // An image without alt, in the 'new' branch only.
        ("  <h1>Welcome to {{ campaign.brand }}</h1>",
         "  <h1>Welcome to {{ campaign.brand }}</h1>\n  <img src=\"https://acme.example/welcome.png\" width=\"600\">"),
        // A variable nothing provides, in the 'dormant' branch only.
        ("<h1>It has been a while</h1>", "<h1>It has been a while, {{ nickname }}</h1>"),
    ]
]

@Suite(.serialized) struct CampaignCheckTests {
    @Test func sampleCampaignPasses() throws {
        let report = try inDirectory(packageRoot) {
            try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
        }
        #expect(!report.hasErrors, "\(report.text)")
        #expect(report.findings.isEmpty, "\(report.text)")
        #expect(report.variants.count >= 10)
        #expect(report.variants.allSatisfy { $0.recipientID != nil && $0.subject != nil })
        // Validated once per structural variant, not once per segment.
        #expect(report.validations < report.variants.count)
        // Only the abandoned-cart variant needs the cart.
        #expect(report.variants.first { $0.segment == "abandoned_cart" }?.needs.contains("cart") == true)
        #expect(report.variants.first { $0.segment == "dormant" }?.needs.contains("cart") == false)
    }

    @Test func brokenCopyFailsAtTheRightLines() throws {
        let folder = try sampleCopy(brokenEdits)
        let email = folder.appendingPathComponent("templates/spring_sale/email.html")
        let report = try inDirectory(folder) {
            try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
        }
        #expect(report.hasErrors)
        let file = "templates/spring_sale/email.html"
        func finding(_ rule: String) -> CheckFinding? { report.findings.first { $0.rule == rule } }

        let tdLine = try line(of: "<table><tr><td>", in: email)
        let unclosed = try #require(finding("unclosed-tag"), "\(report.text)")
        #expect(unclosed.place == "\(file):\(tdLine):12")
        #expect(unclosed.message == "<td> is not closed before </tr>")
        #expect(unclosed.severity == .error)
        #expect(unclosed.segments.count > 5)

        let image = try #require(finding("img-alt"), "\(report.text)")
        #expect(image.place == "\(file):\(try line(of: "welcome.png", in: email)):3")
        #expect(image.segments == ["new"])

        let nicknameLine = try line(of: "{{ nickname }}", in: email)
        let failed = try #require(finding("template-error"), "\(report.text)")
        #expect(failed.place == "\(file):\(nicknameLine):28")  // the {{ of the tag
        #expect(failed.message.contains("'nickname' is undefined"))
        #expect(failed.segments == ["dormant"])

        let undefined = try #require(finding("undefined-variable"), "\(report.text)")
        #expect(undefined.place == "\(file):\(nicknameLine):31")  // the name itself

        // Nothing else: the three mistakes, the static finding, and nothing invented.
        #expect(Set(report.findings.map(\.rule)) == ["unclosed-tag", "img-alt", "template-error", "undefined-variable"], "\(report.text)")
    }

    @Test func validationFileTurnsRulesDown() throws {
        let folder = try sampleCopy(brokenEdits)
        try Data("rules:\n  unclosed-tag: warning\n  img-alt: off\n".utf8)
            .write(to: folder.appendingPathComponent("templates/spring_sale/validation.yml"))
        let report = try inDirectory(folder) {
            try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
        }
        #expect(report.findings.first { $0.rule == "unclosed-tag" }?.severity == .warning)
        #expect(!report.findings.contains { $0.rule == "img-alt" })
    }

    @Test func unknownRuleInValidationFileIsAnError() throws {
        let folder = try sampleCopy()
        try Data("rules:\n  img-alts: off\n".utf8).write(to: folder.appendingPathComponent("templates/spring_sale/validation.yml"))
        #expect(throws: (any Error).self) {
            try inDirectory(folder) { try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")) }
        }
    }

    @Test func dataContractCountsRecipientsLackingWhatTheirVariantNeeds() throws {
        // The dormant variant now needs the city; no other variant reads it unguarded.
        let folder = try sampleCopy([
            "templates/spring_sale/email.html": [
                ("{% if city is defined %}<p>Free delivery to {{ city }} this week.</p>{% endif %}",
                 "{% if segment == 'dormant' %}<p>Free delivery to {{ city }} this week.</p>{% endif %}")
            ]
        ])
        let report = try inDirectory(folder) {
            try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
        }
        #expect(report.variants.first { $0.segment == "dormant" }?.needs.contains("city") == true)
        #expect(report.variants.first { $0.segment == "loyal" }?.needs.contains("city") == false)
        let gap = try #require(report.gaps.first { $0.attribute == "city" }, "\(report.text)")
        #expect(gap.segment == "dormant")
        #expect(gap.missing > 0 && gap.missing < gap.recipients)
        // Each example line is a row whose city cell is empty.
        let rows = try String(contentsOf: folder.appendingPathComponent("data/profiles.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let cityColumn = try #require(rows[0].split(separator: ",").firstIndex(of: "city"))
        for line in gap.exampleLines {
            #expect(rows[line - 1].split(separator: ",", omittingEmptySubsequences: false)[cityColumn].isEmpty, "line \(line)")
        }
        let finding = try #require(report.findings.first { $0.rule == "missing-data" })
        #expect(finding.place == "data/profiles.csv:\(gap.exampleLines[0]):1")
        #expect(!report.hasErrors)  // a warning: the send fails those recipients, and says so
    }

    @Test func fixturesStandInForSegmentsTheDataLacks() throws {
        let folder = try sampleCopy([
            "templates/spring_sale/email.html": [
                ("{% elsesegment 'dormant' %}", "{% elsesegment 'gold' %}\n  <h1>Gold, {{ first_name }}</h1>\n{% elsesegment 'dormant' %}")
            ]
        ])
        try Data("gold:\n  attributes: {recipient_id: PREVIEW-GOLD, email: gold@example.com, first_name: Goldie}\n".utf8)
            .write(to: folder.appendingPathComponent("segments/previews.yml"))
        let report = try inDirectory(folder) {
            try CampaignCheck(CheckSettings(campaignFolder: "templates/spring_sale")).run()
        }
        let gold = try #require(report.variants.first { $0.segment == "gold" })
        #expect(gold.recipientID == "PREVIEW-GOLD")
        #expect(gold.source == "segments/previews.yml")
        #expect(gold.subject == "The spring sale is on")
        let unknown = try #require(report.findings.first { $0.rule == "unknown-segment" })
        let email = folder.appendingPathComponent("templates/spring_sale/email.html")
        #expect(unknown.place.hasPrefix("templates/spring_sale/email.html:\(try line(of: "'gold'", in: email)):"))
        #expect(!report.findings.contains { $0.rule == "no-sample" })
    }

    @Test func cliExitCodesAndSARIF() throws {
        let clean = try tailor(["check", "templates/spring_sale"], in: packageRoot)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("0 errors"))

        let folder = try sampleCopy(brokenEdits)
        let broken = try tailor(["check", "templates/spring_sale", "--sarif", "check.sarif"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("templates/spring_sale/email.html\n"))
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("check.sarif"))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
        let results = ((sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.contains { $0["ruleId"] as? String == "img-alt" && $0["level"] as? String == "warning" })

        let json = try tailor(["check", "templates/spring_sale", "--json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["passed"] as? Bool == false)

        let usage = try tailor(["check", "--validate", "sometimes"], in: folder)
        #expect(usage.status == 2)
    }
}
