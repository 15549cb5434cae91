/// The change in a value as "▲4", "▼2" (or "+4", "-2"), nothing when unchanged.
enum Delta {
  static func text(_ delta: Int, glyphs: Glyphs) -> String {
    delta > 0 ? "\(glyphs.rising)\(delta)" : delta < 0 ? "\(glyphs.falling)\(-delta)" : ""
  }

  static func signed(_ delta: Int) -> String {
    delta > 0 ? "+\(delta)" : "\(delta)"
  }
}
