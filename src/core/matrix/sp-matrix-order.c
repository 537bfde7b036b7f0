/* sp-matrix-order.c
 *
 * The order of a matrix's rows and columns (README.md, "Position matrix"):
 *
 * - alpha: rows by name (case-insensitive, locale-independent), columns in the codebook's
 *   order, which the analyst chose;
 * - activity: most claims first, ties as alpha;
 * - similarity: average-linkage hierarchical clustering (UPGMA) of the rows' score profiles
 *   across the issues, and of the issues' profiles across the rows, read off the tree as its
 *   leaf order, each merge turned so that the two leaves that meet are the closest of the
 *   four possible. The distance of two profiles is the mean, over the issues where either
 *   has a score, of |a − b|, counting 2 (half the scale) where only one has a score.
 *   Everything starts from the alpha order and every tie goes to the lower index, so the
 *   result is the same on every run.
 *
 * The members of an expanded group stay together, where the group's row would be.
 */
#define G_LOG_DOMAIN "sp-matrix"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sp-matrix-private.h"

/* Beyond this many rows (or columns) the distance table would not fit in a few tens of
 * megabytes, and similarity keeps the activity order. */
#define MAX_CLUSTERED 2048

typedef struct
{
  guint   n;
  guint   m;
  double *vectors;  /* n × m, NAN where there is no score */
} Profiles;

static double
profile_distance (const Profiles *p,
                  guint           a,
                  guint           b)
{
  const double *x = p->vectors + (gsize)a * p->m;
  const double *y = p->vectors + (gsize)b * p->m;
  double total = 0;
  guint counted = 0;

  for (guint k = 0; k < p->m; k++)
    {
      gboolean has_x = !isnan (x[k]), has_y = !isnan (y[k]);

      if (has_x && has_y)
        total += fabs (x[k] - y[k]), counted++;
      else if (has_x || has_y)
        total += 2.0, counted++;
    }

  return counted > 0 ? total / counted : 2.0;
}

static void
reverse (GArray *leaves)
{
  guint *v = (guint *)(gpointer)leaves->data;

  for (guint i = 0, j = leaves->len - 1; leaves->len > 0 && i < j; i++, j--)
    {
      guint t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
}

static void
find_nearest (const double   *d,
              const gboolean *active,
              guint           n,
              guint           i,
              guint          *nn,
              double         *nnd)
{
  nn[i] = G_MAXUINT;
  nnd[i] = INFINITY;
  for (guint k = 0; k < n; k++)
    if (k != i && active[k] && d[(gsize)i * n + k] < nnd[i])
      nn[i] = k, nnd[i] = d[(gsize)i * n + k];
}

/* Returns: the leaf order of the UPGMA tree of @p, as a permutation of 0..n-1 */
static guint *
seriate (const Profiles *p)
{
  guint n = p->n;
  g_autofree double *d = g_new (double, MAX ((gsize)n * n, 1));
  g_autofree gboolean *active = g_new (gboolean, MAX (n, 1));
  g_autofree guint *size = g_new (guint, MAX (n, 1));
  g_autofree guint *nn = g_new (guint, MAX (n, 1));
  g_autofree double *nnd = g_new (double, MAX (n, 1));
  g_autoptr(GPtrArray) leaves = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      GArray *leaf = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_val (leaf, i);
      g_ptr_array_add (leaves, leaf);
      active[i] = TRUE;
      size[i] = 1;
      d[(gsize)i * n + i] = 0;
      for (guint j = 0; j < i; j++)
        d[(gsize)i * n + j] = d[(gsize)j * n + i] = profile_distance (p, i, j);
    }

  for (guint i = 0; i < n; i++)
    find_nearest (d, active, n, i, nn, nnd);

  for (guint step = 0; step + 1 < n; step++)
    {
      guint best = G_MAXUINT, a, b;
      GArray *la, *lb;
      double ends[4];
      guint turn = 0;

      for (guint i = 0; i < n; i++)
        if (active[i] && nn[i] != G_MAXUINT && (best == G_MAXUINT || nnd[i] < nnd[best]))
          best = i;

      a = MIN (best, nn[best]);
      b = MAX (best, nn[best]);
      la = g_ptr_array_index (leaves, a);
      lb = g_ptr_array_index (leaves, b);

      /* A·B, A·B reversed, A reversed·B, both reversed: the closest meeting leaves win */
      ends[0] = profile_distance (p, g_array_index (la, guint, la->len - 1), g_array_index (lb, guint, 0));
      ends[1] = profile_distance (p, g_array_index (la, guint, la->len - 1), g_array_index (lb, guint, lb->len - 1));
      ends[2] = profile_distance (p, g_array_index (la, guint, 0), g_array_index (lb, guint, 0));
      ends[3] = profile_distance (p, g_array_index (la, guint, 0), g_array_index (lb, guint, lb->len - 1));
      for (guint t = 1; t < 4; t++)
        if (ends[t] < ends[turn])
          turn = t;
      if (turn >= 2)
        reverse (la);
      if (turn == 1 || turn == 3)
        reverse (lb);
      g_array_append_vals (la, lb->data, lb->len);
      g_array_set_size (lb, 0);

      for (guint k = 0; k < n; k++)
        {
          double merged;

          if (!active[k] || k == a || k == b)
            continue;
          merged = (size[a] * d[(gsize)a * n + k] + size[b] * d[(gsize)b * n + k]) / (size[a] + size[b]);
          d[(gsize)a * n + k] = d[(gsize)k * n + a] = merged;
        }
      size[a] += size[b];
      active[b] = FALSE;

      find_nearest (d, active, n, a, nn, nnd);
      for (guint k = 0; k < n; k++)
        {
          if (!active[k] || k == a)
            continue;
          if (nn[k] == a || nn[k] == b)
            find_nearest (d, active, n, k, nn, nnd);
          else if (d[(gsize)k * n + a] < nnd[k] || (d[(gsize)k * n + a] == nnd[k] && a < nn[k]))
            nn[k] = a, nnd[k] = d[(gsize)k * n + a];
        }
    }

  if (n > 0)
    memcpy (order, ((GArray *)g_ptr_array_index (leaves, 0))->data, n * sizeof (guint));

  return order;
}

