#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds template syntax in rendered output by the rules of
/// `shared/tools/check-eml`, the judge of what a send hands off.
///
/// The tokens are `{{`, `{%`, `{#`, `}}` and `%}`. In a text part and in
/// header values every one counts. In HTML, `{{` and `{%` count anywhere in
/// the source, while `}}`, `%}` and `{#`, which minified CSS writes too
/// (`@media(max-width:600px){#hero{width:100%}}`), count only in text and
/// attributes: not inside `<style>` or `<script>`, a comment, or a `style`
/// attribute (see ``MarkupExclusions``).
///
/// The scan jumps from brace to brace with `memchr`, so text without braces
/// costs next to nothing; the markup is looked at only when an ambiguous
/// token turns up in HTML.
///
/// ```swift
/// TemplateSyntaxScan.first(in: "Hi {{ 7*7 }}", .plain)                  // Hit(offset: 3, token: "{{")
/// TemplateSyntaxScan.first(in: "<style>a{b{c:1}}</style><p>ok</p>", .html)  // nil
/// ```
enum TemplateSyntaxScan {
    /// How the output is read: as text, or as HTML source.
    enum Placement: Sendable {
        case plain
        case html
    }

    /// Where a token starts, and which it is.
    struct Hit: Sendable, Equatable {
        var offset: Int
        var token: String
    }

    /// The first token that counts in `text`, or nil.
    static func first(in text: String, _ placement: Placement) -> Hit? {
        if let hit = text.utf8.withContiguousStorageIfAvailable({ first(in: $0, placement) }) { return hit }
        return Array(text.utf8).withUnsafeBufferPointer { first(in: $0, placement) }
    }

    /// The first token that counts in `bytes`, or nil.
    static func first(in bytes: UnsafeBufferPointer<UInt8>, _ placement: Placement) -> Hit? {
        let n = bytes.count
        guard n >= 2, let base = bytes.baseAddress else { return nil }
        func next(_ byte: UInt8, from start: Int) -> Int {
            guard start < n, let found = memchr(base + start, Int32(byte), n - start) else { return n }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var nextOpen = next(open, from: 0)
        var nextClose = next(close, from: 0)
        // In HTML, ambiguous tokens wait for the markup to say whether they count.
        var ambiguous: [Hit] = []
        while nextOpen < n || nextClose < n {
            if nextOpen < nextClose {
                let at = nextOpen
                nextOpen = next(open, from: at + 1)
                guard at + 1 < n else { continue }
                switch bytes[at + 1] {
                case open: return Hit(offset: at, token: "{{")
                case UInt8(ascii: "%"): return Hit(offset: at, token: "{%")
                case UInt8(ascii: "#"):
                    let hit = Hit(offset: at, token: "{#")
                    if placement == .plain { return hit }
                    ambiguous.append(hit)
                default: break
                }
            } else {
                let at = nextClose
                nextClose = next(close, from: at + 1)
                var hit: Hit?
                if at > 0, bytes[at - 1] == UInt8(ascii: "%") {
                    hit = Hit(offset: at - 1, token: "%}")
                } else if at + 1 < n, bytes[at + 1] == close {
                    hit = Hit(offset: at, token: "}}")
                }
                guard let hit else { continue }
                if placement == .plain { return hit }
                ambiguous.append(hit)
            }
        }
        guard !ambiguous.isEmpty else { return nil }
        let excluded = MarkupExclusions(bytes, upTo: ambiguous[ambiguous.count - 1].offset + 1)
        return ambiguous.first { !excluded.contains($0.offset) }
    }
}
