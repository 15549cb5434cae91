import OverlapEngine

/// Turns the bytes a terminal sends into events: UTF-8 text, control keys, and the CSI and
/// SS3 sequences of arrows, Home, End, PgUp, PgDn, Delete, F1-F12 and SGR mouse reports.
/// Anything else, including controls a stranger's client might send, is dropped.
struct ANSIKeyDecoder {
  /// Bytes of an event that has not fully arrived.
  private var pending: [UInt8] = []

  /// True while the bytes so far could still become a longer sequence (a lone Esc, say).
  var isWaiting: Bool { !pending.isEmpty }
  var pendingCount: Int { pending.count }

  /// The events in `bytes` and what was pending before them. With `flush`, nothing more
  /// is coming soon, so a lone Esc is the Esc key and a cut-off sequence is dropped.
  mutating func decode(_ bytes: some Sequence<UInt8>, flush: Bool = false) -> [TerminalEvent] {
    pending += bytes
    var events: [TerminalEvent] = []
    var rest = pending[...]
    while let step = Self.next(rest, flush: flush) {
      if let event = step.event { events.append(event) }
      rest = rest.dropFirst(step.length)
    }
    pending = Array(rest)
    return events
  }

  private struct Step {
    var event: TerminalEvent?
    var length: Int
  }

  private static let escape: UInt8 = 0x1B

  /// The first event in `bytes`, or nil when they are empty or stop short of one.
  private static func next(_ bytes: ArraySlice<UInt8>, flush: Bool) -> Step? {
    guard let first = bytes.first else { return nil }
    switch first {
    case escape:
      guard bytes.count > 1 else { return flush ? Step(event: .key(.escape), length: 1) : nil }
      switch bytes[bytes.startIndex + 1] {
      case UInt8(ascii: "["): return controlSequence(bytes, flush: flush)
      case UInt8(ascii: "O"):
        guard bytes.count > 2 else { return flush ? Step(event: nil, length: 2) : nil }
        return Step(event: singleShift(bytes[bytes.startIndex + 2]).map { .key($0) }, length: 3)
      default:
        // Alt and a key: the Esc, then the key on its own.
        return Step(event: .key(.escape), length: 1)
      }
    case 0x0D, 0x0A: return Step(event: .key(.enter), length: 1)
    case 0x09: return Step(event: .key(.tab), length: 1)
    case 0x08, 0x7F: return Step(event: .key(.backspace), length: 1)
    case 0x01...0x1A: return Step(event: .key(.control(Character(UnicodeScalar(0x60 + first)))), length: 1)
    case 0x20..<0x7F: return Step(event: .key(.character(Character(UnicodeScalar(first)))), length: 1)
    case 0xC2...0xF4: return text(bytes, flush: flush)
    default: return Step(event: nil, length: 1)
    }
  }

  /// One UTF-8 character; controls (C1, bidirectional overrides) are dropped.
  private static func text(_ bytes: ArraySlice<UInt8>, flush: Bool) -> Step? {
    let first = bytes[bytes.startIndex]
    let length = first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
    let available = bytes.prefix(length)
    guard available.dropFirst().allSatisfy({ (0x80...0xBF).contains($0) }) else { return Step(event: nil, length: 1) }
    guard available.count == length else { return flush ? Step(event: nil, length: available.count) : nil }
    guard let text = String(validating: available, as: UTF8.self), let scalar = text.unicodeScalars.first,
      !TerminalSafe.isControl(scalar)
    else { return Step(event: nil, length: length) }
    return Step(event: .key(.character(Character(scalar))), length: length)
  }

  /// `Esc [ parameters intermediates final`.
  private static func controlSequence(_ bytes: ArraySlice<UInt8>, flush: Bool) -> Step? {
    let start = bytes.startIndex + 2
    var index = start
    while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
    guard index < bytes.endIndex else {
      // A sequence longer than any key's is noise, not a key still arriving.
      return flush || index - start > 32 ? Step(event: nil, length: bytes.count) : nil
    }
    let length = index - bytes.startIndex + 1
    guard (0x40...0x7E).contains(bytes[index]) else { return Step(event: nil, length: length) }
    let parameters = String(decoding: bytes[start..<index], as: UTF8.self)
    return Step(event: csiEvent(parameters, final: bytes[index]), length: length)
  }

  private static func csiEvent(_ parameters: String, final: UInt8) -> TerminalEvent? {
    if parameters.hasPrefix("<") { return mouse(parameters.dropFirst(), pressed: final == UInt8(ascii: "M")) }
    let numbers = parameters.split(separator: ";").map { Int($0) ?? 0 }
    switch final {
    case UInt8(ascii: "~"):
      return tilde(numbers.first ?? 0).map { .key($0) }
    case UInt8(ascii: "Z"):
      // Shift-Tab, as curses reports it.
      return .key(.up)
    default:
      return singleShift(final).map { .key($0) }
    }
  }

  /// The keys that `Esc O x` and `Esc [ x` (with or without modifiers) share.
  private static func singleShift(_ final: UInt8) -> Key? {
    switch final {
    case UInt8(ascii: "A"): .up
    case UInt8(ascii: "B"): .down
    case UInt8(ascii: "C"): .right
    case UInt8(ascii: "D"): .left
    case UInt8(ascii: "H"): .home
    case UInt8(ascii: "F"): .end
    case UInt8(ascii: "M"): .enter
    case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(final - UInt8(ascii: "P")) + 1)
    default: nil
    }
  }

  /// `Esc [ n ~`: the VT220 editing and function keys.
  private static func tilde(_ number: Int) -> Key? {
    switch number {
    case 1, 7: .home
    case 4, 8: .end
    case 3: .delete
    case 5: .pageUp
    case 6: .pageDown
    case 11...15: .function(number - 10)
    case 17...21: .function(number - 11)
    case 23, 24: .function(number - 12)
    default: nil
    }
  }

  /// An SGR mouse report, `button;column;row`: a left press is a click, buttons 64 and 65
  /// the wheel; releases and other buttons are dropped.
  private static func mouse(_ parameters: Substring, pressed: Bool) -> TerminalEvent? {
    let numbers = parameters.split(separator: ";").compactMap { Int($0) }
    guard pressed, numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
    switch numbers[0] {
    case 0: return .click(Position(row: numbers[2] - 1, column: numbers[1] - 1))
    case 64: return .wheel(-1)
    case 65: return .wheel(1)
    default: return nil
    }
  }
}
