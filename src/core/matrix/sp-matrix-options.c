/* sp-matrix-options.c
 *
 * The options of a position matrix, as a value. Id lists are kept sorted and without
 * duplicates so that two options asking for the same matrix compare equal and a lookup is
 * a binary search.
 */
#define G_LOG_DOMAIN "sp-matrix"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-matrix-options.h"
#include "sp-types.h"

typedef struct
{
  gint64 *ids;    /* sorted, unique; NULL when the filter is off */
  guint   n_ids;
} IdSet;

struct _SpMatrixOptions
{
  SpMatrixLevel      level;
  SpMatrixAggregate  aggregate;
  SpMatrixUnit       unit;
  SpMatrixOrder      order;
  char              *date_from;  /* YYYY-MM-DD, nullable */
  char              *date_to;
  char             **sources;    /* sorted, unique; NULL for all */
  IdSet              documents;
  IdSet              actors;
  IdSet              issues;
  IdSet              expanded;   /* always "on": an empty list expands nothing */
  gboolean           include_suggestions;
  gboolean           hide_empty;
  char              *title;
};

G_DEFINE_BOXED_TYPE (SpMatrixOptions, sp_matrix_options,
                     sp_matrix_options_copy, sp_matrix_options_free)

/**
 * sp_matrix_options_new:
 *
 * Returns: (transfer full): the default options (see sp-matrix-options.h)
 */
SpMatrixOptions *
sp_matrix_options_new (void)
{
  SpMatrixOptions *self = g_new0 (SpMatrixOptions, 1);

  self->hide_empty = TRUE;
  return self;
}

static void
id_set_copy (IdSet       *to,
             const IdSet *from)
{
  to->n_ids = from->n_ids;
  to->ids = from->ids != NULL ? g_memdup2 (from->ids, MAX (from->n_ids, 1) * sizeof (gint64)) : NULL;
}

/**
 * sp_matrix_options_copy:
 *
 * Returns: (transfer full): an independent copy of @self
 */
SpMatrixOptions *
sp_matrix_options_copy (const SpMatrixOptions *self)
{
  SpMatrixOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SpMatrixOptions, 1);
  *copy = *self;
  copy->date_from = g_strdup (self->date_from);
  copy->date_to = g_strdup (self->date_to);
  copy->sources = g_strdupv (self->sources);
  copy->title = g_strdup (self->title);
  id_set_copy (&copy->documents, &self->documents);
  id_set_copy (&copy->actors, &self->actors);
  id_set_copy (&copy->issues, &self->issues);
  id_set_copy (&copy->expanded, &self->expanded);

  return copy;
}

void
sp_matrix_options_free (SpMatrixOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->date_from);
  g_free (self->date_to);
  g_strfreev (self->sources);
  g_free (self->title);
  g_free (self->documents.ids);
  g_free (self->actors.ids);
  g_free (self->issues.ids);
  g_free (self->expanded.ids);
  g_free (self);
}

static gboolean
id_set_equal (const IdSet *a,
              const IdSet *b)
{
  if ((a->ids == NULL) != (b->ids == NULL) || a->n_ids != b->n_ids)
    return FALSE;

  return a->n_ids == 0 || memcmp (a->ids, b->ids, a->n_ids * sizeof (gint64)) == 0;
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *)a, (const char * const *)b);
}

/* Returns: whether @a and @b ask for the same matrix, drawn with the same title */
gboolean
sp_matrix_options_equal (const SpMatrixOptions *a,
                         const SpMatrixOptions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->level == b->level && a->aggregate == b->aggregate && a->unit == b->unit &&
         a->order == b->order &&
         g_strcmp0 (a->date_from, b->date_from) == 0 &&
         g_strcmp0 (a->date_to, b->date_to) == 0 &&
         strv_equal0 (a->sources, b->sources) &&
         id_set_equal (&a->documents, &b->documents) &&
         id_set_equal (&a->actors, &b->actors) &&
         id_set_equal (&a->issues, &b->issues) &&
         id_set_equal (&a->expanded, &b->expanded) &&
         !a->include_suggestions == !b->include_suggestions &&
         !a->hide_empty == !b->hide_empty &&
         g_strcmp0 (a->title, b->title) == 0;
}

void
sp_matrix_options_set_level (SpMatrixOptions *self,
                             SpMatrixLevel    level)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (level <= SP_MATRIX_LEVEL_GROUP);
  self->level = level;
}

SpMatrixLevel
sp_matrix_options_get_level (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_LEVEL_ACTOR);
  return self->level;
}

void
sp_matrix_options_set_aggregate (SpMatrixOptions   *self,
                                 SpMatrixAggregate  aggregate)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (aggregate <= SP_MATRIX_AGGREGATE_MAJORITY);
  self->aggregate = aggregate;
}

