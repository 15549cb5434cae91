import Foundation
import OverlapTUI
import Testing

@testable import OverlapCLI

/// Runs `overlap debrief` in-process on saves of the tiny fixture.
@Suite struct DebriefCommandTests {
  /// A saves folder with three finished tiny games, and the folder holding tiny.yaml.
  struct Class {
    let saves = Paths.temporaryFolder()
    let scenarios = (Paths.tiny as NSString).deletingLastPathComponent

    init(
      _ games: [String: String] = [
        "team-a": "vision,control,finish-manage", "team-b": "plan,rally,finish-manage", "team-c": "2,1,1",
      ]
    ) {
      for (name, moves) in games.sorted(by: { $0.key < $1.key }) {
        let result = overlap("run", Paths.tiny, "--moves", moves, "--save", name, "--saves", saves)
        precondition(result.status == 0, result.err)
      }
    }

    func debrief(_ arguments: String...) -> CommandResult {
      overlapArray(["debrief"] + arguments + ["--saves", saves, "--scenarios", scenarios])
    }

    func write(_ text: String, to name: String) throws {
      try text.write(toFile: saves + "/" + name, atomically: true, encoding: .utf8)
    }
  }

  /// Output without ANSI colour codes, which appear when the tests run on a terminal.
  func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  @Test func oneSaveByNameOrPathGivesItsDebrief() throws {
    let room = Class()
    let byName = room.debrief("team-a")
    #expect(byName.status == 0)
    let text = plain(byName.out)
    #expect(text.hasPrefix("Debrief: A tiny test scenario\nteam-a "))
    #expect(text.contains("Ending: Muddling through [mixed]"))
    #expect(text.contains("The turns that moved the meters most"))
    #expect(byName.err.isEmpty)
    let byPath = room.debrief(room.saves + "/team-a.json")
    #expect(plain(byPath.out) == text)
  }

  @Test func aFolderGivesAClassDebriefAndSkipsWhatItCannotRead() throws {
    let room = Class()
    try room.write("{\"formatVersion\": 1, \"moves\": [", to: "broken.json")
    try room.write("not a save at all", to: "team-a.json.bak")
    let result = room.debrief(room.saves)
    #expect(result.status == 0)
    #expect(result.err.contains("broken.json: not a readable save"))
    #expect(result.err.contains("skipped"))
    #expect(!result.err.contains(".bak"))
    let text = plain(result.out)
    #expect(text.contains("Class debrief: A tiny test scenario (tiny)"))
    #expect(text.contains("3 runs · seed 1"))
    for name in ["team-a", "team-b", "team-c"] { #expect(text.contains("  \(name) "), "missing \(name)") }
  }

  @Test func severalSavesByNameAreComparedToo() throws {
    let room = Class()
    let result = room.debrief("team-b", "team-c", "--format", "json")
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let groups = try #require(object["groups"] as? [[String: Any]])
    let runs = try #require(groups.first?["runs"] as? [[String: Any]])
    #expect(runs.map { $0["name"] as? String } == ["team-b", "team-c"])
  }

  @Test func singleSaveJSONIsTheDebriefItself() throws {
    let result = Class().debrief("team-b", "--format", "json")
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    #expect((object["ending"] as? [String: Any])?["id"] as? String == "thrive")
    #expect(object["seed"] as? Int == 1)
    #expect((object["keyTurns"] as? [Any])?.count == 2)
  }

  @Test func savesFromDifferentScenariosAreGroupedByScenario() throws {
    let room = Class(["team-a": "vision,control,finish-manage"])
    let scenarios = Paths.temporaryFolder()
    try FileManager.default.copyItem(atPath: Paths.tiny, toPath: scenarios + "/tiny.yaml")
    try FileManager.default.copyItem(
      atPath: Paths.repository + "/Tests/Fixtures/Lab/clean.yaml", toPath: scenarios + "/lab-clean.yaml")
    #expect(
      overlap("run", "lab-clean", "--scenarios", scenarios, "--moves", "1,1", "--save", "solo", "--saves", room.saves)
        .status == 0)
    let result = overlap("debrief", room.saves, "--saves", room.saves, "--scenarios", scenarios, "--format", "markdown")
    #expect(result.status == 0)
    #expect(result.out.hasPrefix("# Class debrief\n"))
    #expect(result.out.contains("## Scenario: A tiny test scenario (`tiny`)"))
    #expect(result.out.contains("## Scenario: Standup (`lab-clean`)"))
  }

  @Test func aMissingSaveExits66AndListsTheSaves() {
    let result = Class().debrief("team-a", "no-such-team")
    #expect(result.status == 66)
    #expect(result.err.contains("no-such-team.json: no such save (saves: team-a, team-b, team-c)"))
    #expect(result.out.isEmpty)
  }

  @Test func savesThatCannotBeReadExit65() throws {
    let room = Class([:])
    try room.write("{}", to: "one.json")
    try room.write("", to: "two.json")
    let folder = room.debrief(room.saves)
    #expect(folder.status == 65)
    #expect(folder.err.contains("one.json"))
    #expect(folder.err.contains("two.json"))
    #expect(folder.err.contains("none of the saves could be read"))
    let lone = room.debrief("two")
    #expect(lone.status == 65)
    #expect(lone.err.contains("two.json: not a readable save: the file is empty"))
  }

  @Test func aSaveWhoseScenarioIsMissingExits66() {
    let room = Class(["team-a": "1"])
    let result = overlap("debrief", "team-a", "--saves", room.saves, "--scenarios", Paths.temporaryFolder())
    #expect(result.status == 66)
  }

