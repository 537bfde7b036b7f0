/* sp-matrix.c
 *
 * The position matrix as a value: its rows, columns and cells, read by the window, the
 * exports and the CLI. Computing it is sp-matrix-compute.c; its order, sp-matrix-order.c.
 */
#define G_LOG_DOMAIN "sp-matrix"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-matrix-private.h"

G_DEFINE_BOXED_TYPE (SpMatrix, sp_matrix, sp_matrix_ref, sp_matrix_unref)

static void
clear_row (gpointer data)
{
  SpMatrixRow *row = data;

  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->sort_key, g_free);
  g_clear_pointer (&row->block_key, g_free);
}

static void
clear_column (gpointer data)
{
  SpMatrixColumn *column = data;

  g_clear_pointer (&column->key, g_free);
  g_clear_pointer (&column->label, g_free);
}

static void
sp_matrix_clear (SpMatrix *self)
{
  g_clear_pointer (&self->options, sp_matrix_options_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->evidence, g_free);
}

SpMatrix *
_sp_matrix_new (const SpMatrixOptions *options)
{
  SpMatrix *self = g_atomic_rc_box_new0 (SpMatrix);

  self->options = sp_matrix_options_copy (options);
  self->rows = g_array_new (FALSE, FALSE, sizeof (SpMatrixRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->columns = g_array_new (FALSE, FALSE, sizeof (SpMatrixColumn));
  g_array_set_clear_func (self->columns, clear_column);

  return self;
}

/**
 * sp_matrix_ref:
 *
 * Returns: (transfer full): @self, with one more reference; a matrix never changes, so
 *   threads may share it
 */
SpMatrix *
sp_matrix_ref (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/**
 * sp_matrix_unref:
 *
 * Drops a reference; the last one frees the matrix.
 */
void
sp_matrix_unref (SpMatrix *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify)sp_matrix_clear);
}

/* Case-insensitive and independent of the locale, so that exports are the same everywhere;
 * the decomposition puts "Émile" next to "Emil" rather than after "Z". */
char *
_sp_matrix_make_sort_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
}

/* Returns: YYYY-MM-DD as the number YYYYMMDD, or 0 for anything else */
guint32
_sp_matrix_parse_date (const char *date)
{
  guint32 value = 0;

  if (date == NULL)
    return 0;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return 0;
          continue;
        }
      if (!g_ascii_isdigit (date[i]))
        return 0;
      value = value * 10 + (guint32)(date[i] - '0');
    }

  return date[10] == '\0' ? value : 0;
}

/**
 * sp_matrix_compute:
 * @level: one row per actor, or one per group
 *
 * The matrix with the default options at @level, except that every actor (or group) and
 * every issue has its row or column, with or without claims: what the matrix was before it
 * had options.
 *
 * Returns: (transfer full): the matrix, or %NULL on error
 */
SpMatrix *
sp_matrix_compute (SpProject      *project,
                   SpMatrixLevel   level,
                   GError        **error)
{
  g_autoptr(SpMatrixOptions) options = sp_matrix_options_new ();

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (level == SP_MATRIX_LEVEL_ACTOR || level == SP_MATRIX_LEVEL_GROUP, NULL);

  sp_matrix_options_set_level (options, level);
  sp_matrix_options_set_hide_empty (options, FALSE);

  return sp_matrix_compute_with_options (project, options, error);
}

/* Returns: (transfer none): the options the matrix was computed with */
const SpMatrixOptions *
sp_matrix_get_options (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->options;
}

SpMatrixLevel
sp_matrix_get_level (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_LEVEL_ACTOR);
  return sp_matrix_options_get_level (self->options);
}

