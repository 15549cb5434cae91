import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import OverlapEngine

/// Limits that keep one stranger from tiring the host out.
public struct HostLimits: Sendable {
  /// Open connections from one address. Raise it when the room reaches the host through
  /// one shared address (a cloud host behind the venue's router).
  public var connectionsPerAddress = 8
  /// Time to log in before the connection is closed.
  public var loginDeadline: TimeAmount = .seconds(60)
  /// A connection that sends nothing for this long is closed; the game is saved, and
  /// connecting again resumes it.
  public var idleTimeout: TimeAmount = .minutes(60)

  public init() {}
}

/// The SSH server of a room: every connection logs in with the room code, and its one
/// session channel plays the game. Nothing else is served.
public final class HostServer: @unchecked Sendable {
  private let room: Room
  private let key: HostKey
  private let limits: HostLimits
  private let group: MultiThreadedEventLoopGroup
  private var listener: Channel?

  public init(room: Room, key: HostKey, limits: HostLimits = HostLimits()) {
    self.room = room
    self.key = key
    self.limits = limits
    group = MultiThreadedEventLoopGroup(numberOfThreads: min(2, System.coreCount))
  }

  /// Starts listening; returns the port, which is the one the system picked for port 0.
  public func start(bind address: String, port: Int) throws -> Int {
    let room = room
    let hostKey = key.sshKey
    let limits = limits
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      // A laptop that went to sleep is noticed within about a minute, so its name is free
      // again for the participant to reconnect with.
      .childChannelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
      .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPIDLE), value: 30)
      .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPINTVL), value: 10)
      .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_KEEPCNT), value: 3)
      .childChannelInitializer { channel in
        Self.initialize(channel, room: room, hostKey: hostKey, limits: limits)
      }
    let listener = try bootstrap.bind(host: address, port: port).wait()
    self.listener = listener
    return listener.localAddress?.port ?? port
  }

  /// Stops taking connections, tells everyone playing that the room closed (their games
  /// are saved), and waits briefly for their connections to end.
  public func stop() {
    try? listener?.close().wait()
    for participant in room.participants { participant.closeRoom() }
    let deadline = Date(timeIntervalSinceNow: 5)
    while !room.participants.isEmpty && Date() < deadline { usleep(20_000) }
    try? group.syncShutdownGracefully()
  }

  private static func initialize(
    _ channel: Channel, room: Room, hostKey: NIOSSHPrivateKey, limits: HostLimits
  ) -> EventLoopFuture<Void> {
    let address = channel.remoteAddress?.ipAddress ?? "unknown"
    guard room.admit(address, limit: limits.connectionsPerAddress) else {
      room.log.record(.refused(address: address, reason: "too many connections from this address"))
      return channel.eventLoop.makeFailedFuture(HostError("too many connections from \(address)"))
    }
    channel.closeFuture.whenComplete { _ in room.closed(address) }
    let connection = ConnectionState(address: address)
    return channel.eventLoop.makeCompletedFuture {
      var configuration = SSHServerConfiguration(
        hostKeys: [hostKey], userAuthDelegate: CodeAuthenticator(room: room, connection: connection, channel: channel))
      // The smallest packets SSH allows keep what a client can have in flight small.
      configuration.maximumPacketSize = 32768
      let ssh = NIOSSHHandler(
        role: .server(configuration), allocator: channel.allocator,
        inboundChildChannelInitializer: { child, type in
          openChannel(child, type: type, room: room, connection: connection)
        })
      try channel.pipeline.syncOperations.addHandlers([
        IdleStateHandler(readTimeout: limits.idleTimeout),
        ConnectionGuard(connection: connection, loginDeadline: limits.loginDeadline),
        ssh,
        ConnectionGuard.ErrorCloser(room: room, connection: connection),
      ])
    }
  }

  /// One session channel per connection; port forwarding channels are refused.
  private static func openChannel(
    _ child: Channel, type: SSHChannelType, room: Room, connection: ConnectionState
  ) -> EventLoopFuture<Void> {
    guard case .session = type, connection.sessions == 0, connection.username != nil else {
      room.log.record(.refused(address: connection.address, reason: "asked for a channel other than one session"))
      return child.eventLoop.makeFailedFuture(HostError("only one session channel"))
    }
    connection.sessions += 1
    return child.eventLoop.makeCompletedFuture {
      try child.pipeline.syncOperations.addHandler(SessionChannelHandler(room: room, connection: connection))
    }
  }
}
