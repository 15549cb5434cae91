/// The runtime form of a scenario: what the rules read, and nothing else.
///
/// `Scenario` keeps names, text and source positions for the linter, the screens and
/// the debrief. This keeps numbers only, in flat pools of plain records owned by one
/// immutable object that every thread shares: reading it costs no reference counting,
/// because nothing in it is a reference.
public final class CompiledScenario: @unchecked Sendable {
  struct Span: Sendable, BitwiseCopyable {
    var start: Int32
    var count: Int32

    @inline(__always) var range: Range<Int> { Int(start)..<Int(start + count) }
  }

  /// The loader keeps amounts within ±1,000,000.
  struct Effect: Sendable, BitwiseCopyable {
    var target: Int32
    var amount: Int32
    /// What is left of it after the balance rule's fade: gains scale, losses stay whole.
    var faded: Int32
  }

  /// Flags set, then flags cleared, as indices into `masks`.
  struct FlagChange: Sendable, BitwiseCopyable {
    var set: Int32
    var clear: Int32
  }

  struct Chance: Sendable, BitwiseCopyable {
    var percent: Int
    var effects: Span
    var flags: FlagChange
    /// A `Route`.
    var next: Int32
  }

  /// Where a chance or an outcome sends the story: `keep` leaves the move's route alone,
  /// `end` ends the story, anything else is a scene.
  enum Route {
    static let keep: Int32 = -2
    static let end: Int32 = -1

    static func code(_ next: Int??) -> Int32 {
      switch next {
      case .none: keep
      case .some(.none): end
      case .some(.some(let scene)): Int32(scene)
      }
    }
  }

  struct Outcome: Sendable, BitwiseCopyable {
    var effects: Span
    var flags: FlagChange
    /// A `Route`.
    var next: Int32
  }

  /// A `one_of`: outcomes and their weights, in step.
  struct OneOf: Sendable, BitwiseCopyable {
    /// Into `weights`.
    var weights: Span
    var total: Int
    /// Into `outcomes`.
    var outcomes: Span
  }

  struct Later: Sendable, BitwiseCopyable {
    var delay: Int
    var effects: Span
  }

  struct Consequences: Sendable, BitwiseCopyable {
    var effects: Span
    var chances: Span
    /// Into `laters`, in the order written: a pending entry's `index` counts from `start`.
    var later: Span
    var flags: FlagChange
    /// Into `oneOfs`, or -1 for none.
    var oneOf: Int32
  }

  /// A condition: by its atoms, or, where atoms cannot express it, by its bytecode
  /// (and then its atoms' masks are empty).
  struct Condition: Sendable, BitwiseCopyable {
    var atoms: AtomCondition
    var program: Program
    var byProgram: Bool
  }

  struct Choice: Sendable, BitwiseCopyable {
    var condition: Condition
    var isLeader: Bool
    var scene: Int32
    /// Where the move sends the story (its own `next`, else its scene's), as a `Route`
    /// that is never `keep`.
    var next: Int32
    var consequences: Consequences
  }

  struct Event: Sendable, BitwiseCopyable {
    var condition: Condition
    var chance: Int
    var consequences: Consequences
  }

  struct Ending: Sendable, BitwiseCopyable {
    var condition: Condition
  }

  struct Scene: Sendable, BitwiseCopyable {
    /// Into `sceneLists`: the scene's choices in the order shown.
    var choices: Span
  }

