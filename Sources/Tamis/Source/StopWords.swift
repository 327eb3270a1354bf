/// The stop words of the languages tamis knows, one table per language: the function words and
/// the commonest words of news text, lower case, with `'` for every apostrophe.
///
/// Language detection counts a language's `profile` words (the few that tell the languages
/// apart); the linter reports a phrase made only of `words` (profile and frequent together); the
/// body-core model counts them to tell prose from menus and headlines.
public struct StopWords: Sendable {
  /// The language code.
  public let language: String
  /// The commonest function words, which tell this language from the five others.
  public let profile: [String]
  /// The other frequent words: found in almost every article body of the language.
  public let frequent: [String]

  /// Every stop word of the language: `profile` then `frequent`.
  public var words: [String] { profile + frequent }

  /// The tables, in a fixed order (the order language detection breaks ties in).
  public static let all: [StopWords] = [
    StopWords(
      language: "fr",
      profile: """
        le les des est une dans pour qui sur pas avec aux du ce cette sont ont été mais nous \
        vous il elle ils leur au selon très être
        """,
      frequent: """
        la l' un de d' et ou donc car ni que qu' quoi dont où à en sous par sans entre vers \
        chez contre après avant depuis pendant cet ces c' se s' sa son ses leurs lui elles on \
        je tu me moi y ne n' plus moins aussi bien tout tous toute toutes même autre autres \
        comme si a avait fait faire peut dit deux trois ans an année jour fois temps france \
        paris photo vidéo
        """),
    StopWords(
      language: "en",
      profile: """
        the and of to is that for it with was on are as be by this have from at an they which \
        has were not their been would
        """,
      frequent: """
        a or but nor so yet in into over under about after before between through during \
        since than being had do does did will can could should may might must its these those \
        he she we you i his her our your my him them us no all more most some any new one two \
        three year years day time said says also just like up out if there who what when \
        where how photo video
        """),
    StopWords(
      language: "de",
      profile: """
        der die und das ist nicht mit sich des auf für ein eine dem den zu von im auch es \
        wird werden sind bei nach
        """,
      frequent: """
        einen einem einer eines oder aber doch denn in an am aus vor über unter um durch \
        gegen ohne seit bis als wie war waren wurde hat haben hatte sein er sie wir ihr ich \
        du man kein keine noch nur schon mehr sehr so dass wenn was wer wo jahr jahre tag mal \
        foto bild
        """),
    StopWords(
      language: "es",
      profile: """
        el los las que y en un una es por con para del se su al lo más pero como está fue \
        según sus
        """,
      frequent: """
        la unos unas o de a sin sobre entre desde hasta menos muy ya también no sí le les son \
        ser están ha han había hay este esta estos estas ese esa eso yo tú él ella nosotros \
        ellos ellas año años día vez foto vídeo
        """),
    StopWords(
      language: "it",
      profile: """
        il di che e un una per non con del della sono gli è al nel anche ma degli alla dei \
        delle più
        """,
      frequent: """
        lo la i le uno o a ai agli alle da dal dalla in nella su tra fra come meno molto si \
        era stato essere ha hanno aveva questo questa questi quello quella suo sua loro lui \
        lei noi voi io anno anni giorno volta foto video
        """),
    StopWords(
      language: "pt",
      profile: """
        o os as que do da em um uma para com não é dos das no na mais ao pelo pela foi são
        """,
      frequent: """
        a uns umas e ou mas de nos nas por sem sobre entre até como menos muito também sim se \
        seu sua seus suas ele ela eles elas ser está estão tem têm há este esta isso ano anos \
        dia vez foto vídeo
        """),
  ]

  private init(language: String, profile: String, frequent: String) {
    self.language = language
    self.profile = profile.split(separator: " ").map(String.init)
    self.frequent = frequent.split(separator: " ").map(String.init)
  }
}
