import OverlapEngine
import OverlapLab
import OverlapText

/// Workshop mode: the scene's discussion prompt after the result, so the room can talk
/// before the next turn; any key continues.
enum DiscussionPanel {
  static func draw(_ model: AppModel, game: Playthrough, scroll: Int, on canvas: inout Canvas) -> Viewport {
    let theme = canvas.theme
    let width = canvas.panelWidth(64)
    let prompt = model.workshop.discussion(after: game) ?? ""
    var lines = canvas.wrap(paragraphs: prompt, style: theme.title, width: width - 4)
    if let next = model.session?.decider {
      lines.append(StyledLine())
      lines.append(StyledLine([Span("Next: ", theme.muted), Span(next, theme.title), Span(" decides.", theme.muted)]))
    }
    return canvas.panel(
      title: "Discuss \(canvas.glyphs.dot) turn \(game.state.moves)", lines: lines, width: width, scroll: scroll)
  }
}
