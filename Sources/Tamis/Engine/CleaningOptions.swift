/// What the caller knows about a dump, which selects the packs that apply to it.
public struct CleaningOptions: Sendable, Hashable {
  /// The article's host (`www.numerama.com`); switches on the site packs for it.
  public var site: String?
  /// The dump's language code. When nil, tamis detects it; generic packs for other languages
  /// are off unless the language cannot be told.
  public var language: String?
  /// Site packs switched on whatever the host and detectors say (used to run a pack's examples).
  public var forcedPacks: Set<String>
  /// How many threads may scan the lines of one large dump (1: the calling thread). The result
  /// is the same for any value.
  public var jobs: Int
  /// Whether the structure layer runs: the body-core model, the rules whose conditions need it
  /// (`in-body`, `outside-body`, `prose`…) and the guards that keep the core's prose from zone
  /// rules. Off, tamis cleans with phrases alone.
  public var structure: Bool
  /// Whether the headline (the first body line when it reads as one) stays in the body. When
  /// false, the default, it leaves the body for `meta.title`, accounted for as a removal with
  /// the id `meta-title`.
  public var keepTitle: Bool

  /// Creates options.
  public init(
    site: String? = nil, language: String? = nil, forcedPacks: Set<String> = [], jobs: Int = 1,
    structure: Bool = true, keepTitle: Bool = false
  ) {
    self.site = site
    self.language = language
    self.forcedPacks = forcedPacks
    self.jobs = jobs
    self.structure = structure
    self.keepTitle = keepTitle
  }
}
