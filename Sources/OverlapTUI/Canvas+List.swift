import OverlapText

/// The lists a player picks from (the menu, scenarios, saves): each row clickable, the
/// selected one marked with the pointer and highlighted, drawn the same on every screen.
extension Canvas {
  /// The first item to draw when `rows` rows show a list, so that `selected` is in view.
  static func firstShown(selected: Int, rows: Int) -> Int {
    max(0, selected - rows + 1)
  }

  /// One row of a list: the pointer when `selected`, then `spans`.
  mutating func listRow(_ spans: [Span], selected: Bool, in area: Rect, action: Hit.Action) {
    let pointer = Span(selected ? "\(glyphs.pointer) " : "  ", theme.key)
    self.spans([pointer] + spans, row: area.row, column: area.column, width: area.width)
    if selected { grid.restyle(area) { $0.reverse = true } }
    hits.append(Hit(rect: area, action: action))
  }
}

/// What a key does in a list of `count` items: the keys every picker shares.
enum ListKey: Equatable {
  case moved(to: Int)
  case picked(Int)
  /// A number key for an item the list does not have.
  case notOffered(Int)

  /// Up and down (or k and j, Tab) move, Enter and Space pick the selected item, and in a
  /// `numbered` list a digit picks its item; nil for any other key.
  init?(_ key: Key, cursor: Int, count: Int, numbered: Bool) {
    switch key {
    case .up, .character("k"): self = .moved(to: max(0, cursor - 1))
    case .down, .character("j"), .tab: self = .moved(to: max(0, min(count - 1, cursor + 1)))
    case .enter, .character(" "): self = .picked(min(cursor, max(0, count - 1)))
    case .character(let character) where numbered:
      guard let number = character.wholeNumberValue else { return nil }
      self = number >= 1 && number <= count ? .picked(number - 1) : .notOffered(number)
    default: return nil
    }
  }
}
