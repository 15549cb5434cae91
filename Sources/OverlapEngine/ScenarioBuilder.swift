import Yams

/// Builds a `Scenario` from a YAML tree in two passes: declarations and ids
/// first, so that expressions and `next` references can be resolved in the second.
struct ScenarioBuilder {
  var reader: NodeReader
  var values: [ValueDeclaration] = []
  var flags: [FlagDeclaration] = []
  var sceneIDs: [String: Int] = [:]
  var choiceIDs: [String: SourceLocation] = [:]

  static let topKeys = [
    "format", "id", "title", "summary", "author", "version", "goals", "intro", "meters", "variables",
    "flags", "balance", "start", "scenes", "events", "endings", "tests",
  ]
  static let reservedNames: Set<String> = Set(["and", "or", "not", "true", "false", "min", "max", "abs"] + Expression.Builtin.allCases.map(\.rawValue))

  mutating func build(_ root: Node, path: String, hash: String) -> Scenario? {
    guard let top = reader.fields(root, "the scenario", known: Self.topKeys, required: ["id", "title", "summary", "goals", "scenes", "endings"]) else { return nil }
    let id = top["id"].flatMap { reader.identifier($0, "the scenario id") }
    let title = top["title"].flatMap { reader.nonEmptyString($0, "the title") }
    let summary = top["summary"].flatMap { reader.nonEmptyString($0, "the summary") }
    let author = top["author"].flatMap { reader.string($0, "author") }
    if let version = top["version"] { _ = reader.int(version, "version", in: 1...1_000_000) }
    if let format = top["format"], let number = reader.int(format, "format", in: 1...1_000_000), number > Scenario.format {
      reader.error(format, "this file is written in scenario format \(number), and this Overlap reads formats 1 to \(Scenario.format); install a newer Overlap to play it")
    }
    var goals: [String] = []
    if let node = top["goals"], let list = reader.list(node, "goals") {
      goals = list.compactMap { reader.nonEmptyString($0, "a learning goal") }
      if list.isEmpty { reader.error(node, "list at least one learning goal") }
    }

    readMeters(top["meters"])
    if let node = top["variables"] { readVariables(node) }
    if let node = top["flags"] { readFlags(node) }
    checkCapacity(values.map(\.location), GameState.valueCapacity, "meters and variables")
    checkCapacity(flags.map(\.location), GameState.flagCapacity, "flags")
    let balance = top["balance"].map { readBalance($0) } ?? .standard
    let intro = top["intro"].flatMap { text($0, "the intro") }

    // Pass one: ids, so that forward references resolve.
    let sceneNodes = top["scenes"].flatMap { reader.list($0, "scenes") } ?? []
    if top.has("scenes") && sceneNodes.isEmpty, let node = top["scenes"] { reader.error(node, "add at least one scene") }
    collectIDs(sceneNodes)

    // Pass two: content.
    var scenes: [Scene] = []
    var choices: [Choice] = []
    for (index, node) in sceneNodes.enumerated() {
      if let scene = readScene(node, index: index, count: sceneNodes.count, choices: &choices) {
        scenes.append(scene)
      }
    }
    let events = (top["events"].flatMap { reader.list($0, "events") } ?? []).compactMap { readEvent($0) }
    checkCapacity(events.map(\.location), GameState.eventCapacity, "events")
    checkUnique(events.map { ($0.id, $0.location) }, "event")
    let endings = readEndings(top["endings"])
    let tests = (top["tests"].flatMap { reader.list($0, "tests") } ?? []).compactMap { readTest($0, endings: endings, events: events, choices: choices) }

    var start = 0
    if let node = top["start"], let name = reader.string(node, "start") {
      if let index = sceneIDs[name] { start = index } else { unknownScene(name, at: node) }
    }
    guard reader.diagnostics.isEmpty, let id, let title, let summary, scenes.count == sceneNodes.count else { return nil }
    guard let turnsFrom = longestPaths(scenes: scenes, choices: choices) else { return nil }
    let scenario = Scenario(
      id: id, title: title, summary: summary, author: author, goals: goals, intro: intro,
      values: values, flags: flags, balance: balance, scenes: scenes, choices: choices,
      events: events, endings: endings, tests: tests, startScene: start, turnsFrom: turnsFrom,
      path: path, contentHash: hash)
    return checkDelayedEffects(scenario) ? scenario : nil
  }

