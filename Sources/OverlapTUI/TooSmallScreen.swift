/// Shown instead of everything else when the terminal is below the smallest usable size.
enum TooSmallScreen {
  static let minimum = Size(width: 40, height: 12)

  static func draw(_ size: Size, on canvas: inout Canvas) {
    let text =
      "Overlap needs a terminal of at least \(minimum.width)x\(minimum.height); this one is \(size.width)x\(size.height). Enlarge the window, or play line by line with: overlap play --plain"
    let width = max(1, min(size.width - 2, 44))
    let lines = canvas.wrap(text, width: width)
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < size.height {
      canvas.line(line, row: top + offset, column: max(0, (size.width - line.width) / 2), width: width)
    }
  }
}
