import OverlapEngine
import OverlapText

/// In a quiz, the question asked after choosing a move and before playing it.
enum QuizPrompt {
  static func draw(game: Playthrough, choice: Int, on canvas: inout Canvas) -> Viewport {
    let theme = canvas.theme
    let width = canvas.panelWidth(64)
    var lines = canvas.wrap(
      [Span("You chose: ", theme.muted), Span(TextLayout.tidy(game.choiceText(choice)), theme.title)],
      width: width - 4, hangingIndent: 2)
    lines.append(StyledLine())
    lines.append(StyledLine([Span("Leader or manager? (l/m)", theme.key)]))
    return canvas.panel(
      title: "Quiz \(canvas.glyphs.dot) turn \(game.state.turn)", lines: lines, width: width, scroll: 0,
      hint: "l leader  m manager  Esc back")
  }
}
