/// A history of 0–100 values as one character per value, on a fixed 0–100 scale.
enum Sparkline {
  static func text(_ values: [Int], width: Int, glyphs: Glyphs) -> String {
    guard width > 0 else { return "" }
    let levels = glyphs.spark.count
    return String(values.suffix(width).map { glyphs.spark[max(0, min(levels - 1, $0 * levels / 101))] })
  }

  /// Each value repeated so the line fills up to `width` columns (for short histories).
  static func stretched(_ values: [Int], width: Int, glyphs: Glyphs) -> String {
    guard !values.isEmpty, width > 0 else { return "" }
    let repeats = max(1, min(4, width / values.count))
    return text(values.flatMap { Array(repeating: $0, count: repeats) }, width: width, glyphs: glyphs)
  }
}
