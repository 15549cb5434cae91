import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct StatePackingTests {
  /// A state unpacked from its key plays on exactly like the state itself: the same
  /// choices are offered and the same ending is reached with the same meters, even though
  /// it has forgotten what no condition will read again.
  @Test(arguments: LabFixtures.playable)
  func packedStatesPlayOnTheSame(path: String) throws {
    let engine = try LabFixtures.engine(path)
    let reads = FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: false)
    var picker = SplitMix64(seed: 8)
    var key: [UInt8] = []
    for seed in UInt64(1)...30 {
      let moves = randomGame(engine, seed: seed, picker: &picker)
      var state = engine.start(seed: seed)
      for (turn, move) in moves.enumerated() {
        StatePacking.pack(state, keeping: reads, into: &key)
        var remembered = engine.start(seed: 0)
        StatePacking.unpack(key[...], into: &remembered, rng: state.rng)
        var original = state
        for later in moves[turn...] {
          #expect(engine.legalChoices(in: remembered) == engine.legalChoices(in: original))
          engine.advance(later, in: &original)
          engine.advance(later, in: &remembered)
        }
        #expect(remembered.ending == original.ending)
        #expect(Meter.allCases.map(remembered.meter) == Meter.allCases.map(original.meter))
        engine.advance(move, in: &state)
      }
    }
  }

  /// In the tiny fixture, `promised` only changes wording and `budget` is only read by an
  /// offer in the middle scene, so neither is kept where no condition can read it.
  @Test func onlyConditionsAheadKeepAName() throws {
    let engine = try LabFixtures.engine(LabFixtures.tiny)
    let reads = FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: false)
    #expect(engine.scenario.scenes.map(\.id) == ["kickoff", "middle", "detour", "last"])
    #expect(reads.flags.map { $0 == [false] } == [true, true, true, true])
    #expect(reads.values.map { $0 == [true, true, true, true] } == [true, true, false, false])
    #expect(reads.moveCounts == [false, false, false, false])
    #expect(FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: true).moveCounts == [true, true, true, true])
  }

  func randomGame(_ engine: Engine, seed: UInt64, picker: inout SplitMix64) -> [Int] {
    var state = engine.start(seed: seed)
    var moves: [Int] = []
    while case let legal = engine.legalChoices(in: state), !legal.isEmpty {
      let move = legal[picker.below(legal.count)]
      moves.append(move)
      engine.advance(move, in: &state)
    }
    return moves
  }

  @Test func numbersOfEverySizeRoundTrip() {
    var key: [UInt8] = []
    let numbers = [0, 1, -1, 63, -64, 64, 100, 1 << 40, Int.max, Int.min]
    for number in numbers { StatePacking.write(number, to: &key) }
    var position = 0
    #expect(numbers.map { _ in StatePacking.read(key[...], at: &position) } == numbers)
    #expect(position == key.count)
  }

  @Test func tablesMergeEqualStatesAndKeepFirstSeenOrder() {
    var table = StateTable()
    for number in 0..<5000 {
      table.add([UInt8(number % 7), 1][...], weight: Weight(probability: 0.5, paths: 1))
    }
    #expect(table.count == 7)
    #expect(table.key(0) == [0, 1][...])
    #expect(table.key(6) == [6, 1][...])
    #expect(table.weights.map(\.paths).reduce(0, +) == 5000)
  }
}
