/// How the screen's scrolling region fits: what `update` clamps scrolling to.
struct Viewport {
  var maxScroll = 0
  var pageHeight = 0
}
