import Foundation
import TailorConfig
import TailorData
public import TailorTemplate

/// A campaign's templates, compiled once: the bodies from files, and the
/// subject, preheader, addresses, unsubscribe URL and headers from
/// `campaign.yml`.
///
/// HTML renders with autoescape on; everything else with it off. Both use the
/// campaign's undefined mode (strict unless it says `lenient`), see the
/// campaign's `vars:` as `campaign`, and have the date helpers (`today`, `now`,
/// `days(n)`, ...) with `now` at the campaign's `send_date`. Templates load
/// from the campaign folder, then from the `templates/` folder above it, and
/// never from anywhere else.
///
/// ```swift
/// let templates = try CampaignTemplates.compile(try Campaign.load(folder: "templates/spring_sale"))
/// let subject = try templates.subject.render(assignment.context)
/// let html = try templates.html.render(assignment.context)
/// ```
public final class CampaignTemplates: Sendable {
    public let campaign: Campaign
    /// Autoescaping, for the HTML body and what it includes.
    public let htmlEnvironment: Environment
    /// Not escaping: subject, preheader, text body, addresses, headers.
    public let textEnvironment: Environment
    public let html: Template
    public let text: Template?
    public let subject: Template
    public let preheader: Template?
    public let from: Template
    public let replyTo: Template?
    public let to: Template?
    public let unsubscribeURL: Template
    public let headers: [(name: String, template: Template)]

    private init(
        campaign: Campaign, htmlEnvironment: Environment, textEnvironment: Environment, html: Template,
        text: Template?, subject: Template, preheader: Template?, from: Template, replyTo: Template?, to: Template?,
        unsubscribeURL: Template, headers: [(name: String, template: Template)]
    ) {
        self.campaign = campaign
        self.htmlEnvironment = htmlEnvironment
        self.textEnvironment = textEnvironment
        self.html = html
        self.text = text
        self.subject = subject
        self.preheader = preheader
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.unsubscribeURL = unsubscribeURL
        self.headers = headers
    }

    /// Compiles every template of `campaign`. `templatesRoot` defaults to the
    /// folder that holds the campaign folder. Template errors keep their
    /// template, line and column; errors in `campaign.yml` settings point at
    /// their line there.
    ///
    /// `environmentSetup` runs on both environments before anything compiles:
    /// the place to register globals and their call checks, such as
    /// `recommend` (`environmentSetup: recommender.register(in:)`).
    public static func compile(
        _ campaign: Campaign, templatesRoot: String? = nil, now: Int? = nil,
        environmentSetup: (Environment) -> Void = { _ in }
    ) throws -> CampaignTemplates {
        // The parent of the absolute folder: `NSString.deletingLastPathComponent`
        // crashes on Linux for a folder given as `.`.
        let root = templatesRoot
            ?? URL(fileURLWithPath: campaign.folder, isDirectory: true).standardizedFileURL.deletingLastPathComponent().path
        let loader = FileSystemLoader(roots: [campaign.folder, root.isEmpty ? "." : root])
        let clock = now ?? campaign.sendDate ?? Int(Date().timeIntervalSince1970)
        func environment(autoescape: Bool) -> Environment {
            let env = Environment(loader: loader, options: Options(autoescape: autoescape, undefined: campaign.undefined))
            DateGlobals(now: clock).register(in: env)
            env.addGlobal("campaign", campaign.vars)
            // Plain-text output (subject, text body, headers) prints values without markup.
            if !autoescape { env.finalize = PlainTextValues.finalize }
            environmentSetup(env)
            return env
        }
        let htmlEnv = environment(autoescape: true)
        let textEnv = environment(autoescape: false)
        func inline(_ setting: Campaign.Setting, _ what: String) throws -> Template {
            do {
                return try textEnv.template(source: setting.source, name: "\(campaign.path) (\(what))")
            } catch let error as TemplateError {
                var located = ConfigError(
                    file: campaign.path, message: "\(what) is not a valid template: \(error.message)", line: setting.line,
                    column: setting.column + (setting.quoted ? 1 : 0) + max(0, error.column - 1), help: error.help)
                located.sourceLine = try? String(contentsOfFile: campaign.path, encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(setting.line - 1).first.map(String.init)
                throw located
            }
        }
        return CampaignTemplates(
            campaign: campaign, htmlEnvironment: htmlEnv, textEnvironment: textEnv,
            html: try htmlEnv.template(named: campaign.html),
            text: try campaign.text.map { try textEnv.template(named: $0) },
            subject: try inline(campaign.subject, "subject"),
            preheader: try campaign.preheader.map { try inline($0, "preheader") },
            from: try inline(campaign.from, "from"),
            replyTo: try campaign.replyTo.map { try inline($0, "reply_to") },
            to: try campaign.to.map { try inline($0, "to") },
            unsubscribeURL: try inline(campaign.unsubscribeURL, "unsubscribe.url"),
            headers: try campaign.headers.map { ($0.name, try inline($0.value, "the \($0.name) header")) })
    }
}
