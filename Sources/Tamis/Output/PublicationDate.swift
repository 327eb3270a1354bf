/// Reads the dates news pages print ("12 mars 2025 à 06h30", "12. März 2025, 9:12 Uhr",
/// "March 12, 2025", "12/03/2025 09:12", "2024-09") into ISO 8601 text.
///
/// The result has the precision of the input: `2025`, `2025-03`, `2025-03-12` or
/// `2025-03-12T06:30`, with no time zone (the page's own clock time; a zone name such as `CET`
/// is ignored). Month names are read in French, English, German, Spanish, Italian and
/// Portuguese, in full or abbreviated. Numeric dates are day first (`12/03/2025` is 12 March),
/// as in every language above, unless the second number cannot be a month (`03/25/2025` is
/// read as 25 March); a 4-digit year first means year, month, day. Relative dates ("2 hours ago") and
/// anything else give nil: they need a clock, and the library reads none.
enum PublicationDate {
  /// The ISO 8601 form of `text`, or nil when it holds no full date this type can read.
  static func iso8601(_ text: String) -> String? {
    let tokens = Self.tokens(of: text)
    var year: Int?
    var month: Int?
    var day: Int?
    var numbers: [Int] = []
    var time: (hour: Int, minute: Int)?
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      switch token {
      case .number(let value, let digits):
        if digits == 4, year == nil, (1900...2100).contains(value) {
          year = value
        } else if digits <= 2 {
          numbers.append(value)
        }
      case .word(let word):
        if month == nil, let named = Self.months[word] { month = named }
      case .time(let hour, let minute):
        if time == nil, hour < 24, minute < 60 { time = (hour, minute) }
      }
      index += 1
    }
    guard let year else { return nil }
    // `6:30 p.m.`: the afternoon after noon, `12:05 a.m.` just after midnight.
    if let clock = time {
      let words = tokens.compactMap { token -> String? in
        if case .word(let word) = token { return word }
        return nil
      }
      let pm = words.contains("pm") || zip(words, words.dropFirst()).contains { $0 == ("p", "m") }
      let am = words.contains("am") || zip(words, words.dropFirst()).contains { $0 == ("a", "m") }
      if pm, clock.hour < 12 { time = (clock.hour + 12, clock.minute) }
      if am, clock.hour == 12 { time = (0, clock.minute) }
    }
    if let month {
      // A named month: the day is the first small number.
      day = numbers.first { (1...31).contains($0) }
      return format(year: year, month: month, day: day, time: day == nil ? nil : time)
    }
    switch numbers.count {
    case 0:
      return tokens.count == 1 ? String(format4(year)) : nil
    case 1:
      // `2024-09`: a year and a month.
      guard (1...12).contains(numbers[0]) else { return nil }
      return format(year: year, month: numbers[0], day: nil, time: nil)
    default:
      let (first, second) = (numbers[0], numbers[1])
      let yearFirst = Self.yearComesFirst(in: tokens)
      // `2025-03-12` is year, month, day; `12/03/2025` and `12.03.2025` are day, month, year.
      var (dayNumber, monthNumber) = yearFirst ? (second, first) : (first, second)
      if !yearFirst, monthNumber > 12, dayNumber <= 12 { swap(&dayNumber, &monthNumber) }
      guard (1...12).contains(monthNumber), (1...31).contains(dayNumber) else { return nil }
      return format(year: year, month: monthNumber, day: dayNumber, time: time)
    }
  }

  // MARK: - Private

  /// A piece of a date's text.
  enum Token: Equatable {
    /// A run of digits and how many there were.
    case number(Int, digits: Int)
    /// A run of letters, lowercased, without a final period.
    case word(String)
    /// `06h30`, `9:12`, `19.10` after a date, `19 h 05`.
    case time(hour: Int, minute: Int)
  }

  /// True when the 4-digit year comes before the other numbers (`2025-03-12`).
  private static func yearComesFirst(in tokens: [Token]) -> Bool {
    for token in tokens {
      if case .number(_, let digits) = token { return digits == 4 }
    }
    return false
  }

  /// `text` cut into numbers, words and clock times: on its bytes when it is ASCII (a date's
  /// text nearly always is), on its scalars when they are all below U+0100 (`août`, a no-break
  /// space, `·`), else on its `Character`s; all three read the same tokens.
  static func tokens(of text: String) -> [Token] {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return tokens(of: Array(text.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
    }
    if text.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
      // Below U+0300 no scalar joins the one before it, so each is its own `Character` (CR LF,
      // the one pair that is a single `Character`, reads alike: neither is a digit, letter or
      // mark); lower case is the ASCII one, and +0x20 for À to Þ (× excepted), as `lowercased()`.
      return tokens(
        of: text.unicodeScalars.map { scalar -> Unicode.Scalar in
          let value = scalar.value
          let isUpper =
            (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7)
          return isUpper ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
        })
    }
    return tokensByCharacters(of: text)
  }

  /// The tokens of `text` read `Character` by `Character`: what `tokens(of:)` must equal.
  static func tokensByCharacters(of text: String) -> [Token] {
    tokens(of: Array(text.lowercased()))
  }

  /// The tokens of lower-cased `characters`.
  private static func tokens<Unit: DateTextUnit>(of characters: [Unit]) -> [Token] {
    var tokens: [Token] = []
    var index = 0
    func number(at start: Int) -> (value: Int, digits: Int, end: Int)? {
      var end = start
      var value = 0
      while end < characters.count, let digit = characters[end].asciiDigit {
        value = value * 10 + digit
        end += 1
        if end - start > 4 { return nil }
      }
      return end > start ? (value, end - start, end) : nil
    }
    while index < characters.count {
      let character = characters[index]
      if character.asciiDigit != nil, let read = number(at: index) {
        // A clock time: H or HH, then `h`, `:` or (after a year was seen) `.`, then MM.
        var separator = read.end
        while separator < characters.count, characters[separator].isASCII(" ") { separator += 1 }
        if read.digits <= 2, separator < characters.count {
          let mark = characters[separator]
          let isClock =
            mark.isASCII(":") || mark.isASCII("h")
            || (mark.isASCII(".")
              && tokens.contains { if case .number(_, digits: 4) = $0 { true } else { false } })
          var minuteStart = separator + 1
          while minuteStart < characters.count, characters[minuteStart].isASCII(" ") {
            minuteStart += 1
          }
          if isClock, let minute = number(at: minuteStart), minute.digits == 2 {
            tokens.append(.time(hour: read.value, minute: minute.value))
            index = minute.end
            continue
          }
        }
        tokens.append(.number(read.value, digits: read.digits))
        index = read.end
      } else if character.isLetter {
        var end = index
        while end < characters.count, characters[end].isLetter { end += 1 }
        tokens.append(.word(Unit.word(characters[index..<end])))
        index = end
      } else {
        index += 1
      }
    }
    return tokens
  }

  private static func format(year: Int, month: Int, day: Int?, time: (hour: Int, minute: Int)?)
    -> String
  {
    var text = "\(format4(year))-\(format2(month))"
    guard let day else { return text }
    text += "-\(format2(day))"
    if let time { text += "T\(format2(time.hour)):\(format2(time.minute))" }
    return text
  }

  private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
  private static func format4(_ value: Int) -> String { "\(value)" }

  /// Month names and abbreviations, lowercased, in the six languages of the shipped packs.
  private static let months: [String: Int] = {
    let names: [[String]] = [
      [
        "janvier", "janv", "january", "jan", "januar", "jänner", "enero", "ene", "gennaio", "gen",
        "janeiro",
      ],
      [
        "février", "fevrier", "févr", "fev", "fév", "february", "feb", "februar", "febrero",
        "febbraio", "fevereiro",
      ],
      ["mars", "march", "mar", "märz", "marzo", "março", "marco", "mär"],
      ["avril", "avr", "april", "apr", "abril", "abr", "aprile"],
      ["mai", "may", "mayo", "maggio", "mag", "maio"],
      ["juin", "june", "jun", "juni", "junio", "giugno", "giu", "junho"],
      ["juillet", "juil", "july", "jul", "juli", "julio", "luglio", "lug", "julho"],
      ["août", "aout", "august", "aug", "agosto", "ago"],
      ["septembre", "sept", "september", "sep", "septiembre", "settembre", "set", "setembro"],
      [
        "octobre", "oct", "october", "oktober", "okt", "octubre", "ottobre", "ott", "outubro",
        "out",
      ],
      ["novembre", "nov", "november", "noviembre", "novembro"],
      [
        "décembre", "decembre", "déc", "dec", "december", "dezember", "dez", "diciembre", "dic",
        "dicembre", "dezembro",
      ],
    ]
    var table: [String: Int] = [:]
    for (index, words) in names.enumerated() {
      for word in words { table[word] = index + 1 }
    }
    return table
  }()
}

