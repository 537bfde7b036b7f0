/* sp-network.c
 *
 * Builds the networks of sp-network.h from the project's claims and writes them. The
 * one-mode networks follow DNA: two actors are congruent on an issue when they take the same
 * sign on it (support, opposition or a neutral stance), in conflict when one supports and the
 * other opposes; an actor with mixed stances on an issue can be both. Normalisation divides a
 * weight by the actors' numbers of units (issues, or document × issue with --per document):
 * average (n_a + n_b) / 2, Jaccard n_a + n_b − w, cosine √(n_a n_b).
 */
#define G_LOG_DOMAIN "sp-network"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-network.h"
#include "sp-output-file.h"

typedef struct
{
  gint64  actor;
  gint64  issue;
  gint64  document;
  int     stance;
} Item;

typedef struct
{
  char   *id;       /* "a12", "i3" */
  char   *label;
  char   *kind;     /* an actor kind or "issue" */
  guint   claims;
} Node;

typedef struct
{
  guint   source;   /* index into nodes */
  guint   target;
  double  weight;
  double  stance;   /* two-mode: the mean stance; NAN otherwise */
} Edge;

struct _SpNetwork
{
  SpNetworkType  type;
  GArray        *nodes;  /* Node */
  GArray        *edges;  /* Edge */
};

static void
node_clear (gpointer data)
{
  Node *node = data;

  g_free (node->id);
  g_free (node->label);
  g_free (node->kind);
}

void
sp_network_free (SpNetwork *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self);
}

guint
sp_network_get_n_nodes (SpNetwork *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->nodes->len;
}

guint
sp_network_get_n_edges (SpNetwork *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

gboolean
sp_network_type_from_string (const char    *text,
                             SpNetworkType *type)
{
  static const char * const names[] = { "two-mode", "congruence", "conflict", "subtract" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *type = (SpNetworkType)i;
        return TRUE;
      }

  return FALSE;
}

gboolean
sp_network_normalize_from_string (const char         *text,
                                  SpNetworkNormalize *normalize)
{
  static const char * const names[] = { "none", "average", "jaccard", "cosine" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *normalize = (SpNetworkNormalize)i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
in_range (const SpNetworkOptions *options,
          const char             *date)
{
  if (options->from == NULL && options->to == NULL)
    return TRUE;
  if (date == NULL)
    return FALSE;

  return (options->from == NULL || strcmp (date, options->from) >= 0) &&
         (options->to == NULL || strcmp (date, options->to) <= 0);
}

static gint64
actor_at_level (GHashTable *groups,
                gint64      actor)
{
  gint64 *group = groups != NULL ? g_hash_table_lookup (groups, &actor) : NULL;

  return group != NULL ? *group : actor;
}

/* The claims (and pending suggestions) the options let through, at the options' level */
static GArray *
collect_items (SpProject               *project,
               const SpNetworkOptions  *options,
               GError                 **error)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) suggestions = NULL;
  g_autoptr(GHashTable) groups = NULL;

  if (options->group_level && !(groups = sp_project_dup_actor_groups (project, error)))
    return NULL;
  if (!(claims = sp_project_list_claims (project, 0, error)))
    return NULL;
  if (options->include_suggestions &&
      !(suggestions = sp_project_list_suggestions (project, 0,
                                                   SP_SUGGESTION_STATUS_MASK (SP_SUGGESTION_STATUS_PENDING),
                                                   error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(SpClaim) claim = g_list_model_get_item (claims, i);
      Item item = {
        actor_at_level (groups, sp_claim_get_actor_id (claim)),
        sp_claim_get_issue_id (claim),
        sp_claim_get_document_id (claim),
        sp_claim_get_stance (claim),
      };

      if (in_range (options, sp_claim_get_document_date (claim)))
        g_array_append_val (items, item);
    }
  for (guint i = 0; suggestions != NULL && i < g_list_model_get_n_items (suggestions); i++)
    {
      g_autoptr(SpSuggestion) s = g_list_model_get_item (suggestions, i);
      Item item = {
        actor_at_level (groups, sp_suggestion_get_actor_id (s)),
        sp_suggestion_get_issue_id (s),
        sp_suggestion_get_document_id (s),
        sp_suggestion_get_stance (s),
      };

      if (in_range (options, sp_suggestion_get_document_date (s)))
        g_array_append_val (items, item);
    }

  return g_steal_pointer (&items);
}

static void
count (GHashTable *counts,
       gint64      id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

  g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The ids of @counts with at least @min claims, in id order */
static GArray *
kept_ids (GHashTable *counts,
          guint       min)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= MAX (min, 1))
      g_array_append_val (ids, *(gint64 *)key);
  g_array_sort (ids, compare_ids);

  return ids;
}

static gboolean
add_nodes (SpNetwork   *self,
           SpProject   *project,
           GArray      *actor_ids,
           GArray      *issue_ids,
           GHashTable  *actor_counts,
           GHashTable  *issue_counts,
           GHashTable  *index,
           GError     **error)
{
  g_autoptr(GListModel) actors = sp_project_list_actors (project, error);
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GHashTable) actor_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) issue_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  if (actors == NULL || !(issues = sp_project_list_issues (project, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      SpActor *actor = g_list_model_get_item (actors, i);
      gint64 *key = g_new (gint64, 1);

      *key = sp_actor_get_id (actor);
      g_hash_table_insert (actor_by_id, key, actor);
    }
  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      SpIssue *issue = g_list_model_get_item (issues, i);
      gint64 *key = g_new (gint64, 1);

      *key = sp_issue_get_id (issue);
      g_hash_table_insert (issue_by_id, key, issue);
    }

  for (guint i = 0; i < actor_ids->len; i++)
    {
      gint64 id = g_array_index (actor_ids, gint64, i);
      SpActor *actor = g_hash_table_lookup (actor_by_id, &id);
      Node node = {
        g_strdup_printf ("a%" G_GINT64_FORMAT, id),
        g_strdup (actor != NULL ? sp_actor_get_name (actor) : ""),
        g_strdup (actor != NULL ? sp_actor_kind_to_string (sp_actor_get_kind (actor)) : "person"),
        GPOINTER_TO_UINT (g_hash_table_lookup (actor_counts, &id)),
      };

      g_hash_table_insert (index, g_strdup (node.id), GUINT_TO_POINTER (self->nodes->len));
      g_array_append_val (self->nodes, node);
    }
  for (guint i = 0; issue_ids != NULL && i < issue_ids->len; i++)
    {
      gint64 id = g_array_index (issue_ids, gint64, i);
      SpIssue *issue = g_hash_table_lookup (issue_by_id, &id);
      Node node = {
        g_strdup_printf ("i%" G_GINT64_FORMAT, id),
        g_strdup (issue != NULL ? sp_issue_get_label (issue) : ""),
        g_strdup ("issue"),
        GPOINTER_TO_UINT (g_hash_table_lookup (issue_counts, &id)),
      };

      g_hash_table_insert (index, g_strdup (node.id), GUINT_TO_POINTER (self->nodes->len));
      g_array_append_val (self->nodes, node);
    }

  return TRUE;
}

static guint
node_index (GHashTable *index,
            char        prefix,
            gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%c%" G_GINT64_FORMAT, prefix, id);

  return GPOINTER_TO_UINT (g_hash_table_lookup (index, key));
}

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a, *y = b;

  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  return x->target < y->target ? -1 : x->target > y->target;
}

