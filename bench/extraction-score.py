#!/usr/bin/env python3
"""How well the HTML reader keeps the article and drops the page.

Scores the bodies the importer extracts from the pages of the public article-extraction
benchmark (github.com/scrapinghub/article-extraction-benchmark, 181 pages with the true
body) the way its public table does: each page's text is cut into `\\w+` tokens (Unicode),
the tokens into overlapping 4-word shingles, and the multisets of shingles of the true and
the extracted body give the page's true positives, false positives and false negatives,
scaled so that they sum to one (a long page weighs no more than a short one). Precision and
recall are averaged over the pages, and F1 is taken from the two averages.

The pages are split for good by a hash of their key: about two thirds to develop on, one
third held back to be scored only at the end. Both parts and the whole are reported.

    ninja -C build && bench/extraction-score.py [--corpus DIR] [--extractor PROGRAM]
        [--part dev|held-back|all] [--worst N] [--show KEY] [--save FILE]

The bodies come from build/bench/extract-articles, which reads each page with
sp_import_read_file() exactly as an import does. Python's standard library only; the
benchmark's own pages are never copied here. Prints figures; there is no pass or fail.
"""

import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, '..', '..', 'shared', 'corpus',
                              'scrapinghub-article-extraction-benchmark')
DEFAULT_EXTRACTOR = os.path.join(HERE, '..', 'build', 'bench', 'extract-articles')

SHINGLE = 4
TOKEN = re.compile(r'\w+')
# Files handed to one run of the extractor
BATCH = 60


def part_of(key):
    """'held-back' for about one page in three, 'dev' for the rest, for good."""
    digest = hashlib.sha256(('standpoint-extraction-split:' + key).encode('utf-8')).digest()
    return 'held-back' if digest[0] % 3 == 0 else 'dev'


def shingles(text):
    tokens = TOKEN.findall(text or '')
    if len(tokens) < SHINGLE:
        return collections.Counter([tuple(tokens)] if tokens else [])
    return collections.Counter(tuple(tokens[i:i + SHINGLE])
                               for i in range(len(tokens) - SHINGLE + 1))


def match(true, predicted):
    """(tp, fp, fn) of one page, scaled to sum to one."""
    t = shingles(true)
    p = shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def precision_of(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else 0.0


def recall_of(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else 0.0


def summarise(matches):
    """Averaged precision and recall over pages (pages with nothing to measure left out, as
    in the public table), and F1 of the two."""
    precisions = [precision_of(*m) for m in matches if m[0] + m[1] > 0]
    recalls = [recall_of(*m) for m in matches if m[0] + m[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return precision, recall, f1


def extract(extractor, corpus, keys):
    """key → the body of the first article the importer reads from the page ('' on error)."""
    bodies = {}
    errors = {}
    with tempfile.TemporaryDirectory(prefix='extraction-score-') as tmp:
        paths = {}
        for key in keys:
            path = os.path.join(tmp, key + '.html')
            with gzip.open(os.path.join(corpus, 'html', key + '.html.gz'), 'rb') as src, \
                    open(path, 'wb') as dest:
                dest.write(src.read())
            paths[path] = key
        names = sorted(paths)
        for start in range(0, len(names), BATCH):
            batch = names[start:start + BATCH]
            run = subprocess.run([extractor] + batch, stdout=subprocess.PIPE, check=True)
            for path, result in json.loads(run.stdout.decode('utf-8')).items():
                key = paths[path]
                if 'error' in result:
                    errors[key] = result['error']
                    bodies[key] = ''
                else:
                    bodies[key] = result['articles'][0]['body'] or ''
    return bodies, errors


def show(key, true, predicted):
    """The paragraphs of one page that are only in the extraction (+) or only in the truth (-)."""
    t = shingles(true)
    p = shingles(predicted)
    for sign, text, other in (('+', predicted, t), ('-', true, p)):
        for paragraph in re.split(r'\n+', text):
            own = shingles(paragraph)
            if own and not (own & other):
                print(sign, paragraph[:300])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--corpus', default=DEFAULT_CORPUS)
    parser.add_argument('--extractor', default=DEFAULT_EXTRACTOR)
    parser.add_argument('--part', choices=('dev', 'held-back', 'all'), default='all',
                        help='which pages to score (all: both parts and the whole)')
    parser.add_argument('--worst', type=int, default=0, metavar='N',
                        help='list the N pages of the scored part with the lowest F1')
    parser.add_argument('--show', metavar='KEY', help="print one page's differences (a key or its start)")
    parser.add_argument('--save', metavar='FILE', help='write the extracted bodies as JSON')
    args = parser.parse_args()

    truth_path = os.path.join(args.corpus, 'ground-truth.json')
    if not os.path.exists(truth_path):
        print('extraction-score: skipped: no benchmark at %s' % args.corpus)
        return 0
    if not os.access(args.extractor, os.X_OK):
        print('extraction-score: no extractor at %s (ninja -C build first)' % args.extractor,
              file=sys.stderr)
        return 1

    with open(truth_path, encoding='utf-8') as f:
        truth = json.load(f)

    keys = sorted(k for k in truth if args.part == 'all' or part_of(k) == args.part)
    if args.show:
        matching = [k for k in truth if k.startswith(args.show)]
        if len(matching) != 1:
            print('extraction-score: %d pages match %s' % (len(matching), args.show),
                  file=sys.stderr)
            return 1
        args.show = matching[0]
        keys = [args.show]
    bodies, errors = extract(args.extractor, args.corpus, keys)

    if args.show:
        show(args.show, truth[args.show].get('articleBody', ''), bodies[args.show])
        print('precision %.3f  recall %.3f' % summarise([match(
            truth[args.show].get('articleBody', ''), bodies[args.show])])[:2])
        return 0

    matches = {k: match(truth[k].get('articleBody', ''), bodies[k]) for k in keys}
    for key, message in sorted(errors.items()):
        print('error: %s: %s' % (key, message))

    print('public table, for comparison: best open extractor F1 0.970, trafilatura 0.958, '
          'Mozilla Readability 0.947')
    parts = ('dev', 'held-back', 'all') if args.part == 'all' else (args.part,)
    for part in parts:
        chosen = [k for k in keys if part == 'all' or part_of(k) == part]
        precision, recall, f1 = summarise([matches[k] for k in chosen])
        print('%-10s %3d pages  precision %.3f  recall %.3f  F1 %.3f'
              % (part, len(chosen), precision, recall, f1))

    if args.worst:
        ranked = sorted(keys, key=lambda k: summarise([matches[k]])[2])
        for key in ranked[:args.worst]:
            precision, recall, f1 = summarise([matches[key]])
            print('  %s  P %.2f  R %.2f  F1 %.2f  %s'
                  % (key[:16], precision, recall, f1, truth[key].get('url', '')))

    if args.save:
        with open(args.save, 'w', encoding='utf-8') as f:
            json.dump(bodies, f, ensure_ascii=False, indent=1, sort_keys=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
