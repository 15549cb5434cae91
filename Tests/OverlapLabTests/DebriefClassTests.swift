import Foundation
import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct DebriefClassTests {
  /// Three teams on tiny, one of them still playing.
  static func tinyClass() throws -> ClassDebrief {
    let games: [(String, [String])] = [
      ("team-a", ["vision", "control", "finish-manage"]),
      ("team-b", ["plan", "rally", "finish-manage"]),
      ("team-c", ["gamble", "recover", "finish-lead"]),
      ("team-d", ["vision", "rally"]),
    ]
    return ClassDebrief(
      try games.map { name, moves in
        let game = try DebriefGames.play(moves)
        return (Debrief(game: game, name: name), game.scenario)
      })
  }

  @Test func endingsListEveryEndingInPriorityOrder() throws {
    let group = try #require(try Self.tinyClass().groups.first)
    #expect(group.endings.map(\.id) == ["collapse", "thrive", "muddle"])
    #expect(group.endings.map(\.runs) == [[], ["team-b"], ["team-a", "team-c"]])
    #expect(group.unfinished == ["team-d"])
    #expect(group.seeds == [1])
    #expect(group.seedNote == "seed 1: every run faced the same chances")
  }

  @Test func eachTurnShowsWhoChoseWhat() throws {
    let group = try #require(try Self.tinyClass().groups.first)
    #expect(group.turns.map(\.turn) == [1, 2, 3])
    let first = group.turns[0].picks
    #expect(first.map(\.choice) == ["vision", "plan", "gamble"])
    #expect(first.map(\.runs) == [["team-a", "team-d"], ["team-b"], ["team-c"]])
    #expect(first.map(\.style) == [.leader, .manager, .leader])
    // On turn 2 team-c is in the detour while the others are in the middle scene.
    let second = group.turns[1].picks
    #expect(second.map(\.choice) == ["rally", "control", "recover"])
    #expect(second.map(\.scene) == ["middle", "middle", "detour"])
    #expect(second.map(\.runs) == [["team-b", "team-d"], ["team-a"], ["team-c"]])
    #expect(group.turns[2].picks.map(\.runs) == [["team-c"], ["team-a", "team-b"]])
  }

  @Test func runsFromDifferentScenariosAreGroupedApart() throws {
    let clean = try Playthrough.replay(engine: LabFixtures.engine(LabFixtures.clean), seed: 9, moves: ["1"])
    let tiny = try DebriefGames.mixed()
    let tinyAgain = try DebriefGames.play(["plan"], seed: 4)
    let report = ClassDebrief([
      (Debrief(game: tiny), tiny.scenario), (Debrief(game: clean, name: "solo"), clean.scenario),
      (Debrief(game: tinyAgain), tinyAgain.scenario),
    ])
    #expect(report.groups.map(\.scenario.id) == ["tiny", "lab-clean"])
    #expect(report.groups[0].runs.map(\.label) == ["run 1", "run 3"])
    #expect(report.groups[0].seeds == [1, 4])
    #expect(report.groups[0].seedNote == "seeds 1, 4: chance events may differ between runs")
    #expect(report.groups[1].runs.map(\.label) == ["solo"])
    #expect(report.text().contains("Scenario: Standup (lab-clean)"))
    #expect(report.markdown().contains("## Scenario: A tiny test scenario (`tiny`)"))
    #expect(report.html().components(separatedBy: "<section class=\"group\">").count - 1 == 2)
  }

  @Test func textComparesTheRunsSideBySide() throws {
    let text = try Self.tinyClass().text(width: 80)
    for expected in [
      "Class debrief: A tiny test scenario (tiny)", "4 runs · seed 1: every run faced the same chances",
      "  team-b        Thriving          success   60  65  50    33%",
      "  Muddling through mixed   █████░░░░░  2  team-a, team-c", "Not finished: team-d.",
      "  Turn 2 · paths differ", "    manager Close the books → team-a, team-b",
    ] {
      #expect(text.contains(expected), "missing: \(expected)")
    }
  }

  @Test(arguments: [40, 64, 80, 120])
  func classTextNeverOutgrowsItsWidth(width: Int) throws {
    for unicode in [true, false] {
      for line in try Self.tinyClass().text(width: width, unicode: unicode).split(separator: "\n") {
        #expect(line.count <= width, "\(line)")
      }
    }
  }

  @Test func markdownAndHTMLFollowTheComparisonWithEachRun() throws {
    let report = try Self.tinyClass()
    let markdown = report.markdown()
    #expect(markdown.hasPrefix("# Class debrief: A tiny test scenario (`tiny`)\n"))
    #expect(markdown.contains("| team-b | Thriving | success | 60 | 65 | 50 | 33% | 67% | M L M |"))
    #expect(markdown.contains("| Muddling through | mixed | 2 | team-a, team-c |"))
    #expect(markdown.contains("- *manager* · Control (`control`): team-a"))
    #expect(markdown.contains("## team-d: not finished"))
    let html = report.html()
    #expect(html.components(separatedBy: "<section class=\"run\">").count - 1 == 4)
    #expect(html.contains("<title>Each run&#39;s meters at the end, from 0 to 100</title>"))
    #expect(html.contains("<span class=\"chip\">team-c</span>"))
    #expect(!html.contains("<script"))
  }

  @Test func jsonKeepsEveryRunsDebrief() throws {
    let report = try Self.tinyClass()
    let data = try JSONEncoder().encode(report)
    #expect(try JSONDecoder().decode(ClassDebrief.self, from: data) == report)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let groups = try #require(object["groups"] as? [[String: Any]])
    #expect(Set(groups[0].keys) == ["scenario", "seeds", "runs", "endings", "unfinished", "turns"])
    #expect((groups[0]["runs"] as? [[String: Any]])?.count == 4)
  }
}
