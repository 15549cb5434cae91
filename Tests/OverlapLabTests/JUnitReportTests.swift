import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct JUnitReportTests {
  func report() -> JUnitReport {
    var failing = TestOutcome(scenario: "s", path: "a&b.yaml", name: "say \"hi\" <now>", location: SourceLocation(line: 4, column: 5))
    failing.failures = [.init(turn: 2, message: "expected 'x'\u{1}, got & 'y'")]
    failing.seconds = 0.0125
    let passing = TestOutcome(scenario: "s", path: "a&b.yaml", name: "fine", location: SourceLocation(line: 9, column: 5))
    return JUnitReport(suites: [
      .init(name: "s", path: "a&b.yaml", outcomes: [failing, passing]),
      .init(name: "broken.yaml", path: "broken.yaml", outcomes: [], problem: "broken.yaml:1:1: error: empty"),
    ])
  }

  @Test func countsAndEscapes() {
    let xml = report().xml
    #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    #expect(xml.contains(#"<testsuites name="overlap test" tests="3" failures="1" errors="1" time="0.013">"#))
    #expect(xml.contains(#"<testcase name="say &quot;hi&quot; &lt;now&gt;" classname="s" file="a&amp;b.yaml" line="4" time="0.013">"#))
    #expect(xml.contains(#"<failure message="turn 2: expected &apos;x&apos;, got &amp; &apos;y&apos;">"#))
    #expect(xml.contains(#"<testcase name="fine" classname="s" file="a&amp;b.yaml" line="9" time="0.000"/>"#))
    #expect(xml.contains(#"<error message="the scenario does not load">broken.yaml:1:1: error: empty</error>"#))
    #expect(!xml.contains("\u{1}"))
  }

  @Test func isWellFormedXML() {
    final class Counter: NSObject, XMLParserDelegate {
      var elements: [String] = []
      func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
      }
    }
    let counter = Counter()
    let parser = XMLParser(data: Data(report().xml.utf8))
    parser.delegate = counter
    #expect(parser.parse())
    #expect(counter.elements == ["testsuites", "testsuite", "testcase", "failure", "testcase", "testsuite", "testcase", "error"])
  }
}
