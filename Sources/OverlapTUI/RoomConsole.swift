import OverlapEngine
import OverlapText

/// One participant as the facilitator's console shows them.
public struct RoomConsoleRow: Equatable, Sendable {
  public var name: String
  /// The turn being played, or the turns played once finished.
  public var turn: Int
  /// Morale, efficiency and stability, each from the start to now.
  public var meters: [[Int]]
  public var leader: Int
  public var manager: Int
  /// "3/4" in a quiz; nil otherwise.
  public var quiz: String?
  /// Playing, waiting for the round, disconnected, or the ending.
  public var status: String

  public init(
    name: String, turn: Int, meters: [[Int]], leader: Int, manager: Int, quiz: String?, status: String
  ) {
    self.name = name
    self.turn = turn
    self.meters = meters
    self.leader = leader
    self.manager = manager
    self.quiz = quiz
    self.status = status
  }
}

/// The facilitator's console: the room as a live table, the endings so far, the latest
/// events, and a line for the key hints or for text being typed. A pure view, like every
/// other screen.
public struct RoomConsole: Equatable, Sendable {
  public struct Ending: Equatable, Sendable {
    public var title: String
    public var count: Int
    public init(title: String, count: Int) {
      self.title = title
      self.count = count
    }
  }

  /// Text being typed for a control, such as a pause message.
  public struct Input: Equatable, Sendable {
    public var label: String
    public var text: String
    public init(label: String, text: String) {
      self.label = label
      self.text = text
    }
  }

  public var title: String
  /// Code, join command, pace: most important first, dropped from the end when short of room.
  public var facts: [String]
  public var rows: [RoomConsoleRow]
  public var endings: [Ending]
  /// The latest events, oldest first.
  public var events: [String]
  public var selected: Int
  public var input: Input?
  /// What the last control did, until the next key.
  public var notice: String?

  public init(
    title: String, facts: [String], rows: [RoomConsoleRow], endings: [Ending], events: [String], selected: Int,
    input: Input?, notice: String?
  ) {
    self.title = title
    self.facts = facts
    self.rows = rows
    self.endings = endings
    self.events = events
    self.selected = selected
    self.input = input
    self.notice = notice
  }

  public func render(size: Size, capabilities: Capabilities) -> Grid {
    var canvas = Canvas(
      size: size, glyphs: .forTerminal(unicode: capabilities.unicode), theme: Theme(hasColor: capabilities.color))
    guard size.width >= 40, size.height >= 10 else {
      canvas.text("Make this window at least 40x10.", row: 0, column: 0)
      return canvas.grid
    }
    canvas.header(left: title, right: facts)
    let eventRows = min(events.count, max(2, (size.height - 8) / 3))
    let tableHeight = size.height - 5 - eventRows
    drawTable(on: &canvas, height: tableHeight)
    let endingsRow = 2 + tableHeight
    let endingText = endings.isEmpty ? "none yet" : endings.map { "\($0.title) \($0.count)" }.joined(separator: "  ")
    let used = canvas.text("Endings: ", row: endingsRow, column: 1, style: canvas.theme.heading)
    canvas.text(endingText, row: endingsRow, column: 1 + used)
    canvas.horizontalRule(row: endingsRow + 1, column: 0, width: size.width, label: "Latest")
    for (offset, event) in events.suffix(eventRows).enumerated() {
      canvas.text(event, row: endingsRow + 2 + offset, column: 1, style: canvas.theme.muted, width: size.width - 2)
    }
    drawFooter(on: &canvas)
    return canvas.grid
  }

  // MARK: - Parts

  private static let headings = ["Name", "Turn", "Morale", "Efficiency", "Stability", "Style L/M", "Quiz", "Status"]

  private func drawTable(on canvas: inout Canvas, height: Int) {
    let width = canvas.grid.width
    // Sparklines get what the other columns (and 22 for the status) leave, 3 to 10 each.
    let spark = max(3, min(10, (width - 64) / 3 - 5))
    let columns = [16, 5, spark + 4, spark + 4, spark + 4, 10, 6]
    var column = 1
    for (index, heading) in Self.headings.enumerated() {
      canvas.text(heading, row: 1, column: column, style: canvas.theme.heading, width: columns[safe: index])
      column += (columns[safe: index] ?? 0) + 1
    }
    guard height > 1 else { return }
    if rows.isEmpty {
      canvas.text("Nobody has joined yet.", row: 2, column: 1, style: canvas.theme.muted)
      return
    }
    let first = max(0, min(selected - height + 1, rows.count - height))
    for (offset, row) in rows.dropFirst(first).prefix(height).enumerated() {
      let line = 2 + offset
      let isSelected = first + offset == selected
      if isSelected { canvas.fill(Rect(row: line, column: 0, width: width, height: 1), style: canvas.theme.selected) }
      func style(_ base: CellStyle) -> CellStyle { isSelected ? base.with { $0.reverse = true } : base }
      var at = 1
      canvas.text(row.name, row: line, column: at, style: style(canvas.theme.title), width: columns[0])
      at += columns[0] + 1
      canvas.text(String(row.turn), row: line, column: at, style: style(CellStyle()), width: columns[1])
      at += columns[1] + 1
      for history in row.meters {
        let value = history.last ?? 0
        let text = String(value).leftPadded(to: 3) + " " + Sparkline.text(history, width: spark, glyphs: canvas.glyphs)
        canvas.text(text, row: line, column: at, style: style(canvas.theme.level(value)), width: spark + 4)
        at += spark + 5
      }
      canvas.text("\(row.leader)/\(row.manager)", row: line, column: at, style: style(CellStyle()), width: columns[5])
      at += columns[5] + 1
      canvas.text(row.quiz ?? "-", row: line, column: at, style: style(CellStyle()), width: columns[6])
      at += columns[6] + 1
      canvas.text(row.status, row: line, column: at, style: style(CellStyle()), width: max(0, width - at - 1))
    }
  }

  private func drawFooter(on canvas: inout Canvas) {
    let row = canvas.grid.height - 1
    if let input {
      canvas.fill(Rect(row: row, column: 0, width: canvas.grid.width, height: 1))
      let used = canvas.text(" \(input.label): ", row: row, column: 0, style: canvas.theme.key)
      let shown = canvas.text(input.text, row: row, column: used, width: canvas.grid.width - used - 1)
      canvas.grid.cursor = Position(row: row, column: min(canvas.grid.width - 1, used + shown))
      return
    }
    let hints: [Canvas.Hint] = [
      .init(key: "r", label: "release round", priority: 0), .init(key: "p", label: "pause/resume", priority: 0),
      .init(key: "d", label: "discuss", priority: 1), .init(key: "x", label: "remove", priority: 2),
      .init(key: "w", label: "write debrief", priority: 1), .init(key: "q", label: "end", priority: 0),
      .init(key: canvas.glyphs.upDown, label: "select", priority: 3),
    ]
    canvas.footer(hints, notice: notice.map { Notice(text: $0, isError: false) })
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
