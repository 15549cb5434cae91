import OverlapTUI

/// What a participant's terminal can do, from what their SSH client sent: the TERM of
/// the pty request and the locale and `NO_COLOR` of its environment requests.
struct ClientTerminal: Equatable, Sendable {
  var term = ""
  var environment: [String: String] = [:]
  var size = Size(width: 80, height: 24)

  /// Environment variables worth keeping; anything else a client sends is ignored.
  static let acceptedVariables: Set<String> = ["LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR"]

  /// Window sizes a client may claim; beyond these a grid would cost memory, not show more.
  static let widths = 1...500
  static let heights = 1...200

  static func clampedSize(width: Int, height: Int) -> Size {
    Size(
      width: min(max(width, widths.lowerBound), widths.upperBound),
      height: min(max(height, heights.lowerBound), heights.upperBound))
  }

  /// Whether the terminal understands ANSI sequences at all.
  var canPlay: Bool { !term.isEmpty && term != "dumb" }

  var capabilities: Capabilities {
    Capabilities(unicode: unicode, color: color, mouse: mouse)
  }

  /// The locale as POSIX picks it (LC_ALL, then LC_CTYPE, then LANG). A client that sends
  /// none, such as Windows' ssh, is assumed to be UTF-8, as nearly every terminal now is.
  private var unicode: Bool {
    guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
    else { return true }
    let normalized = locale.lowercased().replacingOccurrences(of: "-", with: "")
    return normalized.contains("utf8")
  }

  private var color: Bool {
    guard (environment["NO_COLOR"] ?? "").isEmpty else { return false }
    return !["vt52", "vt100", "vt102", "vt220", "dumb"].contains(term)
  }

  /// Mouse reports only where the terminal family is known to send SGR reports.
  private var mouse: Bool {
    ["xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty", "wezterm"].contains { term.hasPrefix($0) }
  }
}
