import Foundation
import Yams

extension ScenarioBuilder {
  static let sceneKeys = ["id", "title", "text", "discuss", "next", "choices"]
  static let consequenceKeys = ["effects", "later", "chance", "set", "unset"]
  static let choiceKeys = ["id", "text", "style", "lens", "if", "next", "outcome", "note", "requires", "one_of"] + consequenceKeys
  static let chanceKeys = ["percent", "effects", "set", "unset", "text", "miss", "next"]
  static let outcomeKeys = ["weight", "effects", "set", "unset", "text", "next"]
  /// Bounds that keep a `one_of` readable and its arithmetic small.
  static let outcomeCount = 2...20
  static let weightRange = 1...1000
  static let eventKeys = ["id", "title", "text", "when", "chance", "in", "after", "once", "effects", "later", "set", "unset"]
  static let endingKeys = ["id", "title", "tone", "when", "immediate", "text", "debrief"]
  static let testKeys = [
    "name", "moves", "seed", "ending", "tone", "meters", "flags", "offered", "not_offered", "fired", "not_fired", "shows",
    "hides",
  ]

  // MARK: - Scenes and choices

  mutating func readScene(_ node: Node, index: Int, count: Int, choices: inout [Choice]) -> Scene? {
    guard let fields = reader.fields(node, "a scene", known: Self.sceneKeys, required: ["id", "text", "choices"]),
      let id = fields["id"].flatMap({ reader.identifier($0, "scene id") })
    else { return nil }
    let sceneText = fields["text"].flatMap { self.text($0, "the text of scene '\(id)'") }
    let discuss = fields["discuss"].flatMap { reader.nonEmptyString($0, "discuss") }
    var next: Int? = index + 1 < count ? index + 1 : nil
    var nextIsValid = true
    if let node = fields["next"] {
      if let resolved = nextScene(node) { next = resolved } else { nextIsValid = false }
    }
    var indices: [Int] = []
    if let node = fields["choices"], let list = reader.list(node, "the choices of scene '\(id)'") {
      if list.isEmpty { reader.error(node, "scene '\(id)' needs at least one choice") }
      for item in list {
        if let choice = readChoice(item, scene: index) {
          indices.append(choices.count)
          choices.append(choice)
        }
      }
    }
    guard let sceneText, nextIsValid else { return nil }
    return Scene(id: id, title: fields["title"].flatMap { reader.string($0, "title") }, text: sceneText, discuss: discuss, choices: indices, next: next, location: reader.location(of: node))
  }

  mutating func readChoice(_ node: Node, scene: Int) -> Choice? {
    guard let fields = reader.fields(node, "a choice", known: Self.choiceKeys, required: ["id", "text", "style"]),
      let idNode = fields["id"], let id = reader.identifier(idNode, "choice id")
    else { return nil }
    if let first = choiceIDs[id] {
      reader.error(idNode, "choice id '\(id)' is already used at line \(first.line); ids must be unique in the scenario")
    }
    choiceIDs[id] = reader.location(of: idNode)
    let style = fields["style"].flatMap { keyword($0, "style", Style.self) }
    let lens = fields["lens"].flatMap { keyword($0, "lens", Lens.self) }
    let condition = fields["if"].flatMap { expression($0, "the condition of choice '\(id)'") }
    let next = fields["next"].flatMap { nextScene($0) }
    let consequences = readConsequences(fields, of: "choice '\(id)'")
    guard let choiceText = fields["text"].flatMap({ self.text($0, "the text of choice '\(id)'") }), let style else { return nil }
    return Choice(
      id: id, scene: scene, text: choiceText, style: style, lens: lens, condition: condition,
      consequences: consequences, next: next,
      outcome: fields["outcome"].flatMap { self.text($0, "the outcome of choice '\(id)'") },
      note: fields["note"].flatMap { reader.nonEmptyString($0, "note") },
      requires: flagList(fields["requires"], "'requires' of choice '\(id)'"),
      location: reader.location(of: node))
  }

