import Foundation
import Testing

@testable import OverlapEngine

/// One test per class of bad input: each must give a positioned error, never a crash.
@Suite struct LoaderTests {
  func errors(_ yaml: String) -> [String] {
    errors(Data(yaml.utf8))
  }

  func errors(_ data: Data) -> [String] {
    do {
      _ = try ScenarioLoader.load(data: data, path: "test.yaml")
      return []
    } catch {
      return error.diagnostics.map(\.description)
    }
  }

  static let oneScene = """
      - id: a
        text: Hello
        choices:
          - id: c1
            text: Go
            style: leader
    """

  @Test func loadsTheFixture() throws {
    let scenario = try Fixtures.tiny
    #expect(scenario.id == "tiny")
    #expect(scenario.scenes.map(\.id) == ["kickoff", "middle", "detour", "last"])
    #expect(scenario.maxTurns == 3)
    #expect(scenario.values.map(\.name) == ["morale", "efficiency", "stability", "budget"])
    #expect(scenario.endings.last?.condition == nil)
    #expect(scenario.tests.count == 2)
  }

  @Test func yamlSyntaxErrorNamesLineAndColumn() {
    #expect(errors("id: x\ntitle: [\n") == ["test.yaml:3:1: error: YAML syntax: did not find expected node content (while parsing a flow node at line 3); a value is missing, or a bracket or quote is not closed"])
  }

  /// libyaml's wording is kept, and followed by what it usually means in a scenario.
  @Test func yamlErrorsAreExplainedInPlainWords() {
    let colon = errors("id: x\ntitle: T\nsummary: Note: this breaks\n")
    #expect(colon.first?.hasPrefix("test.yaml:3:14: error: YAML syntax: mapping values are not allowed in this context; either the indent is wrong, or a text holds ': '") == true, "\(colon)")
    let unclosed = errors("id: x\ntitle: \"unclosed\n")
    #expect(unclosed.first?.hasSuffix("a quote or a bracket is opened and never closed") == true, "\(unclosed)")
  }

