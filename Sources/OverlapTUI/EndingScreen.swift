import OverlapEngine
import OverlapLab
import OverlapText

/// The end of the game: the debrief, from the ending's title, tone and text to the meters
/// over time, the mix of styles, the turns that mattered and, in a workshop, the quiz
/// score and the team. It is the same debrief `overlap debrief` prints.
enum EndingScreen {
  static func draw(_ model: AppModel, game: Playthrough, scroll: Int, on canvas: inout Canvas) -> Viewport {
    let size = canvas.grid.size
    canvas.header(
      left: size.width < 80 ? game.scenario.title : "Overlap \(canvas.glyphs.pointer) \(game.scenario.title)",
      right: "The end \(canvas.glyphs.dot) \(game.state.moves) turns \(canvas.glyphs.dot) seed \(game.seed)")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "scroll", priority: 3),
        Canvas.Hint(key: "h", label: "history", priority: 2),
        Canvas.Hint(key: "s", label: "save", priority: 4),
        Canvas.Hint(key: "n", label: "new game", priority: 1),
        Canvas.Hint(key: canvas.glyphs.enterKey, label: "menu", priority: 1),
        Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: model.notice)
    let debrief = model.debrief ?? Debrief(model.session ?? Session(game: game))
    let page = canvas
    // The debrief needs 40 columns; small terminals give up the margin for it.
    return canvas.readablePage(
      measure: 96, minimumWidth: 40,
      { width in
        debrief.lines(width: width, unicode: page.glyphs.isUnicode).map { line in
          StyledLine(line.spans.map { Span(page.shown($0.text), page.theme.printed($0.style)) })
        }
      }, scroll: scroll)
  }
}
