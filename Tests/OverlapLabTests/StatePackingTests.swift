import OverlapEngine
import Testing

@testable import OverlapLab

@Suite struct StatePackingTests {
  /// Every state a game passes through packs and unpacks to itself, apart from the generator.
  @Test(arguments: LabFixtures.playable)
  func roundTrips(path: String) throws {
    let engine = try LabFixtures.engine(path)
    var picker = SplitMix64(seed: 8)
    var key: [UInt8] = []
    var unpacked = engine.start(seed: 0)
    for seed in UInt64(1)...30 {
      var state = engine.start(seed: seed)
      while true {
        StatePacking.pack(state, into: &key)
        StatePacking.unpack(key[...], into: &unpacked, rng: state.rng)
        #expect(unpacked == state)
        let legal = engine.legalChoices(in: state)
        guard !legal.isEmpty else { break }
        engine.advance(legal[picker.below(legal.count)], in: &state)
      }
    }
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