  /// A game keeps its delayed effects inline too, so a scenario in which too many could
  /// wait at once is refused, at its longest delay: shortening that helps most.
  mutating func checkDelayedEffects(_ scenario: Scenario) -> Bool {
    let waiting = scenario.mostDelayedEffectsWaiting
    guard waiting > GameState.pendingCapacity else { return true }
    let laters = scenario.allConsequences.flatMap(\.later)
    guard let longest = laters.max(by: { $0.delay < $1.delay }) else { return true }
    reader.error(
      at: longest.location,
      "up to \(waiting) delayed effects could be waiting at once, and a game holds at most \(GameState.pendingCapacity); "
        + "shorten the longest delays, like this one ('in: \(longest.delay)'), or use fewer delayed effects")
    return false
  }

  /// A game keeps its values, flags and fired events inline, so their numbers are capped;
  /// the first declaration past the cap is the one named.
  mutating func checkCapacity(_ locations: [SourceLocation], _ capacity: Int, _ what: String) {
    guard locations.count > capacity else { return }
    reader.error(at: locations[capacity], "a scenario can declare at most \(capacity) \(what); this is number \(capacity + 1)")
  }

  // MARK: - Declarations

  mutating func readMeters(_ node: Node?) {
    var starts = [Int](repeating: 50, count: Meter.allCases.count)
    var locations = [SourceLocation](repeating: SourceLocation(line: 1, column: 1), count: Meter.allCases.count)
    if let node, let fields = reader.fields(node, "meters", known: Meter.allCases.map(\.name)) {
      for meter in Meter.allCases {
        guard let value = fields[meter.name] else { continue }
        locations[meter.rawValue] = reader.location(of: value)
        if let start = reader.int(value, "starting \(meter.name)", in: 0...100) { starts[meter.rawValue] = start }
      }
    }
    values = Meter.allCases.map {
      ValueDeclaration(name: $0.name, start: starts[$0.rawValue], minimum: 0, maximum: 100, location: locations[$0.rawValue])
    }
  }

  mutating func readVariables(_ node: Node) {
    guard case .mapping(let mapping) = node else {
      reader.error(node, "variables should be a mapping of 'name: starting value' lines")
      return
    }
    for (key, value) in mapping {
      guard let name = declaredName(key) else { continue }
      let location = reader.location(of: key)
      if case .mapping = value {
        guard let fields = reader.fields(value, "variable '\(name)'", known: ["start", "min", "max", "show", "label"], required: ["start"])
        else { continue }
        let start = fields["start"].flatMap { reader.int($0, "start") } ?? 0
        let minimum = fields["min"].flatMap { reader.int($0, "min") } ?? Int.min
        let maximum = fields["max"].flatMap { reader.int($0, "max") } ?? Int.max
        if minimum > maximum || !(minimum...maximum).contains(start) {
          reader.error(value, "variable '\(name)' needs min <= start <= max")
          continue
        }
        values.append(
          ValueDeclaration(
            name: name, start: start, minimum: minimum, maximum: maximum, label: gaugeLabel(fields, name: name),
            location: location))
      } else if let start = reader.int(value, "the starting value of '\(name)'") {
        values.append(ValueDeclaration(name: name, start: start, minimum: .min, maximum: .max, label: nil, location: location))
      }
    }
  }

  /// `show: true` puts a variable with the meters, under its `label` (or its name, made
  /// readable); a label without `show` is an error, since it would never be seen.
  mutating func gaugeLabel(_ fields: NodeReader.Fields, name: String) -> String? {
    let shown = fields["show"].flatMap { reader.bool($0, "show") } ?? false
    let label = fields["label"].flatMap { reader.nonEmptyString($0, "the label of variable '\(name)'") }
    if let label, let node = fields["label"] {
      if !shown { reader.error(node, "variable '\(name)' has a label but is not shown; add 'show: true'") }
      if label.count > 24 { reader.error(node, "the label of variable '\(name)' is \(label.count) characters; keep it to 24, so it fits beside the meters") }
    }
    guard shown else { return nil }
    return label ?? name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").capitalized
  }

