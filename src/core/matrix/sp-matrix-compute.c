/* sp-matrix-compute.c
 *
 * Aggregation of claims into the position matrix under its options. The budget (DESIGN.md:
 * 100,000 claims in under 100 ms) rules out anything per claim object, so the store is read
 * once, row by row, through sp_project_foreach_stance(); filters are lookups in sorted
 * arrays and hash tables, the claims of each cell are gathered with a counting sort, and each
 * cell is then ordered in time and aggregated on its own (README.md, "Position matrix", says
 * what mean, latest and majority are, per claim and per document).
 */
#define G_LOG_DOMAIN "sp-matrix"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-matrix-private.h"

typedef struct
{
  SpMatrix              *matrix;
  const SpMatrixOptions *options;
  GHashTable            *row_of_actor;     /* actor id -> row + 1 */
  GHashTable            *column_of_issue;  /* issue id -> column + 1 */
  const gint64          *documents;
  guint                  n_documents;
  const gint64          *actors;
  guint                  n_actors;
  const char * const    *sources;
  guint                  n_sources;
  guint32                from;             /* YYYYMMDD, 0 when open */
  guint32                to;               /* YYYYMMDD, G_MAXUINT32 when open */
  gboolean               dated_only;
  GArray                *items;            /* Item */
  const char            *last_date_text;   /* the store's string for the last document */
  guint32                last_date;
  guint                 *row_by_id;        /* actor id -> row + 1, for small ids */
  gsize                  n_row_by_id;
  guint                 *column_by_id;     /* issue id -> column + 1, for small ids */
  gsize                  n_column_by_id;
} Collector;

/* Ids are small and dense in practice: a table indexed by id answers faster than a hash
 * table, for the 100,000 lookups of a large project. Returns %NULL when the largest id is
 * far beyond the number of entries. */
static guint *
dense_index (GHashTable *index,
             gsize      *n)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 max = 0;
  guint *table;

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *)key < 0)
      return NULL;
    else
      max = MAX (max, *(gint64 *)key);

  if (max >= 4 * (gint64)g_hash_table_size (index) + 4096)
    return NULL;

  *n = (gsize)max + 1;
  table = g_new0 (guint, *n);
  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    table[*(gint64 *)key] = GPOINTER_TO_UINT (value);

  return table;
}

static inline guint
lookup (const guint *table,
        gsize        n,
        GHashTable  *index,
        gint64       id)
{
  if (table != NULL)
    return id >= 0 && (guint64)id < n ? table[id] : 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
}

