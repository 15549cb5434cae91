import OverlapEngine

/// Random games, for properties that must hold however a scenario is played.
public enum RandomPlay {
  /// Plays random legal moves until the game ends, no move is offered, or `limit` moves
  /// have been played. The picks come from their own generator, so the game's dice
  /// depend on `seed` alone.
  public static func game(_ engine: Engine, seed: UInt64, limit: Int) -> Playthrough {
    var game = Playthrough(engine: engine, seed: seed)
    var picker = SplitMix64(seed: ~seed)
    while !game.isFinished && game.moves.count < limit {
      let legal = game.legalChoices
      guard !legal.isEmpty else { break }
      game.play(choice: legal[picker.below(legal.count)])
    }
    return game
  }
}
