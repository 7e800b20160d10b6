import Foundation
import Testing
@testable import StackVerify

/// The catalogue is declared once and documented from the declarations.
struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("docs/checks.md is what `stack-verify catalogue` prints: regenerate it when a check changes")
    func referenceIsCurrent() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/checks.md"), encoding: .utf8)
        #expect(committed == CatalogueDocument.markdown + "\n", "run: swift run stack-verify catalogue > docs/checks.md")
    }

    @Test("check ids are unique, and every check has a title, reads and an origin")
    func declarationsAreComplete() {
        let ids = Catalogue.checks.map(\.id)
        #expect(Set(ids).count == ids.count)
        for check in Catalogue.checks {
            #expect(!check.title.isEmpty && !check.reads.isEmpty && !check.origin.isEmpty, "\(check.id)")
            #expect(check.arguments.filter(\.isMain).count <= 1, "\(check.id) has several main arguments")
        }
    }

    @Test("every example spec under docs/specs binds against the catalogue")
    func exampleSpecsParse() throws {
        let directory = Self.root.appendingPathComponent("docs/specs")
        let specs = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(specs.count >= 5)
        for name in specs {
            let spec = try SpecParser.load(path: directory.appendingPathComponent(name).path)
            for entry in spec.resources {
                #expect(ResourceKind(rawValue: entry.type) != nil, "\(name): \(entry.type)")
                for use in entry.checks {
                    #expect(Catalogue.check(id: use.id) != nil, "\(name): \(use.id)")
                }
            }
        }
    }
}
