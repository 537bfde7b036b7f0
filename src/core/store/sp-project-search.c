/* sp-project-search.c
 *
 * Searching documents: the project's full-text index over titles and bodies for the list,
 * and finding a phrase inside one document's body for highlighting and Ctrl+F.
 *
 * What a user types is never handed to FTS5 as its query language, where a stray quote,
 * a "-" or a word such as NOT or NEAR is syntax and can fail the query: every word becomes
 * a quoted string of its own and all of them must occur. A word ending in "*" matches the
 * words that begin with it.
 */
#define G_LOG_DOMAIN "sp-project-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"

static gboolean
has_word_character (const char *term)
{
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Returns: (transfer full) (nullable): @query as an FTS5 query, %NULL when it holds no word */
static char *
make_fts_query (const char *query)
{
  g_auto(GStrv) terms = g_strsplit_set (query, " \t\n\r\f\v", -1);
  g_autoptr(GString) fts = g_string_new (NULL);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      char *term = terms[i];
      gsize length = strlen (term);
      gboolean prefix = length > 1 && term[length - 1] == '*';

      if (prefix)
        term[length - 1] = '\0';

      if (!has_word_character (term))
        continue;

      if (fts->len > 0)
        g_string_append_c (fts, ' ');
      g_string_append_c (fts, '"');
      for (const char *p = term; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *p);
        }
      g_string_append_c (fts, '"');
      if (prefix)
        g_string_append_c (fts, '*');
    }

  return fts->len > 0 ? g_string_free (g_steal_pointer (&fts), FALSE) : NULL;
}

/**
 * sp_project_search_documents:
 * @query: words as a user types them; every one must occur in the title or the body (case
 *   and accents do not count), and "word*" matches words beginning with "word"
 *
 * Returns: (transfer full): a #GListModel of the matching #SpDocument, best match first (a
 *   word in the title counts more than one in the body); %NULL with
 *   %SP_PROJECT_ERROR_INVALID when @query holds no word
 */
GListModel *
sp_project_search_documents (SpProject   *self,
                             const char  *query,
                             GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(SpStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *fts_query = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL) || !(fts_query = make_fts_query (query)))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("“%s” holds no word to search for"), g_utf8_validate (query, -1, NULL) ? query : "");
      return NULL;
    }

  stmt = _sp_project_prepare (self,
                              "SELECT " SP_DOCUMENT_COLUMNS " FROM documents_fts "
                              "JOIN documents d ON d.id = documents_fts.rowid "
                              "WHERE documents_fts MATCH ?1 "
                              "ORDER BY bm25 (documents_fts, 4.0, 1.0), d.id",
                              error);
  if (stmt == NULL)
    return NULL;

  _sp_project_bind_text (stmt, 1, fts_query);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = _sp_project_step_row (self, stmt, _("Could not search the documents"), error)) > 0)
    g_ptr_array_add (items, _sp_project_document_from_row (stmt));

  if (rc < 0)
    return NULL;

  store = g_list_store_new (SP_TYPE_DOCUMENT);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Characters of a text, lower case, so that positions in the array are character offsets */
static gunichar *
lower_characters (const char *text,
                  glong      *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n);

  for (glong i = 0; i < *n; i++)
    chars[i] = g_unichar_tolower (chars[i]);

  return chars;
}

/* The end of a match of @needle at @at in @hay, or -1; white space in @needle matches one or
 * more white space characters in @hay */
static glong
match_at (const gunichar *hay,
          glong           n_hay,
          glong           at,
          const gunichar *needle,
          glong           n_needle)
{
  glong h = at;

  for (glong k = 0; k < n_needle; )
    {
      if (g_unichar_isspace (needle[k]))
        {
          if (h >= n_hay || !g_unichar_isspace (hay[h]))
            return -1;
          while (k < n_needle && g_unichar_isspace (needle[k]))
            k++;
          while (h < n_hay && g_unichar_isspace (hay[h]))
            h++;
          continue;
        }

      if (h >= n_hay || hay[h] != needle[k])
        return -1;
      h++;
      k++;
    }

  return h;
}

/**
 * sp_project_find_in_document:
 * @query: a phrase as typed: letters are compared without case, and white space in it
 *   matches any run of white space (a line break too)
 *
 * Returns: (transfer full) (element-type SpTextRange): where the phrase occurs in the
 *   document's body, in characters, in order and not overlapping; empty for an empty query
 */
GArray *
sp_project_find_in_document (SpProject   *self,
                             gint64       id,
                             const char  *query,
                             GError     **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SpTextRange));
  g_autofree char *body = NULL;
  g_autofree char *phrase = NULL;
  g_autofree gunichar *hay = NULL;
  g_autofree gunichar *needle = NULL;
  glong n_hay = 0, n_needle = 0;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(body = sp_project_dup_document_body (self, id, error)))
    return NULL;

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The text to find is not valid UTF-8"));
      return NULL;
    }

  phrase = g_strstrip (g_strdup (query));
  if (phrase[0] == '\0')
    return g_steal_pointer (&ranges);

  hay = lower_characters (body, &n_hay);
  needle = lower_characters (phrase, &n_needle);

  for (glong at = 0; at < n_hay; )
    {
      glong end = match_at (hay, n_hay, at, needle, n_needle);

      if (end < 0)
        {
          at++;
          continue;
        }

      g_array_append_val (ranges, ((SpTextRange) { at, end }));
      at = end;
    }

  return g_steal_pointer (&ranges);
}
