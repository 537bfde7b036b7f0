/* sp-markdown-bounds.h
 *
 * A linear pass over Markdown before md4c 0.4 sees it, keeping it away from the inputs on
 * which md4c takes quadratic time.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A paragraph is cut (a blank line put in) once its lines times its brackets reach this */
#define SP_MARKDOWN_MAX_LINE_BRACKETS (1000 * 1000)
/* Brackets nested deeper than this, in a text with link reference definitions, make those
 * definitions plain text */
#define SP_MARKDOWN_MAX_BRACKET_DEPTH 32

char *sp_markdown_bound (const char *markdown,
                         gsize       length,
                         gsize      *bounded_length);

G_END_DECLS
