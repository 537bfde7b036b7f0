/* codebook-bench.c
 *
 * How long a large codebook takes to import, next to two baselines measured in the same run
 * on the same data: json-glib parsing the file alone, and plain SQLite inserting the same
 * actors (one table with a unique name and an affiliation, one transaction, the project's
 * journal settings). Two shapes that once took minutes: N actors in ten groups, and a chain
 * of affiliations N deep (listed deepest first, so every affiliation is a forward
 * reference). Each runs at N/4 and at N, so that the time per actor shows whether the
 * import is linear. Prints figures; there is no pass or fail.
 *
 *   ninja -C build && ./build/bench/codebook-bench [N]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "sp-codebook.h"

#define N_GROUPS 10

typedef enum
{
  SHAPE_GROUPS,
  SHAPE_CHAIN,
} Shape;

/* The actors of a shape, parents before children: name, then the parent's index or -1 */
typedef struct
{
  GPtrArray *names;
  GArray    *parents;  /* int */
} Actors;

static void
actors_clear (Actors *self)
{
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->parents, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Actors, actors_clear)

static void
add_actor (Actors *self,
           char   *name,
           int     parent)
{
  g_ptr_array_add (self->names, name);
  g_array_append_val (self->parents, parent);
}

static void
make_actors (Actors *self,
             Shape   shape,
             guint   n)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->parents = g_array_new (FALSE, FALSE, sizeof (int));

  if (shape == SHAPE_GROUPS)
    {
      for (guint i = 0; i < N_GROUPS; i++)
        add_actor (self, g_strdup_printf ("Group %u", i), -1);
      for (guint i = N_GROUPS; i < n; i++)
        add_actor (self, g_strdup_printf ("Member %u", i), (int)(i % N_GROUPS));
    }
  else
    {
      for (guint i = 0; i < n; i++)
        add_actor (self, g_strdup_printf ("Link %u", i), (int) i - 1);
    }
}

/* The codebook file, children first: every affiliation names an actor further down. */
static char *
make_json (const Actors *actors)
{
  GString *json = g_string_new ("{\"format\": \"standpoint-codebook\", \"version\": 1, \"actors\": [\n");

  for (guint i = actors->names->len; i > 0; i--)
    {
      int parent = g_array_index (actors->parents, int, i - 1);

      g_string_append_printf (json, "  {\"name\": \"%s\", \"kind\": \"group\"",
                              (char *) g_ptr_array_index (actors->names, i - 1));
      if (parent >= 0)
        g_string_append_printf (json, ", \"affiliation\": \"%s\"",
                                (char *) g_ptr_array_index (actors->names, parent));
      g_string_append (json, i > 1 ? "},\n" : "}\n");
    }

  g_string_append (json, "]}\n");
  return g_string_free (json, FALSE);
}

static double
time_parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      g_printerr ("json-glib: %s\n", error->message);
      return -1;
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("SQLite: %s\n", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char         *path;
  sqlite3      *db;
  sqlite3_stmt *insert;
} Baseline;

static void
baseline_clear (Baseline *self)
{
  sqlite3_finalize (self->insert);
  sqlite3_close (self->db);
  if (self->path != NULL)
    g_unlink (self->path);
  g_free (self->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Baseline, baseline_clear)

/* The same actors as plain rows, parents first so that each knows its parent's id. */
static double
time_sqlite (const char   *dir,
             const Actors *actors)
{
  g_auto(Baseline) self = { g_build_filename (dir, "baseline.db", NULL), };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start;

  if (sqlite3_open (self.path, &self.db) != SQLITE_OK ||
      !exec_sql (self.db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                          "CREATE TABLE actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                          " kind TEXT NOT NULL, affiliation_id INTEGER REFERENCES actors (id));"
                          "CREATE INDEX actors_affiliation ON actors (affiliation_id);") ||
      sqlite3_prepare_v2 (self.db, "INSERT INTO actors (name, kind, affiliation_id) VALUES (?1, 'group', ?2)",
                          -1, &self.insert, NULL) != SQLITE_OK)
    return -1;

  start = g_get_monotonic_time ();
  if (!exec_sql (self.db, "BEGIN IMMEDIATE"))
    return -1;

  for (guint i = 0; i < actors->names->len; i++)
    {
      int parent = g_array_index (actors->parents, int, i);
      gint64 id;

      sqlite3_bind_text (self.insert, 1, g_ptr_array_index (actors->names, i), -1, SQLITE_STATIC);
      if (parent >= 0)
        sqlite3_bind_int64 (self.insert, 2, g_array_index (ids, gint64, parent));
      else
        sqlite3_bind_null (self.insert, 2);
      if (sqlite3_step (self.insert) != SQLITE_DONE)
        {
          g_printerr ("SQLite: %s\n", sqlite3_errmsg (self.db));
          return -1;
        }
      sqlite3_reset (self.insert);
      id = sqlite3_last_insert_rowid (self.db);
      g_array_append_val (ids, id);
    }

  if (!exec_sql (self.db, "COMMIT"))
    return -1;

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_import (const char *dir,
             const char *json,
             guint       n)
{
  g_autofree char *path = g_build_filename (dir, "bench.standpoint", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpCodebookImportStats stats = { 0 };
  gint64 start;
  double seconds;

  if (!(project = sp_project_create (path, &error)))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }

  start = g_get_monotonic_time ();
  if (!sp_codebook_import (project, json, -1, "bench.json", &stats, &error))
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  if (stats.actors_added != n)
    g_printerr ("imported %u actors instead of %u\n", stats.actors_added, n);

  g_clear_object (&project);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const shape_names[] = { "groups", "chain" };
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (n < 4 * N_GROUPS)
    {
      g_printerr ("usage: codebook-bench [N ≥ %u]\n", 4 * N_GROUPS);
      return 2;
    }

  if (!(dir = g_dir_make_tmp ("codebook-bench-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("%-7s %7s %10s %9s %12s %11s %8s\n",
          "shape", "actors", "import s", "µs/actor", "json-glib s", "sqlite s", "÷ sqlite");

  for (guint shape = SHAPE_GROUPS; shape <= SHAPE_CHAIN; shape++)
    {
      for (guint size = n / 4; size <= n; size += n - n / 4)
        {
          g_auto(Actors) actors = { NULL, };
          g_autofree char *json = NULL;
          double parse, sql, import;

          make_actors (&actors, shape, size);
          json = make_json (&actors);
          parse = time_parse (json);
          sql = time_sqlite (dir, &actors);
          import = time_import (dir, json, size);

          printf ("%-7s %7u %10.3f %9.1f %12.3f %11.3f %8.1f\n",
                  shape_names[shape], size, import, import * 1e6 / size, parse, sql,
                  sql > 0 ? import / sql : 0);
        }
    }

  g_rmdir (dir);
  return 0;
}
