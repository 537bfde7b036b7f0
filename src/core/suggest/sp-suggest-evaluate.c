/* sp-suggest-evaluate.c
 *
 * The gold file reader and the scoring of predicted claims against it. The file comes from
 * people and other programs, so every line is bounded and checked, and the first bad one
 * refuses the whole file with its line number and the reason.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-name.h"
#include "sp-suggest-evaluate.h"

G_DEFINE_QUARK (sp-suggest-evaluate-error-quark, sp_suggest_evaluate_error)

#define N_COLUMNS 5

static const char * const column_names[N_COLUMNS] = { "doc", "actor", "issue", "stance", "sentence" };

/* An item with the keys it is compared by. Keys never hold a control character (the reader
 * refuses them in every column), so the one that separates them in a triple key is safe. */
typedef struct
{
  SpSuggestItem item;        /* strings owned below */
  char         *doc;
  char         *actor;
  char         *issue;
  char         *doc_key;     /* normal form */
  char         *triple_key;  /* doc_key, folded actor, folded issue, sign */
  guint         line;        /* in its file, 0 for a caller's item */
} Entry;

struct _SpSuggestList
{
  char             *source_name;
  SpSuggestTsvKind  kind;
  GPtrArray        *entries;    /* (element-type Entry) the claims, in file order */
  GHashTable       *documents;  /* doc_key -> first line naming it */
  GHashTable       *triples;    /* triple_key -> Entry, the first line of each triple */
};

static int
sign_of (int stance)
{
  return (stance > 0) - (stance < 0);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->doc);
  g_free (entry->actor);
  g_free (entry->issue);
  g_free (entry->doc_key);
  g_free (entry->triple_key);
  g_free (entry);
}

/* The key two items share when they name the same triple; NULL when a part is not UTF-8 */
static char *
make_triple_key (const char *doc_key,
                 const char *actor,
                 const char *issue,
                 int         stance)
{
  g_autofree char *actor_key = sp_name_fold (actor);
  g_autofree char *issue_key = sp_name_fold (issue);

  if (doc_key == NULL || actor_key == NULL || issue_key == NULL)
    return NULL;
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d", doc_key, actor_key, issue_key, sign_of (stance));
}

static Entry *
entry_new (const char *doc,
           const char *actor,
           const char *issue,
           int         stance,
           guint       sentence,
           guint       line)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->doc = g_strdup (doc != NULL ? doc : "");
  entry->actor = g_strdup (actor != NULL ? actor : "");
  entry->issue = g_strdup (issue != NULL ? issue : "");
  entry->doc_key = sp_name_normalize (doc);
  entry->triple_key = make_triple_key (entry->doc_key, actor, issue, stance);
  entry->line = line;
  entry->item.doc = entry->doc;
  entry->item.actor = entry->actor;
  entry->item.issue = entry->issue;
  entry->item.stance = stance;
  entry->item.sentence = sentence;
  return entry;
}

static SpSuggestList *
list_new (const char       *source_name,
          SpSuggestTsvKind  kind)
{
  SpSuggestList *list = g_new0 (SpSuggestList, 1);

  list->source_name = g_strdup (source_name != NULL ? source_name : "(gold)");
  list->kind = kind;
  list->entries = g_ptr_array_new_with_free_func (entry_free);
  list->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list->triples = g_hash_table_new (g_str_hash, g_str_equal);
  return list;
}

void
sp_suggest_list_free (SpSuggestList *list)
{
  if (list == NULL)
    return;
  g_hash_table_unref (list->triples);
  g_hash_table_unref (list->documents);
  g_ptr_array_unref (list->entries);
  g_free (list->source_name);
  g_free (list);
}

G_GNUC_PRINTF (4, 5)
static gboolean
line_error (GError        **error,
            const char     *source_name,
            guint           line,
            const char     *format,
            ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_INVALID,
               "%s:%u: %s", source_name, line, why);
  return FALSE;
}

/* +1, 1, -1 and 0 for the gold; any of -2 … 2, with an optional sign, for predictions */
static gboolean
parse_stance (const char       *text,
              SpSuggestTsvKind  kind,
              int              *stance)
{
  int sign = 1;
  const char *p = text;

  if (*p == '+' || *p == '-')
    sign = *p++ == '-' ? -1 : 1;
  if (p[0] < '0' || p[0] > '2' || p[1] != '\0')
    return FALSE;
  *stance = sign * (p[0] - '0');
  if (kind == SP_SUGGEST_TSV_GOLD)
    return *stance >= -1 && *stance <= 1 && !(*stance == 0 && p != text);
  return TRUE;
}

