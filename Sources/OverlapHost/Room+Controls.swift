import Foundation
import OverlapEngine
import OverlapLab
import OverlapTUI

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

  /// Every participant (turn, meter histories, style share, quiz, status) and the
  /// endings so far, most frequent first.
  func table() -> (rows: [RoomConsoleRow], endings: [RoomConsole.Ending]) {
    let playing = Set(participants.map(\.name))
    let settings = settings
    var endings: [String: Int] = [:]
    let rows = sessions().map { name, session in
      let game = session.game
      let styles = game.turns.map { game.scenario.choices[$0.choice].style }
      let leaders = styles.filter { $0 == .leader }.count
      let meters = game.states.map(MeterValues.init)
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
      return RoomConsoleRow(
        name: name, turn: session.shownTurn,
        meters: [meters.map(\.morale), meters.map(\.efficiency), meters.map(\.stability)], leader: leaders,
        manager: styles.count - leaders,
        quiz: session.quizScore.map { "\($0.right)/\($0.total)" },
        status: status)
    }
    let counted = endings.map { RoomConsole.Ending(title: $0.key, count: $0.value) }
      .sorted { (a: RoomConsole.Ending, b: RoomConsole.Ending) in (b.count, a.title) < (a.count, b.title) }
    return (rows, counted)
  }

  /// One line per participant, then the pace and the endings: `status` as plain text.
  func overview() -> [String] {
    let (rows, endings) = table()
    var lines = rows.map { row in
      let now = row.meters.map { $0.last ?? 0 }
      return "\(row.name): turn \(row.turn), morale \(now[0]) efficiency \(now[1]) stability \(now[2]), "
        + "leader \(row.leader) manager \(row.manager)" + (row.quiz.map { ", quiz \($0)" } ?? "") + " · " + row.status
    }
    if lines.isEmpty { lines = ["Nobody has joined yet."] }
    let settings = settings
    let pace = settings.pace == .rounds ? "rounds, round \(settings.round)" : "free pace"
    let ended = endings.map { "\($0.title) \($0.count)" }
    return lines + ["\(pace); endings so far: " + (ended.isEmpty ? "none" : ended.joined(separator: ", "))]
  }

  /// When the last game in the room has ended, writes the class debrief at once, so it is
  /// ready to project as the room finishes.
  func debriefIfAllEnded() {
    let runs = sessions().filter { !$0.session.game.moves.isEmpty }
    guard !runs.isEmpty, runs.allSatisfy({ $0.session.game.isFinished }), let paths = try? writeDebrief() else { return }
    log.record(.debriefWritten(paths: paths))
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
