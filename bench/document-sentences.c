/* document-sentences.c
 *
 * Prints a stored document's sentences, numbered from 1 as the importer split its body, one
 * a line: the number, a tab, the sentence with its line breaks made spaces. The gold claims in
 * bench/gold/ name their sentences by these numbers.
 *
 *   ./build/bench/document-sentences PROJECT DOCUMENT...
 *
 * DOCUMENT is a document's id or file name, as `standpoint-cli documents` shows it.
 */
#include "config.h"

#include <stdio.h>

#include "sp-project.h"

static gboolean
print_sentences (SpProject   *project,
                 const char  *document,
                 GError     **error)
{
  gint64 id = 0;
  g_autofree char *body = NULL;
  g_autofree guint32 *pairs = NULL;
  guint n_pairs = 0;
  glong n_chars;

  if (!sp_project_find_document (project, document, &id, error))
    return FALSE;
  body = sp_project_dup_document_body (project, id, error);
  if (body == NULL)
    return FALSE;
  pairs = sp_project_dup_document_sentences (project, id, &n_pairs, error);
  if (pairs == NULL && n_pairs > 0)
    return FALSE;

  n_chars = g_utf8_strlen (body, -1);
  printf ("# %s\n", document);
  for (guint i = 0; i < n_pairs; i++)
    {
      guint32 start = pairs[2 * i];
      guint32 end = pairs[2 * i + 1];
      const char *from;
      const char *to;
      g_autofree char *text = NULL;

      if (start > end || end > (guint32) n_chars)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: sentence %u lies outside the body", document, i + 1);
          return FALSE;
        }
      from = g_utf8_offset_to_pointer (body, start);
      to = g_utf8_offset_to_pointer (body, end);
      text = g_strndup (from, (gsize) (to - from));
      for (char *p = text; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
          *p = ' ';
      printf ("%u\t%s\n", i + 1, text);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s PROJECT DOCUMENT...\n", argv[0]);
      return 2;
    }
  project = sp_project_open_read_only (argv[1], &error);
  if (project == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  for (int i = 2; i < argc; i++)
    if (!print_sentences (project, argv[i], &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
  return 0;
}
