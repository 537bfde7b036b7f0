/* fuzz-text-cleaner.c
 *
 * What the importer does to a text article after reading it: the cleaning (with lines that
 * other documents hold, as the importer counts them), the sentences and the fingerprint.
 * Whatever the bytes, the removed blocks stand in body order inside the body, the body stays
 * valid UTF-8, and the sentences are ordered spans inside it.
 */
#include "config.h"

#include "fuzz-common.h"
#include "sp-sentences.h"
#include "sp-simhash.h"
#include "sp-text-cleaner.h"
#include "sp-text-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Some lines are held by other documents, as a project's furniture would be */
static guint
count_some_lines (guint64  line_hash,
                  gpointer user_data)
{
  return (guint) (line_hash % 4);
}

static void
check_removed (const SpArticle *article,
               glong            length)
{
  guint previous = 0;

  for (guint i = 0; article->removed != NULL && i < article->removed->len; i++)
    {
      const SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);

      if (block->offset < previous || block->offset > (gulong) length ||
          block->text == NULL || block->reason == NULL ||
          !g_utf8_validate (block->text, -1, NULL))
        abort ();
      previous = block->offset;
    }
}

static void
check_sentences (const char *body,
                 glong       length)
{
  static SpSentenceSplitter *splitter;
  g_autoptr(GArray) sentences = NULL;
  guint32 previous = 0;

  if (splitter == NULL && (splitter = sp_sentence_splitter_new (NULL)) == NULL)
    abort ();

  sentences = sp_sentence_splitter_split (splitter, body, strlen (body));
  if (sentences->len % 2 != 0)
    abort ();
  for (guint i = 0; i < sentences->len; i += 2)
    {
      guint32 start = g_array_index (sentences, guint32, i);
      guint32 end = g_array_index (sentences, guint32, i + 1);

      if (start < previous || end <= start || end > (gulong) length)
        abort ();
      previous = end;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SpArticle) article = fuzz_read_text (data, size, sp_text_reader_read_plain);
  glong length;

  if (article == NULL || article->body == NULL)
    return 0;

  sp_text_clean (article, count_some_lines, NULL);
  if (!g_utf8_validate (article->body, -1, NULL) ||
      (article->title != NULL && !g_utf8_validate (article->title, -1, NULL)))
    abort ();

  length = g_utf8_strlen (article->body, -1);
  check_removed (article, length);
  check_sentences (article->body, length);
  (void) sp_simhash_compute (article->body, strlen (article->body));

  return 0;
}
