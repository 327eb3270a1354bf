#!/usr/bin/env python3
"""Builds a synthetic crawl for `tamis --learn`: many sites, each with its own boilerplate.

Every document is a real article body (the dev set's gold bodies in ../shared/devset, one
paragraph a line) wrapped in boilerplate that no shipped rule knows: a per-site menu, a date
line, short inserts between paragraphs, promos and a footer. Each boilerplate line is planted in
a fixed share (20-90 %) of its site's documents; some carry dates, times and counts that vary
from document to document. Some body sentences are repeated in 2-3 documents of a site (quotes),
which learning must keep.

Writes, under --out DIR:
  crawl.jsonl        one record per document: {"id", "url", "text"}
  crawl/HOST/N.txt   the same documents as a folder tree (not with --big)
  truth.jsonl        per document: {"id", "site", "planted": [...], "body": [...]}

The seed is fixed (--seed, default 17): the same arguments give the same crawl, byte for byte.
Without the dev set (CI without ../shared), bodies are made of generated sentences instead and
a note says so on stderr.

--big BYTES writes only crawl.jsonl (no tree, no truth) until it holds about BYTES, with
--sites sites; bodies are then drawn paragraph by paragraph from the whole pool, since a site
holds more documents than there are bodies.
"""

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DEVSET = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "devset"))

SYLLABLES = ["ka", "lo", "mi", "ra", "ven", "tor", "sel", "dun", "bri", "no", "zel", "pa",
             "quin", "mar", "tes", "lu", "gor", "fen", "ri", "sa"]
