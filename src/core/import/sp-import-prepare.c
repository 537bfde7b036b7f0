/* sp-import-prepare.c
 *
 * What happens to an article between reading and writing. Its body as read is cleaned of
 * site furniture, helped by how many other documents hold each of its short lines: those
 * of the project (asked once per batch) and those of the import not written yet (counted
 * here, as the project does not have them). Then the cleaned body is hashed, split into
 * sentences and fingerprinted, the document it makes checked and encoded as the store
 * writes it (sp-checked-document.c: the writing thread, which the import waits for, is
 * left only the writing), and the fingerprint looked up among the project's documents and
 * the batch's earlier articles.
 *
 * The lines counted are those of the body as read: furniture that cleaning takes out of a
 * document still counts as held by it, so that the next import from the same site finds it.
 */
#define G_LOG_DOMAIN "sp-import-prepare"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-import-pipeline.h"
#include "sp-sha256.h"
#include "sp-simhash.h"
#include "sp-text-cleaner.h"

void
_sp_read_file_free (SpReadFile *read)
{
  g_clear_pointer (&read->checked, sp_checked_document_free);
  g_clear_pointer (&read->article, sp_article_free);
  g_free (read->path);
  g_free (read->file_name);
  g_free (read->content_hash);
  g_free (read->text_hash);
  g_clear_pointer (&read->line_hashes, g_array_unref);
  g_clear_pointer (&read->sentences, g_array_unref);
  g_clear_pointer (&read->entry, _sp_import_entry_free);
  g_free (read);
}

/* Line counts: an open-addressing table from a line's hash (never 0) to a count. Counts
 * that fall to 0 stay until the table grows, which leaves them out. */

typedef struct
{
  guint64 hash;
  guint   count;
} SpLineCount;

struct _SpLineCounts
{
  SpLineCount *slots;
  gsize        mask;   /* the number of slots, a power of two, less one */
  gsize        used;
};

SpLineCounts *
_sp_line_counts_new (void)
{
  SpLineCounts *self = g_new0 (SpLineCounts, 1);

  self->mask = 1023;
  self->slots = g_new0 (SpLineCount, self->mask + 1);

  return self;
}

void
_sp_line_counts_free (SpLineCounts *self)
{
  if (self == NULL)
    return;

  g_free (self->slots);
  g_free (self);
}

static inline gsize
slot_of (guint64 hash)
{
  /* The hashes are FNV's: mix them before taking the low bits */
  hash ^= hash >> 29;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 32;
  return (gsize)hash;
}

static SpLineCount *
find_slot (SpLineCount *slots,
           gsize        mask,
           guint64      hash)
{
  for (gsize i = slot_of (hash) & mask; ; i = (i + 1) & mask)
    if (slots[i].hash == hash || slots[i].hash == 0)
      return &slots[i];
}

static void
grow (SpLineCounts *self)
{
  g_autofree SpLineCount *old = g_steal_pointer (&self->slots);
  gsize old_size = self->mask + 1;
  gsize live = 0;
  gsize size = 1024;

  for (gsize i = 0; i < old_size; i++)
    if (old[i].hash != 0 && old[i].count > 0)
      live++;

  while (size < live * 4)
    size *= 2;

  self->mask = size - 1;
  self->slots = g_new0 (SpLineCount, size);
  self->used = 0;

  for (gsize i = 0; i < old_size; i++)
    if (old[i].hash != 0 && old[i].count > 0)
      {
        *find_slot (self->slots, self->mask, old[i].hash) = old[i];
        self->used++;
      }
}

static void
add_count (SpLineCounts *self,
           guint64       hash,
           int           delta)
{
  SpLineCount *slot;

  if (hash == 0)
    return;

  if ((self->used + 1) * 2 > self->mask + 1)
    grow (self);

  slot = find_slot (self->slots, self->mask, hash);
  if (slot->hash == 0)
    {
      if (delta <= 0)
        return;
      slot->hash = hash;
      self->used++;
    }

  if (delta < 0 && slot->count < (guint)-delta)
    slot->count = 0;
  else
    slot->count += delta;
}

/* Adds @delta to the count of each of @hashes (guint64) */
void
_sp_line_counts_add (SpLineCounts *self,
                     const GArray *hashes,
                     int           delta)
{
  if (hashes == NULL)
    return;

  for (guint i = 0; i < hashes->len; i++)
    add_count (self, g_array_index (hashes, guint64, i), delta);
}

