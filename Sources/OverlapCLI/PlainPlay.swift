import Foundation
import OverlapEngine
import OverlapLab
import OverlapTerminal

/// Line-by-line play for pipes, screen readers and terminals curses cannot drive.
struct PlainPlay {
  let store: SaveStore
  let library: ScenarioLibrary
  var workshop: WorkshopOptions
  /// This game's own autosave slot, set when the game starts.
  var autosaveSlot = ""

  init(store: SaveStore, library: ScenarioLibrary, workshop: WorkshopOptions = WorkshopOptions()) {
    self.store = store
    self.library = library
    self.workshop = workshop
  }

  /// Plays until the game ends, the input ends or the player quits.
  ///
  /// SIGTERM, SIGHUP and SIGINT end the game as `q` does, then exit with status 130.
  mutating func start(scenario reference: String?, seed: UInt64?, load: String?) throws {
    if Console.current.catchesSignals { SignalRelay.install() }
    defer { if Console.current.catchesSignals { SignalRelay.uninstall() } }
    var session: Session
    if let load {
      let opened = try store.load(load, library: library)
      if let warning = opened.warning { Console.warn(warning) }
      // A save keeps its own team and quiz mode, so its answers stay one per move.
      session = opened.session
      let game = session.game
      autosaveSlot = store.autosaveSlot(continuing: load, scenario: game.scenario.id)
      say("Resumed '\(load)': \(game.scenario.title), turn \(game.state.turn), seed \(game.seed).")
    } else {
      guard let scenario = try pickScenario(reference) else { return }
      let game = Playthrough(engine: Engine(scenario: scenario), seed: seed ?? randomSeed())
      session = Session(game: game, players: workshop.team, quiz: workshop.quiz)
      autosaveSlot = store.autosaveSlot(continuing: nil, scenario: scenario.id)
      say("\(scenario.title): seed \(game.seed). Type a choice number or id; 'q' saves and quits; '?' for help.")
      if let intro = scenario.intro { say(""); say(game.engine.render(intro, in: game.state)) }
    }
    do {
      try loop(&session)
    } catch let interrupted as Interrupted {
      try leave(session, after: interrupted)
    }
  }

  /// Leaves on a signal as `q` would, saying so on standard error.
  func leave(_ session: Session, after interruption: Interrupted) throws {
    guard try autosave(session, announce: false) else {
      throw CLIError("interrupted by \(interruption.name) before the first move; nothing to save", .interrupted)
    }
    throw CLIError(
      "interrupted by \(interruption.name); progress saved as '\(autosaveSlot)'. Resume with: \(workshop.resumeCommand(for: autosaveSlot))",
      .interrupted)
  }

  func say(_ text: String, terminator: String = "\n") { Console.current.out(text + terminator) }

  func readLine() throws -> String? { try Console.current.readLine() }

  func pickScenario(_ reference: String?) throws -> Scenario? {
    if let reference { return try library.load(reference) }
    let scenarios = library.files().compactMap { try? ScenarioLoader.load(path: $0) }
    guard !scenarios.isEmpty else { throw CLIError("no scenarios found in '\(library.directory)'", .noInput) }
    say("Scenarios:")
    for (number, scenario) in scenarios.enumerated() { say("  \(number + 1). \(scenario.title): \(scenario.summary)") }
    while true {
      Console.current.out("Pick a scenario (1-\(scenarios.count)): ")
      guard let line = try readLine()?.trimmingCharacters(in: .whitespaces) else { return nil }
      if line == "q" { return nil }
      if let number = Int(line), scenarios.indices.contains(number - 1) { return scenarios[number - 1] }
      if let match = scenarios.first(where: { $0.id == line }) { return match }
      say("Type a number from 1 to \(scenarios.count), or q to quit.")
    }
  }

  // MARK: - The game loop

