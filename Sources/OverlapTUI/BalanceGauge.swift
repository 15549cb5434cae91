import OverlapEngine
import OverlapText

/// Where the moves so far sit between all leader and all manager.
enum BalanceGauge {
  /// The track: leader on the left, manager on the right, a marker at the manager share.
  static func track(leader: Int, manager: Int, width: Int, glyphs: Glyphs, theme: Theme) -> [Span] {
    guard width >= 3 else { return [] }
    let total = leader + manager
    let centre = (width - 1) / 2
    let marker = total == 0 ? centre : (manager * (width - 1) + total / 2) / total
    var spans: [Span] = []
    for column in 0..<width {
      if column == marker {
        spans.append(Span(String(total == 0 ? glyphs.idleMarker : glyphs.marker), theme.title))
      } else if column == centre {
        spans.append(Span(String(glyphs.centreTick), theme.muted))
      } else {
        spans.append(Span(String(glyphs.horizontal), column < centre ? theme.style(.leader) : theme.style(.manager)))
      }
    }
    return spans
  }

  /// "balanced", "leaning leader", "manager only" and so on.
  static func verdict(leader: Int, manager: Int) -> String {
    let total = leader + manager
    guard total > 0 else { return "no moves yet" }
    if leader == 0 { return total == 1 ? "one manager move" : "manager only" }
    if manager == 0 { return total == 1 ? "one leader move" : "leader only" }
    let difference = abs(leader - manager) * 100 / total
    if difference <= 25 { return "balanced" }
    return leader > manager ? "leaning leader" : "leaning manager"
  }
}
