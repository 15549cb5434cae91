/// One finding about a scenario file, printed as `path:line:col: severity: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable {
    case error, warning
  }

  public var severity: Severity
  public var path: String
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, path: String, at location: SourceLocation, _ message: String) {
    self.severity = severity
    self.path = path
    self.location = location
    self.message = message
  }

  /// One line, however many lines or controls the path and message hold.
  public var description: String {
    "\(TerminalSafe.line(path)):\(location.line):\(location.column): \(severity.rawValue): \(TerminalSafe.line(message))"
  }
}

/// A scenario that could not be loaded, with every error found.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the closest of `candidates` to a misspelt `word`, if one is close enough.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
  var best: (name: String, distance: Int)?
  let length = word.count
  for candidate in candidates {
    // The distance is at least the difference in length; skipping early keeps a 10 MB
    // typo from filling a 10 MB-by-N table.
    guard abs(length - candidate.count) <= max(1, candidate.count / 3) else { continue }
    let distance = editDistance(word.lowercased(), candidate.lowercased())
    if distance <= max(1, candidate.count / 3), distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// Edit distance that counts a swap of two neighbouring letters as one typo.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { table[i][0] = i }
  for j in 0...b.count { table[0][j] = j }
  for i in 1...a.count {
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
      }
    }
  }
  return table[a.count][b.count]
}

/// FNV-1a, 64 bits: a stable content fingerprint (not a security hash).
public func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes {
    hash ^= UInt64(byte)
    hash &*= 0x100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
