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