typedef struct
{
  guint  first;     /* into the alpha-ordered rows */
  guint  n_rows;
  guint  n_claims;
} Unit;

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

/* A row's place in the alpha order: its own name, or for a member of an expanded group, the
 * group's name, the group's own actor first, then its own name */
static int
compare_alpha (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SpMatrixRow *rows = user_data;
  const SpMatrixRow *x = &rows[*(const guint *)a], *y = &rows[*(const guint *)b];
  const char *x_block = x->block_key != NULL ? x->block_key : x->sort_key;
  const char *y_block = y->block_key != NULL ? y->block_key : y->sort_key;
  int cmp;

  if ((cmp = g_strcmp0 (x_block, y_block)) != 0)
    return cmp;
  if (x->group_id != y->group_id)
    return (x->group_id > y->group_id) - (x->group_id < y->group_id);
  if (x->group_id != 0 && (x->id == x->group_id) != (y->id == y->group_id))
    return x->id == x->group_id ? -1 : 1;

  return compare_rows (x, y);
}

/* Returns: the permutation that puts the rows in alpha order */
static guint *
alpha_rows (SpMatrix *self)
{
  guint n = self->rows->len;
  guint *order = g_new (guint, MAX (n, 1));

  for (guint r = 0; r < n; r++)
    order[r] = r;
  g_qsort_with_data (order, n, sizeof (guint), compare_alpha, self->rows->data);

  return order;
}

/* Profiles of @n_units units (blocks of consecutive entries of @rows_order) across columns:
 * a block's score on an issue is the claim-weighted mean of its rows' scores */
static void
row_profiles (SpMatrix    *self,
              const guint *rows_order,
              const Unit  *units,
              guint        n_units,
              Profiles    *p)
{
  guint m = self->columns->len;

  p->n = n_units;
  p->m = m;
  p->vectors = g_new (double, MAX ((gsize)n_units * m, 1));

  for (guint u = 0; u < n_units; u++)
    for (guint c = 0; c < m; c++)
      {
        double total = 0;
        guint count = 0;

        for (guint k = 0; k < units[u].n_rows; k++)
          {
            const SpMatrixCell *cell = _sp_matrix_cell (self, rows_order[units[u].first + k], c);

            if (cell->info.n_claims > 0)
              total += cell->info.score * cell->info.n_claims, count += cell->info.n_claims;
          }
        p->vectors[(gsize)u * m + c] = count > 0 ? total / count : NAN;
      }
}

static int
compare_activity (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Unit *units = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  const Unit *ux = &units[x], *uy = &units[y];

  if (ux->n_claims != uy->n_claims)
    return ux->n_claims > uy->n_claims ? -1 : 1;
  return (x > y) - (x < y);
}

/* Orders @n units by @order; returns a permutation of 0..n-1 (indices into @units) */
static guint *
order_units (SpMatrix      *self,
             const guint   *rows_order,
             const Unit    *units,
             guint          n,
             SpMatrixOrder  order)
{
  guint *perm = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    perm[i] = i;

  if (order == SP_MATRIX_ORDER_ALPHA || n < 2)
    return perm;

  if (order == SP_MATRIX_ORDER_SIMILARITY && n <= MAX_CLUSTERED)
    {
      Profiles p;
      guint *clustered;

      row_profiles (self, rows_order, units, n, &p);
      clustered = seriate (&p);
      g_free (p.vectors);
      g_free (perm);
      return clustered;
    }

  /* Activity, and similarity beyond MAX_CLUSTERED */
  g_qsort_with_data (perm, n, sizeof (guint), compare_activity, (gpointer)units);

  return perm;
}