guint
_sp_line_counts_get (const SpLineCounts *self,
                     guint64             hash)
{
  if (hash == 0)
    return 0;

  return find_slot (self->slots, self->mask, hash)->count;
}

/* A batch's counts: for each line of an article to be cleaned, how many documents of the
 * project and of the import hold it (the article itself among them) */

struct _SpBatchCounts
{
  SpLineCounts *totals;
};

void
_sp_batch_counts_free (SpBatchCounts *self)
{
  if (self == NULL)
    return;

  _sp_line_counts_free (self->totals);
  g_free (self);
}

/**
 * _sp_batch_counts_new:
 * @reads: (element-type SpReadFile): the batch's articles, not yet prepared
 * @unwritten: the import's articles read and not written yet; the batch's are added
 *
 * Asks the project how many of its documents hold the lines of the batch's articles that
 * are to be cleaned, in one query.
 *
 * Returns: (transfer full): the counts, or %NULL with @error set when the project could
 *   not be read
 */
SpBatchCounts *
_sp_batch_counts_new (SpProject     *project,
                      GPtrArray     *reads,
                      SpLineCounts  *unwritten,
                      GError       **error)
{
  g_autoptr(SpBatchCounts) self = g_new0 (SpBatchCounts, 1);
  g_autoptr(SpLineCounts) seen = _sp_line_counts_new ();
  g_autoptr(GArray) hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree guint *counts = NULL;

  self->totals = _sp_line_counts_new ();

  for (guint i = 0; i < reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (reads, i);

      if (read->article == NULL)
        continue;

      _sp_line_counts_add (unwritten, read->line_hashes, 1);
      if (!read->clean)
        continue;

      for (guint j = 0; j < read->line_hashes->len; j++)
        {
          guint64 hash = g_array_index (read->line_hashes, guint64, j);

          if (_sp_line_counts_get (seen, hash) == 0)
            {
              add_count (seen, hash, 1);
              g_array_append_val (hashes, hash);
            }
        }
    }

  if (hashes->len == 0)
    return g_steal_pointer (&self);

  counts = g_new0 (guint, hashes->len);
  if (!sp_project_count_lines (project, (const guint64 *)(gpointer)hashes->data, hashes->len, counts, error))
    return NULL;

  for (guint i = 0; i < hashes->len; i++)
    {
      guint64 hash = g_array_index (hashes, guint64, i);

      add_count (self->totals, hash, counts[i] + _sp_line_counts_get (unwritten, hash));
    }

  return g_steal_pointer (&self);
}

/* How many documents of the project and of the import hold the line (an article to be
 * cleaned that holds it among them); 0 for lines of no article to be cleaned */
guint
_sp_batch_counts_get (const SpBatchCounts *self,
                      guint64              hash)
{
  return _sp_line_counts_get (self->totals, hash);
}

/* Preparing one article, in a worker thread */

typedef struct
{
  const SpBatchCounts *counts;
  const guint64       *own;     /* the article's own line hashes, sorted */
  guint                n_own;
} CountContext;

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *)a;
  guint64 y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* SpLineCountFunc: the other documents that hold a line */
static guint
count_other_documents (guint64  line_hash,
                       gpointer user_data)
{
  CountContext *context = user_data;
  guint n = _sp_batch_counts_get (context->counts, line_hash);

  if (n > 0 && bsearch (&line_hash, context->own, context->n_own, sizeof (guint64),
                        compare_hashes) != NULL)
    n--;

  return n;
}