static gboolean
parse_sentence (const char *text,
                guint      *sentence)
{
  guint64 value = 0;

  if (*text == '\0' || strlen (text) > 7)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
    }
  if (value < 1 || value > SP_SUGGEST_MAX_SENTENCE)
    return FALSE;
  *sentence = (guint) value;
  return TRUE;
}

static gboolean
has_control_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* A document named by a line of its own, without a claim */
static gboolean
declare_document (SpSuggestList  *list,
                  const char     *doc_key,
                  guint           line,
                  GError        **error)
{
  gpointer first = g_hash_table_lookup (list->documents, doc_key);

  if (first != NULL && list->kind == SP_SUGGEST_TSV_GOLD)
    return line_error (error, list->source_name, line,
                       _("the document is already named on line %u"), GPOINTER_TO_UINT (first));
  if (first == NULL)
    g_hash_table_insert (list->documents, g_strdup (doc_key), GUINT_TO_POINTER (line));
  return TRUE;
}

static gboolean
parse_line (SpSuggestList  *list,
            const char     *text,
            gsize           length,
            guint           line,
            GError        **error)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) fields = NULL;
  guint n_fields;
  guint n_empty = 0;
  int stance = 0;
  guint sentence = 0;
  Entry *entry;
  Entry *first;

  if (!g_utf8_validate (text, (gssize) length, NULL))
    return line_error (error, list->source_name, line, _("the line is not UTF-8 text"));

  fields = g_strsplit (copy, "\t", -1);
  n_fields = g_strv_length (fields);
  if (n_fields != N_COLUMNS)
    return line_error (error, list->source_name, line,
                       _("%u columns where %u are expected (doc, actor, issue, stance, sentence, "
                         "separated by tabs)"), n_fields, N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (has_control_character (fields[i]))
        return line_error (error, list->source_name, line,
                           _("the %s holds a control character"), column_names[i]);
      g_strstrip (fields[i]);
      if (i > 0 && fields[i][0] == '\0')
        n_empty++;
    }

  if (fields[0][0] == '\0')
    return line_error (error, list->source_name, line, _("the doc is empty"));

  {
    g_autofree char *doc_key = sp_name_normalize (fields[0]);

    /* Every column but the document empty: a document coded without any claim */
    if (n_empty == N_COLUMNS - 1)
      return declare_document (list, doc_key, line, error);
  }

  for (guint i = 1; i < N_COLUMNS; i++)
    if (fields[i][0] == '\0' && !(i == 4 && list->kind == SP_SUGGEST_TSV_PREDICTIONS))
      return line_error (error, list->source_name, line, _("the %s is empty"), column_names[i]);

  if (!parse_stance (fields[3], list->kind, &stance))
    return line_error (error, list->source_name, line,
                       list->kind == SP_SUGGEST_TSV_GOLD
                       ? _("the stance \"%s\" is not +1, -1 or 0")
                       : _("the stance \"%s\" is not a whole number from -2 to 2"), fields[3]);

  if (fields[4][0] != '\0' && !parse_sentence (fields[4], &sentence))
    return line_error (error, list->source_name, line,
                       _("the sentence \"%s\" is not a sentence number from 1 to %u"),
                       fields[4], SP_SUGGEST_MAX_SENTENCE);

  entry = entry_new (fields[0], fields[1], fields[2], stance, sentence, line);
  first = g_hash_table_lookup (list->triples, entry->triple_key);
  if (first != NULL && list->kind == SP_SUGGEST_TSV_GOLD)
    {
      guint first_line = first->line;

      entry_free (entry);
      return line_error (error, list->source_name, line,
                         _("the same doc, actor, issue and stance as line %u"), first_line);
    }

  g_ptr_array_add (list->entries, entry);
  if (first == NULL)
    g_hash_table_insert (list->triples, entry->triple_key, entry);
  if (!g_hash_table_contains (list->documents, entry->doc_key))
    g_hash_table_insert (list->documents, g_strdup (entry->doc_key), GUINT_TO_POINTER (line));
  return TRUE;
}