typedef struct
{
  SpMatrixEvidence evidence;
  guint            cell;
} Item;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static gboolean
has_id (const gint64 *ids,
        guint         n_ids,
        gint64        id)
{
  return bsearch (&id, ids, n_ids, sizeof (gint64), compare_ids) != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static void
collect_cb (const SpStanceRow *row,
            gpointer           user_data)
{
  Collector *collector = user_data;
  guint r, c;
  guint32 date;
  Item item;

  if (collector->actors != NULL && !has_id (collector->actors, collector->n_actors, row->actor_id))
    return;
  if (collector->documents != NULL &&
      !has_id (collector->documents, collector->n_documents, row->document_id))
    return;
  if (collector->sources != NULL &&
      (row->source == NULL ||
       bsearch (&row->source, collector->sources, collector->n_sources, sizeof (char *),
                compare_strings) == NULL))
    return;

  r = lookup (collector->row_by_id, collector->n_row_by_id, collector->row_of_actor, row->actor_id);
  c = lookup (collector->column_by_id, collector->n_column_by_id, collector->column_of_issue, row->issue_id);
  if (r == 0 || c == 0)
    return;

  /* A document's claims share its date string: parse it once per run of them */
  if (row->date != collector->last_date_text || row->date == NULL)
    {
      collector->last_date_text = row->date;
      collector->last_date = _sp_matrix_parse_date (row->date);
    }
  date = collector->last_date;
  if (collector->dated_only)
    {
      if (date == 0)
        {
          collector->matrix->n_undated++;
          return;
        }
      if (date < collector->from || date > collector->to)
        return;
    }

  item.evidence = (SpMatrixEvidence) {
    .id = row->id,
    .document_id = row->document_id,
    .actor_id = row->actor_id,
    .date = date,
    .stance = (gint8)CLAMP (row->stance, SP_STANCE_MIN, SP_STANCE_MAX),
    .pending = row->pending,
  };
  item.cell = (r - 1) * collector->matrix->columns->len + (c - 1);
  g_array_append_val (collector->items, item);
}

static void
add_row (SpMatrix   *self,
         gint64      id,
         const char *label,
         gint64      group_id,
         const char *group_label)
{
  SpMatrixRow row = {
    .id = id,
    .label = g_strdup (label),
    .sort_key = _sp_matrix_make_sort_key (label),
    .group_id = group_id,
    .block_key = group_label != NULL ? _sp_matrix_make_sort_key (group_label) : NULL,
  };

  g_array_append_val (self->rows, row);
}

/* Rows: one per actor; at group level one per group, except that an expanded group has one
 * per member (its top-most actor included). Returns actor id -> row + 1. */
static GHashTable *
add_rows (SpMatrix              *self,
          const SpMatrixOptions *options,
          GListModel            *actors,
          GHashTable            *groups)
{
  GHashTable *row_of_actor = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) row_of_group = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (actors);
  guint n_filter;
  const gint64 *filter = sp_matrix_options_get_actor_ids (options, &n_filter);

  for (guint i = 0; groups != NULL && i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (sp_actor_get_name (actor)));
    }

  /* First the rows, then which row each actor's claims go to */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
      gint64 id = sp_actor_get_id (actor);
      gint64 *group = groups != NULL ? g_hash_table_lookup (groups, &id) : NULL;
      gint64 group_id = group != NULL ? *group : id;

      if (groups == NULL)
        {
          if (filter == NULL || has_id (filter, n_filter, id))
            add_row (self, id, sp_actor_get_name (actor), 0, NULL);
        }
      else if (sp_matrix_options_is_group_expanded (options, group_id))
        {
          if (filter == NULL || has_id (filter, n_filter, id))
            add_row (self, id, sp_actor_get_name (actor), group_id,
                     g_hash_table_lookup (names, &group_id));
        }
      else if (group_id == id)
        {
          add_row (self, id, sp_actor_get_name (actor), 0, NULL);
        }
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      SpMatrixRow *row = &g_array_index (self->rows, SpMatrixRow, r);

      if (groups != NULL && row->group_id == 0)
        g_hash_table_insert (row_of_group, &row->id, GUINT_TO_POINTER (r + 1));
      else
        g_hash_table_insert (row_of_actor, g_memdup2 (&row->id, sizeof (gint64)),
                             GUINT_TO_POINTER (r + 1));
    }

  if (groups != NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpActor) actor = g_list_model_get_item (actors, i);
          gint64 id = sp_actor_get_id (actor);
          gint64 *group = g_hash_table_lookup (groups, &id);
          gpointer r = g_hash_table_lookup (row_of_group, group != NULL ? group : &id);

          if (r != NULL && !g_hash_table_contains (row_of_actor, &id))
            g_hash_table_insert (row_of_actor, g_memdup2 (&id, sizeof (gint64)), r);
        }
    }

  return row_of_actor;
}

/* Columns: every issue (or those of the issue filter), in the codebook's order */
static GHashTable *
add_columns (SpMatrix              *self,
             const SpMatrixOptions *options,
             GListModel            *issues)
{
  GHashTable *column_of_issue = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (issues);
  guint n_filter;
  const gint64 *filter = sp_matrix_options_get_issue_ids (options, &n_filter);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
      gint64 id = sp_issue_get_id (issue);
      SpMatrixColumn column;

      if (filter != NULL && !has_id (filter, n_filter, id))
        continue;

      column = (SpMatrixColumn) {
        .id = id,
        .key = g_strdup (sp_issue_get_key (issue)),
        .label = g_strdup (sp_issue_get_label (issue)),
      };
      g_array_append_val (self->columns, column);
      g_hash_table_insert (column_of_issue, g_memdup2 (&id, sizeof (gint64)),
                           GUINT_TO_POINTER (self->columns->len));
    }

  return column_of_issue;
}

