/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  public var description: String { "\(width)x\(height)" }
}

/// A cell on screen, from the top-left corner (0, 0).
public struct Position: Hashable, Sendable {
  public var row: Int
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

/// A rectangle of cells, and the splits that lay out a screen.
struct Rect: Hashable, Sendable {
  var row: Int
  var column: Int
  var width: Int
  var height: Int

  var bottom: Int { row + height }
  var right: Int { column + width }
  var rows: Range<Int> { row..<max(row, bottom) }
  var columns: Range<Int> { column..<max(column, right) }

  func contains(_ position: Position) -> Bool {
    rows.contains(position.row) && columns.contains(position.column)
  }

  func intersection(_ other: Rect) -> Rect {
    let top = max(row, other.row)
    let left = max(column, other.column)
    let bottom = min(self.bottom, other.bottom)
    let right = min(self.right, other.right)
    return Rect(row: top, column: left, width: max(0, right - left), height: max(0, bottom - top))
  }

  /// Splits off the top `count` rows.
  func top(_ count: Int) -> (Rect, rest: Rect) {
    let taken = min(max(0, count), height)
    return (
      Rect(row: row, column: column, width: width, height: taken),
      Rect(row: row + taken, column: column, width: width, height: height - taken)
    )
  }

  /// Splits off the bottom `count` rows.
  func bottom(_ count: Int) -> (Rect, rest: Rect) {
    let taken = min(max(0, count), height)
    return (
      Rect(row: bottom - taken, column: column, width: width, height: taken),
      Rect(row: row, column: column, width: width, height: height - taken)
    )
  }

  /// Splits off the right `count` columns.
  func right(_ count: Int) -> (Rect, rest: Rect) {
    let taken = min(max(0, count), width)
    return (
      Rect(row: row, column: right - taken, width: taken, height: height),
      Rect(row: row, column: column, width: width - taken, height: height)
    )
  }

  /// A rect of at most the given size, centred in this one.
  func centred(width: Int, height: Int) -> Rect {
    let width = min(width, self.width)
    let height = min(height, self.height)
    return Rect(
      row: row + (self.height - height) / 2, column: column + (self.width - width) / 2, width: width, height: height)
  }
}
