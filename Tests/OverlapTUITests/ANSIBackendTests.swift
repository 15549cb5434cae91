import Foundation
import OverlapEngine
import OverlapText
import Testing

@testable import OverlapTUI

/// The ANSI backend: the bytes each frame writes, and the events bytes read as.
@Suite struct ANSIBackendTests {
  /// A backend writing into `output`, one entry per write.
  final class Terminal {
    final class Sink { var output: [String] = [] }
    let sink = Sink()
    let backend: ANSIBackend
    var output: [String] { sink.output }

    init(_ capabilities: Capabilities = TUIFixtures.unicode) {
      backend = ANSIBackend(size: Size(width: 10, height: 3), capabilities: capabilities) { [sink] in
        sink.output.append(String(decoding: $0, as: UTF8.self))
      }
    }

    /// What one draw wrote; "" when nothing.
    func draw(_ grid: Grid) -> String {
      let before = output.count
      backend.draw(grid)
      return output[before...].joined()
    }
  }

  static func grid(_ rows: [String], size: Size = Size(width: 10, height: 3), style: CellStyle = CellStyle()) -> Grid {
    var grid = Grid(size: size)
    for (row, text) in rows.enumerated() {
      for (column, character) in text.enumerated() { grid.put(character, row: row, column: column, style: style) }
    }
    return grid
  }

  // MARK: - Frames

  @Test func openingAndClosingTakeTheTerminalAndGiveItBack() {
    let terminal = Terminal(Capabilities(unicode: true, color: true, mouse: true))
    #expect(terminal.output == ["\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[?1000h\u{1B}[?1006h"])
    terminal.backend.close()
    terminal.backend.close()
    #expect(terminal.output.count == 2)
    #expect(terminal.output[1] == "\u{1B}[0m\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
    #expect(terminal.draw(Self.grid(["late"])) == "")
  }

  @Test func theFirstFrameClearsAndWritesItsText() {
    let terminal = Terminal()
    let written = terminal.draw(Self.grid(["hi there", "", "  x"]))
    #expect(written == "\u{1B}[0m\u{1B}[H\u{1B}[2Jhi there\u{1B}[3;3Hx\u{1B}[?25l")
  }

  @Test func anUnchangedFrameWritesNothingAndOneChangedCellOneMoveAndOneCharacter() {
    let terminal = Terminal()
    _ = terminal.draw(Self.grid(["hello", "world"]))
    let writes = terminal.output.count
    #expect(terminal.draw(Self.grid(["hello", "world"])) == "")
    #expect(terminal.output.count == writes)
    #expect(terminal.draw(Self.grid(["hello", "wOrld"])) == "\u{1B}[2;2HO")
    // Two changes a little apart: the cells between are rewritten rather than skipped.
    #expect(terminal.draw(Self.grid(["hexlo", "wOrlD"])) == "\u{1B}[1;3Hx\u{1B}[2;5HD")
    #expect(terminal.draw(Self.grid(["hexlo", "WOrld"])) == "\u{1B}[2;1HWOrld")
  }

  @Test func stylesBecomeSGRAndColourFollowsTheCapabilities() {
    let red = CellStyle(foreground: .red, background: .gray, bold: true, reverse: true)
    let colour = Terminal()
    #expect(colour.draw(Self.grid(["a"], style: red)).hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[0;1;7;31;100ma"))
    let plain = Terminal(Capabilities(unicode: true, color: false, mouse: false))
    #expect(plain.draw(Self.grid(["a"], style: red)).hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[0;1;7ma"))
  }

  @Test func controlsAndNonASCIIAreNeverSent() {
    var grid = Grid(size: Size(width: 10, height: 3))
    // Grids never hold controls; if one did, the backend still would not send it.
    grid[0, 0] = Cell(character: "\u{1B}", width: 1, style: CellStyle())
    grid[0, 1] = Cell(character: "\u{9B}", width: 1, style: CellStyle())
    grid.put("é", row: 0, column: 2, style: CellStyle())
    let unicode = Terminal().draw(grid)
    #expect(unicode.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J??é"))
    let ascii = Terminal(TUIFixtures.ascii).draw(grid)
    #expect(ascii.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J???"))
  }

