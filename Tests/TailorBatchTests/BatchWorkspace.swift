import Foundation
import TailorBatch
import TailorMIME
import TailorTestSupport

/// A small campaign over generated profiles, in a temporary folder: quick to
/// render even in a debug build, large enough to be killed half way.
struct BatchWorkspace {
    let folder: URL
    let rows: Int

    /// `rows` profiles in `profiles.jsonl`; the row numbers in `badRows`
    /// (1-based) are not recipients (invalid email, broken JSON).
    init(rows: Int, badRows: Set<Int> = [], label: String = "batch") throws {
        self.rows = rows
        folder = TestFolder.make(label)
        let campaign = """
            name: batch_test
            from: "Shop <news@shop.example>"
            subject: "{% if segment == 'vip' %}Early access{% else %}Hello{% endif %}, {{ first_name }}"
            html: email.html
            text: email.txt
            unsubscribe: {url: "https://shop.example/u/{{ recipient_id|urlencode }}"}
            undefined: strict
            send_date: "2026-01-15T09:00:00Z"
            data: {profiles: profiles.jsonl}
            """
        let html = """
            <!DOCTYPE html><html lang="en"><head><title>{{ first_name }}</title></head><body>
            <p>Dear {{ first_name }} ({{ segment }}; {{ segments|join(',') }})</p>
            {% for item in items %}<p>{{ item.name }}: {{ '%.2f'|format(item.price) }}</p>{% endfor %}
            {% if nickname is none %}<p>no nickname</p>{% endif %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
            </body></html>
            """
        let text = "Dear {{ first_name }}, {{ segment }}\n{% for item in items %}- {{ item.name }}\n{% endfor %}"
        var profiles = ""
        for row in 1...max(1, rows) where rows > 0 {
            if badRows.contains(row) {
                profiles += row % 2 == 0
                    ? "{\"recipient_id\":\"R\(row)\",\"email\":\"not-an-address\",\"first_name\":\"Bad\"}\n"
                    : "{\"recipient_id\":\"R\(row)\",\"email\":\n"
                continue
            }
            let segment = row % 3 == 0 ? ",\"segment\":\"vip\"" : ""
            let items = (0..<(row % 4)).map { "{\"name\":\"Item \($0) of \(row)\",\"price\":\(Double(row) / 7 + Double($0))}" }
            profiles +=
                "{\"recipient_id\":\"R\(row)\",\"email\":\"user\(row)@example.com\",\"first_name\":\"Zoë \(row)\","
                + "\"nickname\":null,\"items\":[\(items.joined(separator: ","))]\(segment)}\n"
        }
        try campaign.write(to: folder.appendingPathComponent("campaign.yml"), atomically: true, encoding: .utf8)
        try html.write(to: folder.appendingPathComponent("email.html"), atomically: true, encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("email.txt"), atomically: true, encoding: .utf8)
        try profiles.write(to: folder.appendingPathComponent("profiles.jsonl"), atomically: true, encoding: .utf8)
    }

    var profiles: String { folder.appendingPathComponent("profiles.jsonl").path }

    /// Settings rendering into `out` (a folder name inside the workspace).
    func settings(_ out: String, format: OutputFormat = .eml, shard: Shard = .whole, jobs: Int = 2) -> RenderSettings {
        var settings = RenderSettings(campaignFolder: folder.path)
        settings.outDirectory = folder.appendingPathComponent(out).path
        settings.format = format
        settings.shard = shard
        settings.jobs = jobs
        settings.batchSize = 16
        return settings
    }

    func url(_ out: String) -> URL { folder.appendingPathComponent(out) }

    func remove() { SharedTools.keepOrRemove(folder) }
}

/// Every file of a folder (hidden ones too) and its bytes.
func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

/// The manifest's lines, in order.
func manifestLines(_ folder: URL, name: String = "manifest.jsonl") throws -> [String] {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
}
