import Foundation
import TailorTemplate
typealias TailorTemplateValue = TailorTemplate.Value
import TailorCampaign
import TailorConfig
import TailorData
import TailorRecommendations
import Testing

@Suite struct CampaignFileTests {
    static let minimal = """
        from: "Acme <news@acme.example>"
        subject: "Hi {{ first_name }}"
        html: email.html
        unsubscribe: {url: "https://acme.example/u/{{ recipient_id }}"}

        """

    @Test(arguments: [
        (minimal + "subjet: x\n", "5:1: unknown key 'subjet' in the campaign file", "did you mean 'subject'?" as String?),
        (minimal + "data: {profile: p.csv}\n", "5:8: unknown key 'profile' in data", "did you mean 'profiles'?"),
        (minimal + "undefined: loose\n", "5:12: undefined must be 'strict' or 'lenient', not 'loose'", nil),
        (minimal + "send_date: tomorrow\n", "5:12: send_date must be a timestamp like 2026-01-15T09:00:00Z, not 'tomorrow'", nil),
        (minimal + "headers: {Subject: x}\n", "5:11: the Subject header is written by tailor and cannot be set under 'headers:'",
         "use the campaign's own key for it (from, to, reply_to, subject, unsubscribe)"),
        (minimal + "headers: {\"Bad Name\": x}\n", "5:11: 'Bad Name' is not a valid header name (printable ASCII, no spaces or ':')", nil),
        (minimal + "headers: [a, b]\n", "5:10: headers must be a mapping of keys to values, not a list", nil),
        ("from: news\nsubject: x\nhtml: e.html\nunsubscribe: {url: u}\n", "1:7: from must hold an address, like \"Acme Store <news@acme.example>\"", nil),
        ("from: a@b.c\nsubject: x\nhtml: e.html\nunsubscribe: {mailto: u@b.c}\n",
         "4:14: unsubscribe has no 'url:' (RFC 8058 one-click unsubscribe needs an HTTPS URL)",
         "add for example 'url: \"https://acme.example/u/{{ recipient_id }}\"'"),
        ("from: a@b.c\nhtml: e.html\nunsubscribe: {url: u}\n", "0:0: the campaign file has no 'subject:'", "add for example 'subject: \"Spring sale\"'"),
        ("from: a@b.c\nsubject: [x\n", "3:1: invalid YAML: did not find expected ',' or ']'", nil),
    ])
    func errors(yaml: String, expected: String, help: String?) throws {
        do {
            _ = try Campaign.load(document: YAMLDocument(text: yaml, path: "campaign.yml"), folder: "templates/x")
            Issue.record("no error")
        } catch {
            #expect("\(error.line):\(error.column): \(error.message)" == expected)
            #expect(error.help == help)
        }
    }

    @Test func templateErrorsPointAtTheYAMLLine() throws {
        let folder = try temporaryFolder([
            "c/campaign.yml": "from: a@b.c\nsubject: \"Hi {{ first_name }\"\nhtml: e.html\nunsubscribe: {url: u}\n",
            "c/e.html": "hi",
        ])
        let campaign = try Campaign.load(folder: folder + "/c")
        #expect(throws: ConfigError.self) { _ = try CampaignTemplates.compile(campaign) }
        do {
            _ = try CampaignTemplates.compile(campaign)
        } catch let error as ConfigError {
            #expect(error.line == 2)
            #expect(error.message.hasPrefix("subject is not a valid template: "))
            #expect(error.sourceLine == "subject: \"Hi {{ first_name }\"")
        }
    }

    @Test func bodyTemplateErrorsKeepTheirTemplate() throws {
        let folder = try temporaryFolder([
            "c/campaign.yml": Self.minimal,
            "c/email.html": "{% extends '_layouts/base.html' %}{% block x %}{% endfor %}",
            "_layouts/base.html": "{% block x %}{% endblock %}",
        ])
        let campaign = try Campaign.load(folder: folder + "/c")
        do {
            _ = try CampaignTemplates.compile(campaign)
            Issue.record("no error")
        } catch let error as TemplateError {
            #expect(error.templateName == "email.html")
            #expect(error.line == 1)
        }
    }

    @Test func loadsTheSample() throws {
        let campaign = try Campaign.load(folder: samplePath("templates/spring_sale"))
        #expect(campaign.name == "spring_sale")
        #expect(campaign.headers.map(\.name) == ["Feedback-ID", "X-Campaign"])
        #expect(URL(fileURLWithPath: campaign.data.profiles!).standardizedFileURL.path == samplePath("data/profiles.csv"))
        #expect(campaign.data.idColumn == "recipient_id")
        #expect(campaign.sendDate == 1_768_467_600)
        let recommender = try Recommender.load(catalog: campaign.data.catalog!, events: campaign.data.events)
        let templates = try CampaignTemplates.compile(campaign, environmentSetup: recommender.register(in:))
        var context: [String: TailorTemplateValue] = [
            "recipient_id": "R1", "email": "a@x.io", "segment": "vip", "segments": ["vip", "high_value"],
            "first_name": "Zoë", "cart": [], "viewed": [],
        ]
        recommender.attachSession(to: &context, recipientID: "R1", history: .empty)
        #expect(try templates.subject.render(context) == "Early access for you, Zoë")
        #expect(try templates.unsubscribeURL.render(context) == "https://acme.example/u/R1")
        #expect(try templates.headers[0].template.render(context) == "spring:vip:acme")
        let html = try templates.html.render(context)
        #expect(html.contains("VIPSPRING"))
        #expect(html.contains("<html lang=\"en\">"))
    }
}
