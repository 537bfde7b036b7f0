#!/usr/bin/env python3
"""The GraphML that `standpoint-cli network` writes, read the way network tools read it
(networkx), against node and edge counts and weights computed here from the DNA file itself
with plain sqlite3: a DNA project written by this script (our own words, with characters
outside the BMP) and, when the shared corpus is there, DNA's own sample project.

usage: test-network-graphml.py STANDPOINT-CLI [CORPUS-DIR]
Prints TAP. Exits 77 (skipped) when networkx is not installed.
"""

import itertools
import os
import sqlite3
import subprocess
import sys
import tempfile

try:
    import networkx
except ImportError:
    print("1..0 # SKIP python3-networkx is not installed (apt-get install python3-networkx)")
    sys.exit(77)

CLI = sys.argv[1]
CORPUS = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("SP_CORPUS_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")

DOCUMENTS = [
    (1, "Wind farm hearing", "At the hearing \U0001F32C the energy minister Carla Dunn said offshore wind "
        "must expand. The fishing guild answered that the turbines would ruin the grounds.", 1719792000),
    (2, "Guild meets the ministry", "Guild chair Piet Laan \U0001F41F repeated that offshore wind must not "
        "expand near the banks. Dunn said a levy on turbines should fund the harbours.", 1720396800),
    (3, "Harbour towns weigh in", "The towns' association backed a turbine levy. Its speaker, Ola Berg, "
        "said offshore wind must expand if the harbours are paid.", 1721001600),
]
WIND = "Offshore wind should expand."
LEVY = "Turbines should pay a levy."
STATEMENTS = [
    # document, quote, person, organisation, concept, agreement
    (1, "offshore wind must expand", "Carla Dunn", "Energy Ministry", WIND, 1),
    (1, "the turbines would ruin the grounds", "Piet Laan", "Fishing Guild", WIND, 0),
    (2, "offshore wind must not expand near the banks", "Piet Laan", "Fishing Guild", WIND, 0),
    (2, "a levy on turbines should fund the harbours", "Carla Dunn", "Energy Ministry", LEVY, 1),
    (3, "backed a turbine levy", "Ola Berg", "Towns Association", LEVY, 1),
    (3, "offshore wind must expand if the harbours are paid", "Ola Berg", "Towns Association", WIND, 1),
    (2, "Guild chair Piet Laan \U0001F41F repeated", "Piet Laan", "Fishing Guild", LEVY, 0),
]

n = 0
failed = 0


