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
    let packers = StatePacker.turns(scenario: engine.scenario, reads: reads)
    let key = UnsafeMutablePointer<UInt64>.allocate(capacity: packers.map(\.words).max()!)
    defer { key.deallocate() }
    var picker = SplitMix64(seed: 8)
    for seed in UInt64(1)...30 {
      let moves = randomGame(engine, seed: seed, picker: &picker)
      var state = engine.start(seed: seed)
      for (turn, move) in moves.enumerated() {
        packers[state.moves].pack(&state, into: key)
        var remembered = engine.start(seed: 0)
        packers[state.moves].unpack(key, into: &remembered, start: engine.start(seed: 0))
        remembered.rng = state.rng
        #expect(remembered.pending == state.pending)
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

  /// The scene, counters, streak and queue of delayed effects come back exactly at every
  /// turn, so each turn's layout has room for all that turn can hold.
  @Test(arguments: LabFixtures.playable)
  func everythingReadComesBackExactly(path: String) throws {
    let engine = try LabFixtures.engine(path)
    let reads = FutureReads(scenario: engine.scenario, strategyReadsMoveCounts: true)
    let packers = StatePacker.turns(scenario: engine.scenario, reads: reads)
    let key = UnsafeMutablePointer<UInt64>.allocate(capacity: packers.map(\.words).max()!)
    defer { key.deallocate() }
    var picker = SplitMix64(seed: 5)
    for seed in UInt64(1)...40 {
      var state = engine.start(seed: seed)
      while !state.isFinished {
        let start = engine.start(seed: 0)
        var back = start
        packers[state.moves].pack(&state, into: key)
        packers[state.moves].unpack(key, into: &back, start: start)
        back.rng = state.rng
        #expect(back.pending == state.pending)
        #expect(back.scene == state.scene && back.leaderMoves == state.leaderMoves)
        #expect(back.streak == min(state.streak, engine.scenario.balance.streak) && back.lastStyle == state.lastStyle)
        let legal = engine.legalChoices(in: state)
        engine.advance(legal[picker.below(legal.count)], in: &state)
      }
    }
    #expect(packers.allSatisfy { $0.words >= 1 && $0.bits <= $0.words * 64 })
  }

  @Test func tablesMergeEqualStatesAndKeepTheirWeights() {
    let table = StateTable(words: 2, capacity: 4)
    var key: [UInt64] = [0, 1]
    for number in 0..<5000 {
      key[0] = UInt64(number % 7) << 60
      table.add(key, hash: StateTable.hash(key, 2), weight: Weight(probability: 0.5, paths: 1))
    }
    #expect(table.count == 7)
    var paths = 0
    var probability = 0.0
    var seen: Set<UInt64> = []
    table.forEach { key, weight in
      seen.insert(key[0] >> 60)
      paths += weight.paths
      probability += weight.probability
      #expect(key[1] == 1)
    }
    #expect(seen == Set(0..<7))
    #expect(paths == 5000 && probability == 2500)
  }

  /// The same inserts in the same order give the same slot order, so sums are formed alike.
  @Test func slotOrderDependsOnlyOnTheInserts() {
    func order() -> [UInt64] {
      let table = StateTable(words: 1)
      for number in UInt64(0)..<3000 {
        var key = number &* 0x9E37_79B9_7F4A_7C15
        table.add(&key, hash: StateTable.hash(&key, 1), weight: .certain)
      }
      var keys: [UInt64] = []
      table.forEach { key, _ in keys.append(key[0]) }
      return keys
    }
    #expect(order() == order())
  }
}
