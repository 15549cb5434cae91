import OverlapEngine
import OverlapLab

/// Applies one message to the model and returns the side effects it asks for.
///
/// Moves are played here through `Playthrough`, which is pure; saving, loading and
/// quitting come back as commands for the runtime.
public func update(_ model: inout AppModel, _ message: Message) -> [Command] {
  switch message {
  case .pressedKey(let key):
    return model.pressedKey(key)
  case .clicked(let position):
    return model.clicked(position)
  case .scrolledWheel(let amount):
    model.notice = nil
    model.scroll(by: amount * 3)
    return []
  case .resized(let size):
    // The next frame reports the new scroll limits, and scrolling is clamped to them then.
    model.size = size
    return []
  case .openedGame(let opened):
    model.open(opened)
    return []
  case .savedGame(let name):
    model.notice = Notice(text: "Saved as '\(name)'. Load it with l, or: overlap play --load \(name)", isError: false)
    return [.listSaves]
  case .listedScenarios(let catalog):
    model.catalog = catalog
    return []
  case .listedSaves(let saves):
    model.saves = saves
    if case .menu(let cursor) = model.screen { model.replaceTop(.menu(cursor: min(cursor, model.menuItems.count - 1))) }
    if case .loadPicker(let cursor) = model.screen {
      model.replaceTop(.loadPicker(cursor: min(cursor, max(0, saves.count - 1))))
    }
    return []
  case .commandFailed(let text):
    model.notice = Notice(text: text, isError: true)
    return []
  case .viewReported(let layout):
    model.layout = layout
    // The view already drew within the limits; keep the model there too, so that after End
    // (or a resize) the next key scrolls from what is on screen.
    model.scroll(by: 0)
    return []
  }
}

extension AppModel {
  // MARK: - Keys

  mutating func pressedKey(_ key: Key) -> [Command] {
    switch key {
    case .control("c"): return [.quit(.pressedInterrupt)]
    case .control("z"): return [.suspend]
    case .control("l"): return [.redraw]
    default: break
    }
    notice = nil
    switch screen {
    case .menu(let cursor): return pressedKeyInMenu(key, cursor: cursor)
    case .scenarioPicker(let cursor): return pressedKeyInScenarioPicker(key, cursor: cursor)
    case .game: return pressedKeyInGame(key)
    case .quizPrompt(let choice): return pressedKeyInQuizPrompt(key, choice: choice)
    case .result, .discussion, .briefing: return pressedKeyInPanel(key)
    case .help: return pressedKeyInPage(key, closers: ["?"])
    case .history: return pressedKeyInPage(key, closers: ["h"])
    case .savePrompt(let name, _): return pressedKeyInSavePrompt(key, name: name)
    case .loadPicker(let cursor): return pressedKeyInLoadPicker(key, cursor: cursor)
    case .ending: return pressedKeyInEnding(key)
    }
  }

  private mutating func pressedKeyInMenu(_ key: Key, cursor: Int) -> [Command] {
    let items = menuItems
    switch ListKey(key, cursor: cursor, count: items.count, numbered: true) {
    case .moved(let index)?:
      replaceTop(.menu(cursor: index))
      return []
    case .picked(let index)?:
      replaceTop(.menu(cursor: index))
      return choseMenuItem(items[index])
    case .notOffered(let number)?:
      return notOffered(number, "item", count: items.count)
    case nil:
      break
    }
    switch key {
    case .character(let character):
      let hotkeys: [Character: MenuItem] = ["n": .newGame, "l": .loadSave, "?": .help, "q": .quit]
      if character == "c", let index = items.firstIndex(where: \.isContinue) {
        replaceTop(.menu(cursor: index))
        return choseMenuItem(items[index])
      }
      if let item = hotkeys[character] { return choseMenuItem(item) }
    case .escape:
      if let game { screens = [.menu(cursor: cursor), game.isFinished ? .ending(scroll: 0) : .game] }
    default:
      break
    }
    return []
  }

  mutating func choseMenuItem(_ item: MenuItem) -> [Command] {
    switch item {
    case .resumeGame:
      if let game { screens = [screens[0], game.isFinished ? .ending(scroll: 0) : .game] }
      return []
    case .continueGame(let entry):
      return [.load(name: entry.name)]
    case .newGame:
      screens.append(.scenarioPicker(cursor: 0))
      return catalog == nil ? [.listScenarios] : []
    case .loadSave:
      return openedLoadPicker()
    case .help:
      screens.append(.help(scroll: 0))
      return []
    case .quit:
      return [.quit(.pressedQuit)]
    }
  }

