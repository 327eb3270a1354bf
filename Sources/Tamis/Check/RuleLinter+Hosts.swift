/// `site:` hosts with a top-level domain that does not exist (`lemonde.fe`, `example.cmo`).
extension RuleLinter {
  /// A warning for each `site:` host whose last label is not a known top-level domain, with a
  /// suggestion when a common domain is one edit or one swap of two letters away.
  func hostWarnings() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for pack in ruleSet.packs {
      guard case .site(let hosts) = pack.scope else { continue }
      for (index, host) in hosts.enumerated() {
        guard let domain = host.split(separator: ".").last.map(String.init),
          !TopLevelDomains.known.contains(domain)
        else { continue }
        let location =
          index < pack.hostLocations.count
          ? pack.hostLocations[index] : SourceLocation(path: pack.path, line: 1)
        diagnostics.append(
          Diagnostic(
            .warning, at: location,
            .lint(
              .unknownTopLevelDomain(
                host: host, domain: domain, suggestion: TopLevelDomains.suggestion(for: domain)))))
      }
    }
    return diagnostics
  }
}

/// The top-level domains tamis accepts without a warning: every country code, the generic
/// domains, and the newer ones news outlets use.
enum TopLevelDomains {
  /// The common domains a typo is most likely meant to be, in the order they are tried.
  static let common = [
    "com", "org", "net", "fr", "de", "uk", "it", "es", "pt", "br", "be", "ch", "ca", "at", "nl",
    "info", "news", "eu", "us", "io",
  ]

  /// Every known domain.
  static let known: Set<String> = {
    let countries = """
      ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo \
      bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk \
      dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq \
      gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki \
      km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo \
      mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk \
      pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss \
      st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk um us uy uz va \
      vc ve vg vi vn vu wf ws ye yt za zm zw
      """
    let generic = """
      com org net edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs \
      cat post news media press online site blog live today world global tech app dev ai digital \
      network agency studio email store shop club center group city radio tv fm video page \
      cloud space earth life money finance business science health sport sports football film \
      paris berlin london nyc tokyo wien bayern hamburg koeln brussels quebec swiss eus gal scot \
      wales africa lat
      """
    return Set((countries + " " + generic).split(whereSeparator: \.isWhitespace).map(String.init))
  }()

  /// The first common domain one edit, or one swap of two neighbouring letters, away.
  static func suggestion(for domain: String) -> String? {
    common.first { candidate in
      Suggestion.editDistance(domain, candidate) <= 1 || isSwap(domain, candidate)
    }
  }

  private static func isSwap(_ a: String, _ b: String) -> Bool {
    let a = Array(a)
    let b = Array(b)
    guard a.count == b.count else { return false }
    let differing = a.indices.filter { a[$0] != b[$0] }
    return differing.count == 2 && differing[1] == differing[0] + 1
      && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
  }
}
