/* sp-matrix-options.h
 *
 * What a position matrix is computed from: level, aggregation, filters and order. A plain,
 * copyable value (boxed as SpMatrixOptions) that the window, the exports and the CLI share,
 * so that an export made with the window's options is the matrix the window shows.
 *
 * Defaults: actor level, mean per claim, no filters, pending suggestions left out, actors
 * and issues without claims hidden, alphabetical order, no title.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_TYPE_MATRIX_OPTIONS (sp_matrix_options_get_type ())

typedef struct _SpMatrixOptions SpMatrixOptions;

/* Rows of the position matrix: one per actor, or one per group (an actor's top-most
 * affiliation). The string forms are part of the CLI and must never change. */
typedef enum
{
  SP_MATRIX_LEVEL_ACTOR,
  SP_MATRIX_LEVEL_GROUP,
} SpMatrixLevel;

/* How the stances of one cell become its score (README.md, "Position matrix") */
typedef enum
{
  SP_MATRIX_AGGREGATE_MEAN,
  SP_MATRIX_AGGREGATE_LATEST,
  SP_MATRIX_AGGREGATE_MAJORITY,
} SpMatrixAggregate;

/* What one vote is: every claim, or every document (its claims in the cell collapse to
 * their mean, dated by the document) */
typedef enum
{
  SP_MATRIX_UNIT_CLAIM,
  SP_MATRIX_UNIT_DOCUMENT,
} SpMatrixUnit;

typedef enum
{
  SP_MATRIX_ORDER_ALPHA,
  SP_MATRIX_ORDER_ACTIVITY,
  SP_MATRIX_ORDER_SIMILARITY,
} SpMatrixOrder;

GType              sp_matrix_options_get_type   (void) G_GNUC_CONST;
SpMatrixOptions   *sp_matrix_options_new        (void);
SpMatrixOptions   *sp_matrix_options_copy       (const SpMatrixOptions *self);
void               sp_matrix_options_free       (SpMatrixOptions       *self);
gboolean           sp_matrix_options_equal      (const SpMatrixOptions *a,
                                                 const SpMatrixOptions *b);

void               sp_matrix_options_set_level  (SpMatrixOptions       *self,
                                                 SpMatrixLevel          level);
SpMatrixLevel      sp_matrix_options_get_level  (const SpMatrixOptions *self);
void               sp_matrix_options_set_aggregate (SpMatrixOptions    *self,
                                                 SpMatrixAggregate      aggregate);
SpMatrixAggregate  sp_matrix_options_get_aggregate (const SpMatrixOptions *self);
void               sp_matrix_options_set_unit   (SpMatrixOptions       *self,
                                                 SpMatrixUnit           unit);
SpMatrixUnit       sp_matrix_options_get_unit   (const SpMatrixOptions *self);
void               sp_matrix_options_set_order  (SpMatrixOptions       *self,
                                                 SpMatrixOrder          order);
SpMatrixOrder      sp_matrix_options_get_order  (const SpMatrixOptions *self);

gboolean           sp_matrix_options_set_date_range (SpMatrixOptions   *self,
                                                 const char            *from,
                                                 const char            *to,
                                                 GError               **error);
const char        *sp_matrix_options_get_date_from (const SpMatrixOptions *self);
const char        *sp_matrix_options_get_date_to   (const SpMatrixOptions *self);

void               sp_matrix_options_set_sources    (SpMatrixOptions   *self,
                                                 const char * const    *sources);
const char * const *sp_matrix_options_get_sources   (const SpMatrixOptions *self);
void               sp_matrix_options_set_document_ids (SpMatrixOptions *self,
                                                 const gint64          *ids,
                                                 guint                  n_ids);
const gint64      *sp_matrix_options_get_document_ids (const SpMatrixOptions *self,
                                                 guint                 *n_ids);
void               sp_matrix_options_set_actor_ids  (SpMatrixOptions   *self,
                                                 const gint64          *ids,
                                                 guint                  n_ids);
const gint64      *sp_matrix_options_get_actor_ids  (const SpMatrixOptions *self,
                                                 guint                 *n_ids);
void               sp_matrix_options_set_issue_ids  (SpMatrixOptions   *self,
                                                 const gint64          *ids,
                                                 guint                  n_ids);
const gint64      *sp_matrix_options_get_issue_ids  (const SpMatrixOptions *self,
                                                 guint                 *n_ids);
void               sp_matrix_options_set_expanded_groups (SpMatrixOptions *self,
                                                 const gint64          *group_ids,
                                                 guint                  n_ids);
const gint64      *sp_matrix_options_get_expanded_groups (const SpMatrixOptions *self,
                                                 guint                 *n_ids);
gboolean           sp_matrix_options_is_group_expanded (const SpMatrixOptions *self,
                                                 gint64                 group_id);

void               sp_matrix_options_set_include_suggestions (SpMatrixOptions *self,
                                                 gboolean               include);
gboolean           sp_matrix_options_get_include_suggestions (const SpMatrixOptions *self);
void               sp_matrix_options_set_hide_empty (SpMatrixOptions   *self,
                                                 gboolean               hide);
gboolean           sp_matrix_options_get_hide_empty (const SpMatrixOptions *self);
void               sp_matrix_options_set_title  (SpMatrixOptions       *self,
                                                 const char            *title);
const char        *sp_matrix_options_get_title  (const SpMatrixOptions *self);

gboolean           sp_matrix_options_has_filters (const SpMatrixOptions *self);

const char        *sp_matrix_level_to_string     (SpMatrixLevel         level);
gboolean           sp_matrix_level_from_string   (const char           *str,
                                                  SpMatrixLevel        *level);
const char        *sp_matrix_aggregate_to_string (SpMatrixAggregate     aggregate);
gboolean           sp_matrix_aggregate_from_string (const char         *str,
                                                  SpMatrixAggregate    *aggregate);
const char        *sp_matrix_unit_to_string      (SpMatrixUnit          unit);
gboolean           sp_matrix_unit_from_string    (const char           *str,
                                                  SpMatrixUnit         *unit);
const char        *sp_matrix_order_to_string     (SpMatrixOrder         order);
gboolean           sp_matrix_order_from_string   (const char           *str,
                                                  SpMatrixOrder        *order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMatrixOptions, sp_matrix_options_free)

G_END_DECLS