/* Two-mode: one edge per (actor, issue) with its number of claims (or documents) and mean stance */
static void
build_two_mode (SpNetwork              *self,
                const SpNetworkOptions *options,
                GArray                 *items,
                GHashTable             *index)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, item->actor, item->issue);
      g_autofree char *unit = g_strdup_printf ("%s %" G_GINT64_FORMAT, pair, item->document);
      double *sums = g_hash_table_lookup (pairs, pair);

      if (sums == NULL)
        {
          sums = g_new0 (double, 3);
          g_hash_table_insert (pairs, g_strdup (pair), sums);
        }
      sums[1] += item->stance;
      sums[2] += 1;
      if (options->per == SP_NETWORK_PER_CLAIM || g_hash_table_add (seen, g_steal_pointer (&unit)))
        sums[0] += 1;
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *sums = value;
      gint64 actor, issue;
      Edge edge;

      if (sscanf (key, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &actor, &issue) != 2)
        continue;
      edge.source = node_index (index, 'a', actor);
      edge.target = node_index (index, 'i', issue);
      edge.weight = sums[0];
      edge.stance = sums[1] / sums[2];
      g_array_append_val (self->edges, edge);
    }
}

#define SIGN_SUPPORT  1u
#define SIGN_OPPOSE   2u
#define SIGN_NEUTRAL  4u

static double
normalise (SpNetworkNormalize  normalize,
           double              w,
           double              n_a,
           double              n_b)
{
  switch (normalize)
    {
    case SP_NETWORK_NORMALIZE_AVERAGE:
      return w / ((n_a + n_b) / 2);
    case SP_NETWORK_NORMALIZE_JACCARD:
      return w / (n_a + n_b - w);
    case SP_NETWORK_NORMALIZE_COSINE:
      return w / sqrt (n_a * n_b);
    case SP_NETWORK_NORMALIZE_NONE:
    default:
      return w;
    }
}

