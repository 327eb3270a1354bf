/// Hashes a line the way learning compares lines: its folded view (`TextFolder`, accents kept:
/// case, typography, white space and NFC/NFD accents folded as the matcher folds them) with
/// every number run (digits, with `.`, `,` or a space between digits: what a `{n:number}` hole
/// matches) replaced by one `0`, and in a line of at most `calendarLineBytes` bytes with a digit,
/// every month or weekday name (`calendarWords`) too, so "Updated 3 May 2024 at 10:12" and
/// "Updated 12 June 2025 at 9:05" are one line.
///
/// A line longer than `Settings.learnFoldedLineBytes` is not folded: it is known by its length
/// and its first and last 64 bytes (see there).
///
/// The hash is `LineHasher`'s (FNV-1a with an avalanche step): deterministic across runs and
/// processes, so the counting pass and the cleaning pass agree. Holds a reusable buffer; make
/// one per thread or per document.
public struct LearnedLineHash: Sendable {
  /// A line's key: its hash, the length of its normalised view in Unicode scalars, and whether
  /// it holds a letter.
  public struct Key: Sendable, Hashable {
    /// The hash of the folded, number-normalised line.
    public let hash: UInt64
    /// The normalised view's length in Unicode scalars.
    public let characters: Int
    /// Whether a letter (any byte above ASCII counts) is in the line.
    public let hasLetter: Bool
  }

  private let folder = TextFolder(stripAccents: false)
  private var buffer: [UInt8] = []

  /// Creates a hasher.
  public init() {}

