import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `check`, `test` and `explore`, run in-process: exit codes and output.
@Suite struct LabCommandTests {
  static let clean = Paths.repository + "/Tests/Fixtures/Lab/clean.yaml"
  static let flawed = Paths.repository + "/Tests/Fixtures/Lab/flawed.yaml"

  func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// A folder holding copies of the given fixtures, for commands' default paths.
  func folder(with files: [String]) throws -> String {
    let folder = Paths.temporaryFolder()
    for file in files {
      try FileManager.default.copyItem(atPath: file, toPath: folder + "/" + (file as NSString).lastPathComponent)
    }
    return folder
  }

  // MARK: - check

  @Test func checkPassesACleanFile() {
    let result = overlap("check", Self.clean)
    #expect(result.status == 0)
    #expect(result.out == "1 file checked: 0 errors, 0 warnings\n")
  }

  @Test func warningsFailOnlyWhenStrict() {
    let relaxed = overlap("check", Paths.tiny)
    #expect(relaxed.status == 0)
    #expect(relaxed.out.contains("tiny.yaml:45:9: warning: choice 'gamble' has no teaching note"))
    #expect(overlap("check", "--strict", Paths.tiny).status == 1)
    #expect(overlap("check", "--strict", Self.clean).status == 0)
  }

  @Test func errorsFailAndEveryLineHasAPosition() throws {
    let result = overlap("check", Self.flawed)
    #expect(result.status == 1)
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.last == "1 file checked: 7 errors, 21 warnings")
    let pattern = try Regex(#"^.+Lab/flawed\.yaml:\d+:\d+: (error|warning): .+$"#)
    for line in lines.dropLast() { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
    #expect(result.out.contains("flawed.yaml:37:9: error: choice 'impossible' is never offered"))
  }

  @Test func checkJSONListsTheFindings() throws {
    let result = overlap("check", Self.flawed, Self.clean, "--format", "json")
    #expect(result.status == 1)
    let document = try json(result.out)
    #expect(document["errors"] as? Int == 7)
    #expect(document["warnings"] as? Int == 21)
    #expect((document["files"] as? [String])?.count == 2)
    let findings = try #require(document["findings"] as? [[String: Any]])
    #expect(findings.count == 28)
    #expect(Set(findings[0].keys) == ["path", "line", "column", "severity", "rule", "message"])
    #expect(findings.contains { $0["rule"] as? String == "unreachable-scene" && $0["line"] as? Int == 72 })
  }

  @Test func checkDefaultsToTheScenariosFolder() throws {
    let folder = try folder(with: [Self.clean, Self.flawed])
    let result = overlap("check", "--scenarios", folder)
    #expect(result.status == 1)
    #expect(result.out.hasSuffix("2 files checked: 7 errors, 21 warnings\n"))
  }

  @Test func checkReportsWhatTheLoaderRejects() throws {
    let folder = Paths.temporaryFolder()
    let file = folder + "/broken.yaml"
    try "id: broken\ntitle: [unclosed\n".write(toFile: file, atomically: true, encoding: .utf8)
    let result = overlap("check", file)
    #expect(result.status == 1)
    #expect(result.out.hasPrefix(file + ":3:1: error: YAML syntax"))
  }

  @Test func checkMissingInputIs66() {
    #expect(overlap("check", "/nonexistent/scenario.yaml").status == 66)
    #expect(overlap("check", "--scenarios", Paths.temporaryFolder()).status == 66)
  }

  @Test func aMissingFileDoesNotStopTheOthersBeingChecked() {
    let result = overlap("check", "/nonexistent/scenario.yaml", Self.flawed)
    #expect(result.status == 66)
    #expect(result.err.contains("/nonexistent/scenario.yaml: no such file"))
    #expect(result.out.contains("flawed.yaml:"))
    #expect(result.out.contains("1 file checked"))
    let tests = overlap("test", "/nonexistent/scenario.yaml", Self.clean)
    #expect(tests.status == 1)
    #expect(tests.out.contains("FAIL /nonexistent/scenario.yaml: no such file"))
  }

  // MARK: - test

  @Test func testPrintsOneLinePerTestAndTheTotals() {
    let result = overlap("test", Self.clean)
    #expect(result.status == 0)
    #expect(result.out == """
      ok   lab-clean: a promise then a celebration is fine
      ok   lab-clean: a promise and tools thrive
      2 passed, 0 failed

      """)
  }

  @Test func aFailingTestSaysWhatDifferedAndWhen() {
    let result = overlap("test", Self.flawed, Self.clean)
    #expect(result.status == 1)
    let lines = result.out.split(separator: "\n").map(String.init)
    #expect(lines.first == "FAIL lab-flawed: twice")
    #expect(lines[1].hasSuffix("flawed.yaml:104:5: turn 2: expected ending 'good', but the game ended in 'anyway' (mixed)"))
    #expect(lines.last == "3 passed, 1 failed")
  }

  @Test func aScenarioThatDoesNotLoadCountsAsAFailure() throws {
    let folder = try folder(with: [Self.clean])
    try "id: broken\n".write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
    let result = overlap("test", "--scenarios", folder)
    #expect(result.status == 1)
    #expect(result.out.contains("FAIL \(folder)/broken.yaml: the scenario does not load"))
    #expect(result.out.hasSuffix("2 passed, 1 failed\n"))
  }

  @Test func junitReportIsWritten() throws {
    let file = Paths.temporaryFolder() + "/results.xml"
    let result = overlap("test", Self.flawed, Self.clean, "--junit", file)
    #expect(result.status == 1)
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let xml = String(decoding: data, as: UTF8.self)
    #expect(xml.contains(#"<testsuites name="overlap test" tests="4" failures="1" errors="0""#))
    #expect(xml.contains(#"<testsuite name="lab-clean" tests="2" failures="0""#))
    #expect(XMLParser(data: data).parse())
    #expect(overlap("test", Self.clean, "--junit", "/nonexistent/folder/results.xml").status == 74)
  }

  // MARK: - explore

  /// Transcripts for an author to read: likely and rare paths per strategy, one per ending.
  @Test func exploreWritesTranscriptsToRead() throws {
    let folder = Paths.temporaryFolder() + "/transcripts"
    let result = overlap("explore", Paths.tiny, "--transcripts", "2", "--out", folder, "--runs", "200", "--strategy", "leader")
    #expect(result.status == 0, "\(result.err)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files.contains("index.txt"))
    #expect(files.contains { $0.hasPrefix("01-leader-most-likely-") })
    #expect(files.contains { $0.contains("-leader-rare-") })
    #expect(files.contains { $0.contains("-ending-") })
    let first = try String(contentsOfFile: folder + "/" + (files.first { $0.hasPrefix("01-") } ?? ""), encoding: .utf8)
    #expect(first.contains("Replay: overlap run \(Paths.tiny) --seed "))
    #expect(first.contains("== Turn 1: Kickoff [kickoff]"))
    #expect(first.contains("> 1. [leader] Share the vision"))
    #expect(first.contains("== Ending: "))
    let replay = first.split(separator: "\n")[1].split(separator: " ")
    let seed = String(replay[5])
    let moves = String(replay[7])
    #expect(overlap("run", Paths.tiny, "--seed", seed, "--moves", moves).status == 0)
    #expect(overlap("explore", Paths.tiny, "--transcripts", "2").status == 64)
  }

  @Test func exploreJSONHasTheDocumentedKeys() throws {
    let result = overlap("explore", Self.clean, "--runs", "300", "--format", "json", "--jobs", "2")
    #expect(result.status == 0)
    let document = try json(result.out)
    for key in ["scenario", "runs", "turns", "seconds", "strategies", "coverage", "unreached"] {
      #expect(document[key] != nil, "missing \(key)")
    }
    #expect(document["scenario"] as? String == "lab-clean")
    #expect(document["runs"] as? Int == 1200)
    #expect(document["turns"] as? Int == 2400)
    let strategies = try #require(document["strategies"] as? [String: [String: Any]])
    #expect(Set(strategies.keys) == ["random", "leader", "manager", "balanced"])
    let leader = try #require(strategies["leader"])
    #expect(leader["endings"] as? [String: Int] == ["thrive": 0, "grind": 0, "fine": 300])
    #expect(leader["tones"] as? [String: Int] == ["success": 0, "mixed": 300, "failure": 0])
    let morale = try #require((leader["meters"] as? [String: [String: Any]])?["morale"])
    #expect(Set(morale.keys) == ["mean", "p10", "p50", "p90", "min", "max"])
    #expect(morale["p50"] as? Int == 65)
    let coverage = try #require(document["coverage"] as? [String: [String: Int]])
    #expect(coverage["choices"] == ["reached": 5, "total": 5])
    #expect(document["states"] == nil)
  }

  @Test func exploreRepeatsForASeedWhateverTheJobs() throws {
    func counts(_ arguments: String...) throws -> String {
      var document = try json(overlapArray(["explore", Paths.tiny, "--format", "json", "--runs", "500"] + arguments).out)
      document["seconds"] = nil
      document["turnsPerSecond"] = nil
      document["jobs"] = nil
      return String(decoding: try JSONSerialization.data(withJSONObject: document, options: .sortedKeys), as: UTF8.self)
    }
    let first = try counts("--seed", "5", "--jobs", "1")
    #expect(first == (try counts("--seed", "5", "--jobs", "2")))
    #expect(first != (try counts("--seed", "6", "--jobs", "1")))
  }

  @Test func exploreOneStrategy() throws {
    let document = try json(overlap("explore", Paths.tiny, "--strategy", "manager", "--runs", "50", "--format", "json").out)
    #expect((document["strategies"] as? [String: Any])?.keys.sorted() == ["manager"])
    #expect(document["runs"] as? Int == 50)
  }

  @Test func exploreTextShowsEndingsCoverageAndFindings() {
    let result = overlap("explore", Paths.tiny, "--runs", "400")
    #expect(result.status == 0)
    #expect(result.out.hasPrefix("Explored 'A tiny test scenario' (tiny): 4 strategies × 400 runs, 4800 turns in "))
    #expect(result.out.contains("Coverage: scenes 4/4, choices 10/10, events 0/1, endings 2/3"))
    #expect(result.out.contains("  never reached endings: collapse"))
    #expect(result.out.contains("  thrive: overlap run \(Paths.tiny) --seed "))
    #expect(result.out.contains("Findings:\n  - ending 'collapse' never reached in these runs"))
  }

  @Test func exhaustiveExploreGivesStatesAndExactProbabilities() throws {
    let result = overlap("explore", Paths.tiny, "--exhaustive", "--format", "json")
    #expect(result.status == 0)
    let document = try json(result.out)
    #expect(document["mode"] as? String == "exhaustive")
    #expect((document["states"] as? Int ?? 0) > 0)
    #expect(document["probabilities"] as? [String: Double] == ["collapse": 0, "thrive": 0.333333333333, "muddle": 0.666666666667])
    let unreached = try #require(document["unreached"] as? [String: [String]])
    #expect(unreached["endings"] == ["collapse"])
    #expect(unreached["events"] == ["slump"])
  }

  @Test func exhaustiveExploreGivesUpPastMaxStates() {
    let result = overlap("explore", Paths.tiny, "--exhaustive", "--max-states", "3")
    #expect(result.status == 1)
    #expect(result.err.contains("gave up: playing 'random', the game reaches more than 3 distinct states"))
    #expect(result.out.isEmpty)
  }

  @Test(arguments: [
    ["--runs", "0"], ["--jobs", "0"], ["--max-states", "0"], ["--exhaustive", "--runs", "5"],
    ["--exhaustive", "--seed", "2"], ["--strategy", "sneaky"],
  ])
  func exploreRejectsBadOptionsAsUsage(arguments: [String]) {
    #expect(overlapArray(["explore", Paths.tiny] + arguments).status == 64)
  }

  @Test func exploreMissingScenarioIs66() {
    #expect(overlap("explore", "no-such-scenario", "--scenarios", Paths.temporaryFolder()).status == 66)
  }
}
