/// A loaded, validated scenario: every name resolved to an index and every
/// expression compiled, so playing it needs no string handling.
public struct Scenario: Sendable {
  /// The newest scenario format this build reads. Format 2 added shown gauges, `elif`
  /// and `else`, `one_of`, routing on a result, events tied to scenes, `requires` and the
  /// richer test assertions; every format 1 file is also a format 2 file.
  public static let format = 2

  public var id: String
  public var title: String
  public var summary: String
  public var author: String?
  public var goals: [String]
  public var intro: Text?
  /// Meters first (`Meter.allCases` order), then the scenario's variables.
  public var values: [ValueDeclaration]
  public var flags: [FlagDeclaration]
  public var balance: Balance
  public var scenes: [Scene]
  /// Every choice of every scene; scenes refer to them by index.
  public var choices: [Choice]
  public var events: [Event]
  /// In priority order; the last one is the default ending.
  public var endings: [Ending]
  public var tests: [TestCase]
  public var startScene: Int
  /// The most moves that can still be played from each scene.
  public var turnsFrom: [Int]
  /// The file this was loaded from, as given.
  public var path: String
  /// FNV-1a 64 of the file's bytes, as 16 hex digits; saves record it.
  public var contentHash: String

  /// The most moves any playthrough can take.
  public var maxTurns: Int { turnsFrom[startScene] }

  /// Every choice's consequences, then every event's.
  public var allConsequences: [Consequences] { choices.map(\.consequences) + events.map(\.consequences) }

  /// The most delayed effects that can be waiting at once in any game, or more.
  ///
  /// An effect with delay `d` waits from the move that schedules it until `d` moves
  /// later, so while a move lands what is due, the queue holds, for each age from 0 to
  /// the longest delay, at most one move's worth of effects that old: the most any one
  /// choice schedules that wait that long, plus every repeatable event's. A once-only
  /// event adds its effects once. A game of `maxTurns` moves has no older effects.
  public var mostDelayedEffectsWaiting: Int {
    let longest = allConsequences.flatMap(\.later).map(\.delay).max() ?? 0
    func waiting(_ consequences: Consequences, age: Int) -> Int { consequences.later.count { $0.delay >= age } }
    var total = events.filter(\.once).reduce(0) { $0 + $1.consequences.later.count }
    let repeatable = events.filter { !$0.once }
    for age in 0...min(longest, max(maxTurns - 1, 0)) {
      total += choices.map { waiting($0.consequences, age: age) }.max() ?? 0
      total += repeatable.reduce(0) { $0 + waiting($1.consequences, age: age) }
    }
    return total
  }

  public var variables: ArraySlice<ValueDeclaration> { values[Meter.allCases.count...] }

  public func valueIndex(named name: String) -> Int? { values.firstIndex { $0.name == name } }
  public func flagIndex(named name: String) -> Int? { flags.firstIndex { $0.name == name } }
  public func choiceIndex(id: String) -> Int? { choices.firstIndex { $0.id == id } }
  public func sceneIndex(id: String) -> Int? { scenes.firstIndex { $0.id == id } }
  public func endingIndex(id: String) -> Int? { endings.firstIndex { $0.id == id } }

  /// Every step choice `choice` can lead to; nil ends the story. See `Choice.routes(sceneNext:)`.
  public func routes(of choice: Int) -> [Int?] {
    choices[choice].routes(sceneNext: scenes[choices[choice].scene].next)
  }
}

// MARK: - Vocabulary

public enum Meter: Int, CaseIterable, Codable, Sendable {
  case morale, efficiency, stability

  public var name: String {
    switch self {
    case .morale: "morale"
    case .efficiency: "efficiency"
    case .stability: "stability"
    }
  }
}

public enum Style: String, CaseIterable, Codable, Sendable, BitwiseCopyable {
  case leader, manager

  public var other: Style { self == .leader ? .manager : .leader }
}

/// The contrast a choice illustrates. The first five are the game's core lenses.
public enum Lens: String, CaseIterable, Codable, Sendable {
  case visionTasks = "vision-tasks"
  case peopleSystems = "people-systems"
  case changeStability = "change-stability"
  case influenceAuthority = "influence-authority"
  case longShort = "long-short"
  case innovateImplement = "innovate-implement"
  case developRetain = "develop-retain"
  case individualsStructures = "individuals-structures"