  @Test func theTextCursorShowsWhereTheGridAsks() {
    let terminal = Terminal()
    var grid = Self.grid(["name: ab"])
    _ = terminal.draw(grid)
    grid.cursor = Position(row: 0, column: 3)
    #expect(terminal.draw(grid) == "\u{1B}[1;4H\u{1B}[?25h")
    grid.cursor = nil
    #expect(terminal.draw(grid) == "\u{1B}[?25l")
  }

  @Test func aResizeOrInvalidateRepaintsEverything() {
    let terminal = Terminal()
    let grid = Self.grid(["abc"])
    _ = terminal.draw(grid)
    terminal.backend.invalidate()
    #expect(terminal.draw(grid).hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2Jabc"))
    terminal.backend.resize(to: Size(width: 12, height: 4))
    #expect(terminal.backend.size == Size(width: 12, height: 4))
    #expect(terminal.backend.nextEvent() == .resized(Size(width: 12, height: 4)))
    #expect(terminal.draw(Self.grid(["abc"], size: Size(width: 12, height: 4))).hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2Jabc"))
  }

  // MARK: - Input

  static let sequences: [(String, [TerminalEvent])] = [
    ("aZ 7", [.key(.character("a")), .key(.character("Z")), .key(.character(" ")), .key(.character("7"))]),
    ("\r\n\t\u{7F}\u{08}", [.key(.enter), .key(.enter), .key(.tab), .key(.backspace), .key(.backspace)]),
    ("\u{03}\u{1A}\u{0C}", [.key(.control("c")), .key(.control("z")), .key(.control("l"))]),
    ("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D", [.key(.up), .key(.down), .key(.right), .key(.left)]),
    ("\u{1B}OA\u{1B}OB\u{1B}OH\u{1B}OF\u{1B}OP", [.key(.up), .key(.down), .key(.home), .key(.end), .key(.function(1))]),
    ("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~", [.key(.home), .key(.end), .key(.home), .key(.end), .key(.home), .key(.end)]),
    ("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[15~\u{1B}[24~", [.key(.pageUp), .key(.pageDown), .key(.delete), .key(.function(5)), .key(.function(12))]),
    ("\u{1B}[1;5C\u{1B}[Z", [.key(.right), .key(.up)]),
    ("é€😀", [.key(.character("é")), .key(.character("€")), .key(.character("😀"))]),
    ("\u{1B}[<0;5;3M\u{1B}[<0;5;3m\u{1B}[<64;1;1M\u{1B}[<65;1;1M", [.click(Position(row: 2, column: 4)), .wheel(-1), .wheel(1)]),
    // Noise is dropped: unknown sequences, C1 controls, bidi overrides, NUL, invalid UTF-8.
    ("\u{1B}[99~\u{1B}]x\u{0}\u{9B}\u{202E}q", [.key(.escape), .key(.character("]")), .key(.character("x")), .key(.character("q"))]),
  ]

  @Test(arguments: sequences)
  func bytesBecomeEvents(input: String, expected: [TerminalEvent]) {
    let terminal = Terminal()
    terminal.backend.receive(Array(input.utf8))
    terminal.backend.hangUp()
    var events: [TerminalEvent] = []
    while case let event = terminal.backend.nextEvent(), event != .signal(SIGHUP) { events.append(event) }
    #expect(events == expected)
  }

  @Test func invalidUTF8IsDroppedAndASplitSequenceWaitsForItsEnd() {
    let terminal = Terminal()
    terminal.backend.receive([0xFF, 0xC3])
    terminal.backend.receive([0xA9, 0x1B, UInt8(ascii: "[")])
    terminal.backend.receive([UInt8(ascii: "B")])
    #expect(terminal.backend.nextEvent() == .key(.character("é")))
    #expect(terminal.backend.nextEvent() == .key(.down))
  }