  let code: UnsafeMutableBufferPointer<Int32>
  /// The names (and differences) and bytes of flags that atoms test, interval edges,
  /// atom tables, and the longer terms of conditions decided by atoms (`AtomCondition.rest`).
  let atomTerms: UnsafeMutableBufferPointer<AtomTerm>
  /// The first terms, each one meter or variable read by value.
  let atomValueTerms: Int
  /// The last terms, from here on, read only the move counters; while a game's counts are
  /// below `atomCounterSide`, one entry of the table at `atomCounterTable` stands for them all.
  let atomCounterTerms: Int
  let atomCounterTable: Int
  let atomCounterSide: Int
  let atomFlagBytes: UnsafeMutableBufferPointer<AtomFlagByte>
  let atomBounds: UnsafeMutableBufferPointer<Int>
  let atomTable: UnsafeMutableBufferPointer<AtomSet>
  let atomMasks: UnsafeMutableBufferPointer<AtomSet>
  let constants: UnsafeMutableBufferPointer<Int>
  let effects: UnsafeMutableBufferPointer<Effect>
  let masks: UnsafeMutableBufferPointer<BitSet256>
  let chances: UnsafeMutableBufferPointer<Chance>
  let laters: UnsafeMutableBufferPointer<Later>
  let oneOfs: UnsafeMutableBufferPointer<OneOf>
  let outcomes: UnsafeMutableBufferPointer<Outcome>
  let weights: UnsafeMutableBufferPointer<Int>
  let choices: UnsafeMutableBufferPointer<Choice>
  let events: UnsafeMutableBufferPointer<Event>
  let endings: UnsafeMutableBufferPointer<Ending>
  let scenes: UnsafeMutableBufferPointer<Scene>
  /// The choices each scene lists.
  let sceneLists: UnsafeMutableBufferPointer<Int32>
  let minimums: UnsafeMutableBufferPointer<Int>
  let maximums: UnsafeMutableBufferPointer<Int>
  /// Endings checked after every move, in priority order.
  let immediateEndings: UnsafeMutableBufferPointer<Int32>
  /// Events that fire at most once: once fired, the rules skip them by mask.
  let onceEvents: BitSet256
  /// By scene: the events whose `after` allows a move played there.
  let eventsAfter: UnsafeMutableBufferPointer<BitSet256>
  /// By scene, then one more for a story that has ended: the events whose `in` allows
  /// arriving there. With `eventsAfter`, the rules visit only events the scenes allow.
  let eventsArriving: UnsafeMutableBufferPointer<BitSet256>
  let stackDepth: Int
  let balanceStreak: Int
  let balanceFade: Int

