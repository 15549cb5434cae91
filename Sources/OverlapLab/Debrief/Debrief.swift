import OverlapEngine

/// What one playthrough did and why: the ending, the meters over time, the mix of
/// leader and manager moves, the turns that mattered and what the other style might
/// have done there.
///
/// Built by replaying the game through the engine, so it never re-implements a rule.
/// Renders as text, Markdown, HTML or JSON (the keys are described in docs/debrief.md).
public struct Debrief: Codable, Equatable, Sendable {
  /// The save's name, when the debrief comes from one.
  public var name: String?
  public var scenario: ScenarioInfo
  public var seed: UInt64
  public var finished: Bool
  public var ending: EndingInfo?
  /// Success endings the game did not reach, with what they need.
  public var unreached: [EndingGoal]
  public var turns: [Turn]
  /// One line per meter: the start, then the value after each turn.
  public var meters: [MeterLine]
  /// The same for each variable the scenario shows with the meters, by its label.
  public var gauges: [MeterLine]
  public var styles: StyleMix
  public var lenses: [LensUse]
  public var landed: [LandedEffect]
  public var keyTurns: [KeyTurn]
  /// Present when the game was played as a quiz.
  public var quiz: Quiz?
  /// Team members in playing order; empty for solo play.
  public var members: [Member]

  // MARK: - Parts

  public struct ScenarioInfo: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
  }

  public struct EndingInfo: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var tone: Tone
    public var text: String?
    public var debrief: String?
    /// The condition that held, as the author wrote it; nil for the default ending.
    public var condition: String?
  }

  public struct EndingGoal: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var tone: Tone
    public var condition: String
  }

  /// One move and the meters after it.
  public struct Turn: Codable, Equatable, Sendable {
    public var number: Int
    public var scene: String
    public var sceneTitle: String?
    public var choice: String
    public var choiceText: String
    public var style: Style
    public var lens: Lens?
    /// Percentage of its gains the move kept under the balance rule.
    public var strength: Int
    public var note: String?
    public var meters: MeterValues
    /// The team member who decided this move.
    public var player: String?
    /// The style the player guessed, in quiz mode.
    public var guess: Style?
  }

  public struct MeterLine: Codable, Equatable, Sendable {
    public var meter: String
    public var values: [Int]

    public var start: Int { values.first ?? 0 }
    public var end: Int { values.last ?? 0 }
  }

  /// How many moves of each style, and how that changed over the game.
  public struct StyleMix: Codable, Equatable, Sendable {
    public var leader: Int
    public var manager: Int
    /// Percent of moves that were leader moves, rounded; 0 before any move.
    public var leaderShare: Int
    /// The rest of the moves, so the two shares add up to 100 (both 0 before any move).
    public var managerShare: Int
    /// The game cut into up to three stretches of nearly equal length.
    public var phases: [Phase]
    /// Turns whose gains the balance rule cut, because one style ran too long.
    public var weakened: [Int]
    /// The longest run of one style.
    public var longestStreak: Streak?

    public var total: Int { leader + manager }
  }

  public struct Phase: Codable, Equatable, Sendable {
    public var name: String
    public var firstTurn: Int
    public var lastTurn: Int
    public var leader: Int
    public var manager: Int
  }

  public struct Streak: Codable, Equatable, Sendable {
    public var style: Style
    public var length: Int
    public var firstTurn: Int
  }

  /// How often each side of one lens was played.
  public struct LensUse: Codable, Equatable, Sendable {
    public var lens: Lens
    public var leader: Int
    public var manager: Int
  }

  /// An effect set in motion on one turn that landed on a later one.
  public struct LandedEffect: Codable, Equatable, Sendable {
    /// The turn at whose end it landed.
    public var turn: Int
    /// The id of the choice or event that set it in motion, for JSON and tools.
    public var from: String
    /// What the player saw of it: the move's text, or the event's title.
    public var fromTitle: String
    public var fromTurn: Int
    public var text: String?
    /// Only the changes this effect made.
    public var changes: [Change]
  }

  /// A meter or variable before and after something changed it.
  public typealias Change = TurnReport.Change

  /// A turn whose move moved the meters more than most.
  public struct KeyTurn: Codable, Equatable, Sendable {
    public var turn: Int
    public var choice: String
    public var choiceText: String
    public var style: Style
    public var lens: Lens?
    public var note: String?
    /// What the move did to each meter, counting its delayed effects wherever they landed.
    public var shifts: [MeterShift]
    /// The sum of the shifts' sizes.
    public var movement: Int
    /// The part of the shifts that came from the move's delayed effects.
    public var later: [MeterShift]
    /// The turns on which those delayed effects landed.
    public var landedOn: [Int]
    /// The other style's moves offered at that moment, each played out by the engine.
    public var alternatives: [Alternative]
  }

  public struct MeterShift: Codable, Equatable, Sendable {
    public var meter: String
    public var delta: Int
  }

  /// An estimate of where a move of the other style would have led.
  public struct Alternative: Codable, Equatable, Sendable {
    /// Why the replayed line stopped.
    public enum Stop: String, Codable, Sendable {
      /// The game ended on this line.
      case ended
      /// One of the player's later moves was not offered on this line.
      case notOffered
      /// Every later move was replayed and the game was still going, as the player's was.
      case outOfMoves
    }

    public var choice: String
    public var choiceText: String
    public var style: Style
    public var lens: Lens?
    /// How many of the player's later moves could be replayed after it.
    public var followed: Int
    public var stop: Stop
    /// The turn after which both lines are compared.
    public var comparedAfterTurn: Int
    /// The meters on this line at that point.
    public var meters: MeterValues
    /// The player's meters after the same turn.
    public var yours: MeterValues
    /// Set when this line ended.
    public var ending: EndingSummary?
  }

  public struct Quiz: Codable, Equatable, Sendable {
    public var right: Int
    public var answered: Int
    public var total: Int
    /// Right answers as a percentage of all moves, rounded.
    public var percent: Int
    /// Turns whose style was named wrongly or not at all.
    public var missed: [Int]
  }

  public struct Member: Codable, Equatable, Sendable {
    public var name: String
    public var turns: [Int]
    public var leader: Int
    public var manager: Int
    /// Styles named correctly on this member's turns, in quiz mode.
    public var quizRight: Int?
  }
}

