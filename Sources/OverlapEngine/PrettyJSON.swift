import Foundation

/// The one JSON style of the project: indented, keys sorted (so the same data always
/// prints the same bytes), and empty arrays and objects written as `[]` and `{}`.
public enum PrettyJSON {
  public static func text(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    // Foundation spreads an empty array or object over three lines. JSON strings never
    // hold a raw newline, so this only ever touches structure.
    let tidy = text.replacing(/\[\n\n *\]/, with: "[]").replacing(/\{\n\n *\}/, with: "{}")
    return escapingControls(tidy)
  }

  /// Foundation leaves DEL, C1 controls and bidirectional overrides raw inside strings,
  /// where a terminal would act on them; `\uXXXX` keeps the same data. The only raw
  /// newlines are structure, so they stay.
  static func escapingControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { TerminalSafe.isControl($0) && $0 != "\n" }) else { return json }
    var out = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if TerminalSafe.isControl(scalar) && scalar != "\n" {
        let digits = String(scalar.value, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
