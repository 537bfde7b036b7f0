#!/usr/bin/env python3
"""Renumbers the sentences of a gold part after the importer changed how it cuts a body.

  bench/gold/renumber.py OLD.standpoint NEW.standpoint GOLD.tsv > NEW-GOLD.tsv

Both projects hold the same files, imported by the old and the new importer. Each line's
sentence is looked up by its text in the new project's document; a sentence that is gone
or ambiguous is reported on standard error and its line kept as it was. A record of a JSON
file is named by its title, which this tool cannot look up: its lines are kept as they are
(check that the importer left those bodies alone).
"""
import subprocess
import sys

SENTENCES = 'build/bench/document-sentences'


def sentences(project, doc):
    run = subprocess.run([SENTENCES, project, doc], capture_output=True, text=True)
    if run.returncode != 0:
        return None
    out = run.stdout
    numbered = {}
    for line in out.splitlines():
        if line.startswith('#') or '\t' not in line:
            continue
        number, text = line.split('\t', 1)
        numbered[int(number)] = text
    return numbered


def main():
    old_project, new_project, gold = sys.argv[1:4]
    cache = {}
    with open(gold, encoding='utf-8') as f:
        lines = f.read().splitlines()
    print(lines[0])
    for line in lines[1:]:
        fields = line.split('\t')
        if len(fields) < 5 or not fields[4].isdigit():
            print(line)
            continue
        doc, sentence = fields[0], int(fields[4])
        if doc not in cache:
            cache[doc] = (sentences(old_project, doc), sentences(new_project, doc))
        old, new = cache[doc]
        if old is None or new is None:
            if doc.split('#')[0].endswith('.json') and old == new:
                print('\t'.join(fields))
                continue
            print(f'{doc}: not in both projects', file=sys.stderr)
            print('\t'.join(fields))
            continue
        text = old.get(sentence)
        where = [n for n, t in new.items() if t == text]
        if len(where) == 1:
            fields[4] = str(where[0])
        else:
            print(f'{doc}: sentence {sentence} not found once in the new project', file=sys.stderr)
        print('\t'.join(fields))


if __name__ == '__main__':
    main()
