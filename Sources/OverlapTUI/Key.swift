/// A key the player pressed, as the backend decodes it.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl and a letter, given in lower case (Ctrl-C is `.control("c")`).
  case control(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown
  case enter, escape, backspace, tab, delete
  case function(Int)
}