  /// The key of a line (its content, without the terminator), nil for a blank line.
  public mutating func key(_ line: UnsafeBufferPointer<UInt8>) -> Key? {
    if line.count > Settings.learnFoldedLineBytes {
      return Self.longKey(Whitespace.trimmed(line))
    }
    // The fold of a short line goes to the stack, without an array's per-byte checks: this is
    // done for every line in both passes. The size is a literal of at most 1,024 bytes, which
    // Swift keeps on the stack (a larger one went to the heap on every call); a fold that does
    // not fit (over twice `Settings.learnFoldedLineBytes`) takes the array.
    let folded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) {
      storage -> Key?? in
      guard let base = storage.baseAddress else { return .none }
      var sink = StackSink(base: base, capacity: storage.count)
      folder.fold(line, into: &sink)
      guard !sink.overflowed else { return .none }
      guard sink.count > 0 else { return .some(nil) }
      return .some(Self.foldedKey(UnsafeBufferPointer(start: base, count: sink.count)))
    }
    if let folded { return folded }
    folder.fold(line, into: &buffer)
    guard !buffer.isEmpty else { return nil }
    return buffer.withUnsafeBufferPointer(Self.foldedKey)
  }

  /// Writes folded bytes to a fixed buffer, noting when one did not fit.
  private struct StackSink: FoldSink {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0
    var overflowed = false

    @inline(__always)
    mutating func emit(_ byte: UInt8, from start: Int, to end: Int) {
      guard count < capacity else {
        overflowed = true
        return
      }
      base[count] = byte
      count += 1
    }
  }

  /// The key of a line longer than `Settings.learnFoldedLineBytes`: its length and its first
  /// and last 64 bytes as written, not folded.
  private static func longKey(_ line: UnsafeBufferPointer<UInt8>) -> Key {
    var hasher = LineHasher(seed: UInt64(line.count))
    for byte in line.prefix(64) { hasher.add(byte) }
    for byte in line.suffix(64) { hasher.add(byte) }
    return Key(hash: hasher.finalised, characters: line.count, hasLetter: true)
  }

  /// The key of a folded line.
  private static func foldedKey(_ buffer: UnsafeBufferPointer<UInt8>) -> Key {
    var hasher = LineHasher()
    var scalars = 0
    var hasLetter = false
    var index = 0
    let count = buffer.count
    // A date line is short and holds a digit (a day, a year): only there are names made one.
    let checksCalendar =
      count <= Self.calendarLineBytes && buffer.contains { Self.isDigit($0) }
    while index < count {
      var byte = buffer[index]
      if Self.isDigit(byte) {
        // One `0` for the whole run: digits, and `.` `,` or a space followed by a digit.
        index += 1
        while index < count {
          if Self.isDigit(buffer[index]) {
            index += 1
          } else if index + 1 < count, Self.isNumberJoiner(buffer[index]),
            Self.isDigit(buffer[index + 1])
          {
            index += 2
          } else {
            break
          }
        }
        byte = 0x30
      } else if checksCalendar, Self.isLetter(byte),
        index == 0 || !Self.isWordByte(buffer[index - 1]),
        let end = Self.calendarWordEnd(buffer, from: index)
      {
        index = end
        byte = 0x30
        hasLetter = true
      } else {
        index += 1
        // Once a letter is seen the test is skipped: it is the loop's costliest.
        if !hasLetter, Self.isLetter(byte) { hasLetter = true }
      }
      hasher.add(byte)
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    return Key(hash: hasher.finalised, characters: scalars, hasLetter: hasLetter)
  }

  /// The key of a line given as a string.
  public mutating func key(_ line: String) -> Key? {
    var line = line
    return line.withUTF8 { key($0) }
  }

  /// The end of the month or weekday name that starts at `start` in `bytes` (folded), if one
  /// does: the word's letters hash to one of `calendarWordHashes`.
  private static func calendarWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    var end = start
    var hasher = LineHasher()
    while end < bytes.count, isLetter(bytes[end]), end - start < 16 {
      hasher.add(bytes[end])
      end += 1
    }
    guard end - start >= 3, end == bytes.count || !isWordByte(bytes[end]),
      isCalendarWordHash(hasher.state)
    else { return nil }
    return end
  }

  /// The longest line, in bytes, whose month and weekday names are made one: date lines are
  /// short, and sparing the long ones keeps the check off prose.
  static let calendarLineBytes = 200

  /// The FNV-1a hashes (`LineHasher.state`, before the avalanche) of `calendarWords`, in an open-addressing table indexed by the hash's
  /// low bits (0 is an empty slot): looked up for every word of a short line with a digit, where
  /// a `Set`'s seeded hashing cost more than the rest of the key.
  private static let calendarWordTable: [UInt64] = {
    var table = [UInt64](repeating: 0, count: calendarTableSlots)
    for word in calendarWords {
      var hasher = LineHasher()
      for byte in word.utf8 { hasher.add(byte) }
      let hash = hasher.state
      var slot = Int(truncatingIfNeeded: hash) & (calendarTableSlots - 1)
      while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & (calendarTableSlots - 1) }
      table[slot] = hash
    }
    return table
  }()

  /// Slots of `calendarWordTable`: a power of two, about four per word, so probes are short.
  private static let calendarTableSlots = 512

  /// Whether `hash` is the FNV-1a hash of one of `calendarWords`.
  @inline(__always) private static func isCalendarWordHash(_ hash: UInt64) -> Bool {
    calendarWordTable.withUnsafeBufferPointer { table in
      var slot = Int(truncatingIfNeeded: hash) & (calendarTableSlots - 1)
      while table[slot] != 0 {
        if table[slot] == hash { return true }
        slot = (slot + 1) & (calendarTableSlots - 1)
      }
      return false
    }
  }

  /// Month and weekday names and their usual abbreviations in the six languages tamis detects,
  /// folded (lower case, accents kept): in a date they vary like its digits, so "Updated 3 May"
  /// and "Updated 9 June" are one line.
  static let calendarWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "avr", "juil",
    "déc", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "januar", "februar", "märz", "juni", "juli", "oktober", "dezember", "montag", "dienstag",
    "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes",
    "sábado", "domingo",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro",
  ]

  /// A letter byte of the folded view: ASCII letters and every byte of a non-ASCII scalar.
  @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte | 0x20) &- 0x61 < 26
  }

  @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte)
  }

  @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10
  }

  @inline(__always) private static func isNumberJoiner(_ byte: UInt8) -> Bool {
    byte == 0x2E || byte == 0x2C || byte == 0x20
  }
}