/* Time order within a cell: undated first, then date, document, claims before pending
 * suggestions, id. A document's claims share its date, so they end up next to each other. */
static int
compare_evidence (gconstpointer a,
                  gconstpointer b)
{
  const SpMatrixEvidence *x = a, *y = b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  if (x->pending != y->pending)
    return x->pending ? 1 : -1;
  return (x->id > y->id) - (x->id < y->id);
}

typedef struct
{
  double  stance;
  guint32 date;
} Vote;

/* Majority: the sign most votes share; the score is the mean of those votes. A tie for the
 * most votes is no majority and scores 0 (neutral). */
static double
majority_of (const Vote *votes,
             guint       n_votes)
{
  guint counts[3] = { 0, 0, 0 };  /* oppose, neutral, support */
  double sums[3] = { 0, 0, 0 };
  guint best = 0;

  for (guint i = 0; i < n_votes; i++)
    {
      guint s = votes[i].stance > 0 ? 2 : votes[i].stance < 0 ? 0 : 1;

      counts[s]++;
      sums[s] += votes[i].stance;
    }

  for (guint s = 1; s < 3; s++)
    if (counts[s] > counts[best])
      best = s;

  for (guint s = 0; s < 3; s++)
    if (s != best && counts[s] == counts[best])
      return 0.0;

  return counts[best] > 0 ? sums[best] / counts[best] : 0.0;
}

static void
aggregate_cell (SpMatrixCell      *cell,
                SpMatrixEvidence  *evidence,
                SpMatrixAggregate  aggregate,
                SpMatrixUnit       unit,
                GArray            *votes)
{
  SpMatrixCellInfo *info = &cell->info;
  guint n = info->n_claims;
  gint64 sum = 0;

  if (n == 0)
    {
      info->score = NAN;
      return;
    }

  /* Claims are mostly made article by article, so a cell is often in order already */
  for (guint i = 1; i < n; i++)
    {
      if (compare_evidence (&evidence[i - 1], &evidence[i]) > 0)
        {
          qsort (evidence, n, sizeof (SpMatrixEvidence), compare_evidence);
          break;
        }
    }
  g_array_set_size (votes, 0);

  for (guint i = 0; i < n; i++)
    {
      const SpMatrixEvidence *e = &evidence[i];

      sum += e->stance;
      if (e->stance > 0)
        info->n_support++;
      else if (e->stance < 0)
        info->n_oppose++;
      else
        info->n_neutral++;
      if (e->pending)
        info->n_pending++;
      if (e->date != 0)
        {
          if (info->first_date == 0 || e->date < info->first_date)
            info->first_date = e->date;
          info->last_date = MAX (info->last_date, e->date);
        }

      if (i == 0 || e->document_id != evidence[i - 1].document_id)
        info->n_documents++;

      if (unit == SP_MATRIX_UNIT_CLAIM)
        {
          Vote vote = { e->stance, e->date };
          g_array_append_val (votes, vote);
        }
      else if (i + 1 == n || evidence[i + 1].document_id != e->document_id)
        {
          /* The document's claims in this cell collapse to their mean, one vote */
          gint64 doc_sum = 0;
          guint first = i;
          Vote vote;

          while (first > 0 && evidence[first - 1].document_id == e->document_id)
            first--;
          for (guint k = first; k <= i; k++)
            doc_sum += evidence[k].stance;

          vote = (Vote) { (double)doc_sum / (i - first + 1), e->date };
          g_array_append_val (votes, vote);
        }
    }

  if (info->n_support > 0 && info->n_oppose > 0)
    info->flags |= SP_MATRIX_CELL_DISAGREEMENT;
  if (info->n_pending > 0)
    info->flags |= SP_MATRIX_CELL_PENDING;

  switch (aggregate)
    {
    case SP_MATRIX_AGGREGATE_LATEST:
      info->score = g_array_index (votes, Vote, votes->len - 1).stance;
      break;

    case SP_MATRIX_AGGREGATE_MAJORITY:
      info->score = majority_of ((const Vote *)(gpointer)votes->data, votes->len);
      break;

    case SP_MATRIX_AGGREGATE_MEAN:
    default:
      if (unit == SP_MATRIX_UNIT_CLAIM)
        info->score = (double)sum / n;  /* exact, as a ratio of integers */
      else
        {
          double total = 0;

          for (guint k = 0; k < votes->len; k++)
            total += g_array_index (votes, Vote, k).stance;
          info->score = total / votes->len;
        }
      break;
    }
}