def ok(condition, name, detail=""):
    global n, failed
    n += 1
    if condition:
        print(f"ok {n} {name}")
    else:
        failed += 1
        print(f"not ok {n} {name}")
        for line in str(detail).splitlines():
            print(f"# {line}")


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def write_dna(path):
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
        CREATE TABLE CODERS(ID INTEGER PRIMARY KEY, Name TEXT NOT NULL);
        CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL,
          Coder INTEGER, Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '',
          Section TEXT NOT NULL DEFAULT '', Notes TEXT NOT NULL DEFAULT '',
          Type TEXT NOT NULL DEFAULT '', Date INTEGER NOT NULL);
        CREATE TABLE STATEMENTTYPES(ID INTEGER PRIMARY KEY, Label TEXT NOT NULL);
        CREATE TABLE VARIABLES(ID INTEGER PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL,
          StatementTypeId INTEGER);
        CREATE TABLE STATEMENTS(ID INTEGER PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
          Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER);
        CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL,
          VariableId INTEGER NOT NULL, Value INTEGER NOT NULL);
        CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL,
          VariableId INTEGER NOT NULL, Value INTEGER NOT NULL);
        CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL,
          VariableId INTEGER NOT NULL, Value TEXT);
        CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY, VariableId INTEGER NOT NULL, Value TEXT NOT NULL);
        CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL,
          VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL);
        CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY, VariableId INTEGER NOT NULL,
          AttributeVariable TEXT NOT NULL);
        CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY, EntityId INTEGER NOT NULL,
          AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL);
        INSERT INTO SETTINGS VALUES ('version', '3.0.7');
        INSERT INTO CODERS VALUES (1, 'Coder A');
        INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement');
        INSERT INTO VARIABLES VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1),
          (3, 'concept', 'short text', 1), (4, 'agreement', 'boolean', 1);
    """)
    for doc_id, title, text, date in DOCUMENTS:
        db.execute("INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Date) VALUES (?, ?, ?, 1, ?)",
                   (doc_id, title, text, date))
    entities = {}

    def entity(variable, value):
        if (variable, value) not in entities:
            cur = db.execute("INSERT INTO ENTITIES (VariableId, Value) VALUES (?, ?)", (variable, value))
            entities[(variable, value)] = cur.lastrowid
        return entities[(variable, value)]

    for i, (doc_id, quote, person, org, concept, agree) in enumerate(STATEMENTS, start=1):
        text = DOCUMENTS[doc_id - 1][2]
        at = text.index(quote)
        start = utf16_len(text[:at])
        db.execute("INSERT INTO STATEMENTS VALUES (?, 1, ?, ?, ?, 1)",
                   (i, doc_id, start, start + utf16_len(quote)))
        for variable, value in ((1, person), (2, org), (3, concept)):
            db.execute("INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                       (i, variable, entity(variable, value)))
        db.execute("INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, 4, ?)", (i, agree))
    db.commit()
    db.close()


def statements_from_dna(path):
    """(person, organisation, concept, sign) of every standard statement, read with plain SQL"""
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    version = db.execute("SELECT Value FROM SETTINGS WHERE Property = 'version'").fetchone()[0]
    if version.startswith("3"):
        value = ("(SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity "
                 "WHERE d.StatementId = s.ID AND d.VariableId = v.ID)")
    else:
        value = "(SELECT d.Value FROM DATASHORTTEXT d WHERE d.StatementId = s.ID AND d.VariableId = v.ID)"

    def var(name):
        return (f"(SELECT {value} FROM VARIABLES v WHERE v.Variable = '{name}' "
                f"AND v.StatementTypeId = s.StatementTypeId)")
    rows = db.execute(f"""
        SELECT {var('person')}, {var('organization')}, {var('concept')},
          (SELECT b.Value FROM DATABOOLEAN b JOIN VARIABLES v ON v.ID = b.VariableId
           WHERE b.StatementId = s.ID AND v.Variable = 'agreement')
        FROM STATEMENTS s JOIN STATEMENTTYPES t ON t.ID = s.StatementTypeId
        WHERE t.Label = 'DNA Statement'""").fetchall()
    db.close()
    return [(p, o, c, 1 if a == 1 else -1) for p, o, c, a in rows]


def expected_networks(statements):
    two_mode = {}
    signs = {}
    for person, _, concept, sign in statements:
        edge = two_mode.setdefault((person, concept), [0, 0])
        edge[0] += 1
        edge[1] += sign
        signs.setdefault(person, {}).setdefault(concept, set()).add(sign)
    congruence, conflict = {}, {}
    for a, b in itertools.combinations(sorted(signs), 2):
        shared = set(signs[a]) & set(signs[b])
        same = sum(1 for c in shared if signs[a][c] & signs[b][c])
        opposite = sum(1 for c in shared if (1 in signs[a][c] and -1 in signs[b][c])
                       or (-1 in signs[a][c] and 1 in signs[b][c]))
        if same:
            congruence[frozenset((a, b))] = same
        if opposite:
            conflict[frozenset((a, b))] = opposite
    return two_mode, congruence, conflict, signs


def cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True)


def graph(project, kind, out):
    result = cli("network", project, "--type", kind, "-o", out)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return networkx.read_graphml(out)


def labelled_edges(g):
    label = networkx.get_node_attributes(g, "label")
    return {frozenset((label[u], label[v])): d for u, v, d in g.edges(data=True)}


def check(name, dna, work):
    project = os.path.join(work, name + ".standpoint")
    result = cli("new", project)
    result = cli("import-dna", project, dna)
    ok(result.returncode == 0, f"{name}: import-dna succeeds", result.stderr)
    statements = statements_from_dna(dna)
    two_mode, congruence, conflict, signs = expected_networks(statements)

    g = graph(project, "two-mode", os.path.join(work, name + "-two-mode.graphml"))
    kinds = networkx.get_node_attributes(g, "kind")
    ok(g.number_of_nodes() == len(signs) + len({s[2] for s in statements}),
       f"{name}: two-mode has a node per actor and issue", g.number_of_nodes())
    ok(sum(1 for k in kinds.values() if k == "issue") == len({s[2] for s in statements}),
       f"{name}: issue nodes are of kind issue")
    edges = labelled_edges(g)
    ok(g.number_of_edges() == len(two_mode), f"{name}: two-mode has an edge per actor and issue",
       f"{g.number_of_edges()} != {len(two_mode)}")
    wrong = [(k, v) for k, v in two_mode.items()
             if frozenset(k) not in edges
             or edges[frozenset(k)]["weight"] != v[0]
             or abs(edges[frozenset(k)]["stance"] - v[1] / v[0]) > 1e-9]
    ok(not wrong, f"{name}: two-mode weights are claim counts and stances their mean", wrong)
    ok(all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True)),
       f"{name}: weights are typed double")

    for kind, expected in (("congruence", congruence), ("conflict", conflict)):
        g = graph(project, kind, os.path.join(work, f"{name}-{kind}.graphml"))
        edges = labelled_edges(g)
        ok(g.number_of_nodes() == len(signs), f"{name}: {kind} has a node per actor")
        got = {k: d["weight"] for k, d in edges.items()}
        ok(got == {k: float(v) for k, v in expected.items()},
           f"{name}: {kind} weights are the issues with the same/opposite sign", (got, expected))

    g = graph(project, "subtract", os.path.join(work, name + "-subtract.graphml"))
    got = {k: d["weight"] for k, d in labelled_edges(g).items()}
    want = {k: float(congruence.get(k, 0) - conflict.get(k, 0))
            for k in set(congruence) | set(conflict) if congruence.get(k, 0) != conflict.get(k, 0)}
    ok(got == want, f"{name}: subtract is congruence minus conflict", (got, want))

    first = open(os.path.join(work, name + "-subtract.graphml"), "rb").read()
    graph(project, "subtract", os.path.join(work, name + "-subtract.graphml"))
    ok(first == open(os.path.join(work, name + "-subtract.graphml"), "rb").read(),
       f"{name}: the same network gives the same bytes")


with tempfile.TemporaryDirectory() as work:
    own = os.path.join(work, "wind.dna")
    write_dna(own)
    check("fixture", own, work)

    sample = os.path.join(CORPUS, "dna-sample", "sample.dna")
    if os.path.exists(sample):
        check("sample", sample, work)
    else:
        n += 1
        print(f"ok {n} # SKIP {sample} is not there (the shared corpus)")

print(f"1..{n}")
sys.exit(1 if failed else 0)
