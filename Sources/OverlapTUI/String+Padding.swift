/// Padding by terminal columns, for text laid out in columns.
extension String {
  func leftPadded(to width: Int) -> String {
    let missing = width - TextLayout.width(of: self)
    return missing > 0 ? String(repeating: " ", count: missing) + self : self
  }

  func rightPadded(to width: Int) -> String {
    let missing = width - TextLayout.width(of: self)
    return missing > 0 ? self + String(repeating: " ", count: missing) : self
  }
}
