import CNcursesw
import OverlapTUI
import OverlapText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The curses screen. The only type that touches curses: it draws grids, changing only
/// the cells that differ from the last frame, reads input, and puts the terminal back as
/// it was on every way out.
public final class CursesTerminal: TerminalBackend {
  public private(set) var size: Size
  public let capabilities: Capabilities
  private let screen: OpaquePointer
  private var shown: Grid?
  private var pairs: [ColorPair: Int16] = [:]
  private let colorCount: Int
  private let canHideCursor: Bool
  private var isOpen = true

  /// Starts curses on the process's terminal, in the order the house style gives.
  ///
  /// - Throws: `TerminalError` when TERM names a terminal curses cannot drive.
  public init(environment: [String: String]) throws(TerminalError) {
    setlocale(LC_ALL, "")
    // The locale must ask for UTF-8 and the C library must have it, or wide characters fail.
    let unicode =
      Capabilities.prefersUnicode(environment) && nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
    // Installed before curses starts, so curses keeps its hands off these signals.
    SignalRelay.install()
    CrashGuard.saveModes()
    guard let screen = overlap_newterm() else {
      SignalRelay.uninstall()
      throw TerminalError(description: "the terminal '\(environment["TERM"] ?? "")' cannot be driven by curses")
    }
    self.screen = screen
    raw()
    noecho()
    nonl()
    keypad(overlap_stdscr(), true)
    // tmux and rxvt send the VT220 Home and End keys whatever TERM says; without these an
    // End arrives as Esc, '[', '4', '~' and presses keys the player never meant.
    let vt220Keys = [("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END)]
    for (sequence, code) in vt220Keys { define_key(sequence, code) }
    canHideCursor = curs_set(0) != ERR
    set_escdelay(25)
    var color = false
    if has_colors() && Capabilities.allowsColor(environment) {
      start_color()
      use_default_colors()
      color = true
    }
    colorCount = color ? Int(overlap_colors()) : 0
    nodelay(overlap_stdscr(), true)
    var mouse = false
    if overlap_capability("kmous") != nil {
      let mask = overlap_button1_pressed() | overlap_button4_pressed() | overlap_button5_pressed()
      mouse = mousemask(mask, nil) != 0
      mouseinterval(0)
    }
    capabilities = Capabilities(unicode: unicode, color: color, mouse: mouse)
    size = Size(width: Int(getmaxx(overlap_stdscr())), height: Int(getmaxy(overlap_stdscr())))
    CrashGuard.arm(reset: Self.resetSequence(mouse: mouse))
  }

  deinit { close() }

  /// What puts the terminal back after a crash: attributes off, cursor on, keypad off,
  /// mouse reporting off, alternate screen closed.
  private static func resetSequence(mouse: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      if let value = overlap_capability(name) { bytes += Array(String(cString: value).utf8) }
    }
    if mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8) }
    bytes += Array("\r\n".utf8)
    return bytes
  }

  /// Ends curses and restores the terminal. Safe to call more than once.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    if capabilities.mouse { mousemask(0, nil) }
    curs_set(1)
    endwin()
    delscreen(screen)
    CrashGuard.disarm()
    SignalRelay.uninstall()
  }

  // MARK: - Drawing

  /// Shows a grid, sending curses only the cells that changed since the last one.
  public func draw(_ grid: Grid) {
    guard isOpen else { return }
    let window = overlap_stdscr()
    let previous = shown?.size == grid.size ? shown : nil
    if previous == nil { werase(window) }
    for row in 0..<grid.height {
      for column in 0..<grid.width {
        let cell = grid[row, column]
        guard cell.width > 0 else { continue }
        if let previous, previous[row, column] == cell,
          cell.width == 1 || previous[row, column + 1] == grid[row, column + 1]
        {
          continue
        }
        put(cell, row: row, column: column, in: window)
      }
    }
    if let cursor = grid.cursor {
      curs_set(1)
      wmove(window, Int32(cursor.row), Int32(cursor.column))
    } else if canHideCursor {
      curs_set(0)
    } else {
      wmove(window, Int32(max(0, grid.height - 1)), 0)
    }
    wnoutrefresh(window)
    doupdate()
    shown = grid
  }

  private func put(_ cell: Cell, row: Int, column: Int, in window: UnsafeMutablePointer<WINDOW>?) {
    var characters: [wchar_t] = cell.character.unicodeScalars.prefix(4).map { scalar in
      capabilities.unicode || scalar.isASCII ? wchar_t(bitPattern: scalar.value) : wchar_t(UInt8(ascii: "?"))
    }
    characters.append(0)
    var attributes = overlap_attr_normal()
    if cell.style.bold { attributes |= overlap_attr_bold() }
    if cell.style.dim { attributes |= overlap_attr_dim() }
    if cell.style.reverse { attributes |= overlap_attr_reverse() }
    if cell.style.underline { attributes |= overlap_attr_underline() }
    var pair: Int16 = 0
    if colorCount > 0 {
      let key = ColorPair(foreground: curses(cell.style.foreground), background: curses(cell.style.background))
      pair = self.pair(for: key)
      // Without a gray, "gray" is the terminal's default colour, dimmed.
      if cell.style.foreground == .gray && colorCount < 16 { attributes |= overlap_attr_dim() }
    }
    var complex = cchar_t()
    setcchar(&complex, characters, attributes, pair, nil)
    mvwadd_wchnstr(window, Int32(row), Int32(column), &complex, 1)
  }

  private struct ColorPair: Hashable {
    var foreground: Int16
    var background: Int16
  }

  private func curses(_ color: Color) -> Int16 {
    switch color {
    case .normal: -1
    case .black: Int16(COLOR_BLACK)
    case .red: Int16(COLOR_RED)
    case .green: Int16(COLOR_GREEN)
    case .yellow: Int16(COLOR_YELLOW)
    case .blue: Int16(COLOR_BLUE)
    case .magenta: Int16(COLOR_MAGENTA)
    case .cyan: Int16(COLOR_CYAN)
    case .white: Int16(COLOR_WHITE)
    case .gray: colorCount >= 16 ? 8 : -1
    }
  }

  private func pair(for key: ColorPair) -> Int16 {
    if key.foreground == -1 && key.background == -1 { return 0 }
    if let pair = pairs[key] { return pair }
    let next = Int16(pairs.count + 1)
    guard Int(next) < Int(overlap_color_pairs()), init_pair(next, key.foreground, key.background) != ERR else {
      return 0
    }
    pairs[key] = next
    return next
  }

  /// Repaints everything on the next draw (Ctrl-L, or after the terminal was away).
  public func invalidate() {
    shown = nil
    clearok(overlap_curscr(), true)
  }

  // MARK: - Suspending

  /// Ctrl-Z: hands the terminal back to the shell and stops until resumed with `fg`.
  public func suspend() {
    guard isOpen else { return }
    endwin()
    var stop = sigaction()
    stop.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&stop.sa_mask)
    var previous = sigaction()
    sigaction(SIGTSTP, &stop, &previous)
    // The whole process group stops, as it would for a Ctrl-Z typed in cooked mode.
    kill(0, SIGTSTP)
    sigaction(SIGTSTP, &previous, nil)
    invalidate()
  }

  // MARK: - Input

  /// Waits for the next event. Signals and input both wake it at once.
  public func nextEvent() -> TerminalEvent {
    var inputWasReady = false
    while true {
      if let signal = SignalRelay.pending() { return .signal(signal) }
      var character: wint_t = 0
      let status = wget_wch(overlap_stdscr(), &character)
      if status != ERR {
        inputWasReady = false
        if let event = event(status: status, character: character) { return event }
        continue
      }
      // poll said there was input, yet curses found none: the terminal is gone.
      if inputWasReady && bytesWaiting() == 0 { return .signal(SIGHUP) }
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: SignalRelay.readEnd, events: Int16(POLLIN), revents: 0),
      ]
      guard poll(&descriptors, 2, -1) > 0 else { continue }
      if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .signal(SIGHUP) }
      inputWasReady = descriptors[0].revents & Int16(POLLIN) != 0
    }
  }

  private func bytesWaiting() -> Int32 {
    var count: Int32 = 0
    return ioctl(STDIN_FILENO, UInt(FIONREAD), &count) == 0 ? count : 0
  }

  private func event(status: Int32, character: wint_t) -> TerminalEvent? {
    if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: character)) }
    switch character {
    case 13, 10: return .key(.enter)
    case 9: return .key(.tab)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26:
      return .key(.control(Character(UnicodeScalar(UInt8(96 + character)))))
    default:
      guard let scalar = UnicodeScalar(character), character >= 32 else { return nil }
      return .key(.character(Character(scalar)))
    }
  }

  private func functionKey(_ code: Int32) -> TerminalEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_BTAB: return .key(.up)
    case KEY_RESIZE:
      size = Size(width: Int(getmaxx(overlap_stdscr())), height: Int(getmaxy(overlap_stdscr())))
      invalidate()
      return .resized(size)
    case KEY_MOUSE:
      var mouse = MEVENT()
      guard getmouse(&mouse) == OK else { return nil }
      if mouse.bstate & overlap_button4_pressed() != 0 { return .wheel(-1) }
      if mouse.bstate & overlap_button5_pressed() != 0 { return .wheel(1) }
      if mouse.bstate & overlap_button1_pressed() != 0 {
        return .click(Position(row: Int(mouse.y), column: Int(mouse.x)))
      }
      return nil
    default:
      for number in 1...12 where code == overlap_key_f(Int32(number)) { return .key(.function(number)) }
      return nil
    }
  }
}

/// Curses cannot drive this terminal; the caller plays line by line instead.
public struct TerminalError: Error, CustomStringConvertible {
  public var description: String
}
