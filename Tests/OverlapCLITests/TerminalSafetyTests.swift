import Foundation
import OverlapEngine
import Testing

/// Scenario text, saves, team names and file names can hold terminal controls; no command
/// may pass them on raw (issue #10, terminal safety).
@Suite struct TerminalSafetyTests {
  static let folder = Paths.repository + "/Tests/Fixtures/Hostile"
  static let hostile = folder + "/hostile.yaml"

  /// What in `text` a terminal would act on: controls other than newline and tab, and any
  /// escape except the SGR colour codes the program paints with (when `colour` is allowed).
  /// Written apart from `TerminalSafe`, so the test does not trust what it tests.
  func unsafe(_ text: String, colour: Bool = false) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var found: [String] = []
    var index = 0
    while index < scalars.count {
      let value = scalars[index].value
      if value == 0x1B, colour,
        let match = String(String.UnicodeScalarView(scalars[index...].prefix(16)))
          .prefixMatch(of: /\u{1B}\[(?:[012]|3[1-7])(?:;(?:[012]|3[1-7]))*m/)
      {
        index += match.output.unicodeScalars.count
        continue
      }
      let control = value < 0x20 && value != 0x0A && value != 0x09
      let c1 = (0x7F...0x9F).contains(value)
      let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      if control || c1 || bidi { found.append("U+" + String(value, radix: 16) + " at \(index)") }
      index += 1
    }
    return found
  }

  /// A game of the hostile scenario, played to its end in `saves`.
  func played(saves: String) -> CommandResult {
    overlapArray(["play", "--plain", Self.hostile, "--seed", "1", "--saves", saves], input: ["1"])
  }

  @Test func theFixtureReallyHoldsControls() throws {
    let scenario = try ScenarioLoader.load(path: Self.hostile)
    #expect(!unsafe(scenario.title).isEmpty)
    #expect(!unsafe(scenario.scenes[0].text.plain).isEmpty)
  }

