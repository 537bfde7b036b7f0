/* sp-dna-offsets.c
 *
 * DNA counts a statement's span in UTF-16 code units (Java strings); Standpoint in characters.
 * The two differ by one for every character outside the Basic Multilingual Plane before the
 * offset, so only where those characters are needs keeping.
 */
#define G_LOG_DOMAIN "sp-dna-file"

#include "config.h"

#include "sp-dna-file.h"

struct _SpDnaOffsets
{
  GArray *astral;    /* gint64: the UTF-16 offset of each character outside the BMP */
  gint64  length16;  /* the text's length in UTF-16 code units */
};

SpDnaOffsets *
sp_dna_offsets_new (const char *text)
{
  SpDnaOffsets *self = g_new0 (SpDnaOffsets, 1);
  gint64 offset = 0;

  self->astral = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* a four-byte UTF-8 sequence is a character outside the BMP: a surrogate pair in Java */
      if (((guchar)*p & 0xF8) == 0xF0)
        {
          g_array_append_val (self->astral, offset);
          offset += 2;
        }
      else
        offset++;
    }
  self->length16 = offset;

  return self;
}

void
sp_dna_offsets_free (SpDnaOffsets *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->astral);
  g_free (self);
}

/* The number of characters outside the BMP that start before @offset16 */
static guint
astral_before (SpDnaOffsets *self,
               gint64        offset16)
{
  guint lo = 0, hi = self->astral->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->astral, gint64, mid) < offset16)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * sp_dna_offsets_convert:
 * @start16: a span's start in UTF-16 code units, as DNA counts it
 * @stop16: one past its end
 * @start: (out): the span's first character
 * @end: (out): one past its last character
 *
 * A bound that falls between the two halves of a surrogate pair widens the span to the
 * whole character.
 *
 * Returns: %FALSE when the span is empty or outside the text
 */
gboolean
sp_dna_offsets_convert (SpDnaOffsets *self,
                        gint64        start16,
                        gint64        stop16,
                        guint        *start,
                        guint        *end)
{
  guint before_start, before_stop;

  g_return_val_if_fail (self != NULL, FALSE);

  if (start16 < 0 || stop16 <= start16 || stop16 > self->length16)
    return FALSE;

  /* every character outside the BMP that starts before a bound takes two units but is one
   * character; a bound in the middle of one (one unit after its start) counts it as before,
   * which rounds a start down to that character and an end, moved on by one, up past it */
  before_start = astral_before (self, start16);
  before_stop = astral_before (self, stop16);
  *start = (guint)(start16 - before_start);
  *end = (guint)(stop16 - before_stop);
  if (before_stop > 0 && g_array_index (self->astral, gint64, before_stop - 1) == stop16 - 1)
    *end += 1;

  return *end > *start;
}
