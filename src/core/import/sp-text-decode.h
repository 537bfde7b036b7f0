/* sp-text-decode.h
 *
 * Turns the bytes of an article file into clean UTF-8: the one place that decides what
 * encoding a file is in and whether it is text at all.
 */
#pragma once

#include "sp-article.h"

G_BEGIN_DECLS

typedef enum
{
  SP_TEXT_DECODE_DEFAULT = 0,
  /* The text is markup to be parsed: skip Unicode normalisation, which could merge a
   * combining character into the '>' before it. The reader normalises what it extracts. */
  SP_TEXT_DECODE_MARKUP  = 1 << 0,
} SpTextDecodeFlags;

char *sp_text_decode (const char         *data,
                      gsize               length,
                      const char         *charset,
                      SpTextDecodeFlags   flags,
                      GError            **error);

G_END_DECLS