/* One-mode: actors linked through the units (issues, or document × issue) they share */
static void
build_one_mode (SpNetwork              *self,
                const SpNetworkOptions *options,
                GArray                 *items,
                GArray                 *actor_ids,
                GHashTable             *index)
{
  /* unit -> (actor -> sign mask) */
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)g_hash_table_unref);
  g_autoptr(GHashTable) n_units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
      g_autofree char *unit = options->per == SP_NETWORK_PER_DOCUMENT
        ? g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, item->issue, item->document)
        : g_strdup_printf ("%" G_GINT64_FORMAT, item->issue);
      GHashTable *actors = g_hash_table_lookup (units, unit);
      guint mask;

      if (actors == NULL)
        {
          actors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (units, g_strdup (unit), actors);
        }
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (actors, &item->actor));
      if (mask == 0)
        count (n_units, item->actor);
      mask |= item->stance > 0 ? SIGN_SUPPORT : item->stance < 0 ? SIGN_OPPOSE : SIGN_NEUTRAL;
      g_hash_table_insert (actors, g_memdup2 (&item->actor, sizeof item->actor), GUINT_TO_POINTER (mask));
    }

  /* pair "a b" (a < b) -> (congruent units, conflicting units) */
  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GList) actors = g_hash_table_get_keys (value);

      for (GList *l = actors; l != NULL; l = l->next)
        for (GList *m = l->next; m != NULL; m = m->next)
          {
            gint64 a = MIN (*(gint64 *)l->data, *(gint64 *)m->data);
            gint64 b = MAX (*(gint64 *)l->data, *(gint64 *)m->data);
            guint mask_a = GPOINTER_TO_UINT (g_hash_table_lookup (value, &a));
            guint mask_b = GPOINTER_TO_UINT (g_hash_table_lookup (value, &b));
            g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, a, b);
            double *w = g_hash_table_lookup (pairs, pair);

            if (w == NULL)
              {
                w = g_new0 (double, 2);
                g_hash_table_insert (pairs, g_strdup (pair), w);
              }
            if ((mask_a & mask_b) != 0)
              w[0] += 1;
            if (((mask_a & SIGN_SUPPORT) && (mask_b & SIGN_OPPOSE)) ||
                ((mask_a & SIGN_OPPOSE) && (mask_b & SIGN_SUPPORT)))
              w[1] += 1;
          }
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *w = value;
      gint64 a, b;
      double n_a, n_b, congruence, conflict, weight;
      Edge edge;

      if (sscanf (key, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &a, &b) != 2)
        continue;
      n_a = GPOINTER_TO_UINT (g_hash_table_lookup (n_units, &a));
      n_b = GPOINTER_TO_UINT (g_hash_table_lookup (n_units, &b));
      congruence = w[0] > 0 ? normalise (options->normalize, w[0], n_a, n_b) : 0;
      conflict = w[1] > 0 ? normalise (options->normalize, w[1], n_a, n_b) : 0;

      switch (options->type)
        {
        case SP_NETWORK_CONGRUENCE:
          weight = congruence;
          break;
        case SP_NETWORK_CONFLICT:
          weight = conflict;
          break;
        case SP_NETWORK_SUBTRACT:
        case SP_NETWORK_TWO_MODE:
        default:
          weight = congruence - conflict;
          break;
        }
      if (weight == 0)
        continue;

      edge.source = node_index (index, 'a', a);
      edge.target = node_index (index, 'a', b);
      edge.weight = weight;
      edge.stance = NAN;
      g_array_append_val (self->edges, edge);
    }
}

/**
 * sp_network_build:
 *
 * Returns: (transfer full): the network, or %NULL with @error set
 */
SpNetwork *
sp_network_build (SpProject               *project,
                  const SpNetworkOptions  *options,
                  GError                 **error)
{
  g_autoptr(SpNetwork) self = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GHashTable) actor_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) issue_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) actor_ids = NULL;
  g_autoptr(GArray) issue_ids = NULL;
  g_autoptr(GHashTable) actor_kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) issue_kept = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->type == SP_NETWORK_TWO_MODE && options->normalize != SP_NETWORK_NORMALIZE_NONE)
    {
      g_set_error (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_INVALID,
                   _("Normalisation applies to the one-mode networks (congruence, conflict, subtract), not to two-mode"));
      return NULL;
    }

  if (!(items = collect_items (project, options, error)))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      count (actor_counts, g_array_index (items, Item, i).actor);
      count (issue_counts, g_array_index (items, Item, i).issue);
    }
  actor_ids = kept_ids (actor_counts, options->min_claims);
  issue_ids = kept_ids (issue_counts, options->min_claims);
  for (guint i = 0; i < actor_ids->len; i++)
    g_hash_table_add (actor_kept, &g_array_index (actor_ids, gint64, i));
  for (guint i = 0; i < issue_ids->len; i++)
    g_hash_table_add (issue_kept, &g_array_index (issue_ids, gint64, i));

  /* --min-claims leaves out actors and issues with fewer claims, and with them their claims */
  kept = g_array_new (FALSE, FALSE, sizeof (Item));
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (g_hash_table_contains (actor_kept, &item->actor) && g_hash_table_contains (issue_kept, &item->issue))
        g_array_append_val (kept, *item);
    }

  self = g_new0 (SpNetwork, 1);
  self->type = options->type;
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  if (!add_nodes (self, project, actor_ids, options->type == SP_NETWORK_TWO_MODE ? issue_ids : NULL,
                  actor_counts, issue_counts, index, error))
    return NULL;

  if (options->type == SP_NETWORK_TWO_MODE)
    build_two_mode (self, options, kept, index);
  else
    build_one_mode (self, options, kept, actor_ids, index);
  g_array_sort (self->edges, compare_edges);

  return g_steal_pointer (&self);
}

