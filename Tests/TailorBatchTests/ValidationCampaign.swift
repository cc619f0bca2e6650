/// A campaign whose HTML differs by segment: `vip` gets a table cell that is
/// never closed (an `unclosed-tag` error at email.html:5:37), `new` an image
/// without alt (an `img-alt` warning at email.html:6:26), everyone else
/// valid markup. The CSS in `<style>` writes `{#` and `}}` (in a `raw` block,
/// or Jinja would read a comment), which are not template syntax there.
enum ValidationCampaign {
    static let files: [String: String] = [
        "campaign.yml": """
            name: validation_test
            from: "Shop <news@shop.example>"
            subject: "Hello {{ first_name }}"
            html: email.html
            unsubscribe: {url: "https://shop.example/u/{{ recipient_id|urlencode }}"}
            send_date: "2026-01-15T09:00:00Z"
            data: {profiles: profiles.jsonl}
            """,
        "email.html": """
            <!DOCTYPE html>
            <html lang="en"><head><title>Offer</title>
            {% raw %}<style>@media(max-width:600px){#hero{width:100%}}</style>{% endraw %}</head><body>
            <p id="hero">Hi {{ first_name }}</p>
            {% if segment == 'vip' %}<table><tr><td>VIP only</tr></table>{% endif %}
            {% if segment == 'new' %}<img src="https://shop.example/new.png">{% endif %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
            </body></html>
            """,
    ]

    /// Row n is `vip` when n is a multiple of 5, else `new` when a multiple of 7.
    static func segment(_ row: Int) -> String {
        row % 5 == 0 ? "vip" : row % 7 == 0 ? "new" : "default"
    }

    static func profiles(_ rows: Int) -> [String] {
        (1...rows).map { row in
            "{\"recipient_id\":\"R\(row)\",\"email\":\"user\(row)@example.com\",\"first_name\":\"Ana \(row)\","
                + "\"segment\":\"\(segment(row))\"}"
        }
    }

    static func workspace(_ label: String, rows: Int = 40) throws -> CampaignWorkspace {
        try CampaignWorkspace(label, files: files, profiles: profiles(rows))
    }
}
