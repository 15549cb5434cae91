import OverlapEngine
import OverlapText

/// Before the first move: the scenario's introduction on a screen of its own, so the
/// player meets the situation and its people before choosing. Any key begins.
enum BriefingScreen {
  static func draw(_ model: AppModel, game: Playthrough, scroll: Int, on canvas: inout Canvas) -> Viewport {
    canvas.header(left: game.scenario.title, right: "Before you start")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "scroll", priority: 2),
        Canvas.Hint(key: "any key", label: "begin", priority: 0),
        Canvas.Hint(key: "q", label: "quit", priority: 1),
      ], notice: model.notice)
    let page = canvas
    return canvas.readablePage({ content(game, width: $0, canvas: page) }, scroll: scroll)
  }

  static func content(_ game: Playthrough, width: Int, canvas: Canvas) -> [StyledLine] {
    var lines = canvas.wrap(game.scenario.title, style: canvas.theme.title, width: width)
    lines.append(StyledLine())
    if let intro = game.scenario.intro {
      lines += canvas.wrap(paragraphs: game.engine.render(intro, in: game.state), style: CellStyle(), width: width)
    }
    return lines
  }
}