/// One unit of a date's text as `PublicationDate` reads it: a `Character`, or a byte of ASCII
/// text (where each byte is one `Character` with the same properties).
private protocol DateTextUnit {
  /// The value of an ASCII digit, nil for anything else.
  var asciiDigit: Int? { get }
  var isLetter: Bool { get }
  /// True when the unit is `ascii`.
  func isASCII(_ ascii: Unicode.Scalar) -> Bool
  /// The word the units spell.
  static func word(_ units: ArraySlice<Self>) -> String
}

extension Character: DateTextUnit {
  var asciiDigit: Int? { isASCII ? wholeNumberValue : nil }
  func isASCII(_ ascii: Unicode.Scalar) -> Bool { self == Character(ascii) }
  static func word(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: DateTextUnit {
  var asciiDigit: Int? { self &- 0x30 < 10 ? Int(self &- 0x30) : nil }
  var isLetter: Bool { (self | 0x20) &- 0x61 < 26 }
  func isASCII(_ ascii: Unicode.Scalar) -> Bool { UInt32(self) == ascii.value }
  static func word(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}

extension Unicode.Scalar: DateTextUnit {
  var asciiDigit: Int? { value &- 0x30 < 10 ? Int(value &- 0x30) : nil }
  /// As `Character.isLetter` reads a one-scalar character.
  var isLetter: Bool { value < 0x80 ? (value | 0x20) &- 0x61 < 26 : properties.isAlphabetic }
  func isASCII(_ ascii: Unicode.Scalar) -> Bool { self == ascii }
  static func word(_ units: ArraySlice<Unicode.Scalar>) -> String {
    // Through UTF-8 bytes: appending to a `String.UnicodeScalarView` costs thousands of
    // instructions a word.
    var bytes: [UInt8] = []
    for unit in units { UTF8.encode(unit) { bytes.append($0) } }
    return String(decoding: bytes, as: UTF8.self)
  }
}