/**
 * sp_suggest_list_parse:
 * @data: the file's bytes; need not end in a NUL
 * @source_name: (nullable): how messages name the file
 *
 * Reads a gold or prediction file: the header line SP_SUGGEST_TSV_HEADER, then one claim a
 * line. A UTF-8 byte-order mark, CR LF line ends and empty lines are accepted.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
SpSuggestList *
sp_suggest_list_parse (const char        *data,
                       gsize              length,
                       const char        *source_name,
                       SpSuggestTsvKind   kind,
                       GError           **error)
{
  g_autoptr(SpSuggestList) list = list_new (source_name, kind);
  const char *p = data;
  const char *end = data + length;
  guint line = 0;
  gboolean seen_header = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > SP_SUGGEST_TSV_MAX_SIZE)
    {
      g_set_error (error, SP_SUGGEST_EVALUATE_ERROR, SP_SUGGEST_EVALUATE_ERROR_TOO_LARGE,
                   _("%s: larger than %u MiB"), list->source_name, SP_SUGGEST_TSV_MAX_SIZE >> 20);
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = newline != NULL ? newline : end;
      gsize line_length = (gsize) (line_end - p);

      line++;
      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;
      if (line_length > SP_SUGGEST_TSV_MAX_LINE)
        {
          line_error (error, list->source_name, line, _("the line is longer than %u bytes"),
                      SP_SUGGEST_TSV_MAX_LINE);
          return NULL;
        }

      if (!seen_header)
        {
          if (line_length != strlen (SP_SUGGEST_TSV_HEADER) ||
              memcmp (p, SP_SUGGEST_TSV_HEADER, line_length) != 0)
            {
              line_error (error, list->source_name, line,
                          _("the first line must be the header: doc, actor, issue, stance, "
                            "sentence, separated by tabs"));
              return NULL;
            }
          seen_header = TRUE;
        }
      else if (line_length > 0 && !parse_line (list, p, line_length, line, error))
        return NULL;

      p = newline != NULL ? newline + 1 : end;
    }

  if (!seen_header)
    {
      line_error (error, list->source_name, 1,
                  _("the file is empty: it must start with the header line"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * sp_suggest_list_load:
 *
 * sp_suggest_list_parse() on a file, read up to SP_SUGGEST_TSV_MAX_SIZE bytes and no further.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
SpSuggestList *
sp_suggest_list_load (const char        *path,
                      SpSuggestTsvKind   kind,
                      GError           **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  FILE *file;
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  /* One byte more than allowed tells a file at the limit from a larger one */
  data = g_malloc (SP_SUGGEST_TSV_MAX_SIZE + 1);
  length = fread (data, 1, SP_SUGGEST_TSV_MAX_SIZE + 1, file);
  saved_errno = errno;
  if (ferror (file))
    {
      fclose (file);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  fclose (file);

  return sp_suggest_list_parse (data, length, path, kind, error);
}

guint
sp_suggest_list_get_n_items (const SpSuggestList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return list->entries->len;
}

const SpSuggestItem *
sp_suggest_list_get_item (const SpSuggestList *list,
                          guint                index)
{
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (index < list->entries->len, NULL);
  return &((Entry *) g_ptr_array_index (list->entries, index))->item;
}

guint
sp_suggest_list_get_n_documents (const SpSuggestList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return g_hash_table_size (list->documents);
}

gboolean
sp_suggest_list_has_document (const SpSuggestList *list,
                              const char          *doc)
{
  g_autofree char *doc_key = sp_name_normalize (doc);

  g_return_val_if_fail (list != NULL, FALSE);
  return doc_key != NULL && g_hash_table_contains (list->documents, doc_key);
}

static void
item_free (gpointer data)
{
  SpSuggestItem *item = data;

  g_free ((char *) item->doc);
  g_free ((char *) item->actor);
  g_free ((char *) item->issue);
  g_free (item);
}

