/* sp-date-text.c
 *
 * One place formats a document's date for the window, so that the documents list and the
 * reader say the same day the same way: GDateTime in the user's locale, each style's
 * strftime() format translatable (a language may put the day after the month).
 */
#define G_LOG_DOMAIN "sp-date-text"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-text.h"

/**
 * sp_date_text_format:
 * @date: a document's date, YYYY-MM-DD
 * @style: how much room it has
 *
 * Returns: (transfer full): @date as the user's language writes it, e.g. "2 Nov 2024" or
 *   "2 November 2024"; @date itself when it is not a date GLib can read
 */
char *
sp_date_text_format (const char      *date,
                     SpDateTextStyle  style)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  /* Noon UTC: the day is the same whatever the time zone */
  iso = g_strdup_printf ("%sT12:00:00Z", date);
  if (!(time = g_date_time_new_from_iso8601 (iso, NULL)))
    return g_strdup (date);

  switch (style)
    {
    case SP_DATE_TEXT_SHORT:
      /* TRANSLATORS: a document's date in the documents list, as strftime() formats it,
       * e.g. "2 Nov 2024" (%b is the month's abbreviated name) */
      text = g_date_time_format (time, _("%-d %b %Y"));
      break;
    case SP_DATE_TEXT_LONG:
    default:
      /* TRANSLATORS: a document's date in the reader, as strftime() formats it, e.g.
       * "2 November 2024" (%B is the month's full name) */
      text = g_date_time_format (time, _("%-d %B %Y"));
      break;
    }

  /* A translation g_date_time_format() cannot follow: the date as it is stored */
  return text != NULL ? g_steal_pointer (&text) : g_strdup (date);
}
