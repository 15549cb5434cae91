import Foundation
import OverlapEngine
import OverlapLab

/// What the facilitator can do to a room, typed as a line on the host's standard input.
public enum RoomControl: Equatable, Sendable {
  /// With rounds: let everyone play one more move.
  case release
  /// Hold every screen on a message until `resume`.
  case pause(String)
  case resume
  /// Show a discussion prompt on every screen; each participant's next key closes it.
  case prompt(String)
  /// End a participant's connection; their game stays saved.
  case remove(String)
  /// Write the class debrief, HTML and Markdown, into the workshop folder.
  case debrief
  /// One line per participant and the endings so far.
  case status
  /// Close the room.
  case end

  public static let usage =
    "commands: status · release · pause MESSAGE · resume · prompt TEXT · remove NAME · debrief · end"

  /// The control a typed line names, or nil.
  public init?(line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    let word = trimmed.prefix { !$0.isWhitespace }.lowercased()
    let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
    switch (word, rest.isEmpty) {
    case ("release", true): self = .release
    case ("pause", false): self = .pause(rest)
    case ("resume", true): self = .resume
    case ("prompt", false): self = .prompt(rest)
    case ("remove", false): self = .remove(rest)
    case ("debrief", true): self = .debrief
    case ("status", true): self = .status
    case ("end", true): self = .end
    default: return nil
    }
  }
}

extension Room {
  var pauseNow: String? { lock.withLock { pause } }
  var promptNow: (number: Int, text: String)? { lock.withLock { prompt } }

  /// Carries out a control (all but `end`, which closes the server); returns the lines
  /// that tell the facilitator what happened.
  public func perform(_ control: RoomControl) -> [String] {
    switch control {
    case .release:
      guard settings.pace == .rounds else { return ["The pace is free: there are no rounds to release."] }
      let round = lock.withLock {
        current.round += 1
        return current.round
      }
      let stored = storeSettings()
      nudgeEveryone()
      return ["Round \(round) is open."] + stored
    case .pause(let message):
      lock.withLock { pause = String(message.prefix(500)) }
      nudgeEveryone()
      return ["Every screen is paused; resume carries on."]
    case .resume:
      lock.withLock { pause = nil }
      nudgeEveryone()
      return ["Every screen carries on."]
    case .prompt(let text):
      lock.withLock { prompt = ((prompt?.number ?? 0) + 1, String(text.prefix(1000))) }
      nudgeEveryone()
      return ["The prompt is on every screen."]
    case .remove(let name):
      guard let participant = participants.first(where: { $0.name == name }) else { return ["'\(name)' is not connected."] }
      participant.remove()
      return ["'\(name)' is out; their game stays saved."]
    case .debrief:
      do {
        return ["The class debrief is in " + (try writeDebrief()).joined(separator: " and ")]
      } catch {
        return ["The class debrief could not be written: \(error)"]
      }
    case .status:
      return overview()
    case .end:
      return []
    }
  }

  private func nudgeEveryone() {
    for participant in participants { participant.nudge() }
  }

  /// Keeps the pace and round with the room, so a restarted host opens the same round.
  private func storeSettings() -> [String] {
    do {
      try settings.store(in: directory)
      return []
    } catch {
      return ["The round could not be stored: \(error)"]
    }
  }

  // MARK: - The room at a glance

  /// Every participant's game as saved, by name.
  func sessions() -> [(name: String, session: Session)] {
    let names = (try? store.names()) ?? []
    return names.compactMap { name in
      guard let save = try? store.read(name), save.scenario == engine.scenario.id,
        let session = try? Session(save, engine: engine)
      else { return nil }
      return (name, session)
    }
  }

  /// One line per participant (turn, meters, style share, quiz, status), then the endings.
  func overview() -> [String] {
    let playing = Set(participants.map(\.name))
    let settings = settings
    var endings: [String: Int] = [:]
    var lines = sessions().map { name, session in
      let game = session.game
      let styles = game.turns.map { game.scenario.choices[$0.choice].style }
      let leaders = styles.filter { $0 == .leader }.count
      let meters = MeterValues(game.state)
      var line =
        "\(name): turn \(session.shownTurn), morale \(meters.morale) efficiency \(meters.efficiency) "
        + "stability \(meters.stability), leader \(leaders) manager \(styles.count - leaders)"
      if let quiz = session.quiz {
        line += ", quiz " + Debrief.Quiz(styles: styles, guesses: quiz).summary
      }
      let status: String
      if let ending = game.ending, game.isFinished {
        endings[ending.title, default: 0] += 1
        status = "ended: \(ending.title)"
      } else if !playing.contains(name) {
        status = "disconnected"
      } else if settings.pace == .rounds && game.turns.count >= settings.round {
        status = "waiting for the round"
      } else {
        status = "playing"
      }
      return line + " · " + status
    }
    if lines.isEmpty { lines = ["Nobody has joined yet."] }
    let pace = settings.pace == .rounds ? "rounds, round \(settings.round)" : "free pace"
    let ended = endings.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
    return lines + ["\(pace); endings so far: " + (ended.isEmpty ? "none" : ended.joined(separator: ", "))]
  }

  /// Writes `class-debrief.html` and `class-debrief.md` into the folder; returns their paths.
  func writeDebrief() throws -> [String] {
    let runs = sessions().filter { !$0.session.game.moves.isEmpty }
    guard !runs.isEmpty else { throw HostError("nobody has played a move yet") }
    let debrief = ClassDebrief(runs.map { (Debrief($0.session, name: $0.name), engine.scenario) })
    var written: [String] = []
    for (name, text) in [("class-debrief.html", debrief.html()), ("class-debrief.md", debrief.markdown())] {
      let path = (directory as NSString).appendingPathComponent(name)
      do {
        try AtomicFile.write(Data(text.utf8), to: path)
      } catch {
        throw HostError("\(path): \(error.reason)")
      }
      written.append(path)
    }
    return written
  }
}