// MARK: - Building

extension Debrief {
  /// Debriefs a game, finished or not, by reading the engine's record of it.
  ///
  /// - Parameters:
  ///   - name: the save's name, shown in headings and class tables.
  ///   - players: team members in playing order; move `i` was decided by `players[i % count]`.
  ///   - quiz: the style guessed for each move, in quiz mode.
  public init(game: Playthrough, name: String? = nil, players: [String] = [], quiz: [Style?]? = nil) {
    let scenario = game.scenario
    self.name = name
    self.scenario = ScenarioInfo(id: scenario.id, title: scenario.title)
    seed = game.seed
    finished = game.isFinished
    ending = game.ending.map { ending in
      EndingInfo(
        id: ending.id, title: ending.title, tone: ending.tone, text: game.endingText, debrief: ending.debrief,
        condition: ending.condition?.source)
    }
    unreached = scenario.endings.compactMap { ending in
      guard game.isFinished, ending.tone == .success, ending.id != game.ending?.id, let condition = ending.condition
      else { return nil }
      return EndingGoal(id: ending.id, title: ending.title, tone: ending.tone, condition: condition.source)
    }
    let turns = game.reports.enumerated().map { index, report in
      let sceneTitle = scenario.scenes[game.states[index].scene].title
      return Turn(
        number: report.turn, scene: report.scene, sceneTitle: sceneTitle, choice: report.choice,
        choiceText: report.choiceText, style: report.style, lens: report.lens, strength: report.strength,
        note: report.note, meters: report.meters, player: Workshop.decider(players, move: index),
        guess: quiz.flatMap { index < $0.count ? $0[index] : nil })
    }
    self.turns = turns
    meters = Meter.allCases.map { meter in MeterLine(meter: meter.name, values: game.states.map { $0.meter(meter) }) }
    gauges = scenario.gauges.map { index in
      MeterLine(meter: scenario.values[index].label ?? "", values: game.states.map { $0.values[index] })
    }
    styles = Self.styleMix(turns)
    lenses = Self.lensUse(turns)
    let landed = Self.landings(game)
    self.landed = landed
    keyTurns = Self.keyTurns(game)
    self.quiz = quiz.map { Quiz(styles: turns.map(\.style), guesses: $0) }
    members = players.enumerated().map { offset, name in
      let own = turns.filter { ($0.number - 1) % players.count == offset }
      return Member(
        name: name, turns: own.map(\.number), leader: own.filter { $0.style == .leader }.count,
        manager: own.filter { $0.style == .manager }.count,
        quizRight: quiz.map { _ in own.filter { $0.guess == $0.style }.count })
    }
  }

  /// Debriefs a session: its game, with its players and quiz answers.
  public init(_ session: Session, name: String? = nil) {
    self.init(game: session.game, name: name, players: session.players, quiz: session.quiz)
  }

  static func styleMix(_ turns: [Turn]) -> StyleMix {
    let leader = turns.filter { $0.style == .leader }.count
    let total = turns.count
    var streak: Streak?
    var current: Streak?
    for turn in turns {
      if let run = current, run.style == turn.style {
        current?.length += 1
      } else {
        current = Streak(style: turn.style, length: 1, firstTurn: turn.number)
      }
      if let run = current, run.length > streak?.length ?? 0 { streak = run }
    }
    let share = total == 0 ? 0 : (leader * 100 + total / 2) / total
    return StyleMix(
      leader: leader, manager: total - leader, leaderShare: share, managerShare: total == 0 ? 0 : 100 - share,
      phases: phases(turns), weakened: turns.filter { $0.strength < 100 }.map(\.number), longestStreak: streak)
  }

  /// Up to three stretches of nearly equal length; earlier ones take the remainder.
  static func phases(_ turns: [Turn]) -> [Phase] {
    let count = min(3, turns.count)
    guard count > 0 else { return [] }
    let names = [["whole game"], ["first half", "second half"], ["opening", "middle", "closing"]][count - 1]
    var phases: [Phase] = []
    var start = 0
    for index in 0..<count {
      let length = turns.count / count + (index < turns.count % count ? 1 : 0)
      let slice = turns[start..<(start + length)]
      let leader = slice.filter { $0.style == .leader }.count
      phases.append(
        Phase(
          name: names[index], firstTurn: slice.first?.number ?? 0, lastTurn: slice.last?.number ?? 0, leader: leader,
          manager: slice.count - leader))
      start += length
    }
    return phases
  }

  /// The five core lenses always, so a lens never used shows as such; others when used.
  static func lensUse(_ turns: [Turn]) -> [LensUse] {
    let core: [Lens] = [.visionTasks, .peopleSystems, .changeStability, .influenceAuthority, .longShort]
    return Lens.allCases.compactMap { lens in
      let played = turns.filter { $0.lens == lens }
      guard core.contains(lens) || !played.isEmpty else { return nil }
      let leader = played.filter { $0.style == .leader }.count
      return LensUse(lens: lens, leader: leader, manager: played.count - leader)
    }
  }
}
