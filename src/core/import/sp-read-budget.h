/* sp-read-budget.h
 *
 * What a reader may spend on one article: time and work. Every walk over an article's text
 * or tree counts its steps here, against an allowance that grows with the article's size,
 * and the clock is looked at every so many steps. A reader whose work grows faster than its
 * input (a walk that re-walks) or that runs past its deadline stops with a clear error
 * instead of freezing the import. A NULL budget allows everything.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long one article may take to read */
#define SP_READ_BUDGET_SECONDS        20
/* Work allowed per byte of input, and for any input; the readers' walks need far less */
#define SP_READ_BUDGET_STEPS_PER_BYTE 64
#define SP_READ_BUDGET_BASE_STEPS     (1024 * 1024)

typedef struct _SpReadBudget SpReadBudget;

SpReadBudget *sp_read_budget_new            (gsize          input_length);
SpReadBudget *sp_read_budget_new_full       (gint64         max_microseconds,
                                             guint64        max_steps);
void          sp_read_budget_free           (SpReadBudget  *self);

gboolean      sp_read_budget_spend          (SpReadBudget  *self,
                                             guint64        steps);
void          sp_read_budget_allow          (SpReadBudget  *self,
                                             gsize          input_length);
gboolean      sp_read_budget_check_clock    (SpReadBudget  *self);
gboolean      sp_read_budget_is_exhausted   (SpReadBudget  *self);
guint64       sp_read_budget_get_steps      (SpReadBudget  *self);
gboolean      sp_read_budget_set_error      (SpReadBudget  *self,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReadBudget, sp_read_budget_free)

G_END_DECLS