  @Test(arguments: [["debrief"], ["debrief", "--format", "pdf", "x"]])
  func badUsageExits64(arguments: [String]) {
    #expect(overlapArray(arguments).status == 64)
  }

  @Test func anEmptyFolderExits66() {
    let result = overlap("debrief", Paths.temporaryFolder())
    #expect(result.status == 66)
    #expect(result.err.contains("no saves (*.json) in this folder"))
  }

  @Test func outputGoesToAFileWrittenWhole() throws {
    let room = Class()
    let target = Paths.temporaryFolder() + "/class.html"
    try "old".write(toFile: target, atomically: true, encoding: .utf8)
    let result = room.debrief(room.saves, "--format", "html", "--output", target)
    #expect(result.status == 0)
    #expect(result.out.contains("Wrote the class debrief of 3 runs to \(target)."))
    let html = try String(contentsOfFile: target, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("Class debrief: A tiny test scenario"))
    #expect(html == room.debrief(room.saves, "--format", "html").out)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent)
    #expect(leftovers == ["class.html"])
  }

  @Test func anUnwritableOutputExits74() {
    let room = Class(["team-a": "1,1,1"])
    let result = room.debrief("team-a", "--output", "/no/such/folder/debrief.md", "--format", "markdown")
    #expect(result.status == 74)
    #expect(result.err.contains("/no/such/folder/debrief.md: cannot write"))
  }

  @Test func outputDashMeansStandardOutput() {
    let room = Class(["team-a": "1,1,1"])
    let result = room.debrief("team-a", "--output", "-", "--format", "markdown")
    #expect(result.status == 0)
    #expect(result.out == room.debrief("team-a", "--format", "markdown").out)
    #expect(!FileManager.default.fileExists(atPath: "-"))
  }

  /// A pipe or a device is written as it is, never replaced by a regular file.
  @Test func outputToAPipeOrDeviceIsWrittenInPlace() throws {
    let room = Class(["team-a": "1,1,1"])
    #expect(room.debrief("team-a", "--output", "/dev/null").status == 0)
    var status = stat()
    lstat("/dev/null", &status)
    #expect(status.st_mode & S_IFMT == S_IFCHR)

    let fifo = Paths.temporaryFolder() + "/debrief.fifo"
    mkfifo(fifo, 0o600)
    // Opening a FIFO to write waits for a reader, as a shell's `cat fifo` would be.
    let reader = Thread {
      let descriptor = open(fifo, O_RDONLY)
      var buffer = [UInt8](repeating: 0, count: 4096)
      while read(descriptor, &buffer, buffer.count) > 0 {}
      close(descriptor)
    }
    reader.start()
    #expect(room.debrief("team-a", "--output", fifo, "--format", "markdown").status == 0)
    lstat(fifo, &status)
    #expect(status.st_mode & S_IFMT == S_IFIFO)
  }

  @Test func outputToALinkOrAFolderIsRefused() throws {
    let room = Class(["team-a": "1,1,1"])
    let folder = Paths.temporaryFolder()
    try "keep".write(toFile: folder + "/real.md", atomically: true, encoding: .utf8)
    symlink(folder + "/real.md", folder + "/link.md")
    let linked = room.debrief("team-a", "--output", folder + "/link.md", "--format", "markdown")
    #expect(linked.status == 64)
    #expect(linked.err.contains("link.md: is a symbolic link"))
    #expect(try String(contentsOfFile: folder + "/real.md", encoding: .utf8) == "keep")
    let intoFolder = room.debrief("team-a", "--output", folder)
    #expect(intoFolder.status == 64)
    #expect(intoFolder.err.contains("is a folder"))
  }

  @Test func quizAnswersAndTeamsInTheSaveAppearInTheDebrief() throws {
    let room = Class(["team-a": "vision,control,finish-manage"])
    let path = room.saves + "/team-a.json"
    var save = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    save["players"] = ["Ana", "Ben"]
    save["quiz"] = ["leader", "leader", NSNull()]
    try JSONSerialization.data(withJSONObject: save).write(to: URL(fileURLWithPath: path))
    let text = plain(room.debrief("team-a").out)
    #expect(text.contains("Team: Ana, Ben"))
    #expect(text.contains("1 of 3 styles named correctly (33%)."))
    #expect(text.contains("Missed: turn 2 (said leader, was manager); turn 3 (no answer, was manager)."))
  }
}

@Suite struct DebriefTerminalTraitsTests {
  @Test(arguments: [
    (["LANG": "en_GB.UTF-8"], true),
    (["LC_ALL": "C", "LANG": "en_GB.UTF-8"], false),
    (["LC_CTYPE": "de_DE.utf8"], true),
    (["LC_ALL": "", "LANG": "C.UTF-8"], true),
    ([:], false),
    (["LANG": "POSIX"], false),
  ])
  func theLocaleDecidesBetweenUnicodeAndASCII(environment: [String: String], unicode: Bool) {
    #expect(Capabilities.prefersUnicode(environment) == unicode)
  }

  @Test func filesGetNoColourAndAUsableWidth() {
    let traits = TerminalTraits.current(writingToFile: true, environment: ["COLUMNS": "20", "LANG": "C.UTF-8"])
    #expect(!traits.color)
    #expect(traits.width == 40)
    #expect(traits.unicode)
    #expect(TerminalTraits.current(writingToFile: true, environment: ["COLUMNS": "300"]).width == 100)
    #expect(TerminalTraits.current(writingToFile: true, environment: [:]).width == 80)
  }
}
