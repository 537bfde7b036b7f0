/* sp-matrix.c
 *
 * Aggregation of claims into the position matrix. The budget (DESIGN.md: 100,000 claims in
 * under 100 ms) rules out anything per cell or per claim object, so the store is asked once,
 * with a GROUP BY over the claims table, for the sum of stances and the number of claims per
 * actor and issue; rows and columns come from the codebook. That query reaches past the
 * public store API into the connection (sp-project-private.h) on purpose: it is the one read
 * whose speed the matrix depends on.
 *
 * Sums rather than means are kept, so that a group's cell is the mean over all its members'
 * claims, not a mean of means.
 */
#define G_LOG_DOMAIN "sp-matrix"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-matrix.h"

typedef struct
{
  gint64  id;
  char   *label;
  char   *sort_key;
} SpMatrixRow;

typedef struct
{
  gint64  id;
  char   *key;
  char   *label;
} SpMatrixColumn;

struct _SpMatrix
{
  SpMatrixLevel  level;
  GArray        *rows;     /* SpMatrixRow */
  GArray        *columns;  /* SpMatrixColumn */
  gint64        *sums;     /* n_rows × n_columns, row-major */
  guint         *counts;
  guint          n_claims;
};

G_DEFINE_BOXED_TYPE (SpMatrix, sp_matrix, sp_matrix_ref, sp_matrix_unref)

static void
clear_row (gpointer data)
{
  SpMatrixRow *row = data;

  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->sort_key, g_free);
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
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->sums, g_free);
  g_clear_pointer (&self->counts, g_free);
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
static char *
make_sort_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SpMatrixRow *ra = a;
  const SpMatrixRow *rb = b;
  int cmp;

  if ((cmp = g_strcmp0 (ra->sort_key, rb->sort_key)) != 0 ||
      (cmp = g_strcmp0 (ra->label, rb->label)) != 0)
    return cmp;

  return (ra->id > rb->id) - (ra->id < rb->id);
}

/* One row per actor, or at group level per top-most affiliation, ordered by name */
static void
add_rows (SpMatrix   *self,
          GListModel *actors,
          GHashTable *groups)
{
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      SpMatrixRow row;

      row.id = sp_actor_get_id (actor);

      if (groups != NULL)
        {
          gint64 *group = g_hash_table_lookup (groups, &row.id);

          if (group != NULL && *group != row.id)
            continue;
        }

      row.label = g_strdup (sp_actor_get_name (actor));
      row.sort_key = make_sort_key (row.label);
      g_array_append_val (self->rows, row);
    }

  g_array_sort (self->rows, compare_rows);
}

/* Every issue is a column, in the codebook's order */
static void
add_columns (SpMatrix   *self,
             GListModel *issues)
{
  guint n = g_list_model_get_n_items (issues);

  g_array_set_size (self->columns, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
      SpMatrixColumn *column = &g_array_index (self->columns, SpMatrixColumn, i);

      *column = (SpMatrixColumn) {
        .id = sp_issue_get_id (issue),
        .key = g_strdup (sp_issue_get_key (issue)),
        .label = g_strdup (sp_issue_get_label (issue)),
      };
    }
}

static GHashTable *
index_ids (GArray *array,
           gsize   element_size)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* Both row and column structs start with their gint64 id. */
  for (guint i = 0; i < array->len; i++)
    g_hash_table_insert (index, array->data + i * element_size, GUINT_TO_POINTER (i + 1));

  return index;
}

typedef struct
{
  SpMatrix   *matrix;
  GHashTable *groups;
  GHashTable *row_index;
  GHashTable *column_index;
} Aggregation;

static void
add_stance_total (gint64   actor_id,
                  gint64   issue_id,
                  gint64   stance_sum,
                  guint    n_claims,
                  gpointer user_data)
{
  Aggregation *aggregation = user_data;
  SpMatrix *self = aggregation->matrix;
  guint n_columns = self->columns->len;
  guint row, column;

  if (aggregation->groups != NULL)
    {
      gint64 *group = g_hash_table_lookup (aggregation->groups, &actor_id);

      if (group != NULL)
        actor_id = *group;
    }

  row = GPOINTER_TO_UINT (g_hash_table_lookup (aggregation->row_index, &actor_id));
  column = GPOINTER_TO_UINT (g_hash_table_lookup (aggregation->column_index, &issue_id));
  if (row == 0 || column == 0)
    return;

  self->sums[(row - 1) * n_columns + column - 1] += stance_sum;
  self->counts[(row - 1) * n_columns + column - 1] += n_claims;
  self->n_claims += n_claims;
}