SECTIONS = ["Home", "World", "Politics", "Business", "Tech", "Science", "Culture", "Sport",
            "Opinion", "Travel", "Health", "Climate", "Video", "Podcasts", "Local", "Markets"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WORDS = ("the council said on tuesday that a new plan for the river would cost more than "
         "expected while residents asked for clear answers about the timing of the works and "
         "the mayor promised a public meeting before the end of the month because several "
         "shops had already closed near the bridge").split()


def site_name(rng):
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return name.capitalize()


def boilerplate(rng, name):
    """The site's boilerplate templates: (where, template); {n}, {d}, {t} vary per document."""
    menu = rng.sample(SECTIONS, rng.randint(4, 7))
    items = [("top", item) for item in menu]
    items += [
        ("top", rng.choice([
            "Updated {d} at {t}",
            "Published {d}, {t} GMT",
            "{d} · {n} min read",
        ])),
        ("top", rng.choice([
            f"Sign in to {name}",
            f"{name} | Independent news since 19{{n2}}".replace("{n2}", str(rng.randint(50, 99))),
            f"Search {name}",
        ])),
        ("mid", rng.choice(["Advertisement", "ADVERTISEMENT", "Continue reading below"])),
        ("mid", rng.choice([
            f"Read more from {name}",
            f"Most read on {name}",
            "Story continues after this ad",
        ])),
        ("bottom", f"Subscribe to the {name} newsletter and get our best stories every morning."),
        ("bottom", rng.choice([
            f"Download the {name} app for iOS and Android",
            f"Follow {name} on social media: {{n}}K followers",
        ])),
        ("bottom", "{n} comments"),
        ("bottom", rng.choice([
            f"© 20{rng.randint(10, 25)} {name} Media Group. All rights reserved.",
            f"Copyright {name} Ltd. Reproduction prohibited.",
        ])),
        ("bottom", "Privacy policy | Terms of use | Contact | Advertise with us"),
        ("bottom", rng.choice([
            f"Support {name}: become a member from ${rng.randint(2, 9)} a month.",
            f"Got a tip? Write to tips@{name.lower()}.com",
        ])),
    ]
    return items


def fill(template, rng):
    day = rng.randint(1, 28)
    text = template.replace("{d}", f"{day} {rng.choice(MONTHS)} 20{rng.randint(18, 25)}")
    text = text.replace("{t}", f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}")
    return text.replace("{n}", str(rng.randint(2, 999)))


def load_bodies(devset):
    bodies = []
    if devset and os.path.isdir(devset):
        for name in sorted(os.listdir(devset)):
            if not name.endswith(".gold.txt"):
                continue
            with open(os.path.join(devset, name), encoding="utf-8") as handle:
                lines = [line.strip() for line in handle.read().splitlines()]
            lines = [line for line in lines if line]
            if len(lines) >= 3:
                bodies.append(lines)
    return bodies


def generated_bodies(rng, count):
    bodies = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            sentences = []
            for _ in range(rng.randint(2, 4)):
                words = [rng.choice(WORDS) for _ in range(rng.randint(10, 22))]
                sentences.append(" ".join(words).capitalize() + ".")
            paragraphs.append(" ".join(sentences))
        bodies.append(paragraphs)
    return bodies


def build_document(rng, body, planted_here, templates):
    """The document's lines (with blank lines between blocks) and the planted lines it holds."""
    planted = []
    top, mid, bottom = [], [], []
    for index in planted_here:
        where, template = templates[index]
        line = fill(template, rng)
        planted.append(line)
        {"top": top, "mid": mid, "bottom": bottom}[where].append(line)
    lines = []
    if top:
        lines += top + [""]
    paragraphs = list(body)
    for insert in mid:
        at = rng.randint(1, max(1, len(paragraphs) - 1))
        paragraphs.insert(at, ("insert", insert))
    for paragraph in paragraphs:
        lines += [paragraph[1] if isinstance(paragraph, tuple) else paragraph, ""]
    lines += bottom
    return "\n".join(lines).strip("\n") + "\n", planted


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--sites", type=int, default=12)
    parser.add_argument("--docs", type=int, default=30, help="documents per site")
    parser.add_argument("--devset", default=DEFAULT_DEVSET)
    parser.add_argument("--big", type=int, default=0, help="bytes of JSONL to write (big mode)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    bodies = load_bodies(args.devset)
    if not bodies:
        print(f"gen_crawl: no dev set at {args.devset}; using generated sentences",
              file=sys.stderr)
        bodies = generated_bodies(rng, max(60, args.docs + 10))
    if not args.big and len(bodies) < args.docs:
        sys.exit(f"gen_crawl: {len(bodies)} bodies, fewer than --docs {args.docs}")
    pool = [paragraph for body in bodies for paragraph in body]

    os.makedirs(args.out, exist_ok=True)
    crawl = open(os.path.join(args.out, "crawl.jsonl"), "w", encoding="utf-8")
    truth = None if args.big else open(os.path.join(args.out, "truth.jsonl"), "w",
                                       encoding="utf-8")
    sites = []
    hosts = set()
    for index in range(args.sites):
        name = site_name(rng)
        host = f"{name.lower()}{index}.com"
        while host in hosts:
            host = "x" + host
        hosts.add(host)
        templates = boilerplate(rng, name)
        shares = [rng.uniform(0.2, 0.9) for _ in templates]
        sites.append({"host": host, "templates": templates, "shares": shares})

    written = 0
    number = 0
    if args.big:
        # Round-robin over the sites, a document each, so the sites interleave as in a crawl.
        while written < args.big:
            for site in sites:
                body = [rng.choice(pool) for _ in range(rng.randint(6, 14))]
                here = [i for i, share in enumerate(site["shares"]) if rng.random() < share]
                text, _ = build_document(rng, body, here, site["templates"])
                number += 1
                record = {"id": f"d{number}", "url": f"https://www.{site['host']}/a/{number}",
                          "text": text}
                line = json.dumps(record, ensure_ascii=False) + "\n"
                crawl.write(line)
                written += len(line.encode("utf-8"))
        crawl.close()
        print(f"gen_crawl: {number} documents, {len(sites)} sites, {written} bytes",
              file=sys.stderr)
        return

    for site in sites:
        docs = args.docs
        chosen = rng.sample(range(len(bodies)), docs)
        # Each template goes into a fixed number of documents: its share of the site, and at
        # least 20 % (the default --learn-min-share).
        placement = [set() for _ in range(docs)]
        for t, share in enumerate(site["shares"]):
            count = max(-(-docs * 20 // 100), round(share * docs))
            for d in rng.sample(range(docs), count):
                placement[d].add(t)
        site_bodies = [list(bodies[b]) for b in chosen]
        # Quotes: a body paragraph of one document repeated in 1-2 other documents of the site.
        for _ in range(4):
            source = rng.randrange(docs)
            quote = rng.choice(site_bodies[source])
            for target in rng.sample([d for d in range(docs) if d != source], rng.randint(1, 2)):
                if quote not in site_bodies[target]:
                    site_bodies[target].insert(rng.randint(0, len(site_bodies[target])), quote)
        folder = os.path.join(args.out, "crawl", site["host"])
        os.makedirs(folder, exist_ok=True)
        for d in range(docs):
            text, planted = build_document(rng, site_bodies[d], sorted(placement[d]),
                                           site["templates"])
            number += 1
            doc_id = f"{site['host']}/{d:03d}"
            with open(os.path.join(folder, f"{d:03d}.txt"), "w", encoding="utf-8") as handle:
                handle.write(text)
            record = {"id": doc_id, "url": f"https://www.{site['host']}/news/{d}", "text": text}
            crawl.write(json.dumps(record, ensure_ascii=False) + "\n")
            truth.write(json.dumps({"id": doc_id, "site": site["host"], "planted": planted,
                                    "body": site_bodies[d]}, ensure_ascii=False) + "\n")
    crawl.close()
    truth.close()
    print(f"gen_crawl: {number} documents, {len(sites)} sites", file=sys.stderr)


if __name__ == "__main__":
    main()