  func loop(_ session: inout Session) throws {
    // The scene is shown once a turn; a typo or a command gets a line, not the scene again.
    var shownTurn = 0
    while !session.game.isFinished {
      let game = session.game
      if shownTurn != game.state.turn {
        showTurn(session)
        shownTurn = game.state.turn
      }
      Console.current.out("> ")
      guard let line = try readLine() else {
        try autosave(session, announce: true)
        return
      }
      let input = line.trimmingCharacters(in: .whitespaces)
      switch input {
      case "": continue
      case "q", "quit":
        try autosave(session, announce: true)
        return
      case "?", "help":
        say("Type the number or id of a choice. Commands: h history, s NAME save to a slot, q save and quit.")
        continue
      case "h", "history":
        showHistory(game)
        continue
      default:
        break
      }
      if input.hasPrefix("s ") {
        let name = String(input.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        do {
          try store.write(session, as: name)
          say("Saved as '\(name)'.")
        } catch {
          say("Not saved: \(error)")
        }
        continue
      }
      let choice: Int
      do {
        choice = try game.engine.resolveMove(input, in: game.state)
      } catch {
        say(error.message)
        continue
      }
      say("You chose: \(game.choiceText(choice))")
      // In a quiz the move waits for the answer, as on the full screen; q there quits.
      var guess: Style?
      if session.isQuiz {
        guard let answer = try askStyle() else {
          try autosave(session, announce: true)
          return
        }
        guess = answer
      }
      session.play(choice: choice, guess: guess)
      if let report = session.game.lastReport { showResult(report, session: session) }
      try autosave(session, announce: false)
      if let prompt = Workshop(discuss: workshop.discuss).discussion(after: session.game) {
        say("")
        say("Discuss: \(prompt)")
        Console.current.out("Press Enter to go on. ")
        _ = try readLine()
      }
    }
    showEnding(session)
  }

  /// Asks the quiz question until it gets a usable answer; nil for `q` or the end of
  /// input, when the move is left unplayed.
  func askStyle() throws -> Style? {
    while true {
      Console.current.out("Was that a leader move or a manager move? (l/m, q to save and quit) ")
      guard let line = try readLine() else { return nil }
      switch Workshop.Answer(line) {
      case .guess(let style): return style
      case .quit: return nil
      case nil: say("Type l for leader or m for manager, or q to save and quit.")
      }
    }
  }

  /// Writes the game's autosave; returns false, writing nothing, when no move was played,
  /// so that opening a scenario and leaving at once leaves no empty save behind.
  @discardableResult
  func autosave(_ session: Session, announce: Bool) throws -> Bool {
    guard !session.game.moves.isEmpty else {
      if announce { say("No move played, so nothing was saved.") }
      return false
    }
    do {
      try store.write(session, as: autosaveSlot)
    } catch {
      throw CLIError("could not autosave: \(error)", .ioError)
    }
    if announce { say("Progress saved as '\(autosaveSlot)'. Resume with: \(workshop.resumeCommand(for: autosaveSlot))") }
    return true
  }

  // MARK: - Showing the game

  func showTurn(_ session: Session) {
    let game = session.game
    let scenario = game.scenario
    let scene = scenario.scenes[game.state.scene]
    say("")
    say("Turn \(game.state.turn) of \(game.state.moves + remainingTurns(game))" + (scene.title.map { ": \($0)" } ?? ""))
    if let decider = session.decider { say("\(decider) decides this turn.") }
    say(game.sceneText)
    say(meterLine(game, game.state, previous: game.states.dropLast().last))
    for (number, choice) in game.legalChoices.enumerated() {
      let style = session.isQuiz ? "" : "[\(scenario.choices[choice].style.rawValue)] "
      say("  \(number + 1). \(style)\(game.choiceText(choice))")
    }
  }

  func remainingTurns(_ game: Playthrough) -> Int {
    game.scenario.turnsFrom[game.state.scene]
  }

  /// The meters, then the variables the scenario shows, by the names players read.
  func meterLine(_ game: Playthrough, _ state: GameState, previous: GameState?) -> String {
    (Meter.allCases.map(\.rawValue) + game.scenario.gauges).compactMap { index in
      guard let name = game.scenario.playerName(of: index) else { return nil }
      let value = state.values[index]
      let delta = previous.map { value.saturatingSubtracting($0.values[index]) } ?? 0
      let change = delta == 0 ? "" : delta > 0 ? " (+\(delta))" : " (\(delta))"
      return "\(name) \(value)\(change)"
    }.joined(separator: ", ")
  }

  func showResult(_ report: TurnReport, session: Session) {
    say("")
    let lens = report.lens.map { " · \($0.title)" } ?? ""
    if let guess = session.lastGuess {
      say(guess == report.style ? "Right: " : "Not quite: ", terminator: "")
    }
    say("That was a \(report.style.rawValue) move\(lens).")
    if report.strength < 100 {
      say("Too many \(report.style.rawValue) moves in a row: this one kept only \(report.strength)% of its gains.")
    }
    if let outcome = report.outcome { say(outcome) }
    for roll in report.rolls { if let text = roll.text { say(text) } }
    if let text = report.pick?.text { say(text) }
    for landed in report.landed {
      say("Later effect of turn \(landed.playedOnTurn) landed" + (landed.text.map { ": \($0)" } ?? "."))
    }
    for event in report.events {
      say("Event: \(event.title)" + (event.text.map { ". \($0)" } ?? ""))
    }
    // Hidden variables never reach the player; shown ones go by their labels.
    let shown = report.changes.compactMap { change in
      session.scenario.playerName(of: change.name).map { "\($0) \(change.delta >= 0 ? "+" : "")\(change.delta)" }
    }
    if !shown.isEmpty {
      say(shown.joined(separator: ", "))
    }
    for scheduled in report.scheduled { say("Something you set in motion will land after turn \(scheduled.turn).") }
    if let note = report.note { say("Note: \(note)") }
  }

  func showHistory(_ game: Playthrough) {
    if game.turns.isEmpty { say("No moves yet.") }
    for report in game.reports {
      say("Turn \(report.turn): \(report.choiceText) (\(report.style.rawValue)) → morale \(report.meters.morale), efficiency \(report.meters.efficiency), stability \(report.meters.stability)")
    }
  }

  func showEnding(_ session: Session) {
    let game = session.game
    guard let ending = game.ending else { return }
    say("")
    say("Ending: \(ending.title) (\(ending.tone.rawValue))")
    if let text = game.endingText { say(text) }
    if let debrief = ending.debrief { say(""); say(debrief) }
    say(meterLine(game, game.state, previous: nil))
    say("Leader moves: \(game.state.leaderMoves), manager moves: \(game.state.managerMoves).")
    if let score = session.quizScore { say("Quiz: " + score.summary) }
    do {
      try autosave(session, announce: false)
      say("The full debrief: overlap debrief \(autosaveSlot)")
    } catch {
      Console.warn("\(error)")
    }
  }
}

/// Classroom options for `play`: the quiz, hot-seat teams and discussion pauses.
struct WorkshopOptions {
  /// Hide each move's style and ask for it after the move.
  var quiz = false
  /// Members in playing order; the deciding member rotates each turn.
  var team: [String] = []
  /// Pause on the scene's discussion prompt after each turn.
  var discuss = false

  /// The command that resumes a save with these options. A save keeps its quiz and team
  /// but not the discussion pauses, so those are asked for again.
  func resumeCommand(for save: String) -> String {
    "overlap play --load \(save)" + (discuss ? " --workshop" : "")
  }
}
