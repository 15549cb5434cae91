/// The one rule for scenario arithmetic: every result that would leave the range of `Int`
/// stops at its nearest end instead of wrapping or trapping. The engine, the text
/// interpolation and `check`'s range analysis all use these, so they always agree.
extension Int {
  @inline(__always)
  public func saturatingAdding(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  @inline(__always)
  public func saturatingSubtracting(_ other: Int) -> Int {
    let (difference, overflow) = subtractingReportingOverflow(other)
    return overflow ? (other < 0 ? .max : .min) : difference
  }

  @inline(__always)
  public func saturatingMultiplied(by other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
  }

  /// `-self`; the negation of `Int.min` is `Int.max`.
  @inline(__always)
  public var saturatingNegated: Int { self == .min ? .max : -self }

  @inline(__always)
  public var saturatingMagnitude: Int { self < 0 ? saturatingNegated : self }

  /// Truncating division; dividing by 0 gives 0, and `Int.min / -1` gives `Int.max`.
  @inline(__always)
  public func saturatingDivided(by divisor: Int) -> Int {
    if divisor == 0 { return 0 }
    if divisor == -1 { return saturatingNegated }
    return self / divisor
  }

  /// The remainder with the sign of `self`; by 0 it is 0.
  @inline(__always)
  public func saturatingRemainder(dividingBy divisor: Int) -> Int {
    divisor == 0 || divisor == -1 ? 0 : self % divisor
  }
}