SpMatrixAggregate
sp_matrix_options_get_aggregate (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_AGGREGATE_MEAN);
  return self->aggregate;
}

void
sp_matrix_options_set_unit (SpMatrixOptions *self,
                            SpMatrixUnit     unit)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (unit <= SP_MATRIX_UNIT_DOCUMENT);
  self->unit = unit;
}

SpMatrixUnit
sp_matrix_options_get_unit (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_UNIT_CLAIM);
  return self->unit;
}

void
sp_matrix_options_set_order (SpMatrixOptions *self,
                             SpMatrixOrder    order)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (order <= SP_MATRIX_ORDER_SIMILARITY);
  self->order = order;
}

SpMatrixOrder
sp_matrix_options_get_order (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, SP_MATRIX_ORDER_ALPHA);
  return self->order;
}

static gboolean
check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (date == NULL || sp_date_is_valid (date))
    return TRUE;

  g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
               _("The %s date “%s” is not a date written YYYY-MM-DD"), what, date);
  return FALSE;
}

/**
 * sp_matrix_options_set_date_range:
 * @from: (nullable): the first day whose claims count, YYYY-MM-DD
 * @to: (nullable): the last day whose claims count ("as of"), YYYY-MM-DD
 *
 * Claims of undated documents are left out while either end is set; the matrix counts them
 * (sp_matrix_get_n_undated()).
 *
 * Returns: %FALSE, changing nothing, if a date is malformed or @from comes after @to
 */
gboolean
sp_matrix_options_set_date_range (SpMatrixOptions  *self,
                                  const char       *from,
                                  const char       *to,
                                  GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_date (from, _("start"), error) || !check_date (to, _("end"), error))
    return FALSE;

  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("The date range starts on %s, after it ends on %s"), from, to);
      return FALSE;
    }

  g_free (self->date_from);
  self->date_from = g_strdup (from);
  g_free (self->date_to);
  self->date_to = g_strdup (to);
  return TRUE;
}

const char *
sp_matrix_options_get_date_from (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date_from;
}

