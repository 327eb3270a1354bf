import Foundation

/// The user's own rules folder, loaded after the built-in rules and before `--rules`, so that a
/// pack written for a site works with an installed binary, without a source checkout.
///
/// The folder is `$XDG_CONFIG_HOME/tamis/rules`, or `$HOME/.config/tamis/rules` when
/// `XDG_CONFIG_HOME` is unset or not an absolute path (the XDG base directory rules). It is
/// used only when it holds at least one `.rules` file; `--no-default-rules` leaves it out with
/// the built-in rules.
enum UserRules {
  /// The folder for `environment`, whether or not it exists.
  static func folder(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return (config as NSString).appendingPathComponent("tamis/rules")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return (home as NSString).appendingPathComponent(".config/tamis/rules")
  }

  /// The folders to load for `environment`: the user's folder when it holds a rule file.
  static func folders(environment: [String: String]) -> [String] {
    guard let folder = folder(environment: environment) else { return [] }
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    while let path = enumerator.nextObject() as? String {
      if path.hasSuffix(".rules") { return [folder] }
    }
    return []
  }
}
