import Foundation
public import TailorConfig
import TailorData
public import TailorTemplate

/// A campaign: `templates/<campaign>/campaign.yml`, loaded and checked.
///
/// ```yaml
/// name: spring_sale
/// from: "Acme Store <news@acme.example>"
/// subject: "{% if segment == 'loyal' %}Early access, {{ first_name }}{% else %}Spring sale{% endif %}"
/// html: email.html
/// unsubscribe: {url: "https://acme.example/u/{{ recipient_id }}"}
/// ```
///
/// Unknown keys are errors (with the file and line), as are a missing
/// `from`, `subject`, `html` or `unsubscribe.url`. Paths under `data:` are
/// relative to the campaign folder.
///
/// ```swift
/// let campaign = try Campaign.load(folder: "templates/spring_sale")
/// let templates = try CampaignTemplates.compile(campaign)
/// ```
public struct Campaign: Sendable {
    /// Where the inputs of a send are, by default (the command line overrides them).
    public struct DataSettings: Sendable, Equatable {
        public var profiles: String?
        public var events: String?
        public var catalog: String?
        public var segments: String?
        public var idColumn = "recipient_id"
        public var emailColumn = "email"
    }

    /// A templated setting and where it is written, for errors.
    public struct Setting: Sendable {
        public var source: String
        public var line: Int
        public var column: Int
        public var quoted: Bool
    }

    public var name: String
    /// The campaign's folder.
    public var folder: String
    /// The `campaign.yml` path.
    public var path: String
    public var from: Setting
    public var replyTo: Setting?
    /// The `To` template; the email column when absent.
    public var to: Setting?
    public var subject: Setting
    public var preheader: Setting?
    /// Template names, relative to the campaign folder.
    public var html: String
    public var text: String?
    public var unsubscribeURL: Setting
    public var unsubscribeMailto: String?
    /// Extra headers in file order, each value a template.
    public var headers: [(name: String, value: Setting)]
    public var undefined: Options.UndefinedBehavior
    public var data: DataSettings
    /// Seconds since the epoch; fixes `now`, `Date` and derived ids for a re-run.
    public var sendDate: Int?
    /// `vars:`, which templates see as `campaign`.
    public var vars: Value