/* Text for XML 1.0: characters it cannot hold (most C0 controls) become spaces */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *clean = g_strdup (text);
  g_autofree char *escaped = NULL;

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';
  escaped = g_markup_escape_text (clean, -1);
  g_string_append (out, escaped);
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
write_graphml (SpNetwork *self,
               GString   *out)
{
  gboolean two_mode = self->type == SP_NETWORK_TWO_MODE;

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                   "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                   "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                   "  <key id=\"claims\" for=\"node\" attr.name=\"claims\" attr.type=\"int\"/>\n"
                   "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
  if (two_mode)
    g_string_append (out, "  <key id=\"stance\" for=\"edge\" attr.name=\"stance\" attr.type=\"double\"/>\n");
  g_string_append (out, "  <graph id=\"G\" edgedefault=\"undirected\">\n");

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const Node *node = &g_array_index (self->nodes, Node, i);

      g_string_append_printf (out, "    <node id=\"%s\">\n      <data key=\"label\">", node->id);
      append_xml_text (out, node->label);
      g_string_append_printf (out, "</data>\n      <data key=\"kind\">%s</data>\n"
                                   "      <data key=\"claims\">%u</data>\n    </node>\n",
                              node->kind, node->claims);
    }
  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);

      g_string_append_printf (out, "    <edge id=\"e%u\" source=\"%s\" target=\"%s\">\n"
                                   "      <data key=\"weight\">", i,
                              g_array_index (self->nodes, Node, edge->source).id,
                              g_array_index (self->nodes, Node, edge->target).id);
      append_double (out, edge->weight);
      g_string_append (out, "</data>\n");
      if (two_mode)
        {
          g_string_append (out, "      <data key=\"stance\">");
          append_double (out, edge->stance);
          g_string_append (out, "</data>\n");
        }
      g_string_append (out, "    </edge>\n");
    }

  g_string_append (out, "  </graph>\n</graphml>\n");
}

/* A CSV cell as every export of the project writes one (README "CSV"): quoted when it must
 * be, and a text that a spreadsheet would run as a formula (= + - @, a tab or a carriage
 * return first) neutralised with a leading apostrophe */
static void
append_csv_text (GString    *out,
                 const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
write_csv (SpNetwork *self,
           GString   *out)
{
  gboolean two_mode = self->type == SP_NETWORK_TWO_MODE;

  g_string_append (out, two_mode ? "source,source_label,target,target_label,weight,stance\n"
                                 : "source,source_label,target,target_label,weight\n");
  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);
      const Node *source = &g_array_index (self->nodes, Node, edge->source);
      const Node *target = &g_array_index (self->nodes, Node, edge->target);

      g_string_append_printf (out, "%s,", source->id);
      append_csv_text (out, source->label);
      g_string_append_printf (out, ",%s,", target->id);
      append_csv_text (out, target->label);
      g_string_append_c (out, ',');
      append_double (out, edge->weight);
      if (two_mode)
        {
          g_string_append_c (out, ',');
          append_double (out, edge->stance);
        }
      g_string_append_c (out, '\n');
    }
}

/**
 * sp_network_serialize:
 *
 * Returns: (transfer full): the network as GraphML or as a CSV edge list; the same network
 *   gives the same bytes
 */
GBytes *
sp_network_serialize (SpNetwork       *self,
                      SpNetworkFormat  format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  if (format == SP_NETWORK_FORMAT_CSV)
    write_csv (self, out);
  else
    write_graphml (self, out);

  return g_string_free_to_bytes (out);
}

gboolean
sp_network_write (SpNetwork        *self,
                  SpNetworkFormat   format,
                  const char       *path,
                  GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  gconstpointer data;

  g_return_val_if_fail (self != NULL, FALSE);

  bytes = sp_network_serialize (self, format);
  data = g_bytes_get_data (bytes, &size);

  return sp_output_file_replace (path, data, size, error);
}
