#!/usr/bin/env python3
"""Suggestions after an analyst's decisions, against the same without them.

    bench/gold/warm-start.py PROJECT DECIDED.tsv MEASURED.tsv [BUILD-DIR]

PROJECT is a project made as bench/gold/README.md says (the two folders imported, the gold
codebook). The script works on two copies of it. The cold copy gets a suggestion pass and
the documents of MEASURED.tsv are scored. On the warm copy, the analyst of the gold set
decides every suggestion on the documents of DECIDED.tsv, one at a time in reading order:
one whose (document, group actor, issue, sign) is a gold line is accepted, any other
rejected, and every gold line no suggestion found is coded by hand on its gold sentence.
Then the pass runs again on the documents of MEASURED.tsv, which now learns from those
claims and scores with the model the decisions taught, and they are scored the same way.

Both parts must be gold parts of the same project (dev.tsv and heldback.tsv, or two halves
of dev.tsv). The script prints the two `evaluate` summaries; it changes nothing in PROJECT.
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    project, decided, measured = sys.argv[1:4]
    build = sys.argv[4] if len(sys.argv) == 5 else 'build'
    cli = os.path.join(build, 'src', 'cli', 'standpoint-cli')
    sentences_tool = os.path.join(build, 'bench', 'document-sentences')

    def run(*args):
        result = subprocess.run([cli, *args], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f'standpoint-cli {args[0]}: {result.stderr.strip()}')
        return result.stdout

    def doc_name(row):
        return f"{row['file']}#{row['title']}" if row['file'].endswith('.json') else row['file']

    def read_gold(path):
        gold, names = {}, set()
        with open(path, encoding='utf-8') as f:
            for row in csv.DictReader(f, delimiter='\t'):
                names.add(row['doc'])
                if row['actor']:
                    sign = 1 if int(row['stance']) > 0 else -1
                    gold.setdefault((row['doc'], row['actor'], row['issue'], sign), int(row['sentence']))
        return gold, names

    def summary(path, gold_path):
        lines = run('evaluate', path, gold_path).splitlines()
        return next(line for line in lines if line.startswith('document level'))

    decided_gold, decided_docs = read_gold(decided)
    _, measured_docs = read_gold(measured)

    with tempfile.TemporaryDirectory() as tmp:
        cold = os.path.join(tmp, 'cold.standpoint')
        warm = os.path.join(tmp, 'warm.standpoint')
        shutil.copyfile(project, cold)
        shutil.copyfile(project, warm)

        run('suggest', cold)
        print('cold:', summary(cold, measured))

        run('suggest', warm)
        ids = {doc_name(r): r['id'] for r in csv.DictReader(io.StringIO(run('documents', warm, '--format', 'csv')))}
        pending = list(csv.DictReader(io.StringIO(run('suggestions', warm, '--format', 'csv'))))
        found, n_accepted, n_rejected = set(), 0, 0
        for row in sorted(pending, key=lambda r: (int(r['document_id']), int(r['start']))):
            name = doc_name(row)
            if name not in decided_docs:
                continue
            triple = (name, row['group'], row['issue'], 1 if int(row['stance']) > 0 else -1)
            if triple in decided_gold:
                run('accept', warm, row['id'])
                found.add(triple)
                n_accepted += 1
            else:
                run('reject', warm, row['id'])
                n_rejected += 1

        n_coded = 0
        for triple, number in sorted(decided_gold.items()):
            if triple in found:
                continue
            out = subprocess.run([sentences_tool, warm, ids[triple[0]]], capture_output=True, text=True).stdout
            texts = {n.strip(): text for n, text in (line.split('\t', 1) for line in out.splitlines() if '\t' in line)}
            quote = texts.get(str(number))
            if quote:
                run('claim', 'add', warm, '--document', ids[triple[0]], '--actor', triple[1],
                    '--issue', triple[2], '--stance', str(triple[3]), '--quote', quote)
                n_coded += 1

        again = []
        for name in sorted(measured_docs):
            again += ['--document', ids[name]]
        run('suggest', warm, *again)
        print(f'warm ({n_accepted} accepted, {n_rejected} rejected, {n_coded} coded by hand):',
              summary(warm, measured))


if __name__ == '__main__':
    main()