guint
sp_matrix_get_n_rows (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
sp_matrix_get_n_columns (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

/* What a getter finds out of range: 0 and NULL, after a critical */
static const SpMatrixRow no_row;
static const SpMatrixColumn no_column;

static gconstpointer
entry_at (GArray        *entries,
          guint          index,
          gconstpointer  none)
{
  g_return_val_if_fail (index < entries->len, none);
  return entries->data + (gsize)index * g_array_get_element_size (entries);
}

static const SpMatrixRow *
row_at (SpMatrix *self,
        guint     row)
{
  g_return_val_if_fail (self != NULL, &no_row);
  return entry_at (self->rows, row, &no_row);
}

static const SpMatrixColumn *
column_at (SpMatrix *self,
           guint     column)
{
  g_return_val_if_fail (self != NULL, &no_column);
  return entry_at (self->columns, column, &no_column);
}

/* Returns: the id of the row's actor (at group level, of the group's top-most actor; for a
 *   member of an expanded group, of the member) */
gint64
sp_matrix_get_row_id (SpMatrix *self,
                      guint     row)
{
  return row_at (self, row)->id;
}

const char *
sp_matrix_get_row_label (SpMatrix *self,
                         guint     row)
{
  return row_at (self, row)->label;
}

/* Returns: for a member's row of an expanded group, the group's id; else 0 */
gint64
sp_matrix_get_row_group_id (SpMatrix *self,
                            guint     row)
{
  return row_at (self, row)->group_id;
}

gint64
sp_matrix_get_column_id (SpMatrix *self,
                         guint     column)
{
  return column_at (self, column)->id;
}

/* Returns: the key, which names the column in the CSV export */
const char *
sp_matrix_get_column_key (SpMatrix *self,
                          guint     column)
{
  return column_at (self, column)->key;
}

const char *
sp_matrix_get_column_label (SpMatrix *self,
                            guint     column)
{
  return column_at (self, column)->label;
}

static gboolean
find_id (GArray *entries,
         gint64  id,
         guint  *index)
{
  gsize size = g_array_get_element_size (entries);

  for (guint i = 0; i < entries->len; i++)
    {
      if (*(const gint64 *)(gpointer)(entries->data + i * size) == id)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sp_matrix_find_row:
 * @row: (out) (optional): where the row with that id is
 *
 * Returns: whether a row has the actor (or group) id @id
 */
gboolean
sp_matrix_find_row (SpMatrix *self,
                    gint64    id,
                    guint    *row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_id (self->rows, id, row);
}

/**
 * sp_matrix_find_column:
 * @column: (out) (optional): where the column is
 *
 * Returns: whether an issue with the id @id is a column
 */
gboolean
sp_matrix_find_column (SpMatrix *self,
                       gint64    id,
                       guint    *column)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_id (self->columns, id, column);
}

/**
 * sp_matrix_get_cell:
 * @mean: (out) (optional): the cell's score, −2..+2 (the mean under the default options)
 * @count: (out) (optional): the number of claims, 0 for an empty cell
 *
 * Returns: %FALSE for an empty cell (no claims), which has no score: it is not 0
 */
gboolean
sp_matrix_get_cell (SpMatrix *self,
                    guint     row,
                    guint     column,
                    double   *mean,
                    guint    *count)
{
  const SpMatrixCell *cell;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  cell = _sp_matrix_cell (self, row, column);
  if (count != NULL)
    *count = cell->info.n_claims;
  if (mean != NULL)
    *mean = cell->info.score;

  return cell->info.n_claims > 0;
}

/**
 * sp_matrix_get_cell_info:
 * @info: (out caller-allocates): everything known about the cell
 *
 * Returns: %FALSE for an empty cell
 */
gboolean
sp_matrix_get_cell_info (SpMatrix         *self,
                         guint             row,
                         guint             column,
                         SpMatrixCellInfo *info)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  *info = _sp_matrix_cell (self, row, column)->info;
  return info->n_claims > 0;
}

/**
 * sp_matrix_get_cell_evidence:
 * @n_evidence: (out): how many
 *
 * The claims (and included pending suggestions) behind a cell, in time order: the sequence
 * the evidence panel shows.
 *
 * Returns: (transfer none) (array length=n_evidence) (nullable): owned by the matrix
 */
const SpMatrixEvidence *
sp_matrix_get_cell_evidence (SpMatrix *self,
                             guint     row,
                             guint     column,
                             guint    *n_evidence)
{
  const SpMatrixCell *cell;

  g_return_val_if_fail (n_evidence != NULL, NULL);
  *n_evidence = 0;
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  cell = _sp_matrix_cell (self, row, column);
  *n_evidence = cell->info.n_claims;
  return cell->info.n_claims > 0 ? &self->evidence[cell->first] : NULL;
}

/* Returns: the number of claims in all cells, pending suggestions included when counted */
guint
sp_matrix_get_n_claims (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_claims;
}

/* Returns: how many of sp_matrix_get_n_claims() are pending suggestions */
guint
sp_matrix_get_n_pending (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pending;
}

/* Returns: the number of documents the matrix's claims come from */
guint
sp_matrix_get_n_documents (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_documents;
}

/* Returns: the claims left out because a date filter is on and their document has no date
 *   (they would otherwise have counted) */
guint
sp_matrix_get_n_undated (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_undated;
}

static int
sign_of (double score)
{
  return (score > 0) - (score < 0);
}

/**
 * sp_matrix_compare:
 * @earlier: the matrix at an earlier date (or under other options)
 * @later: the matrix to report changes in
 *
 * What changed: the cells present in both matrices (same actor or group, same issue) whose
 * sign differs — support became opposition or neutral, and so on. Cells only in one of
 * them are not changes of position and are not listed.
 *
 * Returns: (transfer full) (element-type SpMatrixChange): in @later's row, then column order
 */
GArray *
sp_matrix_compare (SpMatrix *earlier,
                   SpMatrix *later)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (SpMatrixChange));
  g_autofree guint *earlier_columns = NULL;

  g_return_val_if_fail (earlier != NULL && later != NULL, NULL);

  earlier_columns = g_new (guint, MAX (later->columns->len, 1));
  for (guint c = 0; c < later->columns->len; c++)
    if (!sp_matrix_find_column (earlier, sp_matrix_get_column_id (later, c), &earlier_columns[c]))
      earlier_columns[c] = G_MAXUINT;

  for (guint r = 0; r < later->rows->len; r++)
    {
      guint er;

      if (!sp_matrix_find_row (earlier, sp_matrix_get_row_id (later, r), &er))
        continue;

      for (guint c = 0; c < later->columns->len; c++)
        {
          const SpMatrixCell *after = _sp_matrix_cell (later, r, c);
          const SpMatrixCell *before;

          if (earlier_columns[c] == G_MAXUINT || after->info.n_claims == 0)
            continue;

          before = _sp_matrix_cell (earlier, er, earlier_columns[c]);
          if (before->info.n_claims == 0 ||
              sign_of (before->info.score) == sign_of (after->info.score))
            continue;

          g_array_append_val (changes, ((SpMatrixChange) {
            .row = r, .column = c,
            .before = before->info.score, .after = after->info.score,
          }));
        }
    }

  return g_steal_pointer (&changes);
}

