import Foundation
import OverlapEngine
import Testing

@testable import OverlapCLI

/// SIGTERM and SIGHUP end plain play and explore tidily, with exit status 130 (issue #10).
@Suite(.serialized) struct SignalTests {
  /// The built binary, started with pipes for all three streams.
  final class Spawned {
    let process = Process()
    let input = Pipe()
    let out = Captured()
    let err = Captured()

    init(_ arguments: [String]) throws {
      try #require(FileManager.default.isExecutableFile(atPath: Paths.binary), "build the overlap binary first")
      process.executableURL = URL(fileURLWithPath: Paths.binary)
      process.arguments = arguments
      process.standardInput = input
      for (pipe, captured) in [(Pipe(), out), (Pipe(), err)] {
        pipe.fileHandleForReading.readabilityHandler = { captured.append(String(decoding: $0.availableData, as: UTF8.self)) }
        if captured === out { process.standardOutput = pipe } else { process.standardError = pipe }
      }
      try process.run()
    }

    func type(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

    /// Waits up to `seconds` for `condition`; false if it never held.
    func wait(seconds: Double = 20, until condition: () -> Bool) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while !condition() {
        if Date() > deadline { return false }
        usleep(20_000)
      }
      return true
    }

    /// Waits until the process has a handler for `signal` (Linux reports it in /proc).
    func waitUntilCatching(_ signal: Int32) -> Bool {
      let status = "/proc/\(process.processIdentifier)/status"
      guard FileManager.default.fileExists(atPath: status) else {
        sleep(1)
        return true
      }
      return wait {
        let text = (try? String(contentsOfFile: status, encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
          let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
      }
    }

    /// The exit status once the process ends; a process still running after 20 s is killed.
    func finish() -> Int32? {
      defer { try? input.fileHandleForWriting.close() }
      guard wait(until: { !process.isRunning }) else {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return nil
      }
      process.waitUntilExit()
      return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func plainPlayAutosavesAndExits130(signal: Int32) throws {
    let saves = Paths.temporaryFolder()
    let game = try Spawned(["play", "--plain", Paths.tiny, "--seed", "1", "--saves", saves])
    game.type("1")
    // Waiting at the second turn's prompt, in a blocking read.
    #expect(game.wait { game.out.value.contains("Turn 2 of 3") && game.out.value.hasSuffix("> ") })
    #expect(game.waitUntilCatching(signal))
    kill(game.process.processIdentifier, signal)
    let status = game.finish()
    let name = signal == SIGTERM ? "SIGTERM" : "SIGHUP"
    #expect(status == 130, "\(game.err.value)")
    let slot = try onlyAutosave(in: saves)
    #expect(
      game.err.value
        == "overlap: interrupted by \(name); progress saved as '\(slot)'. Resume with: overlap play --load \(slot)\n"
    )
    let save = try SaveStore(directory: saves).read(slot)
    #expect(save.moves == ["vision"])
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func exploreStopsAndExits130(signal: Int32) throws {
    let explore = try Spawned(["explore", Paths.tiny, "--runs", "1000000000", "--jobs", "1"])
    #expect(explore.waitUntilCatching(signal))
    kill(explore.process.processIdentifier, signal)
    let status = explore.finish()
    let name = signal == SIGTERM ? "SIGTERM" : "SIGHUP"
    #expect(status == 130)
    #expect(explore.err.value == "overlap: explore interrupted; no report was written (\(name))\n")
    #expect(explore.out.value.isEmpty)
  }

  /// In-process: a signal that cuts off the quiz question leaves that move unplayed, as on
  /// the full screen, where the move waits for the answer; the save keeps one answer per move.
  @Test func anInterruptedQuizQuestionLeavesTheMoveUnplayed() throws {
    let saves = Paths.temporaryFolder()
    let typed = TypedLines(["1", "l", "2"])
    let err = Captured()
    let console = Console(
      out: { _ in }, err: { err.append($0) },
      readLine: {
        guard let line = typed.next() else { throw Interrupted(signal: SIGTERM) }
        return line
      })
    let status = Console.$current.withValue(console) {
      Overlap.execute(["play", "--plain", Paths.tiny, "--seed", "1", "--quiz", "--saves", saves])
    }
    #expect(status == 130)
    let slot = try onlyAutosave(in: saves)
    #expect(err.value.hasPrefix("overlap: interrupted by SIGTERM; progress saved as '\(slot)'."))
    let save = try SaveStore(directory: saves).read(slot)
    #expect(save.moves.count == 1)
    #expect(save.quiz == [.leader])
  }
}
