import Foundation
import Testing

/// The layers of `Sources/Tamis` point one way (`LayerTable.library`): no file names a type that
/// a higher layer declares.
@Suite struct LayerDirectionTests {
  static let architecture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let packageRoot = architecture.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let library = packageRoot.appendingPathComponent("Sources/Tamis")
  /// A two-layer tree where `Model` names an `Engine` type once, among look-alikes that must
  /// not count (comments, strings, raw and multi-line strings, text after an interpolation).
  static let planted = architecture.appendingPathComponent(
    "Fixtures/planted-violation/Sources/Tamis")

  @Test("no layer of the library names a type of a layer above it")
  func libraryPointsOneWay() throws {
    let checker = try LayerChecker(root: Self.library, table: .library)
    for violation in checker.violations {
      let path = "Sources/Tamis/" + violation.file
      Issue.record(
        Comment(rawValue: "Sources/Tamis/\(violation)"),
        sourceLocation: Testing.SourceLocation(
          fileID: "tamis/\(path)", filePath: Self.packageRoot.appendingPathComponent(path).path,
          line: violation.line, column: 1))
    }
  }

  @Test("every folder of the library has a place in the layer table")
  func everyFolderIsALayer() throws {
    let checker = try LayerChecker(root: Self.library, table: .library)
    #expect(checker.unknownLayers == [])
  }

  @Test("each layer's types are read from its own folder")
  func typesComeFromTheirFolder() throws {
    let types = try LayerChecker(root: Self.library, table: .library).declaredTypes
    #expect(types["Model"]?.contains("RuleSet") == true)
    #expect(types["Engine"]?.contains("Cleaner") == true)
    #expect(types["Diagnostics"]?.contains("Diagnostic") == true)
    #expect(types["Output"]?.contains("CleanedArticle") == true)
    #expect(types["Model"]?.contains("Cleaner") == false)
  }

  @Test("the planted violation is reported, and nothing else")
  func plantedViolationIsFound() throws {
    let checker = try LayerChecker(root: Self.planted, table: .library)
    let expected = LayerViolation(
      file: "Model/Shelf.swift", line: 14, layer: "Model", typeName: "Sweeper",
      upperLayer: "Engine")
    #expect(checker.violations == [expected])
    #expect(
      expected.description == "Model/Shelf.swift:14: 'Model' names 'Sweeper' of layer 'Engine'")
    #expect(checker.declaredTypes == ["Model": ["Shelf"], "Engine": ["Sweeper"]])
    #expect(checker.unknownLayers == [])
  }

  @Test("the direction comes from the table: reversed, the allowed use is the violation")
  func directionComesFromTheTable() throws {
    let reversed = LayerTable(tiers: [["Engine"], ["Model"]])
    let checker = try LayerChecker(root: Self.planted, table: reversed)
    #expect(
      checker.violations == [
        LayerViolation(
          file: "Engine/Sweeper.swift", line: 3, layer: "Engine", typeName: "Shelf",
          upperLayer: "Model")
      ])
  }

  @Test("a folder the table does not name is reported")
  func unknownFolderIsReported() throws {
    let checker = try LayerChecker(root: Self.planted, table: LayerTable(tiers: [["Model"]]))
    #expect(checker.unknownLayers == ["Engine"])
  }
}
