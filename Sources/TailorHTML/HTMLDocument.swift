import CLibXML2

/// A parsed HTML document: the one owner of a libxml2 `htmlDocPtr`.
///
/// The document is parsed by `htmlCtxtReadMemory` on a parser context of its own,
/// whose structured error handler collects the parser's messages into
/// ``diagnostics``. Nothing global is set, so documents can be parsed on several
/// threads at once. The tree is freed with the document; ``HTMLNode`` values keep
/// their document alive.
///
/// ```swift
/// let document = try HTMLDocument(html: "<p>Hi <b>Zoë</b></p>")
/// document.body?.children.first?.name   // "p"
/// document.diagnostics                    // parser errors and warnings, with line and column
/// ```
public final class HTMLDocument {
    let pointer: htmlDocPtr
    /// What the parser reported, in order.
    public let diagnostics: [ParseDiagnostic]

    /// Parses `html` (UTF-8), recovering from errors as browsers do; network access off.
    public convenience init(html: String) throws(HTMLParseError) {
        try self.init(bytes: Array(html.utf8))
    }

    /// Parses UTF-8 bytes, as a render writes them; positions in ``diagnostics``
    /// are lines and (character) columns of these bytes.
    public init(bytes: [UInt8]) throws(HTMLParseError) {
        _ = Self.libraryInitialized
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes.count) }
        guard let context = htmlNewParserCtxt() else { throw .noContext }
        defer { htmlFreeParserCtxt(context) }
        let collector = DiagnosticCollector()
        let retained = Unmanaged.passRetained(collector)
        defer { retained.release() }
        context.pointee._private = retained.toOpaque()
        // __xmlRaiseError only calls a context's own structured handler when the SAX
        // block is marked as SAX2-initialised.
        context.pointee.sax.pointee.initialized = XML_SAX2_MAGIC
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            Unmanaged<DiagnosticCollector>.fromOpaque(owner).takeUnretainedValue().add(error.pointee)
        }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) { chars in
                htmlCtxtReadMemory(context, chars, Int32(buffer.count), "email.html", "UTF-8", options)
            }
        }
        guard let document else { throw .noDocument(collector.items) }
        pointer = document
        diagnostics = collector.items
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// libxml2 asks for `xmlInitParser` once, before parsing on several threads.
    private static let libraryInitialized: Void = xmlInitParser()

    /// The `<html>` element.
    public var root: HTMLNode? {
        xmlDocGetRootElement(pointer).map { HTMLNode(document: self, pointer: $0) }
    }

    /// The `<body>` element.
    public var body: HTMLNode? {
        root?.children.first { $0.name == "body" }
    }

    /// Every element named `name` (lowercase), in document order.
    public func elements(named name: String) -> [HTMLNode] {
        var found: [HTMLNode] = []
        root?.walk { node in
            if node.kind == .element, node.name == name { found.append(node) }
            return true
        }
        return found
    }
}

/// Receives libxml2's structured errors for one parse.
private final class DiagnosticCollector {
    var items: [ParseDiagnostic] = []

    func add(_ error: xmlError) {
        let severity: ParseDiagnostic.Severity
        switch error.level {
        case XML_ERR_WARNING: severity = .warning
        case XML_ERR_FATAL: severity = .fatal
        default: severity = .error
        }
        var message = error.message.map { String(cString: $0) } ?? "unknown error"
        while message.hasSuffix("\n") { message.removeLast() }
        items.append(
            ParseDiagnostic(
                severity: severity, code: Int(error.code), message: message, line: Int(error.line),
                column: Int(error.int2)))
    }
}
