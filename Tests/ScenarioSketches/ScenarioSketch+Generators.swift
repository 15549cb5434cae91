import PropertyBased

/// Generators of random scenarios. Every choice is a small integer, so shrinking
/// moves towards fewer parts, constant zeros and the plainest options.
public enum Sketches {
  /// A number that is mostly small, and otherwise at the limits of `Int` or big and round.
  static let number: Generator<Int, some SendableSequenceType> = zip(Gen.int(in: 0...7), Gen.int(in: -100...100)).map {
    (kind: Int, small: Int) -> Int in
    switch kind {
    case 1: Int.max - abs(small)
    case 2: Int.min + abs(small)
    case 3: small * 10_000_000_000
    case 4: small < 0 ? -1_000_000 : 1_000_000
    default: small
    }
  }

  /// An effect's amount: mostly small, sometimes up to the loader's limit of ±1,000,000.
  static let amount: Generator<Int, some SendableSequenceType> = zip(Gen.int(in: 0...4), Gen.int(in: -30...30)).map {
    (kind: Int, small: Int) -> Int in
    switch kind {
    case 1: small < 0 ? -1_000_000 : 1_000_000
    case 2: small * 33_333
    default: small
    }
  }

  static let effect: Generator<EffectSketch, some SendableSequenceType> = zip(Gen.int(in: 0...6), amount).map {
    EffectSketch(target: $0, amount: $1)
  }

  static let atom: Generator<AtomSketch, some SendableSequenceType> = zip(Gen.int(in: 0...4), Gen.int(in: 0...6), number).map {
    AtomSketch(kind: $0, index: $1, number: $2)
  }

  static let term: Generator<TermSketch, some SendableSequenceType> = zip(
    atom, zip(Gen.int(in: 0...6), atom).map { StepSketch(operation: $0, atom: $1) }.array(of: 0...2)
  ).map { TermSketch(first: $0, steps: $1) }

  static let clause: Generator<ClauseSketch, some SendableSequenceType> = zip(Gen.bool, term, Gen.int(in: 0...6), term, Gen.bool).map {
    ClauseSketch(negated: $0, left: $1, comparison: $2, right: $3, joinedWithOr: $4)
  }

  static let flagIndices: Generator<[Int], some SendableSequenceType> = Gen.int(in: 0...3).array(of: 0...2)

  static let later: Generator<LaterSketch, some SendableSequenceType> = zip(Gen.int(in: 1...4), effect.array(of: 1...2), term.optional).map {
    LaterSketch(delay: $0, effects: $1, text: $2)
  }

  /// A route on a result: mostly none (0), as in `ChoiceSketch.next`.
  static let route: Generator<Int, some SendableSequenceType> = zip(Gen.bool, Gen.int(in: 1...4)).map { $0 ? $1 : 0 }

  static let chance: Generator<ChanceSketch, some SendableSequenceType> = zip(
    Gen.int(in: 1...99), effect.array(of: 0...2), flagIndices, flagIndices, route
  ).map { ChanceSketch(percent: $0, effects: $1, set: $2, unset: $3, next: $4) }

  static let outcome: Generator<OutcomeSketch, some SendableSequenceType> = zip(
    Gen.int(in: 1...5), effect.array(of: 0...2), flagIndices, flagIndices, route
  ).map { OutcomeSketch(weight: $0, effects: $1, set: $2, unset: $3, next: $4) }

  static let choice: Generator<ChoiceSketch, some SendableSequenceType> = zip(
    Gen.bool, clause.array(of: 0...2), effect.array(of: 0...3), later.array(of: 0...2),
    zip(chance.array(of: 0...2), outcome.array(of: 0...3)), flagIndices, flagIndices, Gen.int(in: 0...4), term.optional
  ).map {
    ChoiceSketch(
      leader: $0, condition: $1, effects: $2, later: $3, chances: $4.0, oneOf: $4.1, set: $5, unset: $6, next: $7,
      outcome: $8)
  }

  static let scene: Generator<SceneSketch, some SendableSequenceType> = zip(
    choice.array(of: 1...3), Gen.int(in: 0...4), term.optional, clause.array(of: 0...1)
  ).map { SceneSketch(choices: $0, next: $1, shown: $2, aside: $3) }

  static let event: Generator<EventSketch, some SendableSequenceType> = zip(
    clause.array(of: 0...2), Gen.int(in: 0...100), Gen.bool, effect.array(of: 0...2), flagIndices, flagIndices,
    later.array(of: 0...1)
  ).map { EventSketch(condition: $0, chance: $1, once: $2, effects: $3, set: $4, unset: $5, later: $6) }

  static let ending: Generator<EndingSketch, some SendableSequenceType> = zip(
    clause.array(of: 1...2), Gen.bool, Gen.int(in: 0...2), term.optional
  ).map { EndingSketch(condition: $0, immediate: $1, tone: $2, text: $3) }

  /// A variable's start: half the time within a hundred of a limit of `Int`, where
  /// effects and arithmetic overflow.
  static let start: Generator<Int, some SendableSequenceType> = zip(Gen.int(in: 0...3), Gen.int(in: -100...100)).map {
    (kind: Int, small: Int) -> Int in
    switch kind {
    case 1: Int.max - abs(small)
    case 2: Int.min + abs(small)
    default: small
    }
  }

  static let variable: Generator<VariableSketch, some SendableSequenceType> = zip(
    start, Gen.int(in: 0...50).optional, Gen.int(in: 0...50).optional
  ).map { VariableSketch(start: $0, below: $1, above: $2) }

  /// A whole scenario: up to four scenes of up to three choices, with events and endings.
  /// Two events at most, so that the delayed effects that can wait at once stay within
  /// what a game holds (16: four moves' worth of two a choice and one an event).
  public static let scenario: Generator<ScenarioSketch, some SendableSequenceType> = zip(
    Gen.int(in: 0...100).array(of: 3), variable.array(of: 0...3), Gen.bool.array(of: 0...3),
    zip(Gen.int(in: 0...4), Gen.int(in: 0...100)), scene.array(of: 1...4), event.array(of: 0...2),
    ending.array(of: 0...3)
  ).map {
    ScenarioSketch(
      meters: $0, variables: $1, flags: $2, streak: $3.0, fade: $3.1, scenes: $4, events: $5, endings: $6)
  }
}
