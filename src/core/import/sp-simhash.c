/* sp-simhash.c
 *
 * Charikar's simhash over word shingles: the words of the text (letters and digits, case
 * folded), in runs of SP_SIMHASH_SHINGLE_WORDS within a line; each run hashed to 64 bits,
 * and each bit of the fingerprint set when the runs with the bit set outweigh those
 * without. Runs of words rather than single words keep two different stories on one
 * topic, told with the same vocabulary, far apart.
 *
 * Two copies of a wire story differ where each site put its own header and footer: a
 * byline, a dateline, a copyright line, share links, a subscription box. Those are short
 * lines, and prose is long ones, so a line's runs weigh the square of the line's words (up
 * to a paragraph's worth), and lines shorter than SP_SIMHASH_PROSE_WORDS do not count unless
 * the text has too little else. A bit flips when the runs that differ outweigh the margin
 * of the runs both texts share; for a story of six 50-word paragraphs, an added line of 19
 * random words moves 3.4 bits on average with weights linear in the words, 0.7 with these
 * (3 bits or fewer in 999 of 1,000 trials).
 */
#define G_LOG_DOMAIN "sp-simhash"

#include "config.h"

#include <string.h>

#include "sp-simhash.h"

/* A line's runs weigh the square of its words, up to this many words: a paragraph's worth */
#define MAX_LINE_WEIGHT 64

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/* The finaliser of SplitMix64: every input bit moves about half of the output bits */
static inline guint64
mix (guint64 x)
{
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

static inline guint64
rotate (guint64 x,
        guint   n)
{
  return (x << n) | (x >> (64 - n));
}

/* The hashes of the words of [p, end), one line, case folded */
static void
hash_words (const char *p,
            const char *end,
            GArray     *words)
{
  guint64 word = FNV_OFFSET;
  gboolean in_word = FALSE;
  guint64 *out;
  guint n_words = 0;

  /* A word is followed by a byte that ends it, or by the line's end: room for all of them
   * up front, so that each is stored without a call */
  g_array_set_size (words, (end - p) / 2 + 1);
  out = (guint64 *)(gpointer)words->data;

  while (p < end)
    {
      guchar c = *p;
      char folded[6];
      gsize n = 0;

      if (c < 0x80)
        {
          /* g_ascii_tolower() is a call; folding inline keeps this loop tight */
          if (g_ascii_isalnum (c))
            folded[n++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar)-1 || u == (gunichar)-2)
            {
              p++;
              u = 0;
            }
          else
            p = g_utf8_next_char (p);

          if (u != 0 && g_unichar_isalnum (u))
            n = g_unichar_to_utf8 (g_unichar_tolower (u), folded);
        }

      if (n > 0)
        {
          for (gsize i = 0; i < n; i++)
            word = (word ^ (guchar)folded[i]) * FNV_PRIME;
          in_word = TRUE;
        }
      else if (in_word)
        {
          out[n_words++] = mix (word);
          word = FNV_OFFSET;
          in_word = FALSE;
        }
    }

  if (in_word)
    out[n_words++] = mix (word);

  g_array_set_size (words, n_words);
}

/* Each byte value with its eight bits spread to the low bit of eight bytes: adding
 * spread[byte] to a word counts the byte's bits in eight counters at once */
static guint64 spread[256];

static void
init_spread (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint byte = 0; byte < 256; byte++)
        {
          guint64 lanes = 0;

          for (guint bit = 0; bit < 8; bit++)
            if (byte & (1u << bit))
              lanes |= G_GUINT64_CONSTANT (1) << (8 * bit);
          spread[byte] = lanes;
        }
      g_once_init_leave (&initialised, 1);
    }
}

/* Counts of set bits in 64 byte-wide counters, 8 in a word; they hold up to 255 runs */
#define MAX_COUNTED_RUNS 255

static void
flush_counts (gint64        sums[64],
              guint64       counts[8],
              guint         n_runs,
              gint64        weight)
{
  for (guint word = 0; word < 8; word++)
    {
      for (guint lane = 0; lane < 8; lane++)
        {
          gint64 ones = (counts[word] >> (8 * lane)) & 0xFF;

          /* set bits count for, clear bits against */
          sums[8 * word + lane] += weight * (2 * ones - (gint64)n_runs);
        }
      counts[word] = 0;
    }
}

