/* sp-html-shingles.h
 *
 * Runs of three words, hashed, for comparing the page's text with the article body its
 * JSON-LD gives: how much of a block of the page is in that body. Words are runs of
 * letters and digits, compared without ASCII case; markup inside the body is skipped.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GHashTable *known;      /* the shingles of the reference text; NULL while it is read */
  guint32     word;       /* the hash of the word being read */
  gboolean    in_word;
  guint32     previous[2];
  guint       n_words;    /* words in the current block, up to 3 */
  guint64     n_shingles; /* in the current block */
  guint64     n_known;    /* of those, how many are in @known */
} SpShingler;

GHashTable *sp_html_shingle_set   (const char *text);
void        sp_shingler_init      (SpShingler *self,
                                   GHashTable *known);
void        sp_shingler_feed      (SpShingler *self,
                                   const char *text);
void        sp_shingler_end_block (SpShingler *self);

G_END_DECLS
