import Crypto
import Foundation
import NIOSSH
import OverlapEngine

/// The room's ed25519 host key: made on the first run, kept in the workshop folder with
/// mode 0600 and reused, so participants who checked its fingerprint once can trust it.
public struct HostKey: Sendable {
  let key: Curve25519.Signing.PrivateKey

  /// The file in the workshop folder that holds the key.
  public static let fileName = "host_ed25519_key"

  /// Reads the key in `directory`, or makes and stores a new one.
  ///
  /// - Throws: `HostError` when the file is unreadable, malformed or open to others.
  public static func loadOrCreate(in directory: String) throws(HostError) -> HostKey {
    let path = (directory as NSString).appendingPathComponent(fileName)
    var status = stat()
    if lstat(path, &status) == 0 {
      // A link could hand the room someone else's key, and a key others can read is no
      // longer a secret: refuse both rather than serve with them.
      guard status.st_mode & S_IFMT == S_IFREG else { throw HostError("\(path): the host key is not a regular file") }
      guard status.st_mode & 0o077 == 0 else {
        throw HostError("\(path): the host key is readable by others; run chmod 600 on it")
      }
      guard let data = try? RegularFile.read(path, limit: 4096), let text = String(data: data, encoding: .utf8),
        let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
        let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
      else { throw HostError("\(path): not a host key made by overlap host; move it away to make a new one") }
      return HostKey(key: key)
    }
    let key = Curve25519.Signing.PrivateKey()
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try AtomicFile.write(Data((key.rawRepresentation.base64EncodedString() + "\n").utf8), to: path, mode: 0o600)
    } catch {
      throw HostError("\(path): cannot store the host key: \(error)")
    }
    return HostKey(key: key)
  }

  var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

  /// The fingerprint as OpenSSH shows it: `SHA256:` and the unpadded base64 of the
  /// SHA-256 of the public key in SSH wire format.
  public var fingerprint: String {
    let blob = Self.wireFormat(type: "ssh-ed25519", key: Array(key.publicKey.rawRepresentation))
    let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
    return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
  }

  /// `string type, string key`, each with its 32-bit big-endian length (RFC 4253 §6.6).
  private static func wireFormat(type: String, key: [UInt8]) -> Data {
    var blob = Data()
    for field in [Array(type.utf8), key] {
      withUnsafeBytes(of: UInt32(field.count).bigEndian) { blob.append(contentsOf: $0) }
      blob.append(contentsOf: field)
    }
    return blob
  }
}

/// A problem that stops the host from starting, in one line.
public struct HostError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
