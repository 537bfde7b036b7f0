/* sp-read-budget.c
 *
 * The clock is read once every CLOCK_INTERVAL steps (and on the first step, so that a
 * budget of no time at all fails at once, which is what the tests rely on).
 */
#define G_LOG_DOMAIN "sp-read-budget"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-article.h"
#include "sp-read-budget.h"

#define CLOCK_INTERVAL 4096

typedef enum
{
  SP_BUDGET_OK,
  SP_BUDGET_OUT_OF_TIME,
  SP_BUDGET_OUT_OF_STEPS,
} SpBudgetState;

struct _SpReadBudget
{
  gint64        deadline;          /* monotonic time */
  gint64        max_microseconds;
  guint64       steps;
  guint64       max_steps;
  guint64       next_clock_check;
  SpBudgetState state;
};

/**
 * sp_read_budget_new_full:
 * @max_microseconds: how long the reader may take, from now
 * @max_steps: how many steps its walks may take
 *
 * Returns: (transfer full): a budget
 */
SpReadBudget *
sp_read_budget_new_full (gint64  max_microseconds,
                         guint64 max_steps)
{
  SpReadBudget *self = g_new0 (SpReadBudget, 1);

  self->max_microseconds = MAX (max_microseconds, 0);
  self->deadline = g_get_monotonic_time () + self->max_microseconds;
  self->max_steps = max_steps;

  return self;
}

/**
 * sp_read_budget_new:
 * @input_length: the size of the article in bytes
 *
 * The budget every reader gets by default: %SP_READ_BUDGET_SECONDS, and work linear in
 * @input_length.
 *
 * Returns: (transfer full): a budget
 */
SpReadBudget *
sp_read_budget_new (gsize input_length)
{
  guint64 max_steps = SP_READ_BUDGET_BASE_STEPS;

  if (input_length > (G_MAXUINT64 - max_steps) / SP_READ_BUDGET_STEPS_PER_BYTE)
    max_steps = G_MAXUINT64;
  else
    max_steps += (guint64)input_length * SP_READ_BUDGET_STEPS_PER_BYTE;

  return sp_read_budget_new_full (SP_READ_BUDGET_SECONDS * G_USEC_PER_SEC, max_steps);
}

void
sp_read_budget_free (SpReadBudget *self)
{
  g_free (self);
}

/**
 * sp_read_budget_check_clock:
 *
 * Looks at the clock now, for work that cannot be counted in steps (a library parsing).
 *
 * Returns: %FALSE when the budget is spent
 */
gboolean
sp_read_budget_check_clock (SpReadBudget *self)
{
  if (self == NULL)
    return TRUE;

  if (self->state == SP_BUDGET_OK && g_get_monotonic_time () >= self->deadline)
    self->state = SP_BUDGET_OUT_OF_TIME;

  return self->state == SP_BUDGET_OK;
}

/**
 * sp_read_budget_spend:
 * @steps: work done since the last call, in steps of constant cost
 *
 * Returns: %FALSE when the budget is spent; it stays spent
 */
gboolean
sp_read_budget_spend (SpReadBudget *self,
                      guint64       steps)
{
  if (self == NULL)
    return TRUE;

  if (self->state != SP_BUDGET_OK)
    return FALSE;

  if (steps > self->max_steps - MIN (self->steps, self->max_steps))
    {
      self->steps = self->max_steps;
      self->state = SP_BUDGET_OUT_OF_STEPS;
      return FALSE;
    }

  self->steps += steps;

  if (self->steps >= self->next_clock_check)
    {
      self->next_clock_check = self->steps + CLOCK_INTERVAL;
      return sp_read_budget_check_clock (self);
    }

  return TRUE;
}

/**
 * sp_read_budget_allow:
 * @input_length: the size of input found inside the input, in bytes
 *
 * Allows the work for more input, as sp_read_budget_new() does for the article's own bytes:
 * for what a reader unpacked from them (the parts of a zip archive, bounded by their reader).
 * The deadline stays.
 */
void
sp_read_budget_allow (SpReadBudget *self,
                      gsize         input_length)
{
  guint64 more;

  if (self == NULL)
    return;

  if (input_length > G_MAXUINT64 / SP_READ_BUDGET_STEPS_PER_BYTE)
    more = G_MAXUINT64;
  else
    more = (guint64)input_length * SP_READ_BUDGET_STEPS_PER_BYTE;

  self->max_steps = more > G_MAXUINT64 - self->max_steps ? G_MAXUINT64 : self->max_steps + more;
}

gboolean
sp_read_budget_is_exhausted (SpReadBudget *self)
{
  return self != NULL && self->state != SP_BUDGET_OK;
}

/* The steps spent so far; benchmarks and tests use it to see that work is linear. */
guint64
sp_read_budget_get_steps (SpReadBudget *self)
{
  return self != NULL ? self->steps : 0;
}

/**
 * sp_read_budget_set_error:
 *
 * Sets @error to %SP_IMPORT_ERROR_TOO_SLOW when the budget is spent.
 *
 * Returns: %TRUE when it was spent (and @error set)
 */
gboolean
sp_read_budget_set_error (SpReadBudget  *self,
                          GError       **error)
{
  if (self == NULL || self->state == SP_BUDGET_OK)
    return FALSE;

  if (self->state == SP_BUDGET_OUT_OF_TIME)
    g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW,
                 g_dngettext (GETTEXT_PACKAGE,
                              "took too long to read (over %u second)",
                              "took too long to read (over %u seconds)",
                              (guint)(self->max_microseconds / G_USEC_PER_SEC)),
                 (guint)(self->max_microseconds / G_USEC_PER_SEC));
  else
    g_set_error_literal (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_SLOW,
                         _("took too long to read (its structure needs more work than its size allows)"));

  return TRUE;
}
