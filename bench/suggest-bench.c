/* suggest-bench.c: the suggestion engine's speed (MB of article text a second, one core,
 * best of 3) over the shared corpus's news articles and press releases, with a codebook
 * JSON's actors and issues, next to `grep -F -i -f KEYWORDS` (keywords and actor names of the
 * same codebook) over the same text, measured in the same run.
 *
 *   STANDPOINT_LEXICON_DIR=data/lexicons build/bench/suggest-bench CODEBOOK.json [CORPUS-DIR]
 *
 * Sentences are cut at ". ", "? ", "! " and line ends, as a stand-in for the importer's.
 */
#include <string.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "sp-suggest-engine.h"

static void
add_files (const char *dir,
           GString    *text)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_str_equal (name, "SOURCE.md") || g_str_equal (name, "MANIFEST.tsv"))
        continue;
      if (g_file_get_contents (path, &contents, &len, NULL) && g_utf8_validate (contents, len, NULL))
        {
          g_string_append_len (text, contents, len);
          g_string_append (text, "\n\n");
        }
    }
}

static SpSuggestCodebook *
read_codebook (const char *path,
               GString    *patterns)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  JsonObject *root;
  JsonArray *actors;
  JsonArray *issues;

  if (!json_parser_load_from_file (parser, path, NULL))
    g_error ("cannot read %s", path);
  root = json_node_get_object (json_parser_get_root (parser));
  actors = json_object_get_array_member (root, "actors");
  issues = json_object_get_array_member (root, "issues");
  for (guint i = 0; actors != NULL && i < json_array_get_length (actors); i++)
    {
      JsonObject *a = json_array_get_object_element (actors, i);
      g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
      const char *kind = json_object_has_member (a, "kind") ? json_object_get_string_member (a, "kind") : "group";
      SpActorKind k = SP_ACTOR_KIND_GROUP;
      SpSuggestActor spec = { i + 1, json_object_get_string_member (a, "name"), 0, i + 1, 0, NULL };

      sp_actor_kind_from_string (kind, &k);
      spec.kind = k;
      g_string_append_printf (patterns, "%s\n", spec.name);
      if (json_object_has_member (a, "aliases"))
        {
          JsonArray *al = json_object_get_array_member (a, "aliases");

          for (guint j = 0; j < json_array_get_length (al); j++)
            {
              g_ptr_array_add (aliases, (gpointer) json_array_get_string_element (al, j));
              g_string_append_printf (patterns, "%s\n", json_array_get_string_element (al, j));
            }
        }
      g_ptr_array_add (aliases, NULL);
      spec.aliases = (const char **) aliases->pdata;
      sp_suggest_codebook_add_actor (codebook, &spec);
    }
  for (guint i = 0; issues != NULL && i < json_array_get_length (issues); i++)
    {
      JsonObject *x = json_array_get_object_element (issues, i);
      g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
      SpSuggestIssue spec = { i + 1, json_object_get_string_member (x, "key"),
                              json_object_has_member (x, "label") ? json_object_get_string_member (x, "label") : "",
                              json_object_has_member (x, "proposition") ? json_object_get_string_member (x, "proposition") : "",
                              NULL };

      if (json_object_has_member (x, "keywords"))
        {
          JsonArray *kw = json_object_get_array_member (x, "keywords");

          for (guint j = 0; j < json_array_get_length (kw); j++)
            {
              g_ptr_array_add (keywords, (gpointer) json_array_get_string_element (kw, j));
              g_string_append_printf (patterns, "%s\n", json_array_get_string_element (kw, j));
            }
        }
      g_ptr_array_add (keywords, NULL);
      spec.keywords = (const char **) keywords->pdata;
      sp_suggest_codebook_add_issue (codebook, &spec);
    }
  return codebook;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) patterns = g_string_new (NULL);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *corpus = argc > 2 ? argv[2] : "/work/shared/corpus";
  g_autofree char *a = g_build_filename (corpus, "ukraine-peace-news-2025-26", "universal-agent-crawls-2026-01-02", NULL);
  g_autofree char *b = g_build_filename (corpus, "ukraine-peace-news-2025-26", "beacon-news-search-cache-2025-03", NULL);
  g_autofree char *c = g_build_filename (corpus, "ru-ua-presidential-press-releases-2021-22", NULL);
  g_autofree char *text_path = NULL;
  g_autofree char *pattern_path = NULL;
  SpSuggestLexicons *lexicons;
  g_autoptr(SpSuggestEngine) engine = NULL;
  double best = G_MAXDOUBLE;
  double best_grep = G_MAXDOUBLE;
  guint32 start = 0;
  guint32 chars = 0;
  guint n_candidates = 0;
  int fd;

  if (argc < 2)
    {
      g_printerr ("usage: %s CODEBOOK.json [CORPUS-DIR]\n", argv[0]);
      return 2;
    }
  add_files (a, text);
  add_files (b, text);
  add_files (c, text);
  if (text->len == 0)
    {
      g_printerr ("no corpus under %s\n", corpus);
      return 77;
    }
  for (const char *p = text->str; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || *p == '\n' || (strchr (".?!", *p) != NULL && *p != '\0' && p[1] == ' ');

      if (end)
        {
          guint32 stop = chars + (*p != '\0' && *p != '\n' ? 1 : 0);

          if (stop > start)
            {
              g_array_append_val (pairs, start);
              g_array_append_val (pairs, stop);
            }
          start = stop + (*p != '\0' && *p != '\n' ? 0 : 1);
        }
      if (*p == '\0')
        break;
      chars++;
    }

  if (!(lexicons = sp_suggest_lexicons_load ("en", &error)))
    g_error ("%s", error->message);
  engine = sp_suggest_engine_new (read_codebook (argv[1], patterns), lexicons);

  for (int round = 0; round < 3; round++)
    {
      gint64 t0 = g_get_monotonic_time ();
      SpSuggestResult *result = sp_suggest_engine_run (engine, text->str, (guint32 *)(gpointer)pairs->data, pairs->len / 2);

      n_candidates = result->candidates->len;
      sp_suggest_result_free (result);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1e6);
    }

  fd = g_file_open_tmp ("suggest-bench-text-XXXXXX", &text_path, NULL);
  close (fd);
  fd = g_file_open_tmp ("suggest-bench-patterns-XXXXXX", &pattern_path, NULL);
  close (fd);
  g_file_set_contents (text_path, text->str, text->len, NULL);
  g_file_set_contents (pattern_path, patterns->str, patterns->len, NULL);
  for (int round = 0; round < 3; round++)
    {
      const char *args[] = { "grep", "-F", "-i", "-c", "-f", pattern_path, text_path, NULL };
      gint64 t0 = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL))
        break;
      best_grep = MIN (best_grep, (g_get_monotonic_time () - t0) / 1e6);
    }
  g_unlink (text_path);
  g_unlink (pattern_path);

  g_print ("text %.1f MB, %u sentences, %u candidates\n", text->len / 1e6, pairs->len / 2, n_candidates);
  g_print ("engine  %.3f s  %.1f MB/s (best of 3, one core)\n", best, text->len / 1e6 / best);
  g_print ("grep -F -i -f  %.3f s  %.1f MB/s\n", best_grep, text->len / 1e6 / best_grep);
  return 0;
}
