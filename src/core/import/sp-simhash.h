/* sp-simhash.h
 *
 * A 64-bit fingerprint of a text's wording: two copies of one text (the same wire story on
 * two sites, each with its own header and footer) get fingerprints at most a few bits
 * apart, unrelated texts about half of the bits apart. The importer marks a new document
 * that nearly repeats another; the analyst decides what to do with it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words in a row that make one shingle */
#define SP_SIMHASH_SHINGLE_WORDS 3
/* Lines with fewer words are headers, footers, bylines and links, not the story's prose */
#define SP_SIMHASH_PROSE_WORDS   8
/* A text with fewer words gets no fingerprint: too short to tell a repeat from a formula */
#define SP_SIMHASH_MIN_WORDS     24
/* Fingerprints at most this many bits apart are of near-duplicates */
#define SP_SIMHASH_NEAR_DISTANCE 3

guint64  sp_simhash_compute   (const char *text,
                               gsize       length);
guint    sp_simhash_distance  (guint64     a,
                               guint64     b);
gboolean sp_simhash_is_near   (guint64     a,
                               guint64     b);

G_END_DECLS