static gboolean
has_text (const char *body)
{
  for (const char *p = body; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Leaves @read as a file that failed, with @problem */
static void
fail (SpReadFile   *read,
      const GError *problem)
{
  read->entry = _sp_import_entry_new_problem (read->path, SP_IMPORT_STATUS_FAILED, problem);
  g_clear_pointer (&read->checked, sp_checked_document_free);
  g_clear_pointer (&read->article, sp_article_free);
}

/* The document the store is to write of @read, checked here rather than on the writing
 * thread; its near-duplicate is set when it is written. Returns FALSE, with @error set, when
 * the store would refuse it. */
static gboolean
check_document (SpReadFile  *read,
                GError     **error)
{
  SpArticle *article = read->article;
  g_autofree SpRemovedBlockFields *removed = NULL;
  SpDocumentFields fields = { 0 };

  if (article->removed != NULL && article->removed->len > 0)
    {
      removed = g_new0 (SpRemovedBlockFields, article->removed->len);
      for (guint i = 0; i < article->removed->len; i++)
        {
          const SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);

          removed[i].offset = block->offset;
          removed[i].text = block->text;
          removed[i].reason = block->reason;
        }
      fields.n_removed = article->removed->len;
    }

  fields.file_name = read->file_name;
  fields.title = article->title;
  fields.title_kind = article->title_kind;
  fields.date = article->date;
  fields.date_source = article->date_source;
  fields.date_confidence = article->date_confidence;
  fields.source = article->source;
  fields.url = article->url;
  fields.author = article->author;
  fields.body = article->body;
  fields.content_hash = read->content_hash;
  fields.text_hash = read->text_hash;
  fields.removed = removed;
  fields.sentences = (const guint32 *)(gpointer)read->sentences->data;
  fields.n_sentences = read->sentences->len / 2;
  fields.simhash = read->simhash;
  fields.line_hashes = (const guint64 *)(gpointer)read->line_hashes->data;
  fields.n_line_hashes = read->line_hashes->len;

  read->checked = sp_checked_document_new (&fields, error);
  return read->checked != NULL;
}

/**
 * _sp_read_file_prepare:
 * @counts: the line counts of @read's batch
 * @splitter: this thread's
 *
 * Cleans @read's article when it is plain text, finds its text hash, sentences and
 * fingerprint, and checks the document it makes as the store will. An article that
 * cleaning leaves without text, or that the store would refuse, becomes a failure.
 */
void
_sp_read_file_prepare (SpReadFile          *read,
                       const SpBatchCounts *counts,
                       SpSentenceSplitter  *splitter)
{
  g_autoptr(GError) problem = NULL;
  SpArticle *article = read->article;
  gsize length;

  if (article == NULL)
    return;

  if (read->clean)
    {
      g_autoptr(GArray) own = g_array_copy (read->line_hashes);
      CountContext context = { counts, (const guint64 *)(gpointer)own->data, own->len };

      g_array_sort (own, compare_hashes);
      sp_text_clean (article, count_other_documents, &context);

      if (!has_text (article->body))
        {
          g_autoptr(GError) empty = g_error_new_literal (SP_IMPORT_ERROR, SP_IMPORT_ERROR_EMPTY,
                                                         _("no text left after cleaning"));

          fail (read, empty);
          return;
        }
    }

  length = strlen (article->body);
  read->text_hash = sp_sha256_hex (article->body, length);
  read->sentences = sp_sentence_splitter_split (splitter, article->body, length);
  read->simhash = sp_simhash_compute (article->body, length);

  if (!check_document (read, &problem))
    fail (read, problem);
}

/**
 * _sp_import_find_near_duplicates:
 * @reads: (element-type SpReadFile): a prepared batch, in order
 *
 * Finds for each article a document of the project it nearly repeats or, when there is
 * none, an earlier article of the batch.
 *
 * Returns: FALSE, with @error set, when the project could not be read
 */
gboolean
_sp_import_find_near_duplicates (SpProject  *project,
                                 GPtrArray  *reads,
                                 GError    **error)
{
  g_autofree guint64 *simhashes = g_new0 (guint64, MAX (reads->len, 1));
  g_autofree gint64 *nearest = g_new0 (gint64, MAX (reads->len, 1));

  /* Articles without a fingerprint, or without an article, ask nothing */
  for (guint i = 0; i < reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (reads, i);

      simhashes[i] = read->article != NULL ? read->simhash : 0;
    }

  if (!sp_project_find_nearest_duplicates (project, simhashes, reads->len,
                                           SP_SIMHASH_NEAR_DISTANCE, nearest, error))
    return FALSE;

  for (guint i = 0; i < reads->len; i++)
    {
      SpReadFile *read = g_ptr_array_index (reads, i);

      if (simhashes[i] == 0)
        continue;

      if (nearest[i] != 0)
        {
          read->near_duplicate_of = nearest[i];
          continue;
        }

      for (guint j = 0; j < i; j++)
        {
          SpReadFile *earlier = g_ptr_array_index (reads, j);

          if (earlier->article != NULL && sp_simhash_is_near (earlier->simhash, read->simhash))
            {
              read->near_duplicate_read = earlier;
              break;
            }
        }
    }

  return TRUE;
}
