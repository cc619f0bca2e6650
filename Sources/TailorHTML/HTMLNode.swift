import CLibXML2

/// A node of an ``HTMLDocument``'s tree; keeps the document alive while it exists.
public struct HTMLNode {
    /// The kinds of node the text and validation passes tell apart.
    public enum Kind: Sendable {
        case element, text, comment, cdata, other
    }

    /// The owning document.
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// The node's kind.
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_CDATA_SECTION_NODE: return .cdata
        default: return .other
        }
    }

    /// The element name in lowercase (libxml2's HTML parser lowercases it already).
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The source line, as libxml2 recorded it.
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    /// The value of attribute `name`, entities decoded; nil when absent.
    public func attribute(_ name: String) -> String? {
        guard let attribute = xmlHasProp(pointer, name) else { return nil }
        // Read the value's text nodes in place: nothing to free.
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if let text = current.pointee.content { value += String(cString: text) }
            child = current.pointee.next
        }
        return value
    }

    /// All attributes in source order, names lowercase.
    public var attributes: [(name: String, value: String)] {
        var out: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            out.append((name, self.attribute(name) ?? ""))
            attribute = current.pointee.next
        }
        return out
    }

    /// The child nodes, in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            out.append(HTMLNode(document: document, pointer: current))
            child = current.pointee.next
        }
        return out
    }

    /// The text of a text, comment or CDATA node; for an element, all its text.
    public var content: String {
        if kind != .element {
            return pointer.pointee.content.map { String(cString: $0) } ?? ""
        }
        var out = ""
        walk { node in
            if node.kind == .text || node.kind == .cdata { out += node.content }
            return true
        }
        return out
    }

    /// Visits this node and its descendants in document order; `visit` returns false
    /// to skip a node's children.
    public func walk(_ visit: (HTMLNode) -> Bool) {
        guard visit(self) else { return }
        // Follow the sibling pointers: no array of children per node.
        var child = pointer.pointee.children
        while let current = child {
            HTMLNode(document: document, pointer: current).walk(visit)
            child = current.pointee.next
        }
    }
}
