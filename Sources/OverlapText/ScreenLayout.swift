/// The numbers the game screen is laid out by, kept here so that the scenario linter
/// checks text against the screen the player really gets: it warns about what the
/// standard 80×24 screen would cut.
public enum ScreenLayout {
  /// The smallest screen with the full layout; smaller ones use the compact one.
  public static let standardWidth = 80
  public static let standardHeight = 24

  /// The header and the footer.
  public static let chromeRows = 2
  /// Rows the sidebar needs for the meters and the balance gauge.
  public static let sidebarRows = 12
  /// A move's style tag, "manager" and a space, in the list of moves.
  public static let moveTagWidth = 8
  /// The columns before a move's text: pointer, number and style tag, as in "▸ 1 manager ".
  public static let movePrefixWidth = 2 + 2 + moveTagWidth
  /// The move list's margin on each side.
  public static let moveListMargin = 1
  /// The margin on each side of a page of prose (help, briefing, ending) below 100 columns.
  public static let pageMargin = 2
  /// The header always keeps this many columns for the scenario's title, dropping parts
  /// on its right (seed, quiz score) to make room.
  public static let headerTitleWidth = 40

  /// Rows for the list of moves: what the story and `reservedRows` (the sidebar on a
  /// full screen) leave of a `bodyHeight` between the header and the footer.
  public static func moveRows(bodyHeight: Int, reservedRows: Int, compact: Bool) -> Int {
    max(1, min(bodyHeight - reservedRows - 1, compact ? bodyHeight / 2 : bodyHeight * 2 / 5 + 2))
  }

  // MARK: - The standard screen

  /// Moves that fit in the list on the standard screen, at one row each.
  public static var standardMoveRows: Int {
    moveRows(bodyHeight: standardHeight - chromeRows, reservedRows: sidebarRows, compact: false)
  }

  /// The columns a move's text wraps at on the standard screen, where the list spans it.
  public static var standardMoveTextWidth: Int {
    standardWidth - 2 * moveListMargin - movePrefixWidth
  }

  /// The widest a line of prose gets on the standard screen: a longer word cannot wrap.
  public static var standardPageWidth: Int {
    standardWidth - 2 * pageMargin
  }
}