/* Gathers each cell's claims together (a counting sort by cell) and aggregates every cell */
static void
build_cells (SpMatrix              *self,
             const SpMatrixOptions *options,
             GArray                *items)
{
  gsize n_cells = (gsize)self->rows->len * self->columns->len;
  g_autofree guint *next = g_new0 (guint, n_cells + 1);
  g_autoptr(GArray) votes = g_array_new (FALSE, FALSE, sizeof (Vote));
  g_autoptr(GHashTable) documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GByteArray) seen = g_byte_array_new ();  /* one byte per small document id */
  SpMatrixAggregate aggregate = sp_matrix_options_get_aggregate (options);
  SpMatrixUnit unit = sp_matrix_options_get_unit (options);
  guint offset = 0;

  self->cells = g_new0 (SpMatrixCell, MAX (n_cells, 1));
  self->evidence = g_new (SpMatrixEvidence, MAX (items->len, 1));
  self->n_evidence = items->len;

  for (guint i = 0; i < items->len; i++)
    self->cells[g_array_index (items, Item, i).cell].info.n_claims++;

  for (gsize i = 0; i < n_cells; i++)
    {
      self->cells[i].first = next[i] = offset;
      offset += self->cells[i].info.n_claims;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      gint64 document = item->evidence.document_id;

      self->evidence[next[item->cell]++] = item->evidence;

      if (item->evidence.pending)
        self->n_pending++;

      /* Document ids are small and dense: a byte map counts them faster than a set */
      if (document >= 0 && document < (1 << 24))
        {
          if ((guint)document >= seen->len)
            {
              guint old = seen->len;

              g_byte_array_set_size (seen, MAX ((guint)document + 1, old * 2));
              memset (seen->data + old, 0, seen->len - old);
            }
          if (!seen->data[document])
            {
              seen->data[document] = 1;
              self->n_documents++;
            }
        }
      else if (g_hash_table_add (documents, &item->evidence.document_id))
        self->n_documents++;
    }

  self->n_claims = items->len;

  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < self->columns->len; c++)
      {
        SpMatrixCell *cell = _sp_matrix_cell (self, r, c);

        aggregate_cell (cell, &self->evidence[cell->first], aggregate, unit, votes);
        g_array_index (self->rows, SpMatrixRow, r).n_claims += cell->info.n_claims;
        g_array_index (self->columns, SpMatrixColumn, c).n_claims += cell->info.n_claims;
      }
}