  @Test func runPrintsNoControls() {
    let result = overlap("run", Self.hostile, "--moves", "1")
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("Hostile ^[]0;pwned^G title"))
    #expect(unsafe(result.out) == [])
    #expect(unsafe(result.err) == [])
  }

  @Test func plainPlayPrintsNoControls() {
    let result = played(saves: Paths.temporaryFolder())
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("Hidden ^[[8mtext^[[0m and a bell ^G and C1 <U+009B>2J and <U+202E>reversed"))
    #expect(result.out.contains("Lead ^[]0;lead^G on"))
    #expect(result.out.contains("The end ^[c reset"))
    #expect(unsafe(result.out) == [])
    #expect(unsafe(result.err) == [])
  }

  @Test(arguments: ["text", "markdown", "html", "json"])
  func debriefPrintsNoControls(format: String) throws {
    let saves = Paths.temporaryFolder()
    _ = played(saves: saves)
    let result = overlap(
      "debrief", try onlyAutosave(in: saves), "--saves", saves, "--scenarios", Self.folder, "--format", format)
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("pwned"))
    #expect(unsafe(result.out) == [])
  }

  @Test(arguments: ["text", "markdown", "html"])
  func debriefFilesHoldNoControls(format: String) throws {
    let saves = Paths.temporaryFolder()
    _ = played(saves: saves)
    let file = saves + "/debrief.\(format)"
    let result = overlap(
      "debrief", try onlyAutosave(in: saves), "--saves", saves, "--scenarios", Self.folder, "--format", format,
      "--output", file)
    #expect(result.status == 0, "\(result.err)")
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.contains("pwned"))
    #expect(unsafe(written) == [])
    // A page has no use for the controls, so it drops them rather than spelling them out.
    if format == "html" { #expect(!written.contains("^[") && !written.contains("<U+")) }
  }

  /// On a terminal the text debrief is in colour: its own SGR codes pass, and nothing else.
  /// util-linux `script` gives the debrief a terminal (Swift's Glibc has no posix_openpt).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script"))
  func aColourDebriefOnATerminalKeepsOnlyItsOwnColours() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Paths.binary), "build the overlap binary first")
    let saves = Paths.temporaryFolder()
    _ = played(saves: saves)
    let quoted = [Paths.binary, "debrief", try onlyAutosave(in: saves), "--saves", saves, "--scenarios", Self.folder]
      .map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["--quiet", "--return", "--command", quoted.joined(separator: " "), "/dev/null"]
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = nil
    environment["TERM"] = "xterm-256color"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    // The terminal turns each newline into CR LF on its way out.
    let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    #expect(text.contains("\u{1B}[1m"))
    #expect(text.contains("^[]0;pwned^G"))
    #expect(unsafe(text, colour: true) == [])
  }

  @Test func testAndItsJUnitReportHoldNoControls() throws {
    let junit = Paths.temporaryFolder() + "/junit.xml"
    let result = overlap("test", Self.hostile, "--junit", junit)
    // The fixture's second test fails on purpose, so its failure text is printed too.
    #expect(result.status == 1)
    #expect(result.out.contains("FAIL hostile: fails ^[[2J on purpose"))
    #expect(unsafe(result.out) == [])
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("leads ]0;test"))
    // XML 1.0 allows no C0 control but tab, newline and carriage return.
    #expect(unsafe(xml) == [])
  }

  @Test func scenariosListsNoControls() {
    let result = overlap("scenarios", "--scenarios", Self.folder)
    #expect(result.status == 0)
    #expect(result.out.contains("Hostile ^[]0;pwned^G title"))
    #expect(unsafe(result.out) == [])
  }

  @Test func checkEchoesNoControls() throws {
    let folder = Paths.temporaryFolder()
    let broken = try String(contentsOfFile: Self.hostile, encoding: .utf8)
      .replacingOccurrences(of: "    ending: done\n", with: "    ending: \"\\e]0;x\\a\\u009B\"\n")
    try broken.write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
    for arguments in [[folder + "/broken.yaml"], [Self.hostile, "--format", "json"]] {
      let result = overlapArray(["check"] + arguments)
      #expect(unsafe(result.out) == [])
      #expect(unsafe(result.err) == [])
    }
    let result = overlap("check", folder + "/broken.yaml")
    #expect(result.status == 1)
    #expect(result.out.contains("expects the ending '^[]0;x^G<U+009B>'"))
  }

  @Test func aFileNameWithControlsIsShownNotSent() throws {
    let folder = Paths.temporaryFolder()
    let path = folder + "/evil\u{1B}]0;x\u{07}.yaml"
    try "id: [".write(toFile: path, atomically: true, encoding: .utf8)
    let result = overlap("check", path)
    #expect(result.out.contains("evil^[]0;x^G.yaml:"))
    #expect(unsafe(result.out) == [])
    #expect(unsafe(overlap("run", folder + "/missing\u{1B}[2J.yaml", "--moves", "1").err) == [])
  }

  // MARK: - Team names and saves

  @Test func aTeamNameWithControlsIsRefused() {
    for name in ["A\u{1B}]0;x\u{07}", "Ana\r\nBo", "Tab\tbed"] {
      let result = overlapArray(
        ["play", "--plain", Paths.tiny, "--team", name, "--saves", Paths.temporaryFolder()], input: ["q"])
      #expect(result.status == 64)
      #expect(result.err.contains("--team names cannot hold control characters"))
      #expect(unsafe(result.err) == [])
    }
  }

  /// A save from elsewhere whose player names hold controls and line breaks.
  func hostileSaves() throws -> String {
    let saves = Paths.temporaryFolder()
    for (slot, moves) in [("one", "vision,rally,finish-manage"), ("two", "plan,control,finish-lead")] {
      #expect(overlap("run", Paths.tiny, "--moves", moves, "--save", slot, "--saves", saves).status == 0)
      let path = saves + "/\(slot).json"
      let json = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
        of: #""players" : []"#, with: #""players" : ["Ana\r\nBo | Cy", "Di\u001b]0;x\u0007\u001b[8m"]"#)
      try json.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return saves
  }

  @Test(arguments: ["text", "markdown", "html", "json"])
  func playerNamesFromASaveAreShownNotSent(format: String) throws {
    let saves = try hostileSaves()
    let scenarios = Paths.repository + "/Tests/Fixtures"
    let single = overlap("debrief", "one", "--saves", saves, "--scenarios", scenarios, "--format", format)
    let both = overlap("debrief", "one", "two", "--saves", saves, "--scenarios", scenarios, "--format", format)
    for result in [single, both] {
      #expect(result.status == 0, "\(result.err)")
      #expect(result.out.contains("Di"))
      #expect(unsafe(result.out) == [])
    }
  }

  @Test func aCRLFInATeamNameKeepsTheClassTableOneRowPerRun() throws {
    let saves = try hostileSaves()
    let result = overlap(
      "debrief", "one", "two", "--saves", saves, "--scenarios", Paths.repository + "/Tests/Fixtures", "--format",
      "markdown")
    let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
    let header = try #require(lines.firstIndex { $0.hasPrefix("| team / player") })
    let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
    #expect(rows.count == 2)
    for row in rows {
      #expect(row.contains(#"Ana  Bo \| Cy"#))
      // Every row has the header's number of cells: pipes inside names are escaped.
      #expect(row.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
        == lines[header].filter { $0 == "|" }.count)
    }
  }
}
