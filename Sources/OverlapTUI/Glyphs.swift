/// The drawing characters: Unicode box drawing and blocks, or plain ASCII when the
/// locale is not UTF-8.
struct Glyphs: Sendable {
  var isUnicode: Bool
  var horizontal: Character
  var vertical: Character
  var topLeft: Character
  var topRight: Character
  var bottomLeft: Character
  var bottomRight: Character
  /// Partial bar cells from one eighth to full.
  var eighths: [Character]
  var barEmpty: Character
  /// Sparkline levels from lowest to highest.
  var spark: [Character]
  var pointer: Character
  var marker: Character
  var idleMarker: Character
  var centreTick: Character
  var rising: String
  var falling: String
  var ellipsis: String
  var bullet: String
  var dot: String
  var arrow: String
  var moreBelow: String
  var moreAbove: String
  var enterKey: String
  var upDown: String

  static let unicode = Glyphs(
    isUnicode: true, horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
    eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "░",
    spark: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], pointer: "▸", marker: "●", idleMarker: "○", centreTick: "┼",
    rising: "▲", falling: "▼", ellipsis: "…", bullet: "•", dot: "·", arrow: "→", moreBelow: "▼ more",
    moreAbove: "▲ more",
    enterKey: "⏎", upDown: "↑↓")

  static let ascii = Glyphs(
    isUnicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    eighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: ".",
    spark: ["_", ".", ",", "-", "=", "+", "*", "#"], pointer: ">", marker: "O", idleMarker: "o", centreTick: "+",
    rising: "+", falling: "-", ellipsis: "...", bullet: "*", dot: "-", arrow: "->", moreBelow: "v more",
    moreAbove: "^ more",
    enterKey: "Enter", upDown: "Up/Down")

  static func forTerminal(unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }
}
