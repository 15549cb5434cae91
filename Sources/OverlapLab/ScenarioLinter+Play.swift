import Foundation
import OverlapEngine

// MARK: - Rules that play the scenario

extension ScenarioLinter {
  /// Runs per one-style strategy: enough to find an ending that one style reaches
  /// often, few enough that `check` stays instant.
  static let claimRuns = 500

  /// Words that say the player used both styles; an ending that says so must not be
  /// reachable by playing one style only.
  static let mixClaims = [
    "both styles", "used both", "both ways", "mix of leading and managing", "led and managed",
    "leading and managing together",
  ]

  /// An ending whose text or debrief claims a mix of styles, reached by one-style play.
  mutating func checkStyleClaims() {
    let claims = scenario.endings.indices.compactMap { index -> (Int, String)? in
      let ending = scenario.endings[index]
      let words = ((ending.text?.plain ?? "") + " " + (ending.debrief ?? "")).lowercased()
      return Self.mixClaims.first { words.contains($0) }.map { (index, $0) }
    }
    guard !claims.isEmpty else { return }
    let explorer = Explorer(engine: Engine(scenario: scenario))
    let tallies = explorer.sample([.leader, .manager], runs: Self.claimRuns, seed: Engine.defaultSeed, jobs: 1)
    for (index, phrase) in claims {
      let ending = scenario.endings[index]
      for (style, tally) in zip(["leader", "manager"], tallies) where tally.endings[index] > 0 {
        report(
          .styleClaim, .warning, at: ending.location,
          "ending '\(ending.id)' says \"\(phrase)\", but playing only \(style) moves reaches it in \(tally.endings[index]) of \(Self.claimRuns) runs; require both styles in its 'when' (leader_moves, manager_moves) or change the words")
      }
    }
  }

  // MARK: - What text takes for granted

  /// Runs per strategy when looking for text shown without the flags it requires.
  static let requiresRuns = 200

  /// A paragraph or a choice marked `requires: [flag]` that some played path shows while a
  /// required flag is off: the text states a history the player did not have.
  mutating func checkRequirements() {
    let marked = scenario.choices.contains { !$0.requires.isEmpty }
      || scenario.scenes.contains { $0.text.paragraphs.contains { !$0.requires.isEmpty } }
    guard marked else { return }
    let engine = Engine(scenario: scenario)
    /// Text shown without a flag it requires, and how many moves in it was shown.
    struct Unmet {
      var what: String
      var location: SourceLocation
      var flag: Int
      var afterMoves: Int
    }
    var reported: Set<String> = []
    for strategy in Strategy.allCases {
      for run in 0..<Self.requiresRuns {
        let seed = Explorer.gameSeed(Engine.defaultSeed, run: run)
        var unmet: [Unmet] = []
        let (_, moves) = Explorer.play(engine, strategy, gameSeed: seed) { state, offered in
          func note(_ requires: [Int], _ what: String, _ location: SourceLocation) {
            guard let flag = requires.first(where: { !state.flags[$0] }) else { return }
            unmet.append(Unmet(what: what, location: location, flag: flag, afterMoves: state.moves))
          }
          let scene = scenario.scenes[state.scene]
          for paragraph in scene.text.paragraphs where !paragraph.requires.isEmpty {
            guard paragraph.condition.map({ engine.evaluate($0, in: state) != 0 }) ?? true else { continue }
            note(paragraph.requires, "a paragraph of scene '\(scene.id)'", scene.text.location)
          }
          for choice in offered where !scenario.choices[choice].requires.isEmpty {
            note(scenario.choices[choice].requires, "choice '\(scenario.choices[choice].id)'", scenario.choices[choice].location)
          }
        }
        for found in unmet where reported.insert(found.what).inserted {
          let ids = moves.prefix(found.afterMoves).map { scenario.choices[$0].id }
          let replay = "overlap run \(scenario.id) --seed \(seed)" + (ids.isEmpty ? "" : " --moves \(ids.joined(separator: ","))")
          report(
            .unmetRequirement, .warning, at: found.location,
            "\(found.what) takes '\(scenario.flags[found.flag].name)' for granted, but a game shows it without: \(replay); guard it with 'if' or change the words")
        }
      }
    }
  }

  // MARK: - The quiz

  /// Words that, in a choice's text, tend to give its style away.
  static let leaderWords: Set<String> = [
    "ask", "asks", "together", "why", "vision", "trust", "listen", "invite", "share", "inspire", "encourage", "story",
    "team", "people", "explain", "meaning", "believe", "feel", "support", "thank", "praise",
  ]
  static let managerWords: Set<String> = [
    "plan", "schedule", "rule", "rules", "budget", "deadline", "report", "reports", "process", "checklist", "require",
    "required", "assign", "order", "control", "track", "tracking", "audit", "policy", "mandatory", "measure", "metrics",
    "sign-off", "approve", "formal", "written",
  ]

  /// The style a naive reader would guess from a choice's words alone, or nil when
  /// the words do not lean either way.
  static func guessedStyle(of text: String) -> Style? {
    let words = text.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
    let leader = words.count { leaderWords.contains($0) }
    let manager = words.count { managerWords.contains($0) }
    return leader == manager ? nil : leader > manager ? .leader : .manager
  }

  /// The quiz teaches only when the style is a judgement about the situation: warn when a
  /// word-based guesser names the style of more than 70% of the choices.
  mutating func checkQuizWording() {
    guard scenario.choices.count >= 5 else { return }
    let right = scenario.choices.count { Self.guessedStyle(of: $0.text.plain) == $0.style }
    let share = right * 100 / scenario.choices.count
    guard share > 70 else { return }
    report(
      .quizGiveaway, .warning, at: source.location(ofTopLevelKey: "scenes"),
      "a guesser that only looks for words such as 'ask' or 'plan' names the style of \(share)% of the choices; reword them so the style is a judgement about the situation, not a keyword")
  }
}
