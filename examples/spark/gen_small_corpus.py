#!/usr/bin/env python3
"""A small deterministic corpus of scraped news articles as JSON Lines, for the Spark example.

Usage: gen_small_corpus.py --mb N --seed S --out DIR --jsonl

Writes DIR/corpus.jsonl, one {"id", "url", "text"} object per line, like the project's shared
benchmark generator (run_local.sh uses that one when ../shared is next to the repository, and this
one otherwise). Articles alternate French and English: a header line, a title, body paragraphs
made of common words, and the boilerplate tamis's built-in rules remove (paywall pitches,
"Lire aussi" / "Read more" lines, share prompts, captions with photo credits). N counts MB of
article text; the same N and S give the same bytes.
"""
import argparse
import json
import os
import random
import sys

WORDS = {
    "fr": ("le la les de des du un une et en dans pour sur avec par que qui pas plus ce cette "
           "gouvernement ministre projet ville région pays année semaine rapport réforme budget "
           "équipe données réseau énergie électricité élèves hôpital été très après déjà même "
           "économie société décision sécurité santé travail prix hausse croissance emploi").split(),
    "en": ("the a of to and in for on with by that this is was are as at from it its "
           "government minister project city region country year week report reform budget "
           "team data network energy power students hospital after already council police "
           "economy company decision security health work price rise growth jobs market").split(),
}
BOILERPLATE = {
    "fr": ["Lire aussi : {title}", "Article réservé aux abonnés", "Publicité", "Se connecter",
           "Offre spéciale : 1 € le premier mois", "Partager sur Facebook", "Lire plus tard"],
    "en": ["Read more: {title}", "Continue reading", "Advertisement", "Share on Facebook",
           "Sign up for our daily newsletter", "Enlarge this image"],
}
CAPTIONS = {
    "fr": "{sentence} (Photo : {name} / AFP)",
    "en": "{sentence} (Photo by {name}/Getty Images)",
}
NAMES = ["Claire Morvan", "Ana Silva", "Kofi Mensah", "Léa Dupré", "Jürgen Weiß", "Dana Whitlock"]


def sentence(r, lang, n):
    words = [r.choice(WORDS[lang]) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def article(r, lang):
    title = sentence(r, lang, r.randint(5, 9)).rstrip(".")
    lines = [f"{r.randint(1, 28)}/{r.randint(1, 12)}/2025 | Partager | Share", title, ""]
    for _ in range(r.randint(3, 9)):
        paragraph = " ".join(sentence(r, lang, r.randint(8, 24)) for _ in range(r.randint(2, 5)))
        lines += [paragraph, ""]
        roll = r.random()
        if roll < 0.3:
            lines += [r.choice(BOILERPLATE[lang]).format(title=title), ""]
        elif roll < 0.45:
            caption = CAPTIONS[lang].format(sentence=sentence(r, lang, 9), name=r.choice(NAMES))
            lines += [caption, ""]
    # Typography seen in the wild: curly quotes, NBSP before French punctuation, an emoji,
    # tabs and quotes that JSON must escape.
    if lang == "fr":
        lines.append("« Nous n’avons plus le temps\u00a0», a-t-il dit\u00a0!")
    else:
        lines.append('He said "we\'re done"\tand left \U0001F44B')
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jsonl", action="store_true", required=True, help="write DIR/corpus.jsonl")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = random.Random(a.seed)
    limit, total, i = int(a.mb * 1_000_000), 0, 0
    with open(os.path.join(a.out, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as sink:
        while total < limit:
            lang = "fr" if i % 2 == 0 else "en"
            text = article(r, lang)
            total += len(text.encode("utf-8"))
            host = "www.exemple.fr/actu" if lang == "fr" else "www.example.com/news"
            record = {"id": f"{i:07d}", "url": f"https://{host}/{i:07d}", "text": text}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            i += 1
    print(f"{i} articles, {total} bytes of text", file=sys.stderr)


if __name__ == "__main__":
    main()
