import Foundation
import PackagePlugin

/// Generates `BuiltinRuleFiles.swift` from the package's `rules/` folder before `Tamis` compiles,
/// so the binary carries the shipped rules and `rules/` stays their only source.
@main
struct EmbedRules: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let rulesDirectory = context.package.directoryURL.appendingPathComponent("rules")
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinRuleFiles.swift")
    let inputs = ruleFiles(in: rulesDirectory)
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) rule files",
        executable: try context.tool(named: "embed-rules").url,
        arguments: [rulesDirectory.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }

  private func ruleFiles(in directory: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    else { return [] }
    var files: [URL] = []
    while let next = enumerator.nextObject() as? URL {
      if next.pathExtension == "rules" { files.append(next) }
    }
    return files.sorted { $0.path < $1.path }
  }
}