/* Leaves out the rows and columns without a claim, keeping the order of the others */
static void
drop_empty (SpMatrix *self)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (SpMatrixRow));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (SpMatrixColumn));
  g_autofree guint *column_map = g_new (guint, MAX (self->columns->len, 1));
  SpMatrixCell *cells;
  guint n_rows = 0, n_columns = 0;

  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, SpMatrixColumn, c).n_claims > 0)
      column_map[n_columns++] = c;

  for (guint r = 0; r < self->rows->len; r++)
    if (g_array_index (self->rows, SpMatrixRow, r).n_claims > 0)
      n_rows++;

  if (n_rows == self->rows->len && n_columns == self->columns->len)
    return;

  cells = g_new0 (SpMatrixCell, MAX ((gsize)n_rows * n_columns, 1));
  n_rows = 0;
  for (guint r = 0; r < self->rows->len; r++)
    {
      SpMatrixRow *row = &g_array_index (self->rows, SpMatrixRow, r);

      if (row->n_claims == 0)
        continue;
      for (guint k = 0; k < n_columns; k++)
        cells[(gsize)n_rows * n_columns + k] = *_sp_matrix_cell (self, r, column_map[k]);
      g_array_append_val (rows, *row);
      *row = (SpMatrixRow) { 0 };
      n_rows++;
    }

  for (guint k = 0; k < n_columns; k++)
    {
      SpMatrixColumn *column = &g_array_index (self->columns, SpMatrixColumn, column_map[k]);

      g_array_append_val (columns, *column);
      *column = (SpMatrixColumn) { 0 };
    }

  g_array_set_size (self->rows, 0);
  g_array_append_vals (self->rows, rows->data, rows->len);
  g_array_set_size (self->columns, 0);
  g_array_append_vals (self->columns, columns->data, columns->len);
  g_free (self->cells);
  self->cells = cells;
}

/**
 * sp_matrix_compute_with_options:
 * @options: level, aggregation, filters and order
 *
 * Aggregates the project's claims under @options. Rows and columns with no claim under the
 * filters are left out unless sp_matrix_options_set_hide_empty() says otherwise.
 *
 * Returns: (transfer full): the matrix, or %NULL on error
 */
SpMatrix *
sp_matrix_compute_with_options (SpProject              *project,
                                const SpMatrixOptions  *options,
                                GError                **error)
{
  g_autoptr(SpMatrix) self = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) row_of_actor = NULL;
  g_autoptr(GHashTable) column_of_issue = NULL;
  g_autoptr(GListModel) actors = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GArray) items = NULL;
  const char *from, *to;
  Collector collector = { 0 };

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = _sp_matrix_new (options);

  if (sp_matrix_options_get_level (options) == SP_MATRIX_LEVEL_GROUP &&
      !(groups = sp_project_dup_actor_groups (project, error)))
    return NULL;

  if (!(actors = sp_project_list_actors (project, error)) ||
      !(issues = sp_project_list_issues (project, error)))
    return NULL;

  row_of_actor = add_rows (self, options, actors, groups);
  column_of_issue = add_columns (self, options, issues);

  from = sp_matrix_options_get_date_from (options);
  to = sp_matrix_options_get_date_to (options);
  items = g_array_sized_new (FALSE, FALSE, sizeof (Item), 1024);

  collector = (Collector) {
    .matrix = self,
    .options = options,
    .row_of_actor = row_of_actor,
    .column_of_issue = column_of_issue,
    .documents = sp_matrix_options_get_document_ids (options, &collector.n_documents),
    .actors = sp_matrix_options_get_actor_ids (options, &collector.n_actors),
    .sources = sp_matrix_options_get_sources (options),
    .from = from != NULL ? _sp_matrix_parse_date (from) : 0,
    .to = to != NULL ? _sp_matrix_parse_date (to) : G_MAXUINT32,
    .dated_only = from != NULL || to != NULL,
    .items = items,
  };
  collector.documents = sp_matrix_options_get_document_ids (options, &collector.n_documents);
  collector.actors = sp_matrix_options_get_actor_ids (options, &collector.n_actors);
  collector.n_sources = collector.sources != NULL ? g_strv_length ((char **)collector.sources) : 0;
  collector.row_by_id = dense_index (row_of_actor, &collector.n_row_by_id);
  collector.column_by_id = dense_index (column_of_issue, &collector.n_column_by_id);

  if (!sp_project_foreach_stance (project, sp_matrix_options_get_include_suggestions (options),
                                  collect_cb, &collector, error))
    {
      g_free (collector.row_by_id);
      g_free (collector.column_by_id);
      return NULL;
    }
  g_free (collector.row_by_id);
  g_free (collector.column_by_id);

  build_cells (self, options, items);

  if (sp_matrix_options_get_hide_empty (options))
    drop_empty (self);

  _sp_matrix_order (self);

  return g_steal_pointer (&self);
}