  /// How the lens reads for a move of the given style, e.g. "vision" or "tasks".
  public func side(for style: Style) -> String {
    let halves = rawValue.split(separator: "-").map(String.init)
    let readable = ["long": "long-term", "short": "short-term", "change": "change"]
    let half = style == .leader ? halves[0] : halves[1]
    return readable[half] ?? half
  }

  public var title: String {
    let halves = rawValue.split(separator: "-")
    return "\(halves[0]) / \(halves[1])"
  }
}

public enum Tone: String, CaseIterable, Codable, Sendable {
  case success, mixed, failure
}

public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

// MARK: - Declarations

public struct ValueDeclaration: Sendable {
  public var name: String
  public var start: Int
  public var minimum: Int
  public var maximum: Int
  /// What players read for a variable declared with `show: true`; nil for a hidden one.
  /// Meters always show, under their own names.
  public var label: String?
  public var location: SourceLocation
}

extension Scenario {
  /// The name a player reads for a meter or a shown variable; nil for a hidden variable,
  /// which never reaches a player's screen. Meters are capitalized for tables and headings,
  /// and stay lower-case in running prose ("morale +5").
  public func playerName(of value: Int, capitalized: Bool = true) -> String? {
    guard value < Meter.allCases.count else { return values[value].label }
    return capitalized ? values[value].name.capitalized : values[value].name
  }

  /// The player's name for the value called `name`, or nil when it is hidden.
  public func playerName(of name: String, capitalized: Bool = true) -> String? {
    values.firstIndex { $0.name == name }.flatMap { playerName(of: $0, capitalized: capitalized) }
  }

  /// Variables shown with the meters, by index.
  public var gauges: [Int] { variables.indices.filter { values[$0].label != nil } }
}

public struct FlagDeclaration: Sendable {
  public var name: String
  public var start: Bool
  public var location: SourceLocation
}

/// The rule that makes one-style play lose strength.
public struct Balance: Sendable, Equatable {
  /// How many moves of one style in a row are played at full strength.
  public var streak: Int
  /// The percentage of a move's gains that is kept once the streak is exceeded.
  public var fade: Int

  public static let standard = Balance(streak: 2, fade: 50)
}

// MARK: - Content

public struct Scene: Sendable {
  public var id: String
  public var title: String?
  public var text: Text
  public var discuss: String?
  public var choices: [Int]
  /// The scene that follows when a choice names none; nil ends the game.
  public var next: Int?
  public var location: SourceLocation
}

/// A change to one meter or variable.
public struct Effect: Sendable, Hashable {
  public var target: Int
  public var amount: Int
  public var location: SourceLocation
}

/// What a choice or event does when it happens.
public struct Consequences: Sendable {
  public var effects: [Effect] = []
  public var setFlags: [Int] = []
  public var clearFlags: [Int] = []
  public var later: [DelayedEffect] = []
  public var chances: [ChanceEffect] = []
  /// Outcomes of which exactly one happens, picked by weight; nil when the choice has none.
  public var oneOf: OneOf?
}

public struct DelayedEffect: Sendable {
  /// Moves after this one when the effect lands (1 = at the end of the next turn).
  public var delay: Int
  public var effects: [Effect]
  public var text: Text?
  public var location: SourceLocation
}

public struct ChanceEffect: Sendable {
  public var percent: Int
  public var effects: [Effect]
  public var setFlags: [Int]
  public var clearFlags: [Int]
  /// Shown if it happens.
  public var text: Text?
  /// Shown if it does not happen, so the player learns what the risk was.
  public var missText: Text?
  /// Where the story goes if it happens: `.some(nil)` ends the game; nil keeps the move's route.
  public var next: Int?? = nil
  public var location: SourceLocation
}

/// A `one_of`: exactly one of its outcomes happens, each with probability weight / total.
public struct OneOf: Sendable {
  public var outcomes: [Outcome]
  /// The outcomes' weights, in order, kept together so that dice read them without copying.
  public var weights: [Int]
  /// The sum of the weights.
  public var total: Int
  public var location: SourceLocation

