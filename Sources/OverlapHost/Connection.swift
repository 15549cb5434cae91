import NIOCore
import NIOSSH
import OverlapEngine

/// What one TCP connection has told the host: where it comes from and, once the code was
/// right, the name it logged in with. Touched only on the connection's event loop.
final class ConnectionState: @unchecked Sendable {
  let address: String
  private(set) var username: String?
  private(set) var failures = 0
  /// Session channels opened; a participant plays in one.
  var sessions = 0
  /// The game played on this connection, once it started.
  weak var participant: Participant?

  init(address: String) {
    self.address = address
  }

  func authenticated(as name: String) { username = name }
  func failed() -> Int {
    failures += 1
    return failures
  }
}

/// Password authentication against the room code. A wrong code waits 1, 2 and then 4
/// seconds before it is answered, and the third one ends the connection.
final class CodeAuthenticator: NIOSSHServerUserAuthenticationDelegate {
  static let triesPerConnection = 3

  private let room: Room
  private let connection: ConnectionState
  private let channel: Channel

  init(room: Room, connection: ConnectionState, channel: Channel) {
    self.room = room
    self.connection = connection
    self.channel = channel
  }

  var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

  func requestReceived(
    request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
  ) {
    // The client's first "none" request asks which methods exist; it is no guess.
    guard case .password(let password) = request.request else { return responsePromise.succeed(.failure) }
    if connection.failures < Self.triesPerConnection && RoomCode.matches(password.password, room.settings.code) {
      connection.authenticated(as: request.username)
      return responsePromise.succeed(.success)
    }
    let failures = connection.failed()
    let channel = channel
    let room = room
    let address = connection.address
    channel.eventLoop.scheduleTask(in: .seconds(Int64(1 << min(failures - 1, 4)))) {
      if failures >= Self.triesPerConnection {
        // Closed before the answer, so the client cannot ask for a fourth try.
        room.log.record(.refused(address: address, reason: "wrong room code \(failures) times"))
        channel.close(promise: nil)
      }
      responsePromise.succeed(.failure)
    }
  }
}

/// Guards one connection: no more than a few from one address, a deadline for logging in,
/// and a disconnect after a long silence. Errors close the connection.
final class ConnectionGuard: ChannelDuplexHandler {
  typealias InboundIn = Any
  typealias OutboundIn = Any

  private let connection: ConnectionState
  private let loginDeadline: TimeAmount
  private var deadline: Scheduled<Void>?

  init(connection: ConnectionState, loginDeadline: TimeAmount) {
    self.connection = connection
    self.loginDeadline = loginDeadline
  }

  func channelActive(context: ChannelHandlerContext) {
    let channel = context.channel
    let connection = connection
    deadline = context.eventLoop.scheduleTask(in: loginDeadline) {
      if connection.username == nil { channel.close(promise: nil) }
    }
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    deadline?.cancel()
    context.fireChannelInactive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
      guard let participant = connection.participant else { return context.close(promise: nil) }
      // The game says why and ends the session; the client then closes the connection.
      participant.timeOut()
      let channel = context.channel
      context.eventLoop.scheduleTask(in: .seconds(10)) { channel.close(promise: nil) }
      return
    }
    context.fireUserInboundEventTriggered(event)
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }
}

extension ConnectionGuard {
  /// Closes the connection on any error the SSH handler reports, such as a protocol error,
  /// and logs it: a client that cannot stay connected should show up in the log.
  final class ErrorCloser: ChannelInboundHandler {
    typealias InboundIn = Any

    private let room: Room
    private let connection: ConnectionState

    init(room: Room, connection: ConnectionState) {
      self.room = room
      self.connection = connection
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
      let who = connection.username.map { " (\($0))" } ?? ""
      room.log.record(.refused(address: connection.address, reason: "connection closed\(who): \(error)"))
      context.close(promise: nil)
    }
  }
}
