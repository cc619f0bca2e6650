import Foundation

@testable import TailorMIME

/// Recipients and content for message tests: ASCII, non-ASCII and hostile values.
enum Fixtures {
    static let sendDate = Date(timeIntervalSince1970: 1_739_439_000)

    static func builder(requireUnsubscribe: Bool = true) throws -> MessageBuilder {
        try MessageBuilder(
            from: MailAddress(parsing: "Tailor Shop <news@shop.example.com>", header: "From"),
            replyTo: MailAddress(parsing: "\"Shop, Customer Care\" <care@shop.example.com>", header: "Reply-To"),
            sendID: "spring-2025", sendDate: sendDate,
            headers: [HeaderField(name: "Feedback-ID", value: "spring-2025:tailor")],
            requireUnsubscribe: requireUnsubscribe)
    }

    struct Person {
        var id: String
        var name: String
        var email: String
        var subject: String
    }

    static let people: [Person] = [
        Person(id: "c-0001", name: "Ada Lovelace", email: "ada@example.com", subject: "Your spring picks"),
        Person(id: "c-0002", name: "Zoë Ämtmann", email: "zoe@example.com", subject: "Zoë, your spring picks are here"),
        Person(id: "c-0003", name: "O'Brien, Seán \"Jr.\"", email: "sean.obrien@example.org", subject: "Grüße aus Köln — 20 % off"),
        Person(id: "C-0003", name: "李小龍", email: "li@example.net", subject: "春季精选：为您推荐的商品，限时优惠，欢迎选购，更多惊喜等着您"),
        Person(
            id: "../../etc/passwd", name: "Robert'); DROP TABLE--", email: "bobby@example.com",
            subject: String(repeating: "A very long subject that keeps going ", count: 5)),
        Person(id: "dots.", name: "=?utf-8?q?fake?=", email: "fake@example.com", subject: "=?utf-8?q?not_encoded?= really"),
        Person(id: "emoji", name: "🎉 Party People 🎉", email: "party@example.com", subject: "🎉🎉 " + String(repeating: "ä", count: 90)),
        Person(id: "from-line", name: "From Somebody", email: "from@example.com", subject: "From the shop"),
        Person(id: "Space Cadet", name: "  Ada  Two  ", email: "ada.two@example.com", subject: " Hello  there, Zoë "),
    ]

    static let html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Spring</title>
        <style>p { color: #333; } .x{}</style></head>
        <body>
        <h1>Spring picks for NAME</h1>
        <p>Hello NAME, here are three picks &amp; a coupon. = signs = fine.</p>
        <p>\(String(repeating: "A long line without breaks ", count: 12))</p>
        From the start of a line.
        . a line starting with a dot
        <ul><li>Linen shirt — €49</li><li>Straw hat</li></ul>
        <table><tr><td><img src="https://shop.example.com/a.png" alt="Linen shirt"></td><td>€49</td></tr></table>
        <p><a href="https://shop.example.com/u/ID">Unsubscribe</a></p>
        </body></html>
        """

    static func content(for person: Person) throws -> MessageContent {
        let html = html.replacingOccurrences(of: "NAME", with: person.name.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;"))
            .replacingOccurrences(of: "ID", with: person.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        return MessageContent(
            recipientID: person.id, to: try MailAddress(name: person.name, address: person.email),
            subject: person.subject, preheader: "Three picks for spring, \(person.name)",
            html: html, text: "Hello \(person.name),\n\nFrom the shop: three picks.\n. dot line\nTrailing space \n",
            unsubscribeURL: "https://shop.example.com/u/\(person.id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
            unsubscribeMailto: "mailto:unsubscribe@shop.example.com?subject=\(person.id)")
    }

    static func messages() throws -> [MailMessage] {
        let builder = try builder()
        return try people.map { try builder.build(content(for: $0)) }
    }
}
