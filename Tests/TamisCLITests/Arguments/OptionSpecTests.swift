import Testing

@testable import TamisCLI

/// Invariants of the `OptionSpec` table that the parser and help rely on.
@Suite struct OptionSpecTests {
  @Test("every key is defined exactly once")
  func everyKeyOnce() {
    let keys = OptionSpec.all.map(\.key)
    #expect(keys.count == Set(keys).count)
    #expect(Set(keys) == Set(OptionSpec.Key.allCases))
  }

  @Test("short names are unique")
  func uniqueShortNames() {
    let shortNames = OptionSpec.all.compactMap(\.shortName)
    #expect(shortNames.count == Set(shortNames).count)
  }

  @Test("every group has at least one option")
  func everyGroupUsed() {
    for group in OptionSpec.Group.allCases {
      #expect(OptionSpec.all.contains { $0.group == group }, "\(group.title) is empty")
    }
  }

  @Test("the table is the one the parser reads", arguments: OptionSpec.all)
  func spellings(_ spec: OptionSpec) {
    #expect(spec.longSpelling == "--\(spec.longName)")
    #expect(spec.takesValue == (spec.valueName != nil))
  }

  @Test("long names are lower-kebab-case", arguments: OptionSpec.all)
  func kebabCase(_ spec: OptionSpec) {
    let name = spec.longName
    #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
    #expect(!name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--"), "\(name)")
  }

  @Test("value names are upper case", arguments: OptionSpec.all.filter(\.takesValue))
  func valueNames(_ spec: OptionSpec) {
    let valueName = spec.valueName ?? ""
    #expect(!valueName.isEmpty && valueName.allSatisfy(\.isUppercase), "\(valueName)")
  }

  @Test("help lines start lower-case and have no final period", arguments: OptionSpec.all)
  func helpStyle(_ spec: OptionSpec) {
    #expect(spec.help.first?.isLowercase == true, "\(spec.help)")
    #expect(spec.help.last != ".", "\(spec.help)")
  }

  @Test(
    "a help line names the option it requires",
    arguments: OptionSpec.all.filter { $0.requirement != nil })
  func helpNamesRequirement(_ spec: OptionSpec) {
    for required in [spec.requirement].compactMap(\.self) {
      #expect(spec.help.contains(OptionSpec.longSpelling(of: required)), "\(spec.longSpelling)")
    }
  }

  @Test("the format help line names every format")
  func formatHelpNamesFormats() throws {
    let format = try #require(OptionSpec.all.first { $0.key == .format })
    for value in Invocation.Format.allCases {
      #expect(format.help.contains("'\(value.rawValue)'"))
    }
  }

  @Test("a help line names the subcommands of an option cleaning does not take")
  func subcommandHelp() {
    for spec in OptionSpec.all where !spec.availability.contains(.clean) {
      for name in spec.availability.subcommandNames {
        #expect(spec.help.contains(name), "\(spec.longSpelling)")
      }
    }
  }
}

/// Names a parameterised test case after the option's long spelling.
extension OptionSpec: CustomTestStringConvertible {
  var testDescription: String { longSpelling }
}
