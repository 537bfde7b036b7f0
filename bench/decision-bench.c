/* decision-bench.c
 *
 * What one review decision costs as the pending suggestions grow. Accepting or rejecting a
 * suggestion teaches the learnt model, stores it and re-scores every pending suggestion of
 * the project, in one undo step; undo takes the decision back. Figures for 1,000, 10,000
 * and 50,000 pending suggestions, best of 5, next to a baseline measured in the same run:
 * plain SQLite updating the confidence of as many rows by id in one transaction (the least
 * a re-score can write). Also the bytes a decision adds to the project file.
 *
 * Prints figures; it never passes or fails.
 *
 *   decision-bench [N_PENDING...]
 */
#define G_LOG_DOMAIN "decision-bench"

#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sp-suggest-pass.h"
#include "sp-project-private.h"

#define SENTENCES_PER_DOCUMENT 100
#define N_ACTORS               40
#define N_ISSUES               12
#define N_RUNS                 5

/* One made-up sentence per suggestion, ASCII, so characters are bytes */
static gint64
add_document (SpProject *project,
              guint      number)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *name = g_strdup_printf ("bench-%05u.txt", number);
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  SpDocumentFields fields = { 0 };
  gint64 id;

  for (guint i = 0; i < SENTENCES_PER_DOCUMENT; i++)
    {
      guint32 start = body->len, end;

      if (i > 0)
        {
          g_string_append (body, "\n\n");
          start = body->len;
        }
      g_string_append_printf (body, "Speaker %u of article %u said that measure %u must change soon.",
                              i % N_ACTORS, number, i % N_ISSUES);
      end = body->len;
      g_array_append_val (pairs, start);
      g_array_append_val (pairs, end);
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str, -1);
  fields.file_name = name;
  fields.title = name;
  fields.body = body->str;
  fields.content_hash = hash;
  fields.text_hash = hash;
  fields.sentences = (const guint32 *)(gpointer)pairs->data;
  fields.n_sentences = pairs->len / 2;
  if ((id = sp_project_add_document (project, &fields, &error)) == 0)
    g_error ("%s", error->message);
  return id;
}