static gboolean
aggregate (SpMatrix    *self,
           SpProject   *project,
           GHashTable  *groups,
           GError     **error)
{
  g_autoptr(GHashTable) row_index = index_ids (self->rows, sizeof (SpMatrixRow));
  g_autoptr(GHashTable) column_index = index_ids (self->columns, sizeof (SpMatrixColumn));
  Aggregation aggregation = { self, groups, row_index, column_index };

  return sp_project_foreach_stance_total (project, add_stance_total, &aggregation, error);
}

/**
 * sp_matrix_compute:
 * @level: one row per actor, or one per group (an actor's top-most affiliation, whose row
 *   holds the claims of all its members)
 *
 * Aggregates the project's claims. Rows are ordered by name, case-insensitively; columns
 * follow the codebook's issue order. Every actor (or group) and every issue has its row or
 * column, with or without claims.
 *
 * Returns: (transfer full): the matrix, or %NULL on error
 */
SpMatrix *
sp_matrix_compute (SpProject      *project,
                   SpMatrixLevel   level,
                   GError        **error)
{
  g_autoptr(SpMatrix) self = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  gsize n_cells;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (level == SP_MATRIX_LEVEL_ACTOR || level == SP_MATRIX_LEVEL_GROUP, NULL);

  self = g_atomic_rc_box_new0 (SpMatrix);
  self->level = level;
  self->rows = g_array_new (FALSE, FALSE, sizeof (SpMatrixRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->columns = g_array_new (FALSE, FALSE, sizeof (SpMatrixColumn));
  g_array_set_clear_func (self->columns, clear_column);

  if (level == SP_MATRIX_LEVEL_GROUP &&
      !(groups = sp_project_dup_actor_groups (project, error)))
    return NULL;

  if (!(actors = sp_project_list_actors (project, error)) ||
      !(issues = sp_project_list_issues (project, error)))
    return NULL;

  add_rows (self, actors, groups);
  add_columns (self, issues);

  n_cells = (gsize)self->rows->len * self->columns->len;
  self->sums = g_new0 (gint64, MAX (n_cells, 1));
  self->counts = g_new0 (guint, MAX (n_cells, 1));

  if (!aggregate (self, project, groups, error))
    return NULL;

  return g_steal_pointer (&self);
}

SpMatrixLevel
sp_matrix_get_level (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_LEVEL_ACTOR);
  return self->level;
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

/* Returns: the id of the row's actor (at group level, of the group's top-most actor) */
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

gint64
sp_matrix_get_column_id (SpMatrix *self,
                         guint     column)
{
  return column_at (self, column)->id;
}

/* Returns: the issue's key, which names the column in the CSV export */
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

/**
 * sp_matrix_get_cell:
 * @mean: (out) (optional): the mean stance, −2..+2
 * @count: (out) (optional): the number of claims, 0 for an empty cell
 *
 * Returns: %FALSE for an empty cell (no claims), which has no mean: it is not 0
 */
gboolean
sp_matrix_get_cell (SpMatrix *self,
                    guint     row,
                    guint     column,
                    double   *mean,
                    guint    *count)
{
  gsize i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  i = (gsize)row * self->columns->len + column;

  if (count != NULL)
    *count = self->counts[i];
  if (mean != NULL)
    *mean = self->counts[i] > 0 ? (double)self->sums[i] / self->counts[i] : NAN;

  return self->counts[i] > 0;
}

/* Returns: the number of claims in all cells */
guint
sp_matrix_get_n_claims (SpMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_claims;
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

static const char * const matrix_levels[] = {
  [SP_MATRIX_LEVEL_ACTOR] = "actor",
  [SP_MATRIX_LEVEL_GROUP] = "group",
};

const char *
sp_matrix_level_to_string (SpMatrixLevel level)
{
  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (matrix_levels), NULL);
  return matrix_levels[level];
}

gboolean
sp_matrix_level_from_string (const char    *str,
                             SpMatrixLevel *level)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (matrix_levels); i++)
    {
      if (g_str_equal (matrix_levels[i], str))
        {
          *level = i;
          return TRUE;
        }
    }

  return FALSE;
}
