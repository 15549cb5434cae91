import NIOCore
import NIOSSH
import OverlapEngine
import OverlapTUI

/// The one session channel a participant may open: it takes the pty and environment
/// requests, starts the game on the shell request, and refuses exec and subsystem
/// requests. Agent and X11 forwarding requests never reach it: NIOSSH answers requests it
/// does not know with a failure.
final class SessionChannelHandler: ChannelInboundHandler {
  typealias InboundIn = SSHChannelData

  private let room: Room
  private let connection: ConnectionState
  private var terminal = ClientTerminal()
  private var hasTerminal = false
  private var participant: Participant?
  private var started = false

  init(room: Room, connection: ConnectionState) {
    self.room = room
    self.connection = connection
  }

  func handlerAdded(context: ChannelHandlerContext) {
    // A client's end of input must not close the channel before the game says goodbye.
    let channel = context.channel
    channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in
      channel.close(promise: nil)
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let message = unwrapInboundIn(data)
    // Before the game starts, and on stderr-type data, input has nowhere to go.
    guard let participant, case .channel = message.type, case .byteBuffer(let buffer) = message.data else { return }
    participant.receive(Array(buffer.readableBytesView))
  }

  func channelInactive(context: ChannelHandlerContext) {
    participant?.hangUp()
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    switch event {
    case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
      guard !started else { return reply(false, to: request.wantReply, context) }
      terminal.term = String(request.term.prefix(64))
      terminal.size = ClientTerminal.clampedSize(
        width: request.terminalCharacterWidth, height: request.terminalRowHeight)
      hasTerminal = true
      reply(true, to: request.wantReply, context)
    case let request as SSHChannelRequestEvent.EnvironmentRequest:
      let accepted =
        !started && ClientTerminal.acceptedVariables.contains(request.name) && request.value.utf8.count <= 128
      if accepted { terminal.environment[request.name] = request.value }
      reply(accepted, to: request.wantReply, context)
    case let request as SSHChannelRequestEvent.ShellRequest:
      guard !started else { return reply(false, to: request.wantReply, context) }
      started = true
      reply(true, to: request.wantReply, context)
      startGame(context)
    case let request as SSHChannelRequestEvent.ExecRequest:
      refuse("commands", wantReply: request.wantReply, context)
    case let request as SSHChannelRequestEvent.SubsystemRequest:
      refuse("subsystems such as sftp", wantReply: request.wantReply, context)
    case ChannelEvent.inputClosed:
      // No more keys can come: the game ends as after a hangup, with its exit status.
      participant?.hangUp()
    case let request as SSHChannelRequestEvent.WindowChangeRequest:
      let size = ClientTerminal.clampedSize(width: request.terminalCharacterWidth, height: request.terminalRowHeight)
      terminal.size = size
      participant?.resize(to: size)
    default:
      context.fireUserInboundEventTriggered(event)
    }
  }

  private func reply(_ success: Bool, to wantReply: Bool, _ context: ChannelHandlerContext) {
    guard wantReply else { return }
    context.triggerUserOutboundEvent(success ? ChannelSuccessEvent() : ChannelFailureEvent(), promise: nil)
  }

  /// Refuses a request that is not the game, says why on stderr and ends the channel.
  private func refuse(_ what: String, wantReply: Bool, _ context: ChannelHandlerContext) {
    reply(false, to: wantReply, context)
    guard !started else { return }
    started = true
    room.log.record(.refused(address: connection.address, reason: "asked for \(what)"))
    let text = "overlap host: this room only plays the game; \(what) are refused. Connect with: ssh -p PORT NAME@HOST\r\n"
    Self.end(context.channel, status: 1, stderr: text)
  }

  private func startGame(_ context: ChannelHandlerContext) {
    let channel = context.channel
    let name = connection.username ?? ""
    if let refusal = hasTerminal && terminal.canPlay ? room.claim(name) : .noTerminal {
      room.log.record(.refused(address: connection.address, reason: refusal.message))
      Self.end(channel, status: 1, stderr: "overlap host: \(refusal.message)\r\n")
      return
    }
    let participant = Participant(
      name: name, room: room, terminal: terminal,
      send: { bytes in Self.write(bytes, to: channel) },
      finish: { status in Self.end(channel, status: status) })
    self.participant = participant
    connection.participant = participant
    room.seat(participant)
    participant.start()
  }

  // MARK: - Writing, from any thread

  /// Output goes out only while the client keeps reading: a client that stops cannot make
  /// the host queue frames without end. The dropped frame is repainted whole later.
  static func write(_ bytes: [UInt8], to channel: Channel) -> Bool {
    guard channel.isWritable else { return false }
    let buffer = channel.allocator.buffer(bytes: bytes)
    channel.writeAndFlush(SSHChannelData(type: .channel, data: .byteBuffer(buffer)), promise: nil)
    return true
  }

  /// Sends a last message on stderr (if any) and the exit status, then closes the channel.
  static func end(_ channel: Channel, status: Int, stderr: String? = nil) {
    if let stderr {
      let buffer = channel.allocator.buffer(string: stderr)
      channel.writeAndFlush(SSHChannelData(type: .stdErr, data: .byteBuffer(buffer)), promise: nil)
    }
    channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: status)).whenComplete { _ in
      channel.close(promise: nil)
    }
  }
}