const char *
sp_matrix_options_get_date_to (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date_to;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/**
 * sp_matrix_options_set_sources:
 * @sources: (nullable) (array zero-terminated=1): the document sources whose claims count,
 *   compared exactly; %NULL for all
 */
void
sp_matrix_options_set_sources (SpMatrixOptions    *self,
                               const char * const *sources)
{
  guint n, kept = 0;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->sources, g_strfreev);
  if (sources == NULL)
    return;

  self->sources = g_strdupv ((char **)sources);
  n = g_strv_length (self->sources);
  qsort (self->sources, n, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    {
      if (kept > 0 && strcmp (self->sources[kept - 1], self->sources[i]) == 0)
        g_free (self->sources[i]);
      else
        self->sources[kept++] = self->sources[i];
    }
  self->sources[kept] = NULL;
}

/* Returns: (nullable) (transfer none): the sources filter, sorted, or %NULL when off */
const char * const *
sp_matrix_options_get_sources (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->sources;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
id_set_assign (IdSet        *set,
               const gint64 *ids,
               guint         n_ids)
{
  guint kept = 0;

  g_clear_pointer (&set->ids, g_free);
  set->n_ids = 0;
  if (ids == NULL)
    return;

  set->ids = g_new (gint64, MAX (n_ids, 1));
  memcpy (set->ids, ids, n_ids * sizeof (gint64));
  qsort (set->ids, n_ids, sizeof (gint64), compare_ids);
  for (guint i = 0; i < n_ids; i++)
    if (kept == 0 || set->ids[kept - 1] != set->ids[i])
      set->ids[kept++] = set->ids[i];
  set->n_ids = kept;
}

static const gint64 *
id_set_get (const IdSet *set,
            guint       *n_ids)
{
  if (n_ids != NULL)
    *n_ids = set->n_ids;
  return set->ids;
}

/**
 * sp_matrix_options_set_document_ids:
 * @ids: (nullable) (array length=n_ids): the documents whose claims count; %NULL for all
 */
void
sp_matrix_options_set_document_ids (SpMatrixOptions *self,
                                    const gint64    *ids,
                                    guint            n_ids)
{
  g_return_if_fail (self != NULL);
  id_set_assign (&self->documents, ids, n_ids);
}

/* Returns: (nullable) (array length=n_ids): the filter, sorted, or %NULL when off */
const gint64 *
sp_matrix_options_get_document_ids (const SpMatrixOptions *self,
                                    guint                 *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id_set_get (&self->documents, n_ids);
}

/**
 * sp_matrix_options_set_actor_ids:
 * @ids: (nullable) (array length=n_ids): the actors whose claims count (at group level,
 *   a group's row keeps only these members' claims); %NULL for all
 */
void
sp_matrix_options_set_actor_ids (SpMatrixOptions *self,
                                 const gint64    *ids,
                                 guint            n_ids)
{
  g_return_if_fail (self != NULL);
  id_set_assign (&self->actors, ids, n_ids);
}

const gint64 *
sp_matrix_options_get_actor_ids (const SpMatrixOptions *self,
                                 guint                 *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id_set_get (&self->actors, n_ids);
}

/**
 * sp_matrix_options_set_issue_ids:
 * @ids: (nullable) (array length=n_ids): the issues that are columns; %NULL for all
 */
void
sp_matrix_options_set_issue_ids (SpMatrixOptions *self,
                                 const gint64    *ids,
                                 guint            n_ids)
{
  g_return_if_fail (self != NULL);
  id_set_assign (&self->issues, ids, n_ids);
}

const gint64 *
sp_matrix_options_get_issue_ids (const SpMatrixOptions *self,
                                 guint                 *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id_set_get (&self->issues, n_ids);
}

/**
 * sp_matrix_options_set_expanded_groups:
 * @group_ids: (nullable) (array length=n_ids): groups (ids of their top-most actors) shown
 *   at group level as one row per member, in place of the group's row
 */
void
sp_matrix_options_set_expanded_groups (SpMatrixOptions *self,
                                       const gint64    *group_ids,
                                       guint            n_ids)
{
  g_return_if_fail (self != NULL);
  id_set_assign (&self->expanded, group_ids, group_ids != NULL ? n_ids : 0);
  if (self->expanded.n_ids == 0)
    g_clear_pointer (&self->expanded.ids, g_free);
}

const gint64 *
sp_matrix_options_get_expanded_groups (const SpMatrixOptions *self,
                                       guint                 *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id_set_get (&self->expanded, n_ids);
}

static gboolean
id_set_contains (const IdSet *set,
                 gint64       id)
{
  return set->ids != NULL &&
         bsearch (&id, set->ids, set->n_ids, sizeof (gint64), compare_ids) != NULL;
}

gboolean
sp_matrix_options_is_group_expanded (const SpMatrixOptions *self,
                                     gint64                 group_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return id_set_contains (&self->expanded, group_id);
}

/* Whether pending (unreviewed) suggestions count as claims; their cells are flagged */
void
sp_matrix_options_set_include_suggestions (SpMatrixOptions *self,
                                           gboolean         include)
{
  g_return_if_fail (self != NULL);
  self->include_suggestions = !!include;
}

gboolean
sp_matrix_options_get_include_suggestions (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->include_suggestions;
}

/* Whether rows and columns without a claim under the filters are left out (the default) */
void
sp_matrix_options_set_hide_empty (SpMatrixOptions *self,
                                  gboolean         hide)
{
  g_return_if_fail (self != NULL);
  self->hide_empty = !!hide;
}

gboolean
sp_matrix_options_get_hide_empty (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->hide_empty;
}

/* The title an image export draws above the matrix; %NULL or "" for none */
void
sp_matrix_options_set_title (SpMatrixOptions *self,
                             const char      *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
}

const char *
sp_matrix_options_get_title (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/* Returns: whether a filter leaves claims out (dates, sources, documents, actors, issues) */
gboolean
sp_matrix_options_has_filters (const SpMatrixOptions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->date_from != NULL || self->date_to != NULL || self->sources != NULL ||
         self->documents.ids != NULL || self->actors.ids != NULL || self->issues.ids != NULL;
}

/* The string forms are part of the CLI and the JSON export and must never change. */
static const char * const levels[] = { "actor", "group" };
static const char * const aggregates[] = { "mean", "latest", "majority" };
static const char * const units[] = { "claim", "document" };
static const char * const orders[] = { "alpha", "activity", "similarity" };

static gboolean
from_string (const char         *str,
             const char * const *names,
             guint               n_names,
             guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_STRINGS(Type, prefix, names)                                   \
  const char *                                                                \
  prefix##_to_string (Type value)                                             \
  {                                                                           \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (names), NULL);          \
    return names[value];                                                      \
  }                                                                           \
                                                                              \
  gboolean                                                                    \
  prefix##_from_string (const char *str,                                      \
                        Type       *value)                                    \
  {                                                                           \
    guint i;                                                                  \
                                                                              \
    if (!from_string (str, names, G_N_ELEMENTS (names), &i))                  \
      return FALSE;                                                           \
    *value = (Type)i;                                                         \
    return TRUE;                                                              \
  }

DEFINE_STRINGS (SpMatrixLevel, sp_matrix_level, levels)
DEFINE_STRINGS (SpMatrixAggregate, sp_matrix_aggregate, aggregates)
DEFINE_STRINGS (SpMatrixUnit, sp_matrix_unit, units)
DEFINE_STRINGS (SpMatrixOrder, sp_matrix_order, orders)
