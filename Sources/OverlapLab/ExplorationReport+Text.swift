import Foundation
import OverlapEngine

extension ExplorationReport {
  /// The report for people: endings, tones and meters per strategy, coverage, examples and findings.
  public func text(for scenario: Scenario) -> String {
    let names = order.map(\.rawValue)
    let label = max(10, (scenario.endings.map(\.id.count).max() ?? 0) + 2)
    let column = max(10, (names.map(\.count).max() ?? 0) + 2)
    func row(_ first: String, _ second: String, _ cells: [String], indent: String = "  ") -> String {
      (indent + first).padded(to: label + 2) + second.padded(to: 9) + cells.map { $0.leftPadded(to: column) }.joined()
    }

    var lines = [headline, ""]
    lines.append(row("Ending", "tone", names, indent: ""))
    for ending in scenario.endings {
      lines.append(row(ending.id, ending.tone.rawValue, order.map { Self.percent(share(of: [ending], for: $0)) }))
    }
    lines.append("")
    lines.append(row("Tone", "", names, indent: ""))
    for tone in Tone.allCases {
      let endings = scenario.endings.filter { $0.tone == tone }
      lines.append(row(tone.rawValue, "", order.map { Self.percent(share(of: endings, for: $0)) }))
    }
    lines.append("")
    lines += meterLines(column: column)
    lines.append("")
    lines += coverageLines
    if let examples, !examples.isEmpty {
      lines.append("")
      lines.append("Replay a run that reached each ending:")
      for ending in scenario.endings {
        guard let example = examples[ending.id] else { continue }
        lines.append("  \(ending.id): overlap run \(reference) --seed \(example.seed) --moves \(example.moves.joined(separator: ","))")
      }
    }
    lines.append("")
    if findings.isEmpty {
      lines.append("Findings: none")
    } else {
      lines.append("Findings:")
      lines += findings.map { "  - " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var isExhaustive: Bool { mode == "exhaustive" }

  var headline: String {
    let speed = String(format: "%.2f M turns/s", Double(turnsPerSecond) / 1_000_000)
    let time = String(format: "%.2f s", seconds)
    let threads = "\(jobs) \(jobs == 1 ? "job" : "jobs")"
    if isExhaustive {
      return "Explored every branch of '\(title)' (\(scenario)): \(states ?? 0) distinct states, \(turns) moves "
        + "in \(time) (\(speed), \(threads)). Shares are exact probabilities under each strategy."
    }
    let runsEach = order.count == 1 ? "\(runs) runs" : "\(order.count) strategies × \(runs / max(order.count, 1)) runs"
    return "Explored '\(title)' (\(scenario)): \(runsEach), \(turns) turns in \(time) (\(speed), \(threads), seed \(seed ?? 0))"
  }

  /// The share of runs, or the probability, of ending in one of `endings`.
  func share(of endings: [Ending], for strategy: Strategy) -> Double {
    guard let summary = strategies[strategy.rawValue] else { return 0 }
    if let probabilities = summary.probabilities {
      return endings.reduce(0) { $0 + (probabilities[$1.id] ?? 0) }
    }
    let count = endings.reduce(0) { $0 + (summary.endings[$1.id] ?? 0) }
    return Double(count) / Double(max(summary.runs, 1))
  }

  func meterLines(column: Int) -> [String] {
    var lines = ["Meters at the end" + (isExhaustive ? ", weighted by probability:" : ":")]
    let heads = ["mean", "p10", "p50", "p90"].map { $0.leftPadded(to: 7) }.joined()
    lines.append("  " + "".padded(to: column) + "".padded(to: 12) + heads)
    for strategy in order {
      guard let meters = strategies[strategy.rawValue]?.meters else { continue }
      for (number, meter) in Meter.allCases.enumerated() {
        guard let stats = meters[meter.name] else { continue }
        let cells = [String(format: "%.1f", stats.mean), String(stats.p10), String(stats.p50), String(stats.p90)]
        let name = number == 0 ? strategy.rawValue : ""
        lines.append("  " + name.padded(to: column) + meter.name.padded(to: 12) + cells.map { $0.leftPadded(to: 7) }.joined())
      }
    }
    return lines
  }

  var coverageLines: [String] {
    let kinds = ["scenes", "choices", "events", "endings"]
    let counts = kinds.compactMap { kind in coverage[kind].map { "\(kind) \($0.reached)/\($0.total)" } }
    var lines = ["Coverage: " + counts.joined(separator: ", ")]
    for kind in kinds {
      guard let never = unreached[kind], !never.isEmpty else { continue }
      lines.append("  never reached \(kind): " + never.joined(separator: ", "))
    }
    return lines
  }
}

// Private, so these column helpers cannot clash with others in the module.
extension String {
  /// Left-aligned in `width` columns, with at least one space after.
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  /// Right-aligned in `width` columns, with at least one space before.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? " " + self : String(repeating: " ", count: width - count) + self
  }
}
