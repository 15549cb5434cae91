import OverlapEngine

/// The frame of an HTML debrief: one self-contained file with its CSS inline and no
/// scripts, fonts or images from elsewhere, laid out for a projector and for print.
enum HTMLPage {
  /// Escapes text for element content and attribute values alike, and drops the control
  /// characters a page has no use for (a terminal would act on them if the file were printed).
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default: if !TerminalSafe.isControl(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// Scenario prose as paragraphs.
  static func paragraphs(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: true)
      .map { "<p>\(escape(String($0)))</p>" }.joined(separator: "\n")
  }

  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="overlap debrief">
    <title>\(escape(title))</title>
    <style>
    \(css)
    </style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  static func badge(_ tone: Tone) -> String {
    "<span class=\"badge tone-\(tone.rawValue)\">\(tone.rawValue)</span>"
  }

  static func badge(_ style: Style) -> String {
    "<span class=\"badge style-\(style.rawValue)\">\(style.rawValue)</span>"
  }

  /// A signed change, coloured by direction.
  static func delta(_ value: Int) -> String {
    let kind = value > 0 ? "up" : value < 0 ? "down" : "flat"
    return "<span class=\"delta \(kind)\">\(escape(Debrief.signed(value)))</span>"
  }

  /// One square per turn, lettered and coloured by style.
  static func strip(_ turns: [Debrief.Turn]) -> String {
    let cells = turns.map { turn in
      "<span class=\"cell style-\(turn.style.rawValue)\" title=\"Turn \(turn.number): \(escape(turn.choiceText)) (\(turn.style.rawValue))\">\(turn.style == .leader ? "L" : "M")</span>"
    }
    return "<span class=\"strip\">\(cells.joined())</span>"
  }

  /// A stacked bar of leader and manager shares.
  static func shareBar(leader: Int, manager: Int) -> String {
    let total = leader + manager
    guard total > 0 else { return "<span class=\"muted\">no moves</span>" }
    let share = (leader * 100 + total / 2) / total
    return """
      <span class="share" role="img" aria-label="\(share)% leader, \(100 - share)% manager">\
      <span class="share-leader" style="width:\(share)%"></span><span class="share-manager" style="width:\(100 - share)%"></span>\
      </span> <span class="share-label"><b class="leader">\(share)%</b> / <b class="manager">\(100 - share)%</b></span>
      """
  }

