import OverlapText

/// A screenful of styled characters: what `view` returns and the terminal backend draws.
public struct Grid: Equatable, Sendable {
  public let size: Size
  public private(set) var cells: [Cell]
  /// Where the terminal's cursor should show (for text entry); nil hides it.
  public var cursor: Position?

  public init(size: Size) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: Cell.blank, count: self.size.width * self.size.height)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }

  public subscript(row: Int, column: Int) -> Cell {
    get { cells[row * size.width + column] }
    set { cells[row * size.width + column] = newValue }
  }

  func contains(row: Int, column: Int) -> Bool {
    row >= 0 && row < size.height && column >= 0 && column < size.width
  }

  /// Writes one character; wide characters take the next cell too. Returns the columns used.
  @discardableResult
  mutating func put(_ character: Character, row: Int, column: Int, style: CellStyle) -> Int {
    let width = TextLayout.width(of: character)
    guard width > 0, contains(row: row, column: column) else { return 0 }
    clearWideNeighbour(row: row, column: column)
    guard column + width <= size.width else {
      // A wide character that would straddle the edge becomes a space.
      self[row, column] = Cell(character: " ", width: 1, style: style)
      return 1
    }
    self[row, column] = Cell(character: character, width: width, style: style)
    if width == 2 {
      clearWideNeighbour(row: row, column: column + 1)
      self[row, column + 1] = Cell(character: " ", width: 0, style: style)
    }
    return width
  }

  /// Overwriting half of a wide character leaves the other half as a plain space.
  private mutating func clearWideNeighbour(row: Int, column: Int) {
    let cell = self[row, column]
    if cell.width == 0 && column > 0 {
      self[row, column - 1] = Cell(character: " ", width: 1, style: self[row, column - 1].style)
    } else if cell.width == 2 && column + 1 < size.width {
      self[row, column + 1] = Cell(character: " ", width: 1, style: self[row, column + 1].style)
    }
  }

  /// Sets the style of a rectangle, keeping its characters.
  mutating func restyle(_ rect: Rect, with change: (inout CellStyle) -> Void) {
    let clipped = rect.intersection(Rect(row: 0, column: 0, width: size.width, height: size.height))
    for row in clipped.rows {
      for column in clipped.columns { change(&self[row, column].style) }
    }
  }

  /// The text of each row with trailing spaces removed: what snapshots compare.
  public var lines: [String] {
    (0..<size.height).map { row in
      var line = ""
      for column in 0..<size.width where self[row, column].width > 0 {
        line.append(self[row, column].character)
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The whole grid as text, one line per row.
  public var text: String { lines.joined(separator: "\n") }
}

/// One terminal cell. A wide character's second cell has width 0.
public struct Cell: Equatable, Sendable {
  public var character: Character
  public var width: Int
  public var style: CellStyle

  public static let blank = Cell(character: " ", width: 1, style: CellStyle())
}