static SpSuggestItem *
item_copy (const SpSuggestItem *item)
{
  SpSuggestItem *copy = g_new0 (SpSuggestItem, 1);

  copy->doc = g_strdup (item->doc);
  copy->actor = g_strdup (item->actor);
  copy->issue = g_strdup (item->issue);
  copy->stance = sign_of (item->stance);
  copy->sentence = item->sentence;
  return copy;
}

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const SpSuggestItem *x = *(const SpSuggestItem * const *) a;
  const SpSuggestItem *y = *(const SpSuggestItem * const *) b;
  int order;

  if ((order = strcmp (x->doc, y->doc)) != 0 ||
      (order = strcmp (x->actor, y->actor)) != 0 ||
      (order = strcmp (x->issue, y->issue)) != 0)
    return order;
  if (x->stance != y->stance)
    return x->stance < y->stance ? -1 : 1;
  return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

static void
counts_finish (SpSuggestCounts *counts)
{
  counts->precision = counts->tp + counts->fp > 0
                      ? (double) counts->tp / (counts->tp + counts->fp) : 0.0;
  counts->recall = counts->tp + counts->fn > 0
                   ? (double) counts->tp / (counts->tp + counts->fn) : 0.0;
  counts->f1 = counts->precision + counts->recall > 0.0
               ? 2.0 * counts->precision * counts->recall / (counts->precision + counts->recall)
               : 0.0;
}

/**
 * sp_suggest_evaluate:
 * @gold: a list read as SP_SUGGEST_TSV_GOLD
 * @predictions: (array length=n_predictions) (nullable): the predicted claims
 * @sentence_tolerance: how many sentences a prediction may lie from the gold's and still
 *   count at sentence level (0: the same sentence)
 *
 * Returns: (transfer full): the figures and, at document level, the wrong and missed claims
 */
SpSuggestScore *
sp_suggest_evaluate (const SpSuggestList *gold,
                     const SpSuggestItem *predictions,
                     guint                n_predictions,
                     guint                sentence_tolerance)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) predicted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  SpSuggestScore *score;

  g_return_val_if_fail (gold != NULL, NULL);
  g_return_val_if_fail (gold->kind == SP_SUGGEST_TSV_GOLD, NULL);
  g_return_val_if_fail (predictions != NULL || n_predictions == 0, NULL);

  score = g_new0 (SpSuggestScore, 1);
  score->sentence_tolerance = sentence_tolerance;
  score->n_documents = g_hash_table_size (gold->documents);
  score->n_predictions = n_predictions;
  score->false_positives = g_ptr_array_new_with_free_func (item_free);
  score->false_negatives = g_ptr_array_new_with_free_func (item_free);

  for (guint i = 0; i < n_predictions; i++)
    {
      const SpSuggestItem *item = &predictions[i];
      Entry *entry = entry_new (item->doc, item->actor, item->issue, item->stance,
                                item->sentence, 0);
      Entry *gold_entry;
      g_autofree char *place = NULL;

      g_ptr_array_add (entries, entry);
      if (entry->doc_key == NULL || !g_hash_table_contains (gold->documents, entry->doc_key))
        {
          score->n_ignored++;
          continue;
        }

      /* An actor or issue that is not UTF-8 matches nothing but is still a prediction */
      if (entry->triple_key == NULL)
        entry->triple_key = g_strdup_printf ("\x01%u", i);

      /* Document level: each predicted triple once */
      if (!g_hash_table_contains (predicted, entry->triple_key))
        {
          g_hash_table_insert (predicted, entry->triple_key, entry);
          if (!g_hash_table_contains (gold->triples, entry->triple_key))
            {
              score->documents.fp++;
              g_ptr_array_add (score->false_positives, item_copy (&entry->item));
            }
          else
            score->documents.tp++;
        }

      /* Sentence level: each predicted (triple, sentence) once */
      place = g_strdup_printf ("%s\x1f%u", entry->triple_key, entry->item.sentence);
      if (g_hash_table_contains (placed, place))
        continue;
      g_hash_table_add (placed, g_steal_pointer (&place));

      gold_entry = g_hash_table_lookup (gold->triples, entry->triple_key);
      if (gold_entry != NULL && entry->item.sentence != 0 &&
          !g_hash_table_contains (matched, gold_entry) &&
          (entry->item.sentence > gold_entry->item.sentence
           ? entry->item.sentence - gold_entry->item.sentence
           : gold_entry->item.sentence - entry->item.sentence) <= sentence_tolerance)
        {
          g_hash_table_add (matched, gold_entry);
          score->sentences.tp++;
        }
      else
        {
          score->sentences.fp++;
          if (gold_entry != NULL)
            score->n_other_sentence++;
        }
    }

  for (guint i = 0; i < gold->entries->len; i++)
    {
      Entry *gold_entry = g_ptr_array_index (gold->entries, i);

      if (!g_hash_table_contains (predicted, gold_entry->triple_key))
        {
          score->documents.fn++;
          g_ptr_array_add (score->false_negatives, item_copy (&gold_entry->item));
        }
      if (!g_hash_table_contains (matched, gold_entry))
        score->sentences.fn++;
    }

  g_ptr_array_sort (score->false_positives, item_compare);
  g_ptr_array_sort (score->false_negatives, item_compare);
  counts_finish (&score->documents);
  counts_finish (&score->sentences);
  return score;
}

