import OverlapEngine

/// Draws the model at a terminal size: a pure function, so screens can be tested as text.
public func view(_ model: AppModel, size: Size) -> Grid {
  render(model, size).grid
}

/// Draws the model and works out the layout facts `update` needs (click targets, scroll
/// limits), which the loop reports back to it.
func render(_ model: AppModel, _ size: Size) -> Frame {
  var canvas = Canvas(size: size, glyphs: model.glyphs, theme: model.theme)
  guard size.width >= TooSmallScreen.minimum.width, size.height >= TooSmallScreen.minimum.height else {
    TooSmallScreen.draw(size, on: &canvas)
    return Frame(grid: canvas.grid, layout: Layout())
  }
  // Modal screens draw over the screens below them, down to the first full one.
  let base = model.screens.lastIndex { !$0.isModal } ?? 0
  var viewport = Viewport()
  for screen in model.screens[base...] {
    canvas.hits = []
    canvas.grid.cursor = nil
    viewport = draw(screen, model, on: &canvas)
  }
  return Frame(grid: canvas.grid, layout: Layout(hits: canvas.hits, viewport: viewport))
}

private func draw(_ screen: Screen, _ model: AppModel, on canvas: inout Canvas) -> Viewport {
  switch (screen, model.game) {
  case (.menu(let cursor), _):
    return MenuScreen.draw(model, cursor: cursor, on: &canvas)
  case (.scenarioPicker(let cursor), _):
    return ScenarioPickerScreen.draw(model, cursor: cursor, on: &canvas)
  case (.loadPicker(let cursor), _):
    return LoadPickerScreen.draw(model, cursor: cursor, on: &canvas)
  case (.help(let scroll), _):
    return HelpScreen.draw(model, scroll: scroll, on: &canvas)
  case (.savePrompt(let name, let problem), _):
    return SavePromptScreen.draw(name: name, problem: problem, on: &canvas)
  case (.game, let game?):
    return GameScreen.draw(model, game: game, on: &canvas)
  case (.briefing(let scroll), let game?):
    return BriefingScreen.draw(model, game: game, scroll: scroll, on: &canvas)
  case (.quizPrompt(let choice), let game?):
    return QuizPrompt.draw(game: game, choice: choice, on: &canvas)
  case (.result(let scroll), let game?):
    let quiz = model.session?.quizScore.map { ResultPanel.QuizAnswer(guess: model.session?.lastGuess, score: $0) }
    return ResultPanel.draw(game: game, quiz: quiz, scroll: scroll, on: &canvas)
  case (.discussion(let scroll), let game?):
    return DiscussionPanel.draw(model, game: game, scroll: scroll, on: &canvas)
  case (.history(let scroll), let game?):
    return HistoryScreen.draw(model, game: game, scroll: scroll, on: &canvas)
  case (.ending(let scroll), let game?):
    return EndingScreen.draw(model, game: game, scroll: scroll, on: &canvas)
  case (.game, nil), (.briefing, nil), (.quizPrompt, nil), (.result, nil), (.discussion, nil), (.history, nil), (.ending, nil):
    // Game screens never open without a game; fall back to the menu rather than draw nothing.
    return MenuScreen.draw(model, cursor: 0, on: &canvas)
  }
}
