/// What the terminal can show.
public struct Capabilities: Equatable, Sendable {
  public var unicode: Bool
  public var color: Bool
  public var mouse: Bool

  public init(unicode: Bool, color: Bool, mouse: Bool) {
    self.unicode = unicode
    self.color = color
    self.mouse = mouse
  }
}

// MARK: - What the environment asks for

extension Capabilities {
  /// Whether the locale asks for UTF-8, as the C library picks it: LC_ALL, then LC_CTYPE,
  /// then LANG. The one rule for every screen and page: curses, the debrief, SSH clients.
  public static func prefersUnicode(_ environment: [String: String]) -> Bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let lowered = locale.lowercased()
    return lowered.contains("utf-8") || lowered.contains("utf8")
  }

  /// Whether colour is welcome: not when NO_COLOR is set, nor on a dumb terminal.
  public static func allowsColor(_ environment: [String: String]) -> Bool {
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let term = environment["TERM"] ?? ""
    return !noColor && !term.isEmpty && term != "dumb"
  }
}