/**
 * sp_suggest_evaluate_list:
 * @predictions: a list read as SP_SUGGEST_TSV_PREDICTIONS (or a gold list, to compare two)
 *
 * Returns: (transfer full): sp_suggest_evaluate() on the items of @predictions
 */
SpSuggestScore *
sp_suggest_evaluate_list (const SpSuggestList *gold,
                          const SpSuggestList *predictions,
                          guint                sentence_tolerance)
{
  g_autofree SpSuggestItem *items = NULL;

  g_return_val_if_fail (predictions != NULL, NULL);

  items = g_new0 (SpSuggestItem, MAX (predictions->entries->len, 1));
  for (guint i = 0; i < predictions->entries->len; i++)
    items[i] = ((Entry *) g_ptr_array_index (predictions->entries, i))->item;
  return sp_suggest_evaluate (gold, items, predictions->entries->len, sentence_tolerance);
}

void
sp_suggest_score_free (SpSuggestScore *score)
{
  if (score == NULL)
    return;
  g_clear_pointer (&score->false_positives, g_ptr_array_unref);
  g_clear_pointer (&score->false_negatives, g_ptr_array_unref);
  g_free (score);
}

static void
append_counts (GString               *out,
               const char            *level,
               const SpSuggestCounts *counts)
{
  char precision[G_ASCII_DTOSTR_BUF_SIZE];
  char recall[G_ASCII_DTOSTR_BUF_SIZE];
  char f1[G_ASCII_DTOSTR_BUF_SIZE];

  /* g_ascii_formatd: a full stop whatever the locale, for scripts that read the report */
  g_string_append_printf (out, "%s: precision %s, recall %s, F1 %s (tp %u, fp %u, fn %u)\n",
                          level,
                          g_ascii_formatd (precision, sizeof precision, "%.3f", counts->precision),
                          g_ascii_formatd (recall, sizeof recall, "%.3f", counts->recall),
                          g_ascii_formatd (f1, sizeof f1, "%.3f", counts->f1),
                          counts->tp, counts->fp, counts->fn);
}

static void
append_items (GString    *out,
              const char *what,
              GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const SpSuggestItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t", what, item->doc, item->actor,
                              item->issue, item->stance > 0 ? "+1" : item->stance < 0 ? "-1" : "0");
      if (item->sentence > 0)
        g_string_append_printf (out, "%u", item->sentence);
      g_string_append_c (out, '\n');
    }
}

/**
 * sp_suggest_score_format:
 *
 * Returns: (transfer full): the report, one figure a line; precision, recall and F1 with three
 *   decimals and a full stop whatever the locale
 */
char *
sp_suggest_score_format (const SpSuggestScore *score,
                         gboolean              verbose)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *sentence_level = NULL;

  g_return_val_if_fail (score != NULL, NULL);

  g_string_append_printf (out, "gold: %u documents, %u claims\n", score->n_documents,
                          score->documents.tp + score->documents.fn);
  g_string_append_printf (out, "predictions: %u, of which %u on documents outside the gold "
                          "(left out)\n", score->n_predictions, score->n_ignored);
  append_counts (out, "document level", &score->documents);
  sentence_level = g_strdup_printf ("sentence level (within %u)", score->sentence_tolerance);
  append_counts (out, sentence_level, &score->sentences);
  g_string_append_printf (out, "sentence-level false positives of a gold triple in another "
                          "sentence: %u\n", score->n_other_sentence);
  if (verbose)
    {
      append_items (out, "fp", score->false_positives);
      append_items (out, "fn", score->false_negatives);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