  @Test func tabsAreExplained() {
    let found = errors("id: x\n\ttitle: T\n")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("test.yaml:2:1: error: YAML syntax") == true)
    #expect(found.first?.hasSuffix("indent with spaces, not tabs") == true)
  }

  /// Found by the loader fuzzer: a byte-order mark made a valid file fail at line 2.
  @Test func aByteOrderMarkIsIgnored() throws {
    let text = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/tiny.yaml"), encoding: .utf8)
    let scenario = try ScenarioLoader.load(data: Data(("\u{FEFF}" + text).utf8), path: "bom.yaml")
    #expect(scenario.id == "tiny")
  }

  /// A variable shown with the meters goes by its label; a hidden one has no player name.
  @Test func shownVariablesHaveLabelsAndHiddenOnesNone() throws {
    let yaml = Fixtures.scenario(
      scenes: "  - id: a\n    text: A\n    choices:\n      - {id: c, text: C, style: leader}",
      extra: "variables:\n  customer_trust: {start: 3, show: true, label: Customer trust}\n  days_left: {start: 5, show: true}\n  secret: 1")
    let scenario = try Fixtures.load(yaml)
    #expect(scenario.gauges.map { scenario.values[$0].name } == ["customer_trust", "days_left"])
    #expect(scenario.playerName(of: "customer_trust") == "Customer trust")
    #expect(scenario.playerName(of: "days_left") == "Days Left")
    #expect(scenario.playerName(of: "secret") == nil)
    #expect(scenario.playerName(of: "morale") == "Morale")
    let unseen = Fixtures.scenario(
      scenes: "  - id: a\n    text: A\n    choices:\n      - {id: c, text: C, style: leader}",
      extra: "variables:\n  x: {start: 1, label: Never seen}")
    #expect(throws: ScenarioError.self) { try Fixtures.load(unseen) }
  }

  @Test func emptyFile() {
    #expect(errors("") == ["test.yaml:1:1: error: the file is empty; start from 'overlap new ID'"])
    #expect(errors("\n  \n") == ["test.yaml:1:1: error: the file is empty; start from 'overlap new ID'"])
  }

  @Test func commentsOnlyFile() {
    #expect(errors("# nothing here\n") == ["test.yaml:1:1: error: the file has no content; start from 'overlap new ID'"])
  }

  @Test func notUTF8PointsAtTheByte() {
    var data = Data("id: x\ntitle: caf".utf8)
    data.append(0xE9)
    data.append(contentsOf: Array("\n".utf8))
    #expect(errors(data) == ["test.yaml:2:11: error: the file is not valid UTF-8 text; save it as UTF-8 in your editor"])
  }

  @Test func aControlCharacterIsFoundWhereItIs() {
    #expect(errors("id: x\ntitle: caf\u{0}é\n") == [
      #"test.yaml:2:11: error: the file holds the control character ^@, which YAML does not allow; delete it, or write it as "\x00" inside double quotes"#
    ])
    #expect(errors("id: x\n\n  text: \u{1B}[2J\n").first?.hasPrefix("test.yaml:3:9: error: the file holds the control character ^[,") == true)
    #expect(errors("id: x\ntitle: \u{9B}\n").first?.hasPrefix("test.yaml:2:8: error: the file holds the control character <U+009B>,") == true)
  }

  @Test func topLevelMustBeAMapping() {
    #expect(errors("- a\n- b\n") == ["test.yaml:1:1: error: the scenario should be a mapping of 'key: value' lines, but found a list"])
  }

  @Test func misspelledKeyGetsASuggestion() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              efects: {morale: 1}
      """)
    #expect(errors(yaml) == ["test.yaml:13:9: error: unknown key 'efects' in a choice; did you mean 'effects'?"])
  }

  @Test func missingRequiredKeys() {
    let found = errors("id: x\ntitle: T\n")
    #expect(found.contains("test.yaml:1:1: error: the scenario is missing the required key 'summary'"))
    #expect(found.contains("test.yaml:1:1: error: the scenario is missing the required key 'scenes'"))
    #expect(found.contains("test.yaml:1:1: error: the scenario is missing the required key 'endings'"))
  }

  @Test func wrongTypes() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              effects: {morale: lots}
              later: soon
      """, extra: "meters: {morale: 150}")
    #expect(errors(yaml) == [
      "test.yaml:5:18: error: starting morale must be between 0 and 100, but is 150",
      "test.yaml:13:27: error: the change to morale should be a whole number, but found 'lots'",
      "test.yaml:14:16: error: 'later' of choice 'c1' should be a list (lines starting with '- '), but found 'soon'",
    ])
  }

  @Test func aChoiceChanceMustBeAListOfOutcomes() {
    let yaml = Fixtures.scenario(scenes: Self.oneScene + "\n        chance: 50")
    #expect(errors(yaml) == [
      "test.yaml:13:17: error: 'chance' of choice 'c1' is a list of outcomes, each like '- percent: 30' with its 'effects'"
    ])
  }

  @Test func atLeastOneEnding() {
    let yaml = Fixtures.scenario(scenes: Self.oneScene, endings: "  []")
    #expect(errors(yaml) == [
      "test.yaml:14:3: error: a scenario needs at least one ending; the last one, without 'when', is the default"
    ])
  }

  @Test func testMeterRangesMustBeSatisfiable() {
    let tests = """
      tests:
        - name: upside down
          moves: [c1]
          meters: {morale: {min: 80, max: 20}, efficiency: 90..10, stability: [1, 2]}
      """
    let found = errors(Fixtures.scenario(scenes: Self.oneScene, extra: tests))
    #expect(found == [
      "test.yaml:8:22: error: the range of 'morale' has min 80 above max 20, so no value fits",
      "test.yaml:8:54: error: expected a range such as '60..100' (low to high) or a number, but found '90..10'",
      "test.yaml:8:73: error: expected a range such as '60..100', a number, or '{min: 60, max: 100}' for 'stability'",
    ])
  }

  @Test func blockTextLosesItsTrailingNewline() throws {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: >
            Folded
            prose.
          choices:
            - id: c1
              text: Go
              style: leader
      """)
    let scenario = try Fixtures.load(yaml)
    let engine = Engine(scenario: scenario)
    #expect(engine.render(scenario.scenes[0].text, in: engine.start(seed: 1)) == "Folded prose.")
  }

  @Test func unknownSceneReference() {
    let yaml = Fixtures.scenario(scenes: """
        - id: start
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              next: strat
      """)
    #expect(errors(yaml) == ["test.yaml:13:15: error: no scene has the id 'strat'; did you mean 'start'?"])
  }

  @Test func badExpressionPointsIntoTheCondition() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              if: morale > > 3
      """)
    #expect(errors(yaml) == ["test.yaml:13:22: error: in the condition of choice 'c1': expected a number, a name or '(' but found '>'"])
  }

  @Test func unknownNameInTextSuggestsAVariable() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: "Budget left: {budgte}"
          choices:
            - id: c1
              text: Go
              style: leader
      """, extra: "variables: {budget: 5}")
    #expect(errors(yaml) == ["test.yaml:8:26: error: in the text of scene 'a': unknown name 'budgte'; did you mean 'budget'?"])
  }

  @Test func aliasBombIsHarmless() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...30 {
      let previous = "*a\(level - 1)"
      yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    #expect(errors(yaml).contains { $0.contains("error: the file holds more than 1000000 values") })
  }

  @Test func aliasBombInsideAKnownKeyIsRefusedBeforeReading() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...30 {
      yaml += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
    }
    yaml += "goals: *a30\n"
    #expect(errors(yaml).contains { $0.contains("error: the file holds more than 1000000 values") })
  }

  @Test func duplicateIDs() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
            - id: c1
              text: Stay
              style: manager
        - id: a
          text: Again
          choices:
            - id: c2
              text: Go
              style: leader
      """)
    #expect(errors(yaml) == [
      "test.yaml:13:13: error: choice id 'c1' is already used at line 10; ids must be unique in the scenario",
      "test.yaml:16:9: error: scene id 'a' is used twice; ids must be unique",
    ])
  }

  @Test func loopsAreRejected() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              next: b
        - id: b
          text: Again
          next: a
          choices:
            - id: c2
              text: Go
              style: leader
      """)
    #expect(errors(yaml) == ["test.yaml:7:5: error: scenes form a loop (a → b → a); every path must move forward to an end, so point one 'next' elsewhere"])
  }

  @Test func defaultEndingMustBeLast() {
    let yaml = Fixtures.scenario(scenes: Self.oneScene, endings: """
        - id: plain
          title: Plain
          tone: mixed
        - id: good
          title: Good
          tone: success
          when: morale > 60
      """)
    #expect(errors(yaml) == ["test.yaml:14:5: error: ending 'plain' has no 'when', so it is the default ending; move it to the end of the list"])
  }

  @Test func missingDefaultEnding() {
    let yaml = Fixtures.scenario(scenes: Self.oneScene, endings: """
        - id: good
          title: Good
          tone: success
          when: morale > 60
      """)
    #expect(errors(yaml) == ["test.yaml:14:3: error: add a default ending without 'when' at the end of the list, for when no other ending fits"])
  }

  @Test func flagsAndEffectsAreNotConfused() {
    let yaml = Fixtures.scenario(scenes: """
        - id: a
          text: Hello
          choices:
            - id: c1
              text: Go
              style: leader
              effects: {ready: 1}
              set: [redy]
      """, extra: "flags: [ready]")
    #expect(errors(yaml) == [
      "test.yaml:13:19: error: 'ready' is a flag; flags change with 'set' and 'unset', not 'effects'",
      "test.yaml:14:15: error: 'redy' in 'set' of choice 'c1' is not a declared flag; did you mean 'ready'?",
    ])
  }

  @Test func testsReferToRealEndingsAndChoices() {
    let yaml = Fixtures.scenario(scenes: Self.oneScene, extra: """
      tests:
        - name: t1
          moves: [c2]
          ending: fien
      """)
    #expect(errors(yaml) == [
      "test.yaml:7:12: error: test 't1' has the move 'c2', which is neither a number nor a choice id; did you mean 'c1'?",
      "test.yaml:8:13: error: test 't1' expects the ending 'fien', which does not exist; did you mean 'fine'?",
    ])
  }

  @Test func errorsComeSortedByPosition() {
    let found = errors("id: bad id!\ntitle: T\nsummary: S\ngoals: []\nscenes: []\nendings: []\n")
    let lines = found.compactMap { Int($0.split(separator: ":")[1]) }
    #expect(lines == lines.sorted())
    #expect(found.count >= 3)
  }

  @Test(arguments: ["Scenarios/change.yaml", "Scenarios/delegation.yaml", "Scenarios/project-manager.yaml"])
  func builtInScenariosLoad(path: String) throws {
    let scenario = try ScenarioLoader.load(path: Fixtures.path(path))
    #expect(scenario.maxTurns >= 10)
    for scene in scenario.scenes {
      let styles = Set(scene.choices.map { scenario.choices[$0].style })
      #expect(styles.count == 2, "scene \(scene.id) offers only one style")
    }
  }
}