  public init(outcomes: [Outcome], location: SourceLocation) {
    self.outcomes = outcomes
    weights = outcomes.map(\.weight)
    total = weights.reduce(0, +)
    self.location = location
  }
}

/// One outcome of a `one_of`.
public struct Outcome: Sendable {
  public var weight: Int
  public var effects: [Effect]
  public var setFlags: [Int]
  public var clearFlags: [Int]
  /// Shown when it is picked.
  public var text: Text?
  /// Where the story goes when it is picked: `.some(nil)` ends the game; nil keeps the move's route.
  public var next: Int??
  public var location: SourceLocation
}

public struct Choice: Sendable {
  public var id: String
  public var scene: Int
  public var text: Text
  public var style: Style
  public var lens: Lens?
  public var condition: Expression?
  public var consequences: Consequences
  /// Overrides the scene's `next`: `.some(nil)` ends the game.
  public var next: Int??
  public var outcome: Text?
  public var note: String?
  /// Flags the choice's text takes for granted: `check` warns when it is offered without them.
  public var requires: [Int] = []
  public var location: SourceLocation

  /// Every step this move can lead to (nil ends the story), given its scene's `next`.
  ///
  /// A chance or picked outcome with its own `next` overrides the move's route, and the last
  /// one in the order the rules run wins: the chances in order, then the `one_of`. So when
  /// every outcome of a `one_of` routes, the move's own route is never taken.
  public func routes(sceneNext: Int?) -> [Int?] {
    let own = next ?? sceneNext
    var routes: [Int?] = []
    let outcomes = consequences.oneOf?.outcomes ?? []
    if outcomes.isEmpty || outcomes.contains(where: { $0.next == nil }) {
      routes.append(own)
      routes += consequences.chances.compactMap(\.next)
    }
    routes += outcomes.compactMap(\.next)
    // Unique, in first-seen order, so that callers walk each step once.
    var unique: [Int?] = []
    for route in routes where !unique.contains(route) { unique.append(route) }
    return unique
  }
}

public struct Event: Sendable {
  public var id: String
  public var title: String
  public var text: Text?
  public var condition: Expression?
  /// Percent chance to fire when the condition holds; 100 means always.
  public var chance: Int
  public var once: Bool
  /// Scenes the story must have just arrived in for the event to fire; empty means any.
  public var inScenes: [Int] = []
  /// Scenes the move must have been played in for the event to fire; empty means any.
  public var afterScenes: [Int] = []
  public var consequences: Consequences
  public var location: SourceLocation

  /// Whether the scenes allow the event, after a move played in `played` moved the story
  /// on to `now` (nil when that move ended the story, which then arrives nowhere).
  @inline(__always)
  func fits(played: Int, now: Int?) -> Bool {
    (inScenes.isEmpty || now.map(inScenes.contains) == true) && (afterScenes.isEmpty || afterScenes.contains(played))
  }
}

public struct Ending: Sendable {
  public var id: String
  public var title: String
  public var tone: Tone
  /// Nil only for the default ending, which is last.
  public var condition: Expression?
  /// Checked after every move, not only when the story runs out (e.g. collapse).
  public var immediate: Bool
  public var text: Text?
  public var debrief: String?
  public var location: SourceLocation
}

public struct TestCase: Sendable {
  public struct Range: Sendable {
    public var value: Int
    public var lower: Int
    public var upper: Int
  }

  public var name: String
  public var moves: [String]
  public var seed: UInt64?
  public var ending: String?
  public var tone: Tone?
  public var ranges: [Range]
  public var flags: [(flag: Int, value: Bool)]
  /// Choices (by index) that must, or must not, be offered at a turn.
  public var offered: [(turn: Int, choice: Int, expected: Bool)] = []
  /// Events (by index) that must, or must not, have fired during the game.
  public var fired: [(event: Int, expected: Bool)] = []
  /// Phrases the game's text must show, or must never show.
  public var phrases: [(phrase: String, expected: Bool)] = []
  public var location: SourceLocation
}

extension Scenario {
  /// An id as the format accepts it for scenarios, scenes, choices, events and endings:
  /// ASCII letters, digits, '-' and '_', up to 100 characters.
  public static func isIdentifier(_ text: String) -> Bool {
    (1...100).contains(text.count)
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_")
      }
  }
}