  private mutating func pressedKeyInScenarioPicker(_ key: Key, cursor: Int) -> [Command] {
    switch ListKey(key, cursor: cursor, count: scenarios.count, numbered: true) {
    case .moved(let index)?:
      replaceTop(.scenarioPicker(cursor: index))
      return []
    case .picked(let index)?:
      replaceTop(.scenarioPicker(cursor: index))
      return choseScenario(index)
    case .notOffered(let number)?:
      return notOffered(number, "scenario", count: scenarios.count)
    case nil:
      break
    }
    switch key {
    case .escape, .backspace, .left:
      screens.removeLast()
    case .character("q"):
      return [.quit(.pressedQuit)]
    default:
      break
    }
    return []
  }

  private mutating func choseScenario(_ index: Int) -> [Command] {
    guard scenarios.indices.contains(index) else { return [] }
    let entry = scenarios[index]
    if let problem = entry.problem {
      notice = Notice(text: "\(entry.id) cannot be played: \(problem)", isError: true)
      return []
    }
    return [.newGame(path: entry.path)]
  }

  private mutating func pressedKeyInGame(_ key: Key) -> [Command] {
    guard let game else { return [] }
    let legal = game.legalChoices
    // In a quiz, l and m always answer for the selected move, so a quick "l" never
    // lands in the load picker; loading is on the main menu instead.
    if quiz != nil, case .character(let character) = key, let style = Self.guess(character) {
      return answered(style, selected: legal)
    }
    switch key {
    case .up, .character("k"):
      choiceCursor = max(0, choiceCursor - 1)
    case .down, .character("j"), .tab:
      choiceCursor = max(0, min(legal.count - 1, choiceCursor + 1))
    case .enter, .character(" "):
      return choseMove(choiceCursor)
    case .pageUp, .character("b"):
      scroll(by: -max(1, layout.viewport.pageHeight - 1))
    case .pageDown, .character("f"):
      scroll(by: max(1, layout.viewport.pageHeight - 1))
    case .home:
      narrativeScroll = 0
    case .end:
      scroll(by: Int.max / 2)
    case .character("?"):
      screens.append(.help(scroll: 0))
    case .character("h"):
      screens.append(.history(scroll: 0))
    case .character("s"):
      screens.append(.savePrompt(name: suggestedSaveName, problem: nil))
    case .character("l"):
      return openedLoadPicker()
    case .character("q"):
      return [.quit(.pressedQuit)]
    case .escape:
      return openedMenu()
    case .character(let character):
      if let number = character.wholeNumberValue {
        guard legal.indices.contains(number - 1) else { return notOffered(number, "move", count: legal.count) }
        return choseMove(number - 1)
      }
    default:
      break
    }
    return []
  }

  /// Says on the footer that a number key picks nothing here, and which numbers do.
  private mutating func notOffered(_ number: Int, _ thing: String, count: Int) -> [Command] {
    let range = count == 0 ? "there is nothing to choose" : count == 1 ? "choose 1" : "choose 1 to \(count)"
    notice = Notice(text: "There is no \(thing) \(number) here; \(range).", isError: true)
    return []
  }

  /// The selected move played with the player's answer, in a quiz.
  private mutating func answered(_ style: Style, selected legal: [Int]) -> [Command] {
    guard !legal.isEmpty else { return [] }
    choiceCursor = min(choiceCursor, legal.count - 1)
    return play(legal[choiceCursor], guess: style)
  }

  /// Opens the list of saves, with the scenario titles to name them by.
  private mutating func openedLoadPicker() -> [Command] {
    screens.append(.loadPicker(cursor: 0))
    return catalog == nil ? [.listSaves, .listScenarios] : [.listSaves]
  }

  /// Back to the main menu, with fresh listings for it.
  private mutating func openedMenu() -> [Command] {
    screens = [.menu(cursor: 0)]
    return catalog == nil ? [.listSaves, .listScenarios] : [.listSaves]
  }

