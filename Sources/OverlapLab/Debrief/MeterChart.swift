/// A line chart of one meter's history for the terminal. The three meters share one
/// scale, so their charts compare at a glance.
///
/// Unicode mode draws with braille dots: each cell holds 2×4 dots, so a chart of
/// `height` rows has `4 × height` levels. ASCII mode uses three marks per row
/// (`.` low, `-` middle, `'` high) and `|` for steep climbs.
enum MeterChart {
  /// The chart as `height` lines of exactly `width` characters.
  static func lines(_ values: [Int], range: ClosedRange<Int>, width: Int, height: Int, unicode: Bool) -> [String] {
    guard width > 0, height > 0 else { return [] }
    return unicode
      ? braille(values, range: range, width: width, height: height)
      : ascii(values, range: range, width: width, height: height)
  }

  /// A scale in tens around every value, at least 20 wide, within 0–100: a few points'
  /// change must show, which it would not on the full 0–100 scale at this height.
  static func range(of values: [Int]) -> ClosedRange<Int> {
    guard let low = values.min(), let high = values.max() else { return 0...100 }
    var lower = max(0, (low - 5) / 10 * 10)
    var upper = min(100, (high + 14) / 10 * 10)
    while upper - lower < 20 {
      if upper < 100 { upper += 10 } else { lower -= 10 }
    }
    return max(0, lower)...upper
  }

  /// The horizontal position, from 0 to `columns - 1`, of point `index` of `count`.
  static func position(of index: Int, count: Int, columns: Int) -> Int {
    count <= 1 ? 0 : (index * (columns - 1) + (count - 1) / 2) / (count - 1)
  }

  /// The value at each of `columns` positions, interpolated linearly between points.
  static func resample(_ values: [Int], columns: Int) -> [Double] {
    guard let first = values.first else { return Array(repeating: 0, count: columns) }
    guard values.count > 1 else { return Array(repeating: Double(first), count: columns) }
    return (0..<columns).map { column in
      let x = Double(column) * Double(values.count - 1) / Double(max(1, columns - 1))
      let left = min(values.count - 2, Int(x))
      let fraction = x - Double(left)
      return Double(values[left]) + (Double(values[left + 1]) - Double(values[left])) * fraction
    }
  }

  /// The level, 0 (bottom) to `levels - 1`, of a value on the scale.
  static func level(_ value: Double, range: ClosedRange<Int>, levels: Int) -> Int {
    let span = Double(max(1, range.upperBound - range.lowerBound))
    let fraction = min(1, max(0, (value - Double(range.lowerBound)) / span))
    return min(levels - 1, Int((fraction * Double(levels - 1)).rounded()))
  }

  // MARK: - Braille

  /// Braille dot bits by row (top to bottom) for the left and right dot columns.
  static let leftDots: [UInt32] = [0x01, 0x02, 0x04, 0x40]
  static let rightDots: [UInt32] = [0x08, 0x10, 0x20, 0x80]

  static func braille(_ values: [Int], range: ClosedRange<Int>, width: Int, height: Int) -> [String] {
    let levels = height * 4
    let dotColumns = width * 2
    let heights = resample(values, columns: dotColumns).map { level($0, range: range, levels: levels) }
    var cells = Array(repeating: Array(repeating: UInt32(0), count: width), count: height)
    for column in 0..<dotColumns {
      // Join up to the previous column's level so steep changes stay one line.
      let current = heights[column]
      let previous = column > 0 ? heights[column - 1] : current
      let span =
        current > previous
        ? (previous + 1)...current : current < previous ? current...(previous - 1) : current...current
      let bits = column % 2 == 0 ? leftDots : rightDots
      for level in span {
        let rowFromTop = levels - 1 - level
        cells[rowFromTop / 4][column / 2] |= bits[rowFromTop % 4]
      }
    }
    return cells.map { row in String(row.compactMap { Unicode.Scalar(0x2800 + $0).map(Character.init) }) }
  }

  // MARK: - ASCII

  static func ascii(_ values: [Int], range: ClosedRange<Int>, width: Int, height: Int) -> [String] {
    let marks: [Character] = [".", "-", "'"]
    let levels = height * marks.count
    let heights = resample(values, columns: width).map { level($0, range: range, levels: levels) }
    var cells = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
    for column in 0..<width {
      let level = heights[column]
      let row = height - 1 - level / marks.count
      cells[row][column] = marks[level % marks.count]
      guard column > 0 else { continue }
      // A climb or fall of more than a row gets a vertical stroke between the rows.
      let previousRow = height - 1 - heights[column - 1] / marks.count
      if abs(previousRow - row) > 1 {
        for between in (min(previousRow, row) + 1)..<max(previousRow, row) { cells[between][column] = "|" }
      }
    }
    return cells.map { String($0) }
  }
}
