import OverlapEngine

/// Final meter values counted in fixed bins over 0...100, so statistics over any
/// number of runs take the same memory and merge by addition.
///
/// Weights are counts when sampling and probabilities when exploring exhaustively.
public struct MeterHistogram: Sendable, Equatable {
  static let bins = 101

  /// `bins` weights for each meter, meters in `Meter.allCases` order.
  var weights: [Double]

  init() {
    weights = Array(repeating: 0, count: Meter.allCases.count * Self.bins)
  }

  /// Adds the meters of a finished game.
  @inline(__always)
  mutating func add(_ state: GameState, weight: Double = 1) {
    add(meters: state.value(0), state.value(1), state.value(2), weight: weight)
  }

  mutating func add(meters morale: Int, _ efficiency: Int, _ stability: Int, weight: Double = 1) {
    count(morale, meter: 0, weight: weight)
    count(efficiency, meter: 1, weight: weight)
    count(stability, meter: 2, weight: weight)
  }

  @inline(__always)
  private mutating func count(_ value: Int, meter: Int, weight: Double) {
    weights[meter * Self.bins + min(max(value, 0), Self.bins - 1)] += weight
  }

  mutating func merge(_ other: MeterHistogram) {
    for index in weights.indices { weights[index] += other.weights[index] }
  }

  /// Mean, percentiles and extremes of one meter, or nil when nothing was added.
  func statistics(of meter: Meter) -> MeterStatistics? {
    let bins = weights[(meter.rawValue * Self.bins)..<((meter.rawValue + 1) * Self.bins)]
    let total = bins.reduce(0, +)
    guard total > 0 else { return nil }
    var sum = 0.0
    var lowest: Int?
    var highest = 0
    for (value, weight) in zip(0..., bins) where weight > 0 {
      sum += Double(value) * weight
      lowest = lowest ?? value
      highest = value
    }
    /// Nearest rank: the smallest value with at least `fraction` of the weight at or below it.
    func percentile(_ fraction: Double) -> Int {
      // Probabilities are sums of products, so allow for rounding in the last bits.
      let target = fraction * total * (1 - 1e-12)
      var cumulative = 0.0
      for (value, weight) in zip(0..., bins) {
        cumulative += weight
        if weight > 0, cumulative >= target { return value }
      }
      return highest
    }
    return MeterStatistics(
      mean: (sum / total * 100).rounded() / 100, p10: percentile(0.1), p50: percentile(0.5), p90: percentile(0.9),
      min: lowest ?? 0, max: highest)
  }
}

/// How a meter ended across many games.
public struct MeterStatistics: Codable, Equatable, Sendable {
  /// Rounded to two decimals.
  public var mean: Double
  public var p10: Int
  public var p50: Int
  public var p90: Int
  public var min: Int
  public var max: Int
}
