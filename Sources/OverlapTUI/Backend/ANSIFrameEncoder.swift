import OverlapEngine
import OverlapText

/// Turns frames into the bytes that bring a VT100-style terminal from the last frame to
/// the next: cursor moves, SGR attributes and text, for the cells that changed only.
struct ANSIFrameEncoder {
  let capabilities: Capabilities
  /// The frame the terminal shows; nil when unknown, so the next one is drawn whole.
  private var shown: Grid?
  /// Where the terminal's cursor is, when known.
  private var cursor: Position?
  private var style = CellStyle()
  private var cursorVisible = false
  /// The width of the frame being encoded, and its bytes so far.
  private var width = 0
  private var bytes: [UInt8] = []

  /// Rewriting a few unchanged cells costs less than a cursor move (at least 6 bytes).
  private static let longestGapToRewrite = 6

  init(capabilities: Capabilities) {
    self.capabilities = capabilities
  }

  /// Takes the terminal over: alternate screen, cursor hidden, no wrapping at the margin
  /// (a frame places every cell itself), and mouse reports where wanted.
  var opening: [UInt8] {
    Array(("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l" + (capabilities.mouse ? "\u{1B}[?1000h\u{1B}[?1006h" : "")).utf8)
  }

  /// Gives the terminal back as `opening` found it.
  var closing: [UInt8] {
    Array(("\u{1B}[0m" + (capabilities.mouse ? "\u{1B}[?1006l\u{1B}[?1000l" : "") + "\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l").utf8)
  }

  /// Forgets what the terminal shows, so the next frame repaints everything.
  mutating func invalidate() {
    shown = nil
  }

  /// The bytes that show `grid`; empty when nothing changed.
  mutating func encode(_ grid: Grid) -> [UInt8] {
    bytes = []
    width = grid.width
    let previous = shown?.size == grid.size ? shown : nil
    if previous == nil {
      emit("\u{1B}[0m\u{1B}[H\u{1B}[2J")
      style = CellStyle()
      cursor = Position(row: 0, column: 0)
    }
    for row in 0..<grid.height {
      for column in 0..<grid.width where grid[row, column].width > 0 {
        let cell = grid[row, column]
        let changed: Bool
        if let previous {
          changed =
            previous[row, column] != cell
            || (cell.width == 2 && column + 1 < grid.width && previous[row, column + 1] != grid[row, column + 1])
        } else {
          changed = cell != .blank
        }
        guard changed else { continue }
        if let at = cursor, at.row == row, at.column < column, column - at.column <= Self.longestGapToRewrite {
          for gap in at.column..<column where grid[row, gap].width > 0 { put(grid[row, gap], row: row, column: gap) }
        }
        put(cell, row: row, column: column)
      }
    }
    if let target = grid.cursor {
      move(to: target)
      if !cursorVisible { emit("\u{1B}[?25h") }
    } else if cursorVisible || previous == nil {
      emit("\u{1B}[?25l")
    }
    cursorVisible = grid.cursor != nil
    shown = grid
    return bytes
  }

  // MARK: - Writing

  private mutating func put(_ cell: Cell, row: Int, column: Int) {
    move(to: Position(row: row, column: column))
    if cell.style != style {
      emit(sgr(cell.style))
      style = cell.style
    }
    emit(glyph(cell))
    // At the right margin the terminal's cursor stays put or wraps; either way, move next time.
    cursor = column + cell.width < width ? Position(row: row, column: column + cell.width) : nil
  }

  private mutating func move(to position: Position) {
    guard cursor != position else { return }
    emit("\u{1B}[\(position.row + 1);\(position.column + 1)H")
    cursor = position
  }

  /// What a cell shows, through the project's control-character rule even though grids
  /// never hold controls: one stray escape here would let a stranger's text drive the
  /// terminal. Kept to the cell's width, so the cursor stays where it is counted.
  private func glyph(_ cell: Cell) -> String {
    let scalars = cell.character.unicodeScalars
    let unsafe = scalars.contains { TerminalSafe.isControl($0) || (!capabilities.unicode && !$0.isASCII) }
    return unsafe ? String(repeating: "?", count: cell.width) : String(cell.character)
  }

  private func sgr(_ style: CellStyle) -> String {
    "\u{1B}[" + (["0"] + style.sgrParameters(color: capabilities.color)).joined(separator: ";") + "m"
  }

  private mutating func emit(_ text: String) {
    bytes += text.utf8
  }
}