/* A project with @n_pending suggestions, one per sentence */
static SpProject *
make_project (const char *path,
              guint       n_pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = sp_project_create (path, &error);
  gint64 actors[N_ACTORS], issues[N_ISSUES];
  guint n_documents = (n_pending + SENTENCES_PER_DOCUMENT - 1) / SENTENCES_PER_DOCUMENT;

  if (project == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Speaker %u", i);

      if (!(actors[i] = sp_project_add_actor (project, name, SP_ACTOR_KIND_PERSON, 0, NULL, &error)))
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < N_ISSUES; i++)
    {
      g_autofree char *key = g_strdup_printf ("measure-%u", i);
      g_autofree char *label = g_strdup_printf ("Measure %u", i);
      const char *keywords[] = { label, NULL };

      if (!(issues[i] = sp_project_add_issue (project, key, label, label, keywords, &error)))
        g_error ("%s", error->message);
    }

  for (guint d = 0; d < n_documents; d++)
    {
      gint64 document = add_document (project, d);
      SpSuggestionFields fields[SENTENCES_PER_DOCUMENT];
      char *features[SENTENCES_PER_DOCUMENT][6];
      guint n = MIN (SENTENCES_PER_DOCUMENT, n_pending - d * SENTENCES_PER_DOCUMENT);
      guint32 *pairs;
      guint n_pairs;

      if (!(pairs = sp_project_dup_document_sentences (project, document, &n_pairs, &error)))
        g_error ("%s", error->message);

      for (guint i = 0; i < n; i++)
        {
          features[i][0] = g_strdup_printf ("actor=%u", i % N_ACTORS);
          features[i][1] = g_strdup_printf ("issue=%u", i % N_ISSUES);
          features[i][2] = g_strdup ("pattern=reported");
          features[i][3] = g_strdup_printf ("cue=word%u", (i * 7 + d) % 50);
          features[i][4] = g_strdup ((i + d) % 3 ? "negated=0" : "negated=1");
          features[i][5] = NULL;
          fields[i] = (SpSuggestionFields) {
            .sentence = i,
            .start = pairs[2 * i],
            .end = pairs[2 * i + 1],
            .actor_id = actors[i % N_ACTORS],
            .issue_id = issues[i % N_ISSUES],
            .stance = (i + d) % 2 ? 1 : -1,
            .prior = 0.3 + 0.4 * ((i * 13 + d) % 100) / 100.0,
            .confidence = 0.5,
            .explanation = "bench",
            .features = (const char * const *)features[i],
          };
        }
      if (!sp_project_replace_suggestions (project, document, fields, n, NULL, &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < n; i++)
        for (guint f = 0; f < 5; f++)
          g_free (features[i][f]);
      g_free (pairs);
    }

  return g_steal_pointer (&project);
}

static gint64
file_size (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  gint64 size = 0;

  if (g_stat (path, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}

/* The first pending suggestion's id, from the store's list in confidence order */
static gint64
first_pending (SpProject *project,
               guint      skip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pending = sp_project_list_suggestions (project, 0,
                                                               SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                                               &error);
  g_autoptr(SpSuggestion) suggestion = NULL;

  if (pending == NULL || g_list_model_get_n_items (pending) <= skip)
    g_error ("no pending suggestion left");
  suggestion = g_list_model_get_item (pending, skip);
  return sp_suggestion_get_id (suggestion);
}

/* Plain SQLite: @n rows, each confidence updated by id in one transaction */
static double
baseline_update (const char *dir,
                 guint       n)
{
  g_autofree char *path = g_build_filename (dir, "baseline.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double best = G_MAXDOUBLE;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("baseline: %s", sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                    "CREATE TABLE s (id INTEGER PRIMARY KEY, status TEXT, confidence REAL);",
                NULL, NULL, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO s (id, status, confidence) VALUES (?1, 'pending', 0.5)", -1, &stmt, NULL);
  for (guint i = 1; i <= n; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  sqlite3_prepare_v2 (db, "UPDATE s SET confidence = ?2 WHERE id = ?1 AND status = 'pending'", -1, &stmt, NULL);
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      for (guint i = 1; i <= n; i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, i);
          sqlite3_bind_double (stmt, 2, (i * 31 % 997) / 997.0 + run * 1e-6);
          sqlite3_step (stmt);
        }
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1000.0);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (path);
  return best;
}

static void
measure (const char *dir,
         guint       n_pending)
{
  g_autofree char *path = g_build_filename (dir, "decisions.standpoint", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  double accept = G_MAXDOUBLE, reject = G_MAXDOUBLE, undo = G_MAXDOUBLE;
  gint64 size_before, size_after;

  project = make_project (path, n_pending);
  size_before = file_size (path);

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 id = first_pending (project, 0);
      gint64 t0 = g_get_monotonic_time ();

      if (!sp_suggest_accept (project, id, NULL, &error))
        g_error ("%s", error->message);
      accept = MIN (accept, (g_get_monotonic_time () - t0) / 1000.0);

      t0 = g_get_monotonic_time ();
      if (!sp_project_undo (project, &error))
        g_error ("%s", error->message);
      undo = MIN (undo, (g_get_monotonic_time () - t0) / 1000.0);

      id = first_pending (project, run);
      t0 = g_get_monotonic_time ();
      if (!sp_suggest_reject (project, id, &error))
        g_error ("%s", error->message);
      reject = MIN (reject, (g_get_monotonic_time () - t0) / 1000.0);
    }
  size_after = file_size (path);

  g_print ("%'7u pending | accept %7.1f ms | reject %7.1f ms | undo %6.1f ms | "
           "plain SQLite, %u updates %6.1f ms | file +%.1f kB per decision\n",
           n_pending, accept, reject, undo, n_pending, baseline_update (dir, n_pending),
           (size_after - size_before) / 1024.0 / (2 * N_RUNS));

  g_clear_object (&project);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("decision-bench-XXXXXX", NULL);
  guint defaults[] = { 1000, 10000, 50000 };

  g_print ("One review decision (learn, store the model, re-score every pending suggestion), "
           "best of %d\n", N_RUNS);
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      measure (dir, (guint)strtoul (argv[i], NULL, 10));
  else
    for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
      measure (dir, defaults[i]);

  g_rmdir (dir);
  return 0;
}