  /// Plays the `index`-th offered move (counting from 0) and opens its result; in a quiz,
  /// asks for the move's style first.
  mutating func choseMove(_ index: Int) -> [Command] {
    guard let game, game.legalChoices.indices.contains(index) else { return [] }
    if quiz != nil {
      choiceCursor = index
      screens.append(.quizPrompt(choice: game.legalChoices[index]))
      return []
    }
    return play(game.legalChoices[index], guess: nil)
  }

  /// Plays a move, keeping one quiz answer per move, and opens its result.
  private mutating func play(_ choice: Int, guess: Style?) -> [Command] {
    guard session != nil else { return [] }
    session?.play(choice: choice, guess: guess)
    debriefIfFinished()
    choiceCursor = 0
    narrativeScroll = 0
    screens.append(.result(scroll: 0))
    return [.autosave]
  }

  /// The style a key names as a quiz answer, by the rule plain play reads typed answers with.
  private static func guess(_ character: Character) -> Style? {
    guard case .guess(let style)? = Workshop.Answer(String(character)) else { return nil }
    return style
  }

  private mutating func pressedKeyInQuizPrompt(_ key: Key, choice: Int) -> [Command] {
    if case .character(let character) = key, let answer = Workshop.Answer(String(character)) {
      switch answer {
      case .guess(let style): return guessedStyle(style, choice: choice)
      case .quit: return [.quit(.pressedQuit)]
      }
    }
    switch key {
    case .escape, .backspace, .left:
      screens.removeLast()
    default:
      notice = Notice(text: "Press l for leader or m for manager (Esc to choose again).", isError: true)
    }
    return []
  }

  private mutating func guessedStyle(_ style: Style, choice: Int) -> [Command] {
    screens.removeLast()
    return play(choice, guess: style)
  }

  /// The result and discussion panels and the briefing: scroll keys scroll a long one, `q`
  /// quits, and any other key continues. Space pages down, and on the last page continues.
  private mutating func pressedKeyInPanel(_ key: Key) -> [Command] {
    let onLastPage = (screen.scroll ?? 0) >= layout.viewport.maxScroll
    if !(key == .character(" ") && onLastPage), layout.viewport.maxScroll > 0,
      let amount = scrollAmount(for: key, page: layout.viewport.pageHeight)
    {
      scroll(by: amount)
      return []
    }
    if key == .character("q") { return [.quit(.pressedQuit)] }
    continuedFromPanel()
    return []
  }

  /// Closes the panel on top. A result leads to its discussion in workshop mode; then the
  /// game goes on, or the ending shows.
  private mutating func continuedFromPanel() {
    let closed = screens.removeLast()
    if case .result = closed, let game, workshop.discussion(after: game) != nil {
      screens.append(.discussion(scroll: 0))
      return
    }
    if let game, game.isFinished, screen == .game { replaceTop(.ending(scroll: 0)) }
  }

  /// Help and history: scroll keys scroll, `q` quits, and anything else closes the page.
  private mutating func pressedKeyInPage(_ key: Key, closers: Set<Character>) -> [Command] {
    if let amount = scrollAmount(for: key, page: layout.viewport.pageHeight) {
      scroll(by: amount)
      return []
    }
    if key == .character("q") { return [.quit(.pressedQuit)] }
    switch key {
    case .escape, .enter, .backspace, .left:
      screens.removeLast()
    case .character(let character) where closers.contains(character):
      screens.removeLast()
    default:
      break
    }
    return []
  }

  private mutating func pressedKeyInSavePrompt(_ key: Key, name: String) -> [Command] {
    switch key {
    case .escape:
      screens.removeLast()
    case .enter:
      guard SaveStore.isValidName(name) else {
        replaceTop(.savePrompt(name: name, problem: name.isEmpty ? "Type a name first." : "That name cannot be used."))
        return []
      }
      screens.removeLast()
      return [.save(name: name)]
    case .backspace, .delete:
      replaceTop(.savePrompt(name: String(name.dropLast()), problem: nil))
    case .control("u"):
      replaceTop(.savePrompt(name: "", problem: nil))
    case .character(let character):
      if Self.isSaveNameCharacter(character) && name.count < 64 {
        replaceTop(.savePrompt(name: name + String(character), problem: nil))
      } else {
        replaceTop(.savePrompt(name: name, problem: "Use letters, digits, '-', '_' and '.' (up to 64)."))
      }
    default:
      break
    }
    return []
  }

