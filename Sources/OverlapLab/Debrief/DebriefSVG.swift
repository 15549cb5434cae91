import OverlapEngine

/// The inline SVG charts of the HTML debrief. Each meter has its own colour, dash
/// pattern and marker shape, so the charts still read in grey print.
enum DebriefSVG {
  /// The style colours, also CSS variables in `HTMLPage.css`; SVG attributes need plain values.
  static let leaderColor = "#8a3ca6"
  static let managerColor = "#0b7a8c"
  static let muted = "#5a6372"
  static let gridLine = "#d8dce3"

  struct MeterStyle {
    var color: String
    var dash: String?
  }

  static func style(of meter: String) -> MeterStyle {
    switch meter {
    case "morale": MeterStyle(color: "#d1490e", dash: nil)
    case "efficiency": MeterStyle(color: "#1f5fbf", dash: "9 5")
    default: MeterStyle(color: "#2f8a3f", dash: "1.5 5")
    }
  }

  // MARK: - Elements

  /// One element. Attributes keep their order (so output is stable), nil ones are left
  /// out, and values and text are escaped.
  static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?>, text: String? = nil) -> String {
    let list = attributes.compactMap { key, value in value.map { " \(key)=\"\(HTMLPage.escape($0))\"" } }.joined()
    guard let text else { return "<\(name)\(list)/>" }
    return "<\(name)\(list)>\(HTMLPage.escape(text))</\(name)>"
  }

  static func label(
    _ content: String, x: Double, y: Double, anchor: String? = nil, size: Int = 15, bold: Bool = false,
    color: String? = nil
  ) -> String {
    tag(
      "text",
      [
        "x": f(x), "y": f(y), "text-anchor": anchor, "font-size": String(size), "font-weight": bold ? "650" : nil,
        "fill": color,
      ], text: content)
  }

  static func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String, width: Double = 1) -> String {
    tag("line", ["x1": f(x1), "y1": f(y1), "x2": f(x2), "y2": f(y2), "stroke": color, "stroke-width": f(width)])
  }

  static func rect(x: Double, y: Double, width: Double, height: Double, color: String) -> String {
    tag("rect", ["x": f(x), "y": f(y), "width": f(width), "height": f(height), "fill": color])
  }

  /// A small marker: a circle for morale, a square for efficiency, a triangle for stability.
  static func marker(_ meter: String, x: Double, y: Double, size: Double = 4.2) -> String {
    let color = style(of: meter).color
    switch meter {
    case "morale":
      return tag("circle", ["cx": f(x), "cy": f(y), "r": f(size), "fill": color])
    case "efficiency":
      return rect(x: x - size, y: y - size, width: 2 * size, height: 2 * size, color: color)
    default:
      let points = [(x, y - size * 1.2), (x - size * 1.1, y + size * 0.9), (x + size * 1.1, y + size * 0.9)]
      return tag("polygon", ["points": points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "), "fill": color])
    }
  }

  /// Numbers without needless decimals, so the markup stays short and stable.
  static func f(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func svg(width: Double, height: Double, title: String, _ parts: [String]) -> String {
    """
    <svg class="chart" viewBox="0 0 \(f(width)) \(f(height))" role="img" fill="#1c2230"><title>\(HTMLPage.escape(title))</title>
    \(parts.joined(separator: "\n"))
    </svg>
    """
  }

  /// The legend, as HTML above a chart: a line sample and marker for each meter.
  static func legend(extra: String = "") -> String {
    let items = Meter.allCases.map { meter in
      let style = style(of: meter.name)
      let sample = tag(
        "line",
        [
          "x1": "1", "y1": "6", "x2": "33", "y2": "6", "stroke": style.color, "stroke-width": "3",
          "stroke-linecap": "round", "stroke-dasharray": style.dash,
        ])
      return """
        <span><svg width="34" height="12" viewBox="0 0 34 12" style="display:inline-block;width:34px;vertical-align:middle" \
        aria-hidden="true">\(sample)\(marker(meter.name, x: 17, y: 6, size: 3.6))</svg> \(meter.name)</span>
        """
    }
    return "<div class=\"legend\">\(items.joined())\(extra)</div>"
  }

  // MARK: - Meters over time

  /// The three meters over the turns on a 0–100 scale, with the key turns shaded.
  static func meterChart(_ lines: [Debrief.MeterLine], keyTurns: [Int]) -> String {
    let width = 600.0
    let height = 280.0
    let left = 40.0
    let right = width - 124
    let top = 14.0
    let bottom = height - 40
    let count = lines.map(\.values.count).max() ?? 1
    let steps = Double(max(1, count - 1))
    func x(_ index: Int) -> Double { left + Double(index) * (right - left) / steps }
    func y(_ value: Int) -> Double { bottom - Double(value) * (bottom - top) / 100 }

    var parts: [String] = []
    for turn in keyTurns where turn >= 1 && turn < count {
      parts.append(rect(x: x(turn - 1), y: top, width: x(turn) - x(turn - 1), height: bottom - top, color: "#fff1c2"))
    }
    for value in stride(from: 0, through: 100, by: 25) {
      parts.append(line(x1: left, y1: y(value), x2: right, y2: y(value), color: gridLine))
      parts.append(label(String(value), x: left - 8, y: y(value) + 4, anchor: "end", size: 14, color: muted))
    }
    // Enough room between turn numbers for two digits.
    let labelStep = max(1, Int((26 / ((right - left) / steps)).rounded(.up)))
    for index in 0..<count where index == count - 1 || (index % labelStep == 0 && count - 1 - index >= labelStep) {
      parts.append(line(x1: x(index), y1: bottom, x2: x(index), y2: bottom + 5, color: muted))
      parts.append(label(String(index), x: x(index), y: bottom + 19, anchor: "middle", size: 14))
    }
    parts.append(label("after turn", x: (left + right) / 2, y: height - 4, anchor: "middle", size: 14, color: muted))

    for meter in lines {
      let style = style(of: meter.meter)
      let points = meter.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
      parts.append(
        tag(
          "polyline",
          [
            "points": points, "fill": "none", "stroke": style.color, "stroke-width": "3", "stroke-linejoin": "round",
            "stroke-linecap": "round", "stroke-dasharray": style.dash,
          ]))
      if count <= 25 {
        parts += meter.values.enumerated().map { marker(meter.meter, x: x($0.offset), y: y($0.element)) }
      }
    }

    // End labels, nudged apart so close values stay legible.
    var ends = lines.map { (meter: $0.meter, value: $0.end, y: y($0.end) + 4) }.sorted { $0.y < $1.y }
    for index in ends.indices.dropFirst() where ends[index].y - ends[index - 1].y < 15 {
      ends[index].y = ends[index - 1].y + 15
    }
    for end in ends {
      parts.append(
        label("\(end.meter) \(end.value)", x: right + 10, y: end.y, bold: true, color: style(of: end.meter).color))
    }
    return svg(width: width, height: height, title: "Morale, efficiency and stability after each turn", parts)
  }

  // MARK: - Styles

  /// Stacked leader and manager bars: the whole game, then each stretch of it.
  static func styleChart(_ styles: Debrief.StyleMix, dash: String) -> String {
    let stretches = styles.phases.count > 1 ? styles.phases : []
    let rows =
      [(name: "all turns", leader: styles.leader, manager: styles.manager)]
      + stretches.map { phase in
        let span =
          phase.firstTurn == phase.lastTurn
          ? "turn \(phase.firstTurn)" : "turns \(phase.firstTurn)\(dash)\(phase.lastTurn)"
        return (name: "\(phase.name), \(span)", leader: phase.leader, manager: phase.manager)
      }
    let width = 600.0
    let rowHeight = 34.0
    let left = 170.0
    let barWidth = width - left - 10
    var parts: [String] = []
    for (index, row) in rows.enumerated() {
      let top = Double(index) * rowHeight + 4
      let split = barWidth * Double(row.leader) / Double(max(1, row.leader + row.manager))
      parts.append(label(row.name, x: left - 10, y: top + 18, anchor: "end", bold: index == 0))
      if row.leader > 0 {
        parts.append(rect(x: left, y: top, width: split, height: 24, color: leaderColor))
        parts.append(segmentLabel("\(row.leader) leader", x: left + 8, width: split, top: top))
      }
      if row.manager > 0 {
        parts.append(rect(x: left + split, y: top, width: barWidth - split, height: 24, color: managerColor))
        parts.append(segmentLabel("\(row.manager) manager", x: left + split + 8, width: barWidth - split, top: top))
      }
    }
    return svg(
      width: width, height: Double(rows.count) * rowHeight + 4,
      title: "Leader and manager moves, overall and by stretch of the game", parts)
  }

  /// A label inside a bar segment, shortened to a number when the segment is narrow.
  static func segmentLabel(_ text: String, x: Double, width: Double, top: Double) -> String {
    let fitted = width >= Double(text.count) * 8.6 + 12 ? text : width >= 22 ? String(text.prefix { $0 != " " }) : ""
    return label(fitted, x: x, y: top + 17, bold: true, color: "#ffffff")
  }

  // MARK: - Lenses

  /// Leader moves to the left of the centre line, manager moves to the right, one row per lens.
  static func lensChart(_ lenses: [Debrief.LensUse]) -> String {
    let width = 600.0
    let rowHeight = 30.0
    let centre = 300.0
    let reach = 120.0
    let most = Double(max(1, lenses.map { max($0.leader, $0.manager) }.max() ?? 1))
    var parts = [
      label("LEADER SIDE", x: centre - 10, y: 14, anchor: "end", size: 14, bold: true, color: leaderColor),
      label("MANAGER SIDE", x: centre + 10, y: 14, size: 14, bold: true, color: managerColor),
    ]
    for (index, use) in lenses.enumerated() {
      let top = 24 + Double(index) * rowHeight
      let leader = reach * Double(use.leader) / most
      let manager = reach * Double(use.manager) / most
      let sideColor = use.leader + use.manager == 0 ? "#8a919c" : nil
      parts.append(
        label(use.lens.side(for: .leader), x: centre - reach - 34, y: top + 16, anchor: "end", color: sideColor))
      parts.append(label(use.lens.side(for: .manager), x: centre + reach + 34, y: top + 16, color: sideColor))
      parts.append(rect(x: centre - leader, y: top + 3, width: leader, height: 18, color: leaderColor))
      parts.append(rect(x: centre, y: top + 3, width: manager, height: 18, color: managerColor))
      parts.append(
        label(String(use.leader), x: centre - leader - 6, y: top + 16, anchor: "end", size: 14, color: muted))
      parts.append(label(String(use.manager), x: centre + manager + 6, y: top + 16, size: 14, color: muted))
    }
    let bottom = 24 + Double(lenses.count) * rowHeight
    parts.append(line(x1: centre, y1: 20, x2: centre, y2: bottom, color: "#1c2230", width: 1.5))
    return svg(width: width, height: bottom + 4, title: "Moves on the leader and manager side of each lens", parts)
  }

  // MARK: - Class

  /// Where each run finished: one row per run, the three meters as markers on 0–100.
  static func finishChart(_ runs: [Debrief]) -> String {
    let width = 600.0
    let rowHeight = 30.0
    let left = 190.0
    let right = width - 16
    let top = 24.0
    func x(_ value: Int) -> Double { left + Double(value) * (right - left) / 100 }
    var parts: [String] = []
    let bottom = top + Double(runs.count) * rowHeight
    for value in stride(from: 0, through: 100, by: 25) {
      parts.append(line(x1: x(value), y1: top - 4, x2: x(value), y2: bottom, color: gridLine))
      parts.append(label(String(value), x: x(value), y: 12, anchor: "middle", size: 14, color: muted))
    }
    for (index, run) in runs.enumerated() {
      let centre = top + Double(index) * rowHeight + rowHeight / 2
      let name = run.label.count > 22 ? String(run.label.prefix(21)) + "…" : run.label
      parts.append(label(name, x: left - 10, y: centre + 4, anchor: "end"))
      parts.append(line(x1: left, y1: centre, x2: right, y2: centre, color: "#eef0f3"))
      // Each meter on its own line within the row, so equal values do not hide each other.
      for (offset, meter) in run.meters.enumerated() {
        parts.append(marker(meter.meter, x: x(meter.end), y: centre + Double(offset - 1) * 7, size: 4.5))
      }
    }
    return svg(width: width, height: bottom + 6, title: "Each run's meters at the end, from 0 to 100", parts)
  }
}