  static let css = """
    :root {
      --ink: #1c2230; --muted: #5a6372; --line: #d8dce3; --soft: #f3f4f7; --paper: #ffffff;
      --leader: #8a3ca6; --manager: #0b7a8c;
      --success: #23793a; --mixed: #a35c00; --failure: #b3261e;
      --morale: #d1490e; --efficiency: #1f5fbf; --stability: #2f8a3f;
    }
    * { box-sizing: border-box; }
    html { font-size: 17px; }
    body { margin: 0; background: var(--paper); color: var(--ink);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
      line-height: 1.45; }
    main { max-width: 1220px; margin: 0 auto; padding: 24px 36px 56px; }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
    h2 { font-size: 1.3rem; margin: 1.8rem 0 .7rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.05rem; margin: 0 0 .45rem; }
    p { margin: .35rem 0 .6rem; }
    .meta { color: var(--muted); margin: 0 0 1rem; }
    .muted { color: var(--muted); }
    .leader { color: var(--leader); } .manager { color: var(--manager); }
    .badge { display: inline-block; padding: .08em .6em; border-radius: 999px; font-size: .78rem; font-weight: 650;
      color: #fff; vertical-align: .12em; letter-spacing: .02em; white-space: nowrap; }
    .tone-success { background: var(--success); } .tone-mixed { background: var(--mixed); }
    .tone-failure { background: var(--failure); }
    .style-leader { background: var(--leader); } .style-manager { background: var(--manager); }
    .delta { font-weight: 650; font-variant-numeric: tabular-nums; }
    .delta.up { color: var(--success); } .delta.down { color: var(--failure); } .delta.flat { color: var(--muted); }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 20px; align-items: start;
      margin: 20px 0; }
    .card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; background: var(--paper); }
    .ending { border-left: 8px solid var(--muted); }
    .ending.tone-success-edge { border-left-color: var(--success); }
    .ending.tone-mixed-edge { border-left-color: var(--mixed); }
    .ending.tone-failure-edge { border-left-color: var(--failure); }
    .ending h2 { border: 0; margin: 0 0 .4rem; padding: 0; font-size: 1.5rem; }
    .lesson { font-size: 1.08rem; background: var(--soft); border-radius: 8px; padding: .6rem .9rem; margin: .7rem 0; }
    .lesson b { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
    .why { color: var(--muted); font-size: .92rem; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .85em;
      background: var(--soft); padding: 0 .25em; border-radius: 4px; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { text-align: left; padding: .38rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-size: .78rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 650; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .nowrap { white-space: nowrap; }
    td.move { min-width: 20rem; }
    .strip { display: inline-flex; flex-wrap: wrap; gap: 2px; }
    td .strip { flex-wrap: nowrap; }
    .strip .cell { display: inline-block; width: 1.15rem; height: 1.15rem; line-height: 1.15rem; border-radius: 3px;
      color: #fff; font-size: .68rem; font-weight: 700; text-align: center; }
    .share { display: inline-flex; width: 6.5rem; height: .8rem; border-radius: 3px; overflow: hidden;
      vertical-align: middle; background: var(--soft); }
    .share-leader { background: var(--leader); } .share-manager { background: var(--manager); }
    .share-label { font-size: .85rem; white-space: nowrap; }
    .meter-cell { display: inline-flex; align-items: center; gap: .35rem; }
    .meter-bar { display: inline-block; width: 3.2rem; height: .55rem; background: var(--soft); border-radius: 3px; overflow: hidden; }
    .meter-bar span { display: block; height: 100%; }
    .low { background: var(--failure); } .mid { background: var(--mixed); } .high { background: var(--success); }
    svg { display: block; width: 100%; height: auto; }
    svg text { font-family: inherit; }
    .keyturns { display: grid; gap: 16px; }
    .keyturn { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 6px 28px; align-items: start; }
    .keyturn .shift { margin: .2rem 0 .5rem; }
    .note { border-left: 4px solid var(--line); padding: .1rem 0 .1rem .7rem; margin: .5rem 0; }
    .estimate { font-size: .85rem; color: var(--muted); margin-top: .7rem; }
    .alt { font-size: .9rem; margin: 0; }
    .alt table { font-size: .85rem; }
    .chips { display: flex; flex-wrap: wrap; gap: 4px; }
    .chip { display: inline-block; padding: .05em .5em; border: 1px solid var(--line); border-radius: 999px; font-size: .85rem;
      background: var(--soft); white-space: nowrap; }
    .picks td:first-child { white-space: nowrap; }
    .pick { display: grid; grid-template-columns: 5.2rem 1fr; gap: .2rem .6rem; align-items: baseline; margin: .25rem 0; }
    .pick + .pick { border-top: 1px dashed var(--line); padding-top: .3rem; }
    .ending-row { padding: .45rem 0; border-bottom: 1px solid var(--line); }
    .ending-row:last-of-type { border-bottom: 0; }
    .ending-head { display: flex; align-items: baseline; gap: .5rem; }
    .ending-head .count { margin-left: auto; font-weight: 700; font-size: 1.1rem; font-variant-numeric: tabular-nums; }
    .ending-bar { display: block; height: .6rem; margin: .3rem 0; background: var(--soft); border-radius: 3px; overflow: hidden; }
    .ending-bar span { display: block; height: 100%; }
    ul.plain { margin: .3rem 0; padding-left: 1.2rem; }
    ul.plain li { margin: .2rem 0; }
    .run { margin-top: 2.6rem; padding-top: 1rem; border-top: 4px solid var(--ink); }
    .run h1 { font-size: 1.5rem; }
    .legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; color: var(--muted); margin: .2rem 0 .4rem; }
    @media (max-width: 900px) {
      .keyturn { grid-template-columns: 1fr; }
    }
    @media (max-width: 700px) {
      main { padding: 16px; }
      .grid { grid-template-columns: 1fr; }
    }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      html { font-size: 10pt; }
      main { max-width: none; padding: 0; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .grid { grid-template-columns: 1fr; gap: 10px; margin: 10px 0; }
      svg.chart { max-width: 150mm; }
      .keyturn { grid-template-columns: 1fr; }
      .card, .keyturn, tr, svg, .pick, h2, h3 { break-inside: avoid; }
      h2, h3, .estimate { break-after: avoid; }
      .run { break-before: page; border-top: 0; margin-top: 0; }
      .scroll { overflow: visible; }
    }
    """
}