  static func isSaveNameCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
  }

  var suggestedSaveName: String {
    guard let game else { return "" }
    let name = "\(game.scenario.id)-turn\(game.state.turn)"
    return SaveStore.isValidName(name) ? name : "save-turn\(game.state.turn)"
  }

  private mutating func pressedKeyInLoadPicker(_ key: Key, cursor: Int) -> [Command] {
    switch ListKey(key, cursor: cursor, count: saves.count, numbered: false) {
    case .moved(let index)?:
      replaceTop(.loadPicker(cursor: index))
      return []
    case .picked(let index)?:
      return choseSave(index)
    case .notOffered, nil:
      break
    }
    switch key {
    case .escape, .backspace, .left, .character("l"):
      screens.removeLast()
    case .character("q"):
      return [.quit(.pressedQuit)]
    default:
      break
    }
    return []
  }

  private mutating func choseSave(_ index: Int) -> [Command] {
    guard saves.indices.contains(index) else { return [] }
    let entry = saves[index]
    if let problem = entry.problem {
      notice = Notice(text: problem, isError: true)
      return []
    }
    return [.load(name: entry.name)]
  }

  private mutating func pressedKeyInEnding(_ key: Key) -> [Command] {
    if let amount = scrollAmount(for: key, page: layout.viewport.pageHeight) {
      scroll(by: amount)
      return []
    }
    switch key {
    case .enter, .escape, .character("m"):
      return openedMenu()
    case .character("n"):
      let commands = openedMenu()
      screens.append(.scenarioPicker(cursor: 0))
      return commands
    case .character("h"):
      screens.append(.history(scroll: 0))
    case .character("s"):
      screens.append(.savePrompt(name: suggestedSaveName, problem: nil))
    case .character("l") where quiz == nil:
      return openedLoadPicker()
    case .character("?"):
      screens.append(.help(scroll: 0))
    case .character("q"):
      return [.quit(.pressedQuit)]
    default:
      break
    }
    return []
  }

  // MARK: - Mouse

  mutating func clicked(_ position: Position) -> [Command] {
    notice = nil
    switch screen {
    case .result, .discussion:
      continuedFromPanel()
      return []
    default:
      break
    }
    guard let hit = layout.hits.last(where: { $0.rect.contains(position) }) else { return [] }
    switch hit.action {
    case .choice(let index):
      choiceCursor = index
      return choseMove(index)
    case .menuItem(let index):
      replaceTop(.menu(cursor: index))
      return choseMenuItem(menuItems[index])
    case .scenario(let index):
      replaceTop(.scenarioPicker(cursor: index))
      return choseScenario(index)
    case .save(let index):
      replaceTop(.loadPicker(cursor: index))
      return choseSave(index)
    }
  }

  // MARK: - Scrolling

  /// How far a key scrolls a page, or nil when it is not a scrolling key.
  private func scrollAmount(for key: Key, page: Int) -> Int? {
    switch key {
    case .up, .character("k"): -1
    case .down, .character("j"): 1
    case .pageUp, .character("b"): -max(1, page - 1)
    case .pageDown, .character("f"), .character(" "): max(1, page - 1)
    case .home: -Int.max / 2
    case .end: Int.max / 2
    default: nil
    }
  }

  /// Scrolls whatever scrolls on the current screen, kept within its content as last drawn.
  mutating func scroll(by amount: Int) {
    let limit = layout.viewport.maxScroll
    func moved(_ value: Int) -> Int { max(0, min(limit, value.addingReportingOverflow(amount).partialValue)) }
    switch screen {
    case .game: narrativeScroll = moved(narrativeScroll)
    case .result(let scroll): replaceTop(.result(scroll: moved(scroll)))
    case .discussion(let scroll): replaceTop(.discussion(scroll: moved(scroll)))
    case .help(let scroll): replaceTop(.help(scroll: moved(scroll)))
    case .history(let scroll): replaceTop(.history(scroll: moved(scroll)))
    case .ending(let scroll): replaceTop(.ending(scroll: moved(scroll)))
    case .briefing(let scroll): replaceTop(.briefing(scroll: moved(scroll)))
    case .menu, .scenarioPicker, .savePrompt, .loadPicker, .quizPrompt: break
    }
  }

  mutating func replaceTop(_ screen: Screen) {
    screens[screens.count - 1] = screen
  }
}

extension MenuItem {
  var isContinue: Bool {
    switch self {
    case .resumeGame, .continueGame: true
    default: false
    }
  }
}
