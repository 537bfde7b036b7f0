/* sp-date-text.h
 *
 * A document's date (stored as YYYY-MM-DD) as the window shows it, in the user's language.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SP_DATE_TEXT_SHORT,  /* "2 Nov 2024", where room is short: the documents list */
  SP_DATE_TEXT_LONG,   /* "2 November 2024": the reader */
} SpDateTextStyle;

char *sp_date_text_format (const char      *date,
                           SpDateTextStyle  style);

G_END_DECLS
