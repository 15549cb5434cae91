import OverlapEngine
import OverlapTUI

/// The room's say over one participant's game loop: a pause holds every key but quitting,
/// a new discussion prompt takes the next key, and with rounds a participant who has
/// played this round's move cannot play the next until the facilitator releases it.
/// Used only on the participant's game thread.
final class RoomGate: GameLoopGate {
  private let room: Room
  private let capabilities: Capabilities
  /// The number of the last prompt this participant has seen; older ones are not shown.
  private var seenPrompt: Int

  init(room: Room, capabilities: Capabilities) {
    self.room = room
    self.capabilities = capabilities
    seenPrompt = room.promptNow?.number ?? 0
  }

  func admits(_ message: Message, _ model: AppModel) -> Bool {
    let key: Key?
    switch message {
    case .pressedKey(let pressed): key = pressed
    case .clicked, .scrolledWheel: key = nil
    default: return true
    }
    if room.pauseNow != nil { return key == .character("q") || key == .control("c") }
    if let prompt = room.promptNow, prompt.number > seenPrompt {
      seenPrompt = prompt.number
      return false
    }
    if isWaiting(model) && model.isChoosingMove {
      switch message {
      case .clicked: return false
      case .pressedKey(.enter), .pressedKey(.character(" ")), .pressedKey(.character("l")),
        .pressedKey(.character("m")):
        return false
      case .pressedKey(.character(let character)) where character.isWholeNumber: return false
      default: return true
      }
    }
    return true
  }

  func decorate(_ grid: Grid, _ model: AppModel) -> Grid {
    notice(model)?.drawn(over: grid, capabilities: capabilities) ?? grid
  }

  private func notice(_ model: AppModel) -> RoomNotice? {
    if let pause = room.pauseNow {
      return RoomNotice(title: "Paused", text: pause, hint: "the facilitator will carry on ")
    }
    if let prompt = room.promptNow, prompt.number > seenPrompt {
      return RoomNotice(title: "Discuss", text: prompt.text, hint: "any key continues ")
    }
    if isWaiting(model) && model.isChoosingMove {
      let round = room.settings.round
      return RoomNotice(
        title: "Round \(round) is over",
        text: "Wait here: the facilitator opens round \(round + 1) when the room is ready. "
          + "Meanwhile h shows your turns so far and ? the keys.",
        hint: "waiting for the next round ")
    }
    return nil
  }

  /// With rounds: this round's move is played and the game goes on.
  private func isWaiting(_ model: AppModel) -> Bool {
    let settings = room.settings
    guard settings.pace == .rounds, let game = model.game, !game.isFinished else { return false }
    return game.turns.count >= settings.round
  }
}
