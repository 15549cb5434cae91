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
    return text.replacing(/\[\n\n *\]/, with: "[]").replacing(/\{\n\n *\}/, with: "{}")
  }
}