/**
 * sp_matrix_compute_changes:
 * @options: the options of both matrices, whose end date is replaced by each date
 * @earlier_date: YYYY-MM-DD: the first matrix is "as of" this day
 * @later_date: YYYY-MM-DD: the second, "as of" this day
 * @later: (out) (optional) (transfer full): the later matrix, which the changes index
 *
 * Returns: (transfer full) (element-type SpMatrixChange): sp_matrix_compare() of the two,
 *   or %NULL on error (a malformed date, or the store)
 */
GArray *
sp_matrix_compute_changes (SpProject              *project,
                           const SpMatrixOptions  *options,
                           const char             *earlier_date,
                           const char             *later_date,
                           SpMatrix              **later,
                           GError                **error)
{
  g_autoptr(SpMatrixOptions) earlier_options = NULL;
  g_autoptr(SpMatrixOptions) later_options = NULL;
  g_autoptr(SpMatrix) earlier_matrix = NULL;
  g_autoptr(SpMatrix) later_matrix = NULL;
  const char *from;
  GArray *changes;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (earlier_date != NULL && later_date != NULL, NULL);

  earlier_options = sp_matrix_options_copy (options);
  later_options = sp_matrix_options_copy (options);
  from = sp_matrix_options_get_date_from (options);

  if (!sp_matrix_options_set_date_range (earlier_options, from, earlier_date, error) ||
      !sp_matrix_options_set_date_range (later_options, from, later_date, error) ||
      !(earlier_matrix = sp_matrix_compute_with_options (project, earlier_options, error)) ||
      !(later_matrix = sp_matrix_compute_with_options (project, later_options, error)))
    return NULL;

  changes = sp_matrix_compare (earlier_matrix, later_matrix);
  if (later != NULL)
    *later = g_steal_pointer (&later_matrix);

  return changes;
}

/**
 * sp_matrix_format_mean:
 * @for_display: %TRUE for the chart ("+1.5", "−0.33" with a minus sign), %FALSE for data
 *   files ("1.5", "-0.33")
 * @buffer: (out caller-allocates): where the text goes
 *
 * Writes @mean rounded to two decimals (halves away from zero), without trailing zeros and
 * independently of the locale. A mean that rounds to zero is "0", never "-0".
 */
void
sp_matrix_format_mean (double   mean,
                       gboolean for_display,
                       char     buffer[SP_MATRIX_MEAN_TEXT_SIZE])
{
  gint64 hundredths;
  guint64 magnitude;
  const char *sign = "";
  char fraction[4] = "";

  g_return_if_fail (buffer != NULL);

  if (!isfinite (mean))
    {
      buffer[0] = '\0';
      return;
    }

  /* A mean is a ratio of integers; the nudge makes its exact halves (1.005 = 201/200, which
   * a double holds as 1.00499…) round away from zero as they would on paper. */
  hundredths = llround (mean * 100.0 + copysign (1e-9, mean));
  magnitude = hundredths < 0 ? (guint64)-hundredths : (guint64)hundredths;

  if (hundredths < 0)
    sign = for_display ? "\xe2\x88\x92" : "-";
  else if (hundredths > 0 && for_display)
    sign = "+";

  if (magnitude % 100 != 0)
    {
      g_snprintf (fraction, sizeof fraction, ".%02u", (guint)(magnitude % 100));
      if (fraction[2] == '0')
        fraction[2] = '\0';
    }

  g_snprintf (buffer, SP_MATRIX_MEAN_TEXT_SIZE, "%s%" G_GUINT64_FORMAT "%s",
              sign, magnitude / 100, fraction);
}

/**
 * sp_matrix_format_date:
 * @date: YYYYMMDD as in #SpMatrixCellInfo, or 0
 * @buffer: (out caller-allocates): "YYYY-MM-DD", or "" for 0
 */
void
sp_matrix_format_date (guint32 date,
                       char    buffer[SP_MATRIX_DATE_TEXT_SIZE])
{
  g_return_if_fail (buffer != NULL);

  if (date == 0 || date > 99991231)
    {
      buffer[0] = '\0';
      return;
    }

  g_snprintf (buffer, SP_MATRIX_DATE_TEXT_SIZE, "%04u-%02u-%02u",
              date / 10000, date / 100 % 100, date % 100);
}
