import OverlapEngine

/// JUnit XML, the test report format CI systems read: one `<testsuite>` per
/// scenario file and one `<testcase>` per scenario test.
public struct JUnitReport: Sendable {
  /// One scenario file's results, or the reason it could not run.
  public struct Suite: Sendable {
    public var name: String
    public var path: String
    public var outcomes: [TestOutcome]
    /// Set when the file did not load, so none of its tests ran.
    public var problem: String?

    public init(name: String, path: String, outcomes: [TestOutcome], problem: String? = nil) {
      self.name = name
      self.path = path
      self.outcomes = outcomes
      self.problem = problem
    }

    /// Tests that ran and failed.
    public var failures: Int { outcomes.count { !$0.passed } }
    /// 1 when the file did not load, else 0.
    public var errors: Int { problem == nil ? 0 : 1 }
    public var tests: Int { outcomes.count + errors }
    var seconds: Double { outcomes.reduce(0) { $0 + $1.seconds } }
  }

  public var suites: [Suite]

  public init(suites: [Suite]) {
    self.suites = suites
  }

  public var xml: String {
    let tests = suites.reduce(0) { $0 + $1.tests }
    let failures = suites.reduce(0) { $0 + $1.failures }
    let errors = suites.reduce(0) { $0 + $1.errors }
    let seconds = suites.reduce(0) { $0 + $1.seconds }
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<testsuites name="overlap test" tests="\#(tests)" failures="\#(failures)" errors="\#(errors)" time="\#(Self.time(seconds))">"#,
    ]
    for suite in suites {
      let counts = #"tests="\#(suite.tests)" failures="\#(suite.failures)" errors="\#(suite.errors)""#
      lines.append(
        #"  <testsuite name="\#(Self.escape(suite.name))" \#(counts) time="\#(Self.time(suite.seconds))" file="\#(Self.escape(suite.path))">"#)
      if let problem = suite.problem {
        lines.append(#"    <testcase name="loads" classname="\#(Self.escape(suite.name))" file="\#(Self.escape(suite.path))" time="0.000">"#)
        lines.append(#"      <error message="the scenario does not load">\#(Self.escape(problem))</error>"#)
        lines.append("    </testcase>")
      }
      for outcome in suite.outcomes {
        let attributes =
          #"name="\#(Self.escape(outcome.name))" classname="\#(Self.escape(suite.name))" "#
          + #"file="\#(Self.escape(outcome.path))" line="\#(outcome.location.line)" time="\#(Self.time(outcome.seconds))""#
        if outcome.passed {
          lines.append("    <testcase \(attributes)/>")
          continue
        }
        lines.append("    <testcase \(attributes)>")
        let details = outcome.failures.map(\.description).joined(separator: "\n")
        lines.append(#"      <failure message="\#(Self.escape(outcome.failures[0].description))">\#(Self.escape(details))</failure>"#)
        lines.append("    </testcase>")
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  static func time(_ seconds: Double) -> String {
    let millis = Int((seconds * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }

  /// Escapes markup and drops the control characters XML 1.0 cannot hold, with the C1
  /// controls and bidirectional overrides that a terminal showing the file would act on.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      default:
        if TerminalSafe.isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
