/// Room codes: short, readable aloud and easy to type on any keyboard layout.
public enum RoomCode {
  /// Letters that cannot be mistaken for each other when written on a whiteboard.
  private static let consonants = Array("bdfgkmnprstvz")
  private static let vowels = Array("aeiou")

  /// Three syllables and two digits, such as `tomaku-38`: about 27 million codes, which
  /// three guesses per connection and a growing delay keep out of reach.
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    var code = ""
    for _ in 0..<3 {
      code.append(consonants.randomElement(using: &generator) ?? "k")
      code.append(vowels.randomElement(using: &generator) ?? "a")
    }
    return code + "-" + String(Int.random(in: 10...99, using: &generator))
  }

  /// Whether a code given with `--code` can be typed at a password prompt and read aloud.
  public static func isValid(_ code: String) -> Bool {
    (4...64).contains(code.count) && code.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
  }

  /// Compares in time that does not depend on where the codes first differ.
  static func matches(_ given: String, _ code: String) -> Bool {
    let a = Array(given.utf8)
    let b = Array(code.utf8)
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
      difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
    }
    return difference == 0
  }
}
