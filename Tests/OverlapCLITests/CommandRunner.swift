import Foundation
import OverlapCLI
import OverlapEngine
import Synchronization
import Testing

/// Runs `overlap` commands in-process and captures what they print.
struct CommandResult {
  var status: Int32
  var out: String
  var err: String
}

final class Captured: Sendable {
  let text = Mutex("")
  func append(_ string: String) { text.withLock { $0 += string } }
  var value: String { text.withLock { $0 } }
}

/// Lines typed at a command, one per read; then the end of input.
final class TypedLines: Sendable {
  let lines: Mutex<[String]>
  init(_ lines: [String]) { self.lines = Mutex(lines) }
  func next() -> String? { lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
}

enum Paths {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static let tiny = repository + "/Tests/Fixtures/tiny.yaml"

  /// The `overlap` binary built next to the test bundle.
  static var binary: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("overlap").path
  }

  static func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "overlap-cli-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

func overlap(_ arguments: String...) -> CommandResult {
  overlapArray(arguments)
}

/// Runs a command with `input` as the lines typed at it.
func overlapArray(_ arguments: [String], input: [String] = []) -> CommandResult {
  let out = Captured()
  let err = Captured()
  let typed = TypedLines(input)
  let console = Console(out: { out.append($0) }, err: { err.append($0) }, readLine: { typed.next() })
  let status = Console.$current.withValue(console) { Overlap.execute(arguments) }
  return CommandResult(status: status, out: out.value, err: err.value)
}

/// The one autosave slot in `saves`: each game autosaves to a slot of its own.
func onlyAutosave(in saves: String) throws -> String {
  let autosaves = try SaveStore(directory: saves).names().filter(SaveStore.isAutosave)
  try #require(autosaves.count == 1, "expected one autosave, found \(autosaves)")
  return autosaves[0]
}

/// Runs the built `overlap` binary in a process of its own and waits for it.
func runBinary(_ arguments: [String]) throws -> CommandResult {
  try #require(FileManager.default.isExecutableFile(atPath: Paths.binary), "build the overlap binary first")
  let process = Process()
  process.executableURL = URL(fileURLWithPath: Paths.binary)
  process.arguments = arguments
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  // Read both to the end before waiting, so a full pipe never blocks the child.
  let output = out.fileHandleForReading.readDataToEndOfFile()
  let errors = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, out: String(decoding: output, as: UTF8.self),
    err: String(decoding: errors, as: UTF8.self))
}