    static let keys = [
        "name", "from", "reply_to", "to", "subject", "preheader", "html", "text", "unsubscribe", "headers",
        "undefined", "data", "send_date", "vars",
    ]
    /// Headers tailor writes itself; a campaign cannot set them.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "content-type",
        "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post", "reply-to",
    ]

    /// A `data:` path: relative to the campaign folder, with `..` resolved, and
    /// shown relative to the working directory when it lies below it.
    static func dataPath(_ text: String, folder: String) -> String {
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        let absolute = (text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text))
            .standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
    }

    /// Loads `folder/campaign.yml`.
    public static func load(folder: String) throws(ConfigError) -> Campaign {
        let path = (folder as NSString).appendingPathComponent("campaign.yml")
        return try load(document: YAMLDocument(path: path), folder: folder)
    }

    /// Checks a parsed `campaign.yml` whose folder is `folder`.
    public static func load(document: YAMLDocument, folder: String) throws(ConfigError) -> Campaign {
        let entries = try document.root.mapping(allowed: keys, in: "the campaign file")
        func node(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }
        func required(_ key: String, _ example: String) throws(ConfigError) -> YAMLNode {
            guard let n = node(key) else {
                throw ConfigError(
                    file: document.path, message: "the campaign file has no '\(key):'", help: "add for example '\(key): \(example)'")
            }
            return n
        }
        func setting(_ n: YAMLNode, _ what: String) throws(ConfigError) -> Setting {
            Setting(source: try n.string(what), line: n.line, column: n.column, quoted: n.isQuoted)
        }
        func optional(_ key: String) throws(ConfigError) -> Setting? {
            try node(key).map { n throws(ConfigError) in try setting(n, key) }
        }

        let fromNode = try required("from", "\"Acme Store <news@acme.example>\"")
        let from = try setting(fromNode, "from")
        if !from.source.contains("@") {
            throw fromNode.error("from must hold an address, like \"Acme Store <news@acme.example>\"")
        }
        let subject = try setting(try required("subject", "\"Spring sale\""), "subject")
        let html = try required("html", "email.html").string("html")

        let unsubscribeNode = try required("unsubscribe", "{url: \"https://acme.example/u/{{ recipient_id }}\"}")
        var unsubscribeURL: Setting?
        var mailto: String?
        for e in try unsubscribeNode.mapping(allowed: ["url", "mailto"], in: "unsubscribe") {
            if e.key == "url" { unsubscribeURL = try setting(e.value, "unsubscribe.url") }
            if e.key == "mailto" { mailto = try e.value.string("unsubscribe.mailto") }
        }
        guard let unsubscribeURL else {
            throw unsubscribeNode.error(
                "unsubscribe has no 'url:' (RFC 8058 one-click unsubscribe needs an HTTPS URL)",
                help: "add for example 'url: \"https://acme.example/u/{{ recipient_id }}\"'")
        }

        var headers: [(String, Setting)] = []
        if let n = node("headers") {
            for e in try n.mapping(in: "headers") {
                let valid = !e.key.isEmpty && e.key.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != ":" }
                guard valid else {
                    throw e.keyNode.error("'\(e.key)' is not a valid header name (printable ASCII, no spaces or ':')")
                }
                if reservedHeaders.contains(e.key.lowercased()) {
                    throw e.keyNode.error(
                        "the \(e.key) header is written by tailor and cannot be set under 'headers:'",
                        help: "use the campaign's own key for it (from, to, reply_to, subject, unsubscribe)")
                }
                headers.append((e.key, try setting(e.value, "the \(e.key) header")))
            }
        }

        var undefined = Options.UndefinedBehavior.strict
        if let n = node("undefined") {
            let text = try n.string("undefined")
            guard let value = Options.UndefinedBehavior(rawValue: text) else {
                throw n.error("undefined must be 'strict' or 'lenient', not '\(text)'")
            }
            undefined = value
        }

        var data = DataSettings()
        if let n = node("data") {
            for e in try n.mapping(allowed: ["profiles", "events", "catalog", "segments", "id", "email"], in: "data") {
                let text = try e.value.string("data.\(e.key)")
                let resolved = Self.dataPath(text, folder: folder)
                switch e.key {
                case "profiles": data.profiles = resolved
                case "events": data.events = resolved
                case "catalog": data.catalog = resolved
                case "segments": data.segments = resolved
                case "id": data.idColumn = text
                default: data.emailColumn = text
                }
            }
        }

        var sendDate: Int?
        if let n = node("send_date") {
            let text = try n.string("send_date")
            guard let seconds = Temporal.seconds(of: .string(text)) else {
                throw n.error("send_date must be a timestamp like 2026-01-15T09:00:00Z, not '\(text)'")
            }
            sendDate = seconds
        }

        let name = try node("name").map { n throws(ConfigError) in try n.string("name") }
            ?? (folder as NSString).lastPathComponent
        return Campaign(
            name: name, folder: folder, path: document.path, from: from, replyTo: try optional("reply_to"),
            to: try optional("to"), subject: subject, preheader: try optional("preheader"), html: html,
            text: try node("text").map { n throws(ConfigError) in try n.string("text") },
            unsubscribeURL: unsubscribeURL, unsubscribeMailto: mailto, headers: headers, undefined: undefined,
            data: data, sendDate: sendDate, vars: node("vars").map { Self.value($0.plain) } ?? .dict(Dict()))
    }

    /// YAML data as a template value.
    static func value(_ plain: PlainValue) -> Value {
        switch plain {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .list(let items): return .list(items.map(value))
        case .mapping(let pairs):
            var dict = Dict()
            for (k, v) in pairs { dict[.string(k)] = value(v) }
            return .dict(dict)
        }
    }
}
