import Foundation
import Testing

/// Every error and warning the CLI prints is one line, whatever it echoes (issue #10).
@Suite struct OneLineMessageTests {
  /// Each line of standard error, checked to be one message.
  func expectOneLinePerMessage(_ err: String, _ comment: Comment? = nil) {
    for line in err.split(separator: "\n") {
      #expect(line.hasPrefix("overlap: ") || line.contains(": error: ") || line.contains(": warning: "), comment)
    }
  }

  @Test func aMoveTypedAcrossLinesStaysOnOneLine() {
    let result = overlap("run", Paths.tiny, "--moves", "vis\nion")
    #expect(result.status == 65)
    #expect(result.err == #"overlap: turn 1: 'vis\nion' is not a choice offered in scene 'kickoff' (offered: vision, plan, gamble); did you mean 'vision'?"# + "\n")
  }

  @Test func aBlockMoveIdInAScenarioTestStaysOnOneLine() throws {
    let folder = Paths.temporaryFolder()
    let scenario = try String(contentsOfFile: Paths.tiny, encoding: .utf8).replacingOccurrences(
      of: "    moves: [vision, rally, finish-manage]\n",
      with: "    moves:\n      - |-\n        vision\n        rally\n      - rally\n")
    let path = folder + "/multi.yaml"
    try scenario.write(toFile: path, atomically: true, encoding: .utf8)
    let check = overlap("check", path)
    #expect(check.status == 1)
    #expect(check.out.contains(#"has the move 'vision\nrally', which is neither"#))
    let test = overlap("test", path)
    for line in test.out.split(separator: "\n") {
      #expect(["ok ", "FAIL ", "     ", "0 passed"].contains { line.hasPrefix($0) }, "\(line)")
    }
  }

  @Test func aHugeMoveIdIsCutShort() throws {
    let file = Paths.temporaryFolder() + "/moves.txt"
    try String(repeating: "x", count: 10_000_000).write(toFile: file, atomically: true, encoding: .utf8)
    let result = overlap("run", Paths.tiny, "--moves-file", file)
    #expect(result.status == 65)
    #expect(result.err.count < 300)
    #expect(result.err.contains("'" + String(repeating: "x", count: 60) + "...'"))
  }

  @Test func aBadValueTypedAcrossLinesKeepsTheErrorOnOneLine() {
    let result = overlap("run", Paths.tiny, "--seed", "1\n2")
    #expect(result.status == 64)
    #expect(result.err.hasPrefix(#"Error: The value '1\n2' is invalid for '--seed <seed>'"# + "\n"))
  }

  @Test func warningsNamingAFileWithALineBreakStayOnOneLine() throws {
    let folder = Paths.temporaryFolder()
    let path = folder + "/two\nlines.yaml"
    let scenario = try String(contentsOfFile: Paths.tiny, encoding: .utf8)
    let tests = try #require(scenario.range(of: "tests:"))
    try String(scenario[..<tests.lowerBound]).write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = overlap("test", path)
    #expect(result.err == #"overlap: warning: \#(folder)/two\nlines.yaml has no tests; add some under 'tests:'"# + "\n")
    expectOneLinePerMessage(overlap("check", folder + "/missing\nfile.yaml").err)
  }
}
