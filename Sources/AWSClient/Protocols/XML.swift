import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document, small enough for AWS API answers: elements, their attributes and their text.
public enum XML {
    /// One element with its children; `text` joins the character data directly inside it.
    public struct Element: Sendable, Equatable {
        /// The element name without a namespace prefix.
        public var name: String
        /// The attributes.
        public var attributes: [String: String]
        /// The text directly inside the element, trimmed of surrounding white space.
        public var text: String
        /// The child elements in document order.
        public var children: [Element]

        /// The first child named `name`.
        public func child(_ name: String) -> Element? {
            children.first { $0.name == name }
        }

        /// Every child named `name`.
        public func children(_ name: String) -> [Element] {
            children.filter { $0.name == name }
        }

        /// The element at a slash-separated path of child names, e.g. `Errors/Error/Code`.
        public func element(at path: String) -> Element? {
            var current = self
            for name in path.split(separator: "/") {
                guard let next = current.child(String(name)) else { return nil }
                current = next
            }
            return current
        }

        /// The text of the element at `path`, when it exists.
        public func text(at path: String) -> String? {
            element(at: path)?.text
        }
    }

    /// What made a document unreadable.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// The parser's message, with line and column.
        public var description: String
    }

    /// Parses `data` into its root element.
    public static func parse(_ data: Data) throws(ParseError) -> Element {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw ParseError(description: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(reason)")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var texts: [String] = []
        var root: Element?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            stack.append(Element(name: local, attributes: attributes, text: "", children: []))
            texts.append("")
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !texts.isEmpty else { return }
            texts[texts.count - 1] += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !texts.isEmpty else { return }
            texts[texts.count - 1] += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard var element = stack.popLast(), let text = texts.popLast() else { return }
            element.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }
    }
}
