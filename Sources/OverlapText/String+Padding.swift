/// Padding by terminal columns, for text laid out in columns.
extension String {
  /// Right-aligned in `width` columns; text already that wide is left as it is.
  public func leftPadded(to width: Int) -> String {
    let missing = width - TextLayout.width(of: self)
    return missing > 0 ? String(repeating: " ", count: missing) + self : self
  }

  /// Left-aligned in `width` columns; text already that wide is left as it is.
  public func rightPadded(to width: Int) -> String {
    let missing = width - TextLayout.width(of: self)
    return missing > 0 ? self + String(repeating: " ", count: missing) : self
  }
}