  init(_ scenario: Scenario) {
    var writer = CodeWriter()
    var effects: [Effect] = []
    var masks: [BitSet256] = [BitSet256()]
    var chances: [Chance] = []
    var laters: [Later] = []
    var oneOfs: [OneOf] = []
    var outcomes: [Outcome] = []
    var weights: [Int] = []
    var lists: [Int32] = []

    func span<T>(_ items: [T], into pool: inout [T]) -> Span {
      defer { pool += items }
      return Span(start: Int32(pool.count), count: Int32(items.count))
    }
    func effectSpan(_ list: [OverlapEngine.Effect]) -> Span {
      span(
        list.map {
          Effect(
            target: Int32($0.target), amount: Int32($0.amount),
            faded: Int32($0.amount > 0 ? Engine.scaled($0.amount, percent: scenario.balance.fade) : $0.amount))
        }, into: &effects)
    }
    func mask(_ flags: [Int]) -> Int32 {
      guard !flags.isEmpty else { return 0 }
      var bits = BitSet256()
      for flag in flags { bits[flag] = true }
      masks.append(bits)
      return Int32(masks.count - 1)
    }
    func compile(_ consequences: OverlapEngine.Consequences) -> Consequences {
      let own = effectSpan(consequences.effects)
      let chanceRecords = consequences.chances.map {
        Chance(
          percent: $0.percent, effects: effectSpan($0.effects), flags: FlagChange(set: mask($0.setFlags), clear: mask($0.clearFlags)),
          next: Route.code($0.next))
      }
      var oneOf: Int32 = -1
      if let picks = consequences.oneOf {
        let records = picks.outcomes.map {
          Outcome(effects: effectSpan($0.effects), flags: FlagChange(set: mask($0.setFlags), clear: mask($0.clearFlags)), next: Route.code($0.next))
        }
        oneOfs.append(OneOf(weights: span(picks.weights, into: &weights), total: picks.total, outcomes: span(records, into: &outcomes)))
        oneOf = Int32(oneOfs.count - 1)
      }
      let laterRecords = consequences.later.map { Later(delay: $0.delay, effects: effectSpan($0.effects)) }
      return Consequences(
        effects: own, chances: span(chanceRecords, into: &chances), later: span(laterRecords, into: &laters),
        flags: FlagChange(set: mask(consequences.setFlags), clear: mask(consequences.clearFlags)), oneOf: oneOf)
    }

    // Atoms for the conditions checked most first, in case there are too many for all.
    var atoms = AtomWriter { name in
      guard name < NameCode.turn else { return true }
      let value = scenario.values[Int(name)]
      return AtomWriter.isSmall(value.minimum) && AtomWriter.isSmall(value.maximum)
    }
    let eventAtoms = scenario.events.map { atoms.write($0.condition) }
    let endingAtoms = scenario.endings.map { atoms.write($0.condition) }
    let choiceAtoms = scenario.choices.map { atoms.write($0.condition) }
    func condition(_ expression: Expression?, _ atoms: AtomCondition?) -> Condition {
      guard let atoms else { return Condition(atoms: AtomCondition(), program: writer.write(expression), byProgram: true) }
      return Condition(atoms: atoms, program: .always, byProgram: false)
    }

    let choices = scenario.choices.enumerated().map { index, choice in
      Choice(
        condition: condition(choice.condition, choiceAtoms[index]), isLeader: choice.style == .leader, scene: Int32(choice.scene),
        next: Route.code(.some(choice.next ?? scenario.scenes[choice.scene].next)), consequences: compile(choice.consequences))
    }
    var once = BitSet256()
    var after = Array(repeating: BitSet256(), count: scenario.scenes.count)
    var arriving = Array(repeating: BitSet256(), count: scenario.scenes.count + 1)
    let events = scenario.events.enumerated().map { index, event in
      once[index] = event.once
      for scene in event.afterScenes.isEmpty ? Array(after.indices) : event.afterScenes { after[scene][index] = true }
      for scene in event.inScenes.isEmpty ? Array(arriving.indices) : event.inScenes { arriving[scene][index] = true }
      return Event(
        condition: condition(event.condition, eventAtoms[index]), chance: event.chance,
        consequences: compile(event.consequences))
    }
    let endings = scenario.endings.enumerated().map { Ending(condition: condition($1.condition, endingAtoms[$0])) }
    let scenes = scenario.scenes.map {
      Scene(choices: span($0.choices.map(Int32.init), into: &lists))
    }

    code = Self.pool(writer.code)
    let tables = atoms.tables(maxTurns: scenario.maxTurns)
    atomTerms = Self.pool(tables.terms)
    atomValueTerms = tables.valueTerms
    atomCounterTerms = tables.counterTerms
    atomCounterTable = tables.counterTable
    atomCounterSide = tables.counterSide
    atomFlagBytes = Self.pool(tables.flagBytes)
    atomBounds = Self.pool(tables.bounds)
    atomTable = Self.pool(tables.table)
    atomMasks = Self.pool(atoms.masks)
    constants = Self.pool(writer.constants)
    self.effects = Self.pool(effects)
    self.masks = Self.pool(masks)
    self.chances = Self.pool(chances)
    self.laters = Self.pool(laters)
    self.oneOfs = Self.pool(oneOfs)
    self.outcomes = Self.pool(outcomes)
    self.weights = Self.pool(weights)
    self.choices = Self.pool(choices)
    self.events = Self.pool(events)
    self.endings = Self.pool(endings)
    self.scenes = Self.pool(scenes)
    sceneLists = Self.pool(lists)
    minimums = Self.pool(scenario.values.map(\.minimum))
    maximums = Self.pool(scenario.values.map(\.maximum))
    immediateEndings = Self.pool(scenario.endings.indices.filter { scenario.endings[$0].immediate }.map(Int32.init))
    onceEvents = once
    eventsAfter = Self.pool(after)
    eventsArriving = Self.pool(arriving)
    stackDepth = writer.stackDepth
    balanceStreak = scenario.balance.streak
    balanceFade = scenario.balance.fade
  }

  deinit {
    code.deallocate()
    atomTerms.deallocate()
    atomFlagBytes.deallocate()
    atomBounds.deallocate()
    atomTable.deallocate()
    atomMasks.deallocate()
    constants.deallocate()
    effects.deallocate()
    masks.deallocate()
    chances.deallocate()
    laters.deallocate()
    oneOfs.deallocate()
    outcomes.deallocate()
    weights.deallocate()
    choices.deallocate()
    events.deallocate()
    endings.deallocate()
    scenes.deallocate()
    sceneLists.deallocate()
    minimums.deallocate()
    maximums.deallocate()
    immediateEndings.deallocate()
    eventsAfter.deallocate()
    eventsArriving.deallocate()
  }

  private static func pool<T>(_ items: [T]) -> UnsafeMutableBufferPointer<T> {
    // Never a zero-sized allocation, so every pool has an address to free.
    let storage = UnsafeMutableBufferPointer<T>.allocate(capacity: max(items.count, 1))
    _ = storage.initialize(from: items)
    return UnsafeMutableBufferPointer(start: storage.baseAddress, count: items.count)
  }

  /// The delayed effect a pending entry stands for.
  @inline(__always)
  func later(_ entry: PendingQueue.Entry) -> Later {
    let owner = entry.source >= 0 ? choices[Int(entry.source)].consequences.later : events[Int(~entry.source)].consequences.later
    return laters[Int(owner.start) + Int(entry.index)]
  }
}