/* Adds the runs of one line's words, each weighing @weight */
static void
add_runs (gint64        sums[64],
          const GArray *words,
          gint64        weight)
{
  const guint64 *w = (const guint64 *)(gpointer)words->data;
  /* A line shorter than a run is one run */
  guint n_runs = words->len >= SP_SIMHASH_SHINGLE_WORDS
                   ? words->len - SP_SIMHASH_SHINGLE_WORDS + 1
                   : 1;
  guint64 counts[8] = { 0 };
  guint counted = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      guint64 shingle = 0;

      for (guint j = 0; j < SP_SIMHASH_SHINGLE_WORDS && i + j < words->len; j++)
        shingle ^= rotate (w[i + j], 1 + 21 * j);
      shingle = mix (shingle);

      /* Bit 8·word + lane of the shingle goes to counter lane of counts[word] */
      for (guint word = 0; word < 8; word++)
        counts[word] += spread[(shingle >> (8 * word)) & 0xFF];

      if (++counted == MAX_COUNTED_RUNS)
        {
          flush_counts (sums, counts, counted, weight);
          counted = 0;
        }
    }

  if (counted > 0)
    flush_counts (sums, counts, counted, weight);
}

/* Sums the runs of the prose lines (at least SP_SIMHASH_PROSE_WORDS words) into @prose and
 * those of the shorter lines into @short_lines, in one pass: the sums add up, so the text's
 * sums over every line are the two together. Sets how many words each kind of line has. */
static void
sum_lines (const char *text,
           gsize       length,
           GArray     *words,
           gint64      prose[64],
           gint64      short_lines[64],
           gsize      *n_prose_words,
           gsize      *n_short_words)
{
  const char *end = text + length;

  memset (prose, 0, 64 * sizeof prose[0]);
  memset (short_lines, 0, 64 * sizeof short_lines[0]);
  *n_prose_words = 0;
  *n_short_words = 0;

  for (const char *line = text; line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);

      if (eol == NULL)
        eol = end;

      hash_words (line, eol, words);
      if (words->len > 0)
        {
          gint64 weight = MIN (words->len, MAX_LINE_WEIGHT);
          gboolean is_prose = words->len >= SP_SIMHASH_PROSE_WORDS;

          add_runs (is_prose ? prose : short_lines, words, weight * weight);
          *(is_prose ? n_prose_words : n_short_words) += words->len;
        }

      line = eol + 1;
    }
}

/**
 * sp_simhash_compute:
 * @text: (array length=length): UTF-8 text, such as a document's body
 *
 * Returns: the text's fingerprint; 0 when it has fewer than %SP_SIMHASH_MIN_WORDS words
 */
guint64
sp_simhash_compute (const char *text,
                    gsize       length)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (guint64));
  gint64 sums[64];
  gint64 short_sums[64];
  gsize n_prose = 0;
  gsize n_short = 0;
  guint64 hash = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);

  init_spread ();
  sum_lines (text, length, words, sums, short_sums, &n_prose, &n_short);

  /* The prose lines, or every line when there is too little prose */
  if (n_prose < SP_SIMHASH_MIN_WORDS)
    {
      if (n_prose + n_short < SP_SIMHASH_MIN_WORDS)
        return 0;
      for (guint bit = 0; bit < 64; bit++)
        sums[bit] += short_sums[bit];
    }

  for (guint bit = 0; bit < 64; bit++)
    if (sums[bit] > 0)
      hash |= G_GUINT64_CONSTANT (1) << bit;

  /* 0 means "no fingerprint" */
  return hash != 0 ? hash : 1;
}

guint
sp_simhash_distance (guint64 a,
                     guint64 b)
{
  return __builtin_popcountll (a ^ b);
}

/**
 * sp_simhash_is_near:
 *
 * Returns: whether two fingerprints are of near-duplicates; never for a text without one
 */
gboolean
sp_simhash_is_near (guint64 a,
                    guint64 b)
{
  return a != 0 && b != 0 && sp_simhash_distance (a, b) <= SP_SIMHASH_NEAR_DISTANCE;
}