  mutating func keyword<K: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _ type: K.Type) -> K? where K.RawValue == String {
    guard let word = reader.string(node, what) else { return nil }
    if let value = K(rawValue: word) { return value }
    let options = K.allCases.map(\.rawValue)
    var message = "\(what) '\(word)' is not one of: \(options.joined(separator: ", "))"
    if let guess = closestMatch(to: word, in: options) { message += "; did you mean '\(guess)'?" }
    reader.error(node, message)
    return nil
  }

  // MARK: - Consequences

  /// `chanceOutcomes` is false for events, whose own 'chance' is the percentage that they fire.
  mutating func readConsequences(_ fields: NodeReader.Fields, of owner: String, chanceOutcomes: Bool = true) -> Consequences {
    var result = Consequences()
    result.effects = fields["effects"].map { effects($0, of: owner) } ?? []
    result.setFlags = flagList(fields["set"], "'set' of \(owner)")
    result.clearFlags = flagList(fields["unset"], "'unset' of \(owner)")
    if let node = fields["later"], let list = reader.list(node, "'later' of \(owner)") {
      result.later = list.compactMap { readDelayed($0, of: owner) }
    }
    if chanceOutcomes, let node = fields["chance"] {
      if case .sequence = node, let list = reader.list(node, "'chance' of \(owner)") {
        result.chances = list.compactMap { readChance($0, of: owner) }
      } else {
        reader.error(node, "'chance' of \(owner) is a list of outcomes, each like '- percent: 30' with its 'effects'")
      }
    }
    if chanceOutcomes, let node = fields["one_of"] { result.oneOf = readOneOf(node, of: owner) }
    return result
  }

  /// `one_of: [{weight: 2, …}, {weight: 1, …}]`: exactly one outcome happens, picked by weight.
  mutating func readOneOf(_ node: Node, of owner: String) -> OneOf? {
    guard case .sequence = node, let list = reader.list(node, "'one_of' of \(owner)") else {
      reader.error(node, "'one_of' of \(owner) is a list of outcomes, each like '- weight: 2' with its 'effects' or 'text'")
      return nil
    }
    guard Self.outcomeCount.contains(list.count) else {
      let advice = list.count < Self.outcomeCount.lowerBound
        ? "for an outcome that always happens, write its effects on the choice itself"
        : "keep to \(Self.outcomeCount.upperBound)"
      reader.error(node, "'one_of' of \(owner) has \(list.count) outcome\(list.count == 1 ? "" : "s") but needs \(Self.outcomeCount.lowerBound) to \(Self.outcomeCount.upperBound); \(advice)")
      return nil
    }
    let outcomes = list.compactMap { readOutcome($0, of: owner) }
    guard outcomes.count == list.count else { return nil }
    return OneOf(outcomes: outcomes, location: reader.location(of: node))
  }

  mutating func readOutcome(_ node: Node, of owner: String) -> Outcome? {
    guard let fields = reader.fields(node, "an outcome in 'one_of' of \(owner)", known: Self.outcomeKeys, required: ["weight"]),
      let weight = fields["weight"].flatMap({ reader.int($0, "weight", in: Self.weightRange) })
    else { return nil }
    var next: Int??
    if let node = fields["next"] {
      guard let resolved = nextScene(node) else { return nil }
      next = resolved
    }
    return Outcome(
      weight: weight,
      effects: fields["effects"].map { effects($0, of: owner) } ?? [],
      setFlags: flagList(fields["set"], "'set' of an outcome of \(owner)"),
      clearFlags: flagList(fields["unset"], "'unset' of an outcome of \(owner)"),
      text: fields["text"].flatMap { text($0, "the text of an outcome of \(owner)") },
      next: next,
      location: reader.location(of: node))
  }

  mutating func effects(_ node: Node, of owner: String) -> [Effect] {
    guard case .mapping(let mapping) = node else {
      reader.error(node, "the effects of \(owner) should be a mapping like 'morale: +5'")
      return []
    }
    var result: [Effect] = []
    for (key, value) in mapping {
      guard let name = reader.string(key, "an effect target") else { continue }
      guard let target = values.firstIndex(where: { $0.name == name }) else {
        if flags.contains(where: { $0.name == name }) {
          reader.error(key, "'\(name)' is a flag; flags change with 'set' and 'unset', not 'effects'")
        } else {
          var message = "effects of \(owner) name '\(name)', which is neither a meter nor a declared variable"
          if let guess = closestMatch(to: name, in: values.map(\.name)) { message += "; did you mean '\(guess)'?" }
          reader.error(key, message)
        }
        continue
      }
      if let amount = reader.int(value, "the change to \(name)", in: -1_000_000...1_000_000) {
        result.append(Effect(target: target, amount: amount, location: reader.location(of: key)))
      }
    }
    return result
  }

  mutating func readDelayed(_ node: Node, of owner: String) -> DelayedEffect? {
    guard let fields = reader.fields(node, "a delayed effect of \(owner)", known: ["in", "effects", "text"], required: ["in", "effects"]),
      let delay = fields["in"].flatMap({ reader.int($0, "'in' (turns from now)", in: 1...100) }),
      let effectsNode = fields["effects"]
    else { return nil }
    return DelayedEffect(
      delay: delay, effects: effects(effectsNode, of: owner),
      text: fields["text"].flatMap { text($0, "the text of a delayed effect of \(owner)") },
      location: reader.location(of: node))
  }

  mutating func readChance(_ node: Node, of owner: String) -> ChanceEffect? {
    guard let fields = reader.fields(node, "a chance effect of \(owner)", known: Self.chanceKeys, required: ["percent"]),
      let percent = fields["percent"].flatMap({ reader.int($0, "percent", in: 1...99) })
    else { return nil }
    var next: Int??
    if let node = fields["next"] {
      guard let resolved = nextScene(node) else { return nil }
      next = resolved
    }
    return ChanceEffect(
      percent: percent,
      effects: fields["effects"].map { effects($0, of: owner) } ?? [],
      setFlags: flagList(fields["set"], "'set' of a chance effect of \(owner)"),
      clearFlags: flagList(fields["unset"], "'unset' of a chance effect of \(owner)"),
      text: fields["text"].flatMap { text($0, "the text of a chance effect of \(owner)") },
      missText: fields["miss"].flatMap { text($0, "the 'miss' text of a chance effect of \(owner)") },
      next: next,
      location: reader.location(of: node))
  }

  // MARK: - Events and endings

  mutating func readEvent(_ node: Node) -> Event? {
    guard let fields = reader.fields(node, "an event", known: Self.eventKeys, required: ["id", "title"]),
      let id = fields["id"].flatMap({ reader.identifier($0, "event id") }),
      let title = fields["title"].flatMap({ reader.nonEmptyString($0, "the title of event '\(id)'") })
    else { return nil }
    if !["when", "chance", "in", "after"].contains(where: fields.has) {
      reader.error(node, "event '\(id)' needs 'when' (a condition), 'chance' (a percentage), 'in' or 'after' (scenes), or some of these")
    }
    var chance = 100
    if let node = fields["chance"] {
      if case .sequence = node {
        reader.error(node, "an event's 'chance' is one percentage, such as 'chance: 25'")
      } else if let percent = reader.int(node, "the chance of event '\(id)'", in: 1...100) {
        chance = percent
      }
    }
    return Event(
      id: id, title: title,
      text: fields["text"].flatMap { text($0, "the text of event '\(id)'") },
      condition: fields["when"].flatMap { expression($0, "the condition of event '\(id)'") },
      chance: chance, once: fields["once"].flatMap { reader.bool($0, "once") } ?? true,
      inScenes: sceneList(fields["in"]), afterScenes: sceneList(fields["after"]),
      consequences: readConsequences(fields, of: "event '\(id)'", chanceOutcomes: false),
      location: reader.location(of: node))
  }

  /// A scene id or a list of them, for an event's `in` and `after`.
  mutating func sceneList(_ node: Node?) -> [Int] {
    guard let node else { return [] }
    return reader.listOrSingle(node).compactMap { item in
      guard let name = reader.string(item, "a scene id") else { return nil }
      guard let index = sceneIDs[name] else {
        unknownScene(name, at: item)
        return nil
      }
      return index
    }
  }

  mutating func readEndings(_ node: Node?) -> [Ending] {
    guard let node, let list = reader.list(node, "endings") else { return [] }
    var endings: [Ending] = []
    for item in list {
      guard let fields = reader.fields(item, "an ending", known: Self.endingKeys, required: ["id", "title", "tone"]),
        let id = fields["id"].flatMap({ reader.identifier($0, "ending id") }),
        let title = fields["title"].flatMap({ reader.nonEmptyString($0, "the title of ending '\(id)'") }),
        let tone = fields["tone"].flatMap({ keyword($0, "tone", Tone.self) })
      else { continue }
      let immediate = fields["immediate"].flatMap { reader.bool($0, "immediate") } ?? false
      let condition = fields["when"].flatMap { expression($0, "the condition of ending '\(id)'") }
      if immediate && !fields.has("when") { reader.error(item, "ending '\(id)' is immediate, so it needs a 'when' condition") }
      endings.append(Ending(
        id: id, title: title, tone: tone, condition: condition, immediate: immediate,
        text: fields["text"].flatMap { text($0, "the text of ending '\(id)'") },
        debrief: fields["debrief"].flatMap { reader.nonEmptyString($0, "debrief") },
        location: reader.location(of: item)))
    }
    checkUnique(endings.map { ($0.id, $0.location) }, "ending")
    let defaults = endings.indices.filter { endings[$0].condition == nil && !endings[$0].immediate }
    if list.isEmpty {
      reader.error(node, "a scenario needs at least one ending; the last one, without 'when', is the default")
    } else if defaults.isEmpty {
      reader.error(node, "add a default ending without 'when' at the end of the list, for when no other ending fits")
    }
    for index in defaults where index != endings.count - 1 {
      reader.error(at: endings[index].location, "ending '\(endings[index].id)' has no 'when', so it is the default ending; move it to the end of the list")
    }
    return endings
  }

  // MARK: - Tests

  mutating func readTest(_ node: Node, endings: [Ending], events: [Event], choices: [Choice]) -> TestCase? {
    guard let fields = reader.fields(node, "a test", known: Self.testKeys, required: ["name", "moves"]),
      let name = fields["name"].flatMap({ reader.nonEmptyString($0, "test name") }),
      let movesNode = fields["moves"]
    else { return nil }
    var moves: [String] = []
    if case .scalar(let scalar) = movesNode {
      moves = scalar.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    } else if let list = reader.list(movesNode, "moves") {
      moves = list.compactMap { reader.string($0, "a move") }
    }
    for move in moves where Int(move) == nil && choiceIDs[move] == nil {
      var message = "test '\(name)' has the move '\(move)', which is neither a number nor a choice id"
      if let guess = closestMatch(to: move, in: choiceIDs.keys.sorted()) { message += "; did you mean '\(guess)'?" }
      reader.error(movesNode, message)
    }
    var seed: UInt64?
    if let node = fields["seed"] {
      if let text = node.string, let value = UInt64(text) { seed = value } else { reader.error(node, "seed should be a whole number from 0 up") }
    }
    let ending = fields["ending"].flatMap { reader.string($0, "ending") }
    if let ending, let endingNode = fields["ending"], !endings.contains(where: { $0.id == ending }) {
      var message = "test '\(name)' expects the ending '\(ending)', which does not exist"
      if let guess = closestMatch(to: ending, in: endings.map(\.id)) { message += "; did you mean '\(guess)'?" }
      reader.error(endingNode, message)
    }
    var test = TestCase(
      name: name, moves: moves, seed: seed, ending: ending,
      tone: fields["tone"].flatMap { keyword($0, "tone", Tone.self) },
      ranges: fields["meters"].map { readRanges($0) } ?? [],
      flags: fields["flags"].map { readExpectedFlags($0) } ?? [],
      location: reader.location(of: node))
    for (key, expected) in [("offered", true), ("not_offered", false)] {
      guard let list = fields[key].flatMap({ reader.list($0, "'\(key)' of test '\(name)'") }) else { continue }
      test.offered += list.compactMap { readOffer($0, key: key, choices: choices) }.map { ($0.turn, $0.choice, expected) }
    }
    for (key, expected) in [("fired", true), ("not_fired", false)] {
      guard let node = fields[key] else { continue }
      for item in reader.listOrSingle(node) {
        guard let id = reader.string(item, "an event id") else { continue }
        guard let index = events.firstIndex(where: { $0.id == id }) else {
          var message = "'\(key)' of test '\(name)' names the event '\(id)', which does not exist"
          if let guess = closestMatch(to: id, in: events.map(\.id)) { message += "; did you mean '\(guess)'?" }
          reader.error(item, message)
          continue
        }
        test.fired.append((index, expected))
      }
    }
    for (key, expected) in [("shows", true), ("hides", false)] {
      guard let node = fields[key] else { continue }
      for item in reader.listOrSingle(node) {
        if let phrase = reader.nonEmptyString(item, "a phrase") { test.phrases.append((phrase, expected)) }
      }
    }
    return test
  }

  /// `{turn: 3, choice: take_back}`: a choice, by id, and the turn it is (not) offered at.
  mutating func readOffer(_ node: Node, key: String, choices: [Choice]) -> (turn: Int, choice: Int)? {
    guard let fields = reader.fields(node, "an item of '\(key)'", known: ["turn", "choice"], required: ["turn", "choice"]),
      let turn = fields["turn"].flatMap({ reader.int($0, "turn", in: 1...10_000) }),
      let choiceNode = fields["choice"], let id = reader.string(choiceNode, "choice")
    else { return nil }
    guard let index = choices.firstIndex(where: { $0.id == id }) else {
      var message = "'\(key)' names the choice '\(id)', which does not exist"
      if let guess = closestMatch(to: id, in: choices.map(\.id)) { message += "; did you mean '\(guess)'?" }
      reader.error(choiceNode, message)
      return nil
    }
    return (turn, index)
  }

  /// `morale: 60..100`, `morale: 70`, or `morale: {min: 60, max: 100}`.
  mutating func readRanges(_ node: Node) -> [TestCase.Range] {
    guard case .mapping(let mapping) = node else {
      reader.error(node, "a test's meters should be a mapping like 'morale: 60..100'")
      return []
    }
    var ranges: [TestCase.Range] = []
    for (key, value) in mapping {
      guard let name = key.string, let index = values.firstIndex(where: { $0.name == name }) else {
        reader.error(key, "'\(key.string ?? "?")' is neither a meter nor a declared variable")
        continue
      }
      if case .mapping = value {
        guard let fields = reader.fields(value, "a range", known: ["min", "max"]) else { continue }
        let lower = fields["min"].flatMap { reader.int($0, "min") } ?? .min
        let upper = fields["max"].flatMap { reader.int($0, "max") } ?? .max
        if lower > upper {
          reader.error(value, "the range of '\(name)' has min \(lower) above max \(upper), so no value fits")
        } else {
          ranges.append(.init(value: index, lower: lower, upper: upper))
        }
      } else if let text = value.string {
        let parts = text.components(separatedBy: "..")
        if parts.count == 2, let lower = Int(parts[0].trimmingCharacters(in: .whitespaces)),
          let upper = Int(parts[1].trimmingCharacters(in: .whitespaces)), lower <= upper
        {
          ranges.append(.init(value: index, lower: lower, upper: upper))
        } else if let exact = Int(text) {
          ranges.append(.init(value: index, lower: exact, upper: exact))
        } else {
          reader.error(value, "expected a range such as '60..100' (low to high) or a number, but found '\(text)'")
        }
      } else {
        reader.error(value, "expected a range such as '60..100', a number, or '{min: 60, max: 100}' for '\(name)'")
      }
    }
    return ranges
  }

  mutating func readExpectedFlags(_ node: Node) -> [(flag: Int, value: Bool)] {
    guard case .mapping(let mapping) = node else {
      reader.error(node, "a test's flags should be a mapping like 'announced: true'")
      return []
    }
    return mapping.compactMap { key, value in
      guard let index = flagList(key, "a test's flags").first, let expected = reader.bool(value, "expected flag value") else { return nil }
      return (index, expected)
    }
  }

  // MARK: - Graph

  /// The most moves from each scene to an ending, or nil (with an error) when scenes loop.
  ///
  /// An iterative depth-first walk, linear in scenes and choices, so that a long chain of
  /// scenes cannot overflow the stack.
  mutating func longestPaths(scenes: [Scene], choices: [Choice]) -> [Int]? {
    enum Mark { case unseen, onPath, done }
    var longest = [Int](repeating: 0, count: scenes.count)
    var marks = [Mark](repeating: .unseen, count: scenes.count)
    // The walk's path: each scene with the index of the next step to follow from it.
    var path: [(scene: Int, choice: Int)] = []
    // Every step a move can take from each scene, counting the routes of chances and outcomes.
    let steps = scenes.map { scene in scene.choices.flatMap { choices[$0].routes(sceneNext: scene.next) } }
    for root in scenes.indices where marks[root] == .unseen {
      marks[root] = .onPath
      path.append((root, 0))
      while let (scene, position) = path.last {
        guard position < steps[scene].count else {
          path.removeLast()
          marks[scene] = .done
          if let parent = path.last?.scene { longest[parent] = max(longest[parent], 1 + longest[scene]) }
          continue
        }
        path[path.count - 1].choice += 1
        guard let next = steps[scene][position] else {
          longest[scene] = max(longest[scene], 1)
          continue
        }
        switch marks[next] {
        case .unseen:
          marks[next] = .onPath
          path.append((next, 0))
        case .onPath:
          let loop = path[(path.firstIndex { $0.scene == next } ?? 0)...].map(\.scene) + [next]
          reportLoop(loop, scenes: scenes)
          return nil
        case .done:
          longest[scene] = max(longest[scene], 1 + longest[next])
        }
      }
    }
    return longest
  }

  mutating func reportLoop(_ loop: [Int], scenes: [Scene]) {
    var names = loop.map { scenes[$0].id }
    // A loop through thousands of scenes would make a message nobody can read.
    if names.count > 8 { names = names.prefix(4) + ["…"] + names.suffix(3) }
    reader.error(at: scenes[loop[0]].location, "scenes form a loop (\(names.joined(separator: " → "))); every path must move forward to an end, so point one 'next' elsewhere")
  }
}
