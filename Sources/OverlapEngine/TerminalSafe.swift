/// Text from strangers (scenarios, saves, team names, file names) made safe to print.
///
/// A terminal acts on control characters: a shared scenario could otherwise set the
/// window title, write the clipboard (OSC 52), clear the screen or hide text. So every
/// control except newline and tab is shown instead of sent: C0 in caret notation (`^[`,
/// `^G`), DEL as `^?`, and C1 controls and bidirectional overrides as `<U+009B>`.
/// Every way out of the program uses these functions, so no call site has to remember.
public enum TerminalSafe {
  /// Whether a terminal would act on the scalar rather than show it (newline and tab included).
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Text with newlines and tabs kept and every other control shown.
  ///
  /// - Parameter colour: let through the SGR colour codes the program itself paints with
  ///   (`ESC[` codes from 0, 1, 2, 31–37 joined by `;`, then `m`); use it only where
  ///   colour output is on. Any other escape, such as `ESC[8m` (conceal), is shown.
  public static func text(_ text: String, colour: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if colour, scalar == "\u{1B}", let end = paintEnd(scalars, from: index) {
        out.append(contentsOf: scalars[index...end])
        index = end + 1
        continue
      }
      if scalar == "\n" || scalar == "\t" || !isControl(scalar) {
        out.append(scalar)
      } else {
        out.append(contentsOf: shown(scalar).unicodeScalars)
      }
      index += 1
    }
    return String(out)
  }

  /// One line for a message: line breaks shown as `\n` and `\r`, other controls as in
  /// `text`, and anything longer than `limit` characters cut with `...`.
  public static func line(_ text: String, limit: Int = 2000) -> String {
    var out = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      if count >= limit {
        out.append(contentsOf: "...".unicodeScalars)
        break
      }
      switch scalar {
      case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
      case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
      case "\t": out.append(scalar)
      default:
        if isControl(scalar) { out.append(contentsOf: shown(scalar).unicodeScalars) } else { out.append(scalar) }
      }
      count += 1
    }
    return String(out)
  }

  /// A value echoed inside a message (a move id, a name): one line, cut short, so a
  /// 10 MB id cannot flood the terminal.
  public static func excerpt(_ text: String) -> String {
    line(text, limit: 60)
  }

  /// How a control is shown: caret notation for C0 and DEL, a code point otherwise.
  static func shown(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x00...0x1F: "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
    case 0x7F: "^?"
    default: "<U+" + hex(scalar.value) + ">"
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// The index of the `m` that ends an SGR sequence the program paints with, starting at
  /// the ESC at `start`; nil for any other escape.
  private static func paintEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    let open = start + 1
    guard open < scalars.count, scalars[open] == "[" else { return nil }
    var code = ""
    var index = open + 1
    // The longest the program writes is "1;31"; a few more for a bold dim colour.
    while index < scalars.count, index - open <= 12 {
      let scalar = scalars[index]
      if scalar == ";" || scalar == "m" {
        guard let number = Int(code), number <= 2 || (31...37).contains(number) else { return nil }
        if scalar == "m" { return index }
        code = ""
      } else if ("0"..."9").contains(scalar) {
        code.unicodeScalars.append(scalar)
      } else {
        return nil
      }
      index += 1
    }
    return nil
  }
}
