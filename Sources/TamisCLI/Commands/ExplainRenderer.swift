import Foundation
import Tamis

/// Renders what cleaning did to a dump, for people: `--explain` marks every line, `--diff`
/// shows only the lines that changed.
///
/// `--explain`, one output line per input line (blank input lines keep only their number):
///
/// ```
///  1 kept     Le conseil des ministres s'est réuni mercredi.
///  2
///  3 removed  Lire aussi : le budget  # fr-read-also drop-line rules/generic/fr.rules:112:3
///  4 caption  Une photo. // Source : AFP  # fr-caption-source: Une photo. | AFP
///  5 stripped Texte [-(AFP)-] suite  # fr-agency strip-span rules/generic/fr.rules:40:3
/// ```
///
/// `--diff`, one hunk per changed line or run of lines removed by one rule, headed by the line
/// numbers and the rule: removed lines start with `-`, a line with spans cut shows `-old` and
/// `+new`, and a caption shows `~text | credit`:
///
/// ```
/// @@ 3 @@ fr-read-also drop-line rules/generic/fr.rules:112:3
/// -Lire aussi : le budget
/// @@ 4 @@ fr-caption-source caption
/// ~Une photo. | AFP
/// ```
///
/// With `colour`, marks and annotations carry ANSI colours (removed red, caption cyan, cut
/// spans red and struck through, notes dim); without it the output is plain text.
struct ExplainRenderer: Sendable {
  /// Whether to use ANSI colours.
  let colour: Bool

  /// One input line and what happened to it.
  private struct Line {
    let number: Int
    let text: String
    let outcome: LineOutcome
  }

  /// The `--explain` listing of one dump, every line ending with `\n`.
  /// - Parameters:
  ///   - article: the result of cleaning `bytes`.
  ///   - bytes: the dump as read.
  func explain(_ article: CleanedArticle, bytes: [UInt8]) -> String {
    let lines = Self.lines(article, bytes)
    let width = String(lines.count).count
    var output = ""
    for line in lines {
      let number =
        String(repeating: " ", count: width - String(line.number).count)
        + String(line.number)
      output += paint(number, .dim)
      switch line.outcome {
      case .blank:
        break
      case .body:
        output += " " + paint("kept    ", .dim) + " " + line.text
      case .removed(let index):
        let removal = article.removals[index]
        output +=
          " " + paint("removed ", .red) + " " + paint(line.text, .red)
          + note(removal.note)
      case .caption(let index):
        let caption = article.captions[index]
        output +=
          " " + paint("caption ", .cyan) + " " + line.text
          + note("\(caption.ruleID): \(caption.text) | \(caption.credit)")
      case .stripped(let indices):
        let removals = indices.map { article.removals[$0] }
        let pieces = Self.pieces(of: line.text, cutting: removals.map(\.text))
        var text = ""
        for piece in pieces {
          text +=
            piece.isCut ? (colour ? paint(piece.text, .cut) : "[-\(piece.text)-]") : piece.text
        }
        output +=
          " " + paint("stripped", .yellow) + " " + text
          + note(
            removals.map(\.note).joined(separator: "; "))
      }
      output += "\n"
    }
    return output
  }

  /// The `--diff` of one dump: only the lines cleaning changed, in hunks; empty when nothing
  /// changed.
  func diff(_ article: CleanedArticle, bytes: [UInt8]) -> String {
    var output = ""
    var run: (first: Int, last: Int, rule: String, lines: [String])?
    func flush() {
      guard let current = run else { return }
      let range =
        current.first == current.last ? "\(current.first)" : "\(current.first)-\(current.last)"
      output += paint("@@ \(range) @@", .cyan) + " " + current.rule + "\n"
      for line in current.lines { output += paint("-" + line, .red) + "\n" }
      run = nil
    }
    for line in Self.lines(article, bytes) {
      switch line.outcome {
      case .blank, .body:
        if case .body = line.outcome { flush() }
      case .removed(let index):
        let removal = article.removals[index]
        let rule = removal.note
        if let current = run, current.rule == rule {
          run?.last = line.number
          run?.lines.append(line.text)
        } else {
          flush()
          run = (line.number, line.number, rule, [line.text])
        }
      case .caption(let index):
        flush()
        let caption = article.captions[index]
        output += paint("@@ \(line.number) @@", .cyan) + " \(caption.ruleID) caption\n"
        output += paint("~\(caption.text) | \(caption.credit)", .cyan) + "\n"
      case .stripped(let indices):
        flush()
        let removals = indices.map { article.removals[$0] }
        let kept = Self.pieces(of: line.text, cutting: removals.map(\.text))
          .filter { !$0.isCut }.map { Whitespace.trimmed($0.text) }.filter { !$0.isEmpty }
          .joined(separator: " ")
        output +=
          paint("@@ \(line.number) @@", .cyan) + " "
          + removals.map(\.note).joined(separator: "; ")
          + "\n"
        output += paint("-" + line.text, .red) + "\n" + paint("+" + kept, .green) + "\n"
      }
    }
    flush()
    return output
  }

  // MARK: - Lines and spans

  /// The input lines with their outcomes; a line's text drops trailing white space.
  private static func lines(_ article: CleanedArticle, _ bytes: [UInt8]) -> [Line] {
    bytes.withUnsafeBufferPointer { buffer in
      zip(LineIndex(buffer).lines, article.outcomes).enumerated().map { number, pair in
        var text = String(
          decoding: UnsafeBufferPointer(rebasing: buffer[pair.0.content]), as: UTF8.self)
        while let last = text.last, Whitespace.isSpace(last) { text.removeLast() }
        return Line(number: number + 1, text: text, outcome: pair.1)
      }
    }
  }

  /// `text` cut into the pieces the spans (found in order, each after the one before) leave
  /// and the spans themselves.
  static func pieces(of text: String, cutting spans: [String]) -> [(text: String, isCut: Bool)] {
    var pieces: [(text: String, isCut: Bool)] = []
    var position = text.startIndex
    for span in spans where !span.isEmpty {
      guard let range = text.range(of: span, range: position..<text.endIndex) else { continue }
      if range.lowerBound > position {
        pieces.append((String(text[position..<range.lowerBound]), false))
      }
      pieces.append((span, true))
      position = range.upperBound
    }
    if position < text.endIndex { pieces.append((String(text[position...]), false)) }
    return pieces
  }

  // MARK: - Colour

  /// The ANSI styles used.
  enum Style: String {
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"
    case cut = "9;31"
  }

  /// `text` in `style` when colouring, else as is.
  func paint(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// The annotation after a line: `  # text`, dim when colouring.
  private func note(_ text: String) -> String {
    "  " + paint("# " + text, .dim)
  }
}