  mutating func readFlags(_ node: Node) {
    switch node {
    case .sequence(let sequence):
      for item in sequence {
        if let name = declaredName(item) { flags.append(FlagDeclaration(name: name, start: false, location: reader.location(of: item))) }
      }
    case .mapping(let mapping):
      for (key, value) in mapping {
        guard let name = declaredName(key) else { continue }
        if let start = reader.bool(value, "the starting value of flag '\(name)'") {
          flags.append(FlagDeclaration(name: name, start: start, location: reader.location(of: key)))
        }
      }
    default:
      reader.error(node, "flags should be a list of names, or a mapping of 'name: true|false'")
    }
  }

  /// A new variable or flag name: usable in expressions and not taken.
  mutating func declaredName(_ node: Node) -> String? {
    guard let name = reader.string(node, "a name") else { return nil }
    let first = name.unicodeScalars.first
    let valid = first.map { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) } ?? false
      && name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil) }
    if !valid {
      reader.error(node, "'\(name)' is not a usable name: start with a letter and use only letters, digits and '_'")
      return nil
    }
    if Self.reservedNames.contains(name) || values.contains(where: { $0.name == name }) || flags.contains(where: { $0.name == name }) {
      reader.error(node, "the name '\(name)' is already taken; choose another")
      return nil
    }
    return name
  }

  mutating func readBalance(_ node: Node) -> Balance {
    guard let fields = reader.fields(node, "balance", known: ["streak", "fade"]) else { return .standard }
    return Balance(
      streak: fields["streak"].flatMap { reader.int($0, "balance streak", in: 1...100) } ?? Balance.standard.streak,
      fade: fields["fade"].flatMap { reader.int($0, "balance fade", in: 0...100) } ?? Balance.standard.fade)
  }

  // MARK: - Names and references

  func lookup(_ name: String) -> Expression.Name? {
    if let builtin = Expression.Builtin(rawValue: name) { return .builtin(builtin) }
    if let index = values.firstIndex(where: { $0.name == name }) { return .value(index) }
    if let index = flags.firstIndex(where: { $0.name == name }) { return .flag(index) }
    return nil
  }

  var allNames: [String] { values.map(\.name) + flags.map(\.name) + Expression.Builtin.allCases.map(\.rawValue) }

  mutating func expression(_ node: Node, _ what: String) -> Expression? {
    guard let source = reader.string(node, what) else { return nil }
    do {
      return try Expression(source, lookup: lookup)
    } catch {
      reportExpressionError(error, in: node, what: what)
      return nil
    }
  }

  mutating func reportExpressionError(_ error: ExpressionError, in node: Node, what: String) {
    var message = "in \(what): \(error.message)"
    if error.message.hasPrefix("unknown name '"), let name = error.message.split(separator: "'").dropFirst().first {
      if let guess = closestMatch(to: String(name), in: allNames) {
        message += "; did you mean '\(guess)'?"
      } else {
        message += "; declare it under 'variables' or 'flags'"
      }
    }
    reader.error(at: reader.location(of: node, offset: error.offset), message)
  }

  mutating func text(_ node: Node, _ what: String) -> Text? {
    let location = reader.location(of: node)
    var paragraphs: [Text.Paragraph] = []
    // The conditions of the `if` and `elif` paragraphs before this one, while a chain is open.
    var chain: [Expression]?
    for item in reader.listOrSingle(node) {
      var condition: Expression?
      var requires: [Int] = []
      var body = item
      if case .mapping = item {
        guard let fields = reader.fields(item, "a paragraph of \(what)", known: ["if", "elif", "else", "text", "requires"])
        else {
          chain = nil
          continue
        }
        requires = flagList(fields["requires"], "'requires' of a paragraph of \(what)")
        if !fields.has("if") && !fields.has("elif") && !fields.has("else"), let textNode = fields["text"] {
          // `{text, requires}`: a plain paragraph that names what it takes for granted.
          chain = nil
          body = textNode
        } else if let (own, textNode) = conditionalParagraph(fields, what: what, after: chain) {
          condition = own.shown
          chain = own.chain
          body = textNode
        } else {
          chain = nil
          continue
        }
      } else {
        chain = nil
      }
      guard let raw = reader.nonEmptyString(body, what) else { continue }
      // YAML block scalars ('>' and '|') end with a newline that is not part of the prose.
      let source = String(raw.reversed().drop { $0.isNewline || $0 == " " }.reversed())
      do {
        paragraphs.append(
          Text.Paragraph(condition: condition, segments: try Text.segments(of: source, lookup: lookup), requires: requires))
      } catch {
        reportExpressionError(error, in: body, what: what)
      }
    }
    return paragraphs.isEmpty ? nil : Text(paragraphs: paragraphs, location: location)
  }

  /// Reads `{if: c, text}`, `{elif: c, text}` or `{else: text}`: the condition under which
  /// the paragraph shows, the chain it leaves open, and the node of its text.
  mutating func conditionalParagraph(
    _ fields: NodeReader.Fields, what: String, after chain: [Expression]?
  ) -> ((shown: Expression, chain: [Expression]?), Node)? {
    let kinds = ["if", "elif", "else"].filter { fields.has($0) }
    guard kinds.count == 1, let kind = kinds.first, let keyNode = fields[kind] else {
      reader.error(fields.node, "a conditional paragraph of \(what) needs exactly one of 'if', 'elif' or 'else'")
      return nil
    }
    if kind != "if" && chain == nil {
      reader.error(keyNode, "'\(kind)' in \(what) must follow an 'if' or 'elif' paragraph")
      return nil
    }
    if kind == "else" {
      if fields.has("text") { reader.error(fields.node, "'else' in \(what) holds its text itself, as in 'else: The team waits.'; remove 'text'") }
      return ((Expression(noneOf: chain ?? [], then: nil), nil), keyNode)
    }
    guard let textNode = fields["text"] else {
      reader.error(fields.node, "a conditional paragraph of \(what) is missing the required key 'text'")
      return nil
    }
    guard let own = expression(keyNode, "the condition of a paragraph of \(what)") else { return nil }
    let earlier = kind == "if" ? [] : chain ?? []
    return ((Expression(noneOf: earlier, then: own), earlier + [own]), textNode)
  }

  mutating func collectIDs(_ sceneNodes: [Node]) {
    for node in sceneNodes {
      guard case .mapping(let mapping) = node else { continue }
      for (key, value) in mapping where key.string == "id" {
        guard let id = value.string else { continue }
        if sceneIDs[id] != nil {
          reader.error(value, "scene id '\(id)' is used twice; ids must be unique")
        } else {
          sceneIDs[id] = sceneIDs.count
        }
      }
    }
  }

  mutating func unknownScene(_ name: String, at node: Node) {
    var message = "no scene has the id '\(name)'"
    if let guess = closestMatch(to: name, in: sceneIDs.keys.sorted() + ["end"]) { message += "; did you mean '\(guess)'?" }
    reader.error(node, message)
  }

  /// `end` ends the game; anything else must be a scene id.
  mutating func nextScene(_ node: Node) -> Int?? {
    guard let name = reader.string(node, "next") else { return .none }
    if name == "end" { return .some(nil) }
    guard let index = sceneIDs[name] else {
      unknownScene(name, at: node)
      return .none
    }
    return .some(index)
  }

  mutating func checkUnique(_ items: [(String, SourceLocation)], _ kind: String) {
    var seen: Set<String> = []
    for (id, location) in items where !seen.insert(id).inserted {
      reader.error(at: location, "\(kind) id '\(id)' is used twice; ids must be unique")
    }
  }

  mutating func flagList(_ node: Node?, _ what: String) -> [Int] {
    guard let node else { return [] }
    return reader.listOrSingle(node).compactMap { item in
      guard let name = reader.string(item, what) else { return nil }
      if let index = flags.firstIndex(where: { $0.name == name }) { return index }
      var message = "'\(name)' in \(what) is not a declared flag"
      if let guess = closestMatch(to: name, in: flags.map(\.name)) {
        message += "; did you mean '\(guess)'?"
      } else {
        message += "; declare it under 'flags'"
      }
      reader.error(item, message)
      return nil
    }
  }
}