static void
apply_order (SpMatrix    *self,
             const guint *row_order,
             const guint *column_order)
{
  guint n_rows = self->rows->len, n_columns = self->columns->len;
  g_autofree SpMatrixRow *rows = g_new (SpMatrixRow, MAX (n_rows, 1));
  g_autofree SpMatrixColumn *columns = g_new (SpMatrixColumn, MAX (n_columns, 1));
  SpMatrixCell *cells = g_new (SpMatrixCell, MAX ((gsize)n_rows * n_columns, 1));

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        cells[(gsize)r * n_columns + c] = *_sp_matrix_cell (self, row_order[r], column_order[c]);
      rows[r] = g_array_index (self->rows, SpMatrixRow, row_order[r]);
    }
  for (guint c = 0; c < n_columns; c++)
    columns[c] = g_array_index (self->columns, SpMatrixColumn, column_order[c]);

  /* The entries moved: empty the arrays without freeing their strings, then refill them */
  g_free (g_array_steal (self->rows, NULL));
  g_free (g_array_steal (self->columns, NULL));
  g_array_append_vals (self->rows, rows, n_rows);
  g_array_append_vals (self->columns, columns, n_columns);
  g_free (self->cells);
  self->cells = cells;
}

/* The column permutation for @order, given the final row order */
static guint *
order_columns (SpMatrix      *self,
               SpMatrixOrder  order)
{
  guint n = self->columns->len;
  g_autofree Unit *units = g_new0 (Unit, MAX (n, 1));
  guint *perm;

  for (guint c = 0; c < n; c++)
    units[c] = (Unit) { c, 1, g_array_index (self->columns, SpMatrixColumn, c).n_claims };

  if (order == SP_MATRIX_ORDER_SIMILARITY && n >= 2 && n <= MAX_CLUSTERED)
    {
      Profiles p = { n, self->rows->len, g_new (double, MAX ((gsize)n * self->rows->len, 1)) };

      for (guint c = 0; c < n; c++)
        for (guint r = 0; r < self->rows->len; r++)
          {
            const SpMatrixCell *cell = _sp_matrix_cell (self, r, c);
            p.vectors[(gsize)c * p.m + r] = cell->info.n_claims > 0 ? cell->info.score : NAN;
          }
      perm = seriate (&p);
      g_free (p.vectors);
      return perm;
    }

  return order_units (self, NULL, units, n, order == SP_MATRIX_ORDER_ALPHA ? order : SP_MATRIX_ORDER_ACTIVITY);
}

void
_sp_matrix_order (SpMatrix *self)
{
  SpMatrixOrder order = sp_matrix_options_get_order (self->options);
  guint n_rows = self->rows->len;
  g_autofree guint *alpha = alpha_rows (self);
  g_autofree guint *identity = g_new (guint, MAX (self->columns->len, 1));
  g_autofree guint *row_order = g_new (guint, MAX (n_rows, 1));
  g_autofree guint *unit_order = NULL;
  g_autofree guint *column_order = NULL;
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  guint out = 0;

  /* Units: each row on its own, or an expanded group's members as one block */
  for (guint i = 0; i < n_rows; i++)
    {
      const SpMatrixRow *row = &g_array_index (self->rows, SpMatrixRow, alpha[i]);
      const SpMatrixRow *prev = i > 0 ? &g_array_index (self->rows, SpMatrixRow, alpha[i - 1]) : NULL;

      if (row->group_id != 0 && prev != NULL && prev->group_id == row->group_id)
        {
          Unit *unit = &g_array_index (units, Unit, units->len - 1);
          unit->n_rows++;
          unit->n_claims += row->n_claims;
        }
      else
        g_array_append_val (units, ((Unit) { i, 1, row->n_claims }));
    }

  unit_order = order_units (self, alpha, (const Unit *)(gpointer)units->data, units->len, order);

  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, unit_order[u]);
      g_autofree Unit *members = g_new (Unit, MAX (unit->n_rows, 1));
      g_autofree guint *inner = NULL;

      for (guint k = 0; k < unit->n_rows; k++)
        members[k] = (Unit) { unit->first + k, 1,
                              g_array_index (self->rows, SpMatrixRow, alpha[unit->first + k]).n_claims };

      inner = order_units (self, alpha, members, unit->n_rows, order);
      for (guint k = 0; k < unit->n_rows; k++)
        row_order[out++] = alpha[members[inner[k]].first];
    }

  for (guint c = 0; c < self->columns->len; c++)
    identity[c] = c;
  apply_order (self, row_order, identity);

  column_order = order_columns (self, order);
  for (guint r = 0; r < n_rows; r++)
    row_order[r] = r;
  apply_order (self, row_order, column_order);
}
