/* sp-eml-reader.h
 *
 * E-mail messages saved as .eml (a news alert, a forwarded article): the subject, sender and
 * date, and the text of the message. Read with GMime when the build has it.
 */
#pragma once

#include <gio/gio.h>

#include "sp-read-budget.h"

G_BEGIN_DECLS

/* A message with more MIME parts than this is refused */
#define SP_EML_MAX_PARTS 1000

GPtrArray *sp_eml_reader_read (GBytes        *bytes,
                               SpReadBudget  *budget,
                               GError       **error);

G_END_DECLS
