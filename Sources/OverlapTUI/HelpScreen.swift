import OverlapEngine
import OverlapText

/// The keys, and a short reminder of what the game is about.
enum HelpScreen {
  static func draw(_ model: AppModel, scroll: Int, on canvas: inout Canvas) -> Viewport {
    canvas.header(left: "Help", right: "Overlap")
    canvas.footer(
      [
        Canvas.Hint(key: canvas.glyphs.upDown, label: "scroll", priority: 1),
        Canvas.Hint(key: "Esc", label: "back", priority: 0),
        Canvas.Hint(key: "q", label: "quit", priority: 0),
      ], notice: model.notice)
    let page = canvas
    return canvas.readablePage({ content(model, width: $0, canvas: page) }, scroll: scroll)
  }

  static func content(_ model: AppModel, width: Int, canvas: Canvas) -> [StyledLine] {
    let theme = canvas.theme
    let glyphs = canvas.glyphs
    var keys: [(String, String)] = [
      ("1-9", "play that move at once"),
      ("\(glyphs.upDown) or j k", "select a move; \(glyphs.enterKey) (or space) plays it"),
      ("click", "play a move, or pick a menu item, where the terminal has a mouse"),
      ("PgUp PgDn", "scroll a long story (also the mouse wheel, Home and End)"),
      ("h", "history of the turns so far"),
      ("s", "save to a named slot"),
      ("l", "load a save"),
      ("?", "this help"),
      ("Esc", "back; from the game, the main menu"),
      ("q", "quit at once: progress is autosaved"),
      ("Ctrl-C", "quit at once too (exit status 130)"),
      ("Ctrl-Z", "suspend; type fg in the shell to come back"),
      ("Ctrl-L", "redraw the screen"),
    ]
    if model.quiz != nil {
      // In a quiz l means leader everywhere; saves are loaded from the main menu.
      keys.removeAll { $0.0 == "l" }
      keys.insert(("l m", "answer leader or manager: for the selected move, or at the question"), at: 2)
    }
    let keyWidth = 13
    var lines: [StyledLine] = [StyledLine([Span("Keys", theme.heading)])]
    for (key, what) in keys {
      lines += canvas.wrap(
        [Span(key.rightPadded(to: keyWidth), theme.key), Span(what)], width: width, hangingIndent: keyWidth)
    }
    lines.append(StyledLine())
    lines.append(StyledLine([Span("How it plays", theme.heading)]))
    var text = [
      "Each turn shows a situation and a few moves. Every move is a leader move (vision, trust, influence, the long term) or a manager move (plans, rules, structure, the short term). Moves change three meters from 0 to 100: morale, efficiency and stability. Bars are red when low, yellow when middling and green when healthy.",
      "Manager moves tend to pay off now. Leader moves tend to pay off later, through effects that land a few turns on: the result panel says when.",
    ]
    if let balance = model.game?.scenario.balance {
      text.append(
        "Leaning on one style loses strength: in this scenario, moves of the same style after \(balance.streak) in a row keep only \(balance.fade)% of their gains. The gauge shows where your moves sit between the two."
      )
    } else {
      text.append("Leaning on one style loses strength. The gauge shows where your moves sit between the two.")
    }
    text.append(
      "The leader chooses where to go; the manager plans the turns that get there. The best endings need both.")
    if model.game != nil {
      text.append(
        "Every turn is autosaved to this game's own slot, \(model.autosaveSlot), so quitting never loses progress. Continue from the main menu, or run: overlap play --load \(model.autosaveSlot)"
      )
    } else {
      text.append("Every game autosaves each turn to a slot of its own, so quitting never loses progress. Continue picks the newest.")
    }
    for paragraph in text {
      lines += canvas.wrap(paragraph, width: width)
      lines.append(StyledLine())
    }
    return lines
  }
}