  @Test func aLoneEscapeIsTheEscapeKeyAfterAMoment() {
    let terminal = Terminal()
    terminal.backend.receive([0x1B])
    #expect(terminal.backend.nextEvent() == .key(.escape))
  }

  @Test func aHangUpEndsTheInputAfterWhatCameBefore() {
    let terminal = Terminal()
    terminal.backend.receive(Array("q".utf8))
    terminal.backend.hangUp()
    #expect(terminal.backend.nextEvent() == .key(.character("q")))
    #expect(terminal.backend.nextEvent() == .signal(SIGHUP))
    #expect(terminal.backend.nextEvent() == .signal(SIGHUP))
  }

  @Test func inputFromAnotherThreadWakesTheLoop() async {
    let terminal = Terminal()
    let backend = terminal.backend
    let reader = Task.detached { backend.nextEvent() }
    try? await Task.sleep(for: .milliseconds(20))
    backend.receive(Array("k".utf8))
    #expect(await reader.value == .key(.character("k")))
  }

  /// A flood of input or of window sizes queues a bounded number of events, not all of them.
  @Test func aFloodOfInputIsBounded() {
    let backend = Terminal().backend
    backend.receive([UInt8](repeating: UInt8(ascii: "j"), count: 100_000))
    for width in 20..<2_000 { backend.resize(to: Size(width: width, height: 10)) }
    backend.hangUp()
    var events: [TerminalEvent] = []
    while true {
      let event = backend.nextEvent()
      if event == .signal(SIGHUP) { break }
      events.append(event)
    }
    #expect(events.count == ANSIBackend.maximumPendingEvents)
    #expect(events.last == .key(.character("j")))
    #expect(backend.size == Size(width: 1_999, height: 10))
  }

  // MARK: - The game

  /// The real loop plays on the ANSI backend: a move, an arrow key that closes its result, and `q`.
  @Test func theGameLoopPlaysOnIt() throws {
    let model = try TUIFixtures.model()
    var output: [UInt8] = []
    let backend = ANSIBackend(size: model.size, capabilities: model.capabilities) { output += $0 }
    backend.receive(Array("2".utf8))
    backend.receive(Array("\u{1B}[Bq".utf8))
    var played = model
    let exit = GameLoop.run(&played, on: backend) { _, _ in [] }
    backend.close()
    #expect(exit == .quit(.pressedQuit))
    #expect(played.game?.moves == ["plan"])
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains("Write the plan"))
    #expect(text.hasSuffix("\u{1B}[?1049l"))
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\u{1B}" })
  }
}

/// Bytes from a stranger's SSH client: whatever arrives, in whatever pieces, the decoder
/// neither traps nor lets an unfinished sequence grow without bound.
@Suite struct ANSIKeyDecoderNoiseTests {
  @Test func randomBytesInRandomPiecesStayBounded() {
    var generator = SplitMix64(seed: 2026)
    var decoder = ANSIKeyDecoder()
    // Escapes, brackets and digits are over-represented, so sequences start often.
    let alphabet: [UInt8] = [0x1B, 0x1B, 0x5B, 0x4F, 0x3C, 0x3B, 0x30, 0x39, 0x7E, 0x4D, 0x6D, 0xC3, 0xE2, 0xF0, 0x80, 0xBF, 0x9B, 0x07]
    for _ in 0..<20_000 {
      let count = generator.below(24)
      let bytes = (0..<count).map { _ in
        generator.below(3) == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[generator.below(alphabet.count)]
      }
      _ = decoder.decode(bytes, flush: generator.below(8) == 0)
      #expect(decoder.pendingCount < 64)
    }
    _ = decoder.decode([], flush: true)
    #expect(!decoder.isWaiting)
  }
}
