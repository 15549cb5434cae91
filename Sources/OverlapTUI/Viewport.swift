/// How the open screen's scrolling region fits: what `update` clamps scrolling to.
struct Viewport: Equatable, Sendable {
  var maxScroll = 0
  var pageHeight = 0
}

/// What the view worked out while drawing and `update` needs: click targets and how far
/// the open screen scrolls. The loop reports it back after each frame (`viewReported`),
/// so `update` never calls the renderer.
public struct Layout: Equatable, Sendable {
  var hits: [Hit] = []
  var viewport = Viewport()
}
