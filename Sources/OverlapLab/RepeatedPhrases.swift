import OverlapEngine

/// Stock phrases: the same run of words in several places across the scenarios checked
/// together. One recurring turn of phrase reads as a tic by the third time a room meets it.
public enum RepeatedPhrases {
  /// Runs of `words` words that appear `minimumCount` times or more, reported once each at
  /// their first place, with the longest run they belong to.
  public static func findings(in scenarios: [Scenario], words: Int = 5, minimumCount: Int = 3) -> [LintFinding] {
    let texts = scenarios.flatMap { scenario in prose(of: scenario).map { (scenario.path, $0.location, $0.text) } }
      .enumerated().map { index, text in (text.0, text.1, tokens(text.2, text: index)) }
    var counts: [ArraySlice<String>: Int] = [:]
    for (_, _, tokens) in texts where tokens.count >= words {
      for start in 0...(tokens.count - words) { counts[tokens[start..<(start + words)], default: 0] += 1 }
    }
    var reported: Set<ArraySlice<String>> = []
    var findings: [LintFinding] = []
    for (path, location, tokens) in texts where tokens.count >= words {
      var start = 0
      while start <= tokens.count - words {
        let shingle = tokens[start..<(start + words)]
        guard let count = counts[shingle], count >= minimumCount else {
          start += 1
          continue
        }
        // Extend over the overlapping shingles that repeat as often, to report the whole phrase.
        var end = start + words
        while end < tokens.count, (counts[tokens[(end - words + 1)...end]] ?? 0) >= minimumCount { end += 1 }
        if reported.insert(shingle).inserted {
          let phrase = tokens[start..<end].joined(separator: " ")
          findings.append(
            LintFinding(
              .repeatedPhrase,
              Diagnostic(
                .warning, path: path, at: location,
                "the phrase '\(phrase)' appears \(count) times across the scenarios checked; vary it, since a stock phrase reads as a tic")))
        }
        start = end
      }
    }
    return findings
  }

  /// Lowercased words without punctuation, so "praise." and "praise," match. A `{value}`
  /// becomes a word that matches nothing else (it names text number `text`): a status line
  /// such as "the grant stands at {budget}k" is a gauge, not a turn of phrase.
  static func tokens(_ text: String, text number: Int = 0) -> [String] {
    var words: [String] = []
    for (index, part) in text.split(separator: "{", omittingEmptySubsequences: false).enumerated() {
      let prose = index == 0 ? part : part.split(separator: "}", maxSplits: 1).last ?? ""
      if index > 0 { words.append("{\(number).\(words.count)}") }
      words += prose.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
    }
    return words
  }

  /// Every piece of prose a player reads, with where it is written.
  static func prose(of scenario: Scenario) -> [(text: String, location: SourceLocation)] {
    var all: [(String, SourceLocation)] = []
    func add(_ text: Text?) { if let text { all.append((text.plain, text.location)) } }
    add(scenario.intro)
    for scene in scenario.scenes { add(scene.text) }
    for choice in scenario.choices {
      add(choice.text)
      add(choice.outcome)
      for later in choice.consequences.later { add(later.text) }
      for chance in choice.consequences.chances {
        add(chance.text)
        add(chance.missText)
      }
      for outcome in choice.consequences.oneOf?.outcomes ?? [] { add(outcome.text) }
    }
    for event in scenario.events { add(event.text) }
    for ending in scenario.endings {
      add(ending.text)
      if let debrief = ending.debrief { all.append((debrief, ending.location)) }
    }
    return all
  }
}
