/* sp-html-shingles.c
 *
 * Words are hashed as they are read (djb2 over their characters, ASCII letters in lower
 * case) and each run of three word hashes is mixed into one 32-bit shingle; a collision
 * only makes a block of the page look a little more like the reference than it is.
 */
#define G_LOG_DOMAIN "sp-html-shingles"

#include "config.h"

#include "sp-html-shingles.h"

void
sp_shingler_init (SpShingler *self,
                  GHashTable *known)
{
  *self = (SpShingler) { 0 };
  self->known = known;
}

static void
end_word (SpShingler *self,
          GHashTable *collect)
{
  guint32 shingle;

  self->in_word = FALSE;
  if (self->n_words < 2)
    {
      self->previous[self->n_words++] = self->word;
      return;
    }

  shingle = (self->previous[0] * 31 + self->previous[1]) * 1000003u + self->word;
  if (shingle == 0)
    shingle = 1;
  self->previous[0] = self->previous[1];
  self->previous[1] = self->word;
  self->n_shingles++;

  if (collect != NULL)
    g_hash_table_add (collect, GUINT_TO_POINTER (shingle));
  else if (self->known != NULL && g_hash_table_contains (self->known, GUINT_TO_POINTER (shingle)))
    self->n_known++;
}

static void
feed (SpShingler *self,
      const char *text,
      GHashTable *collect,
      gboolean    skip_markup)
{
  gboolean in_tag = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (skip_markup && (in_tag || (c == '<' && g_ascii_isalpha (p[1])) ||
                          (c == '<' && p[1] == '/')))
        {
          in_tag = c != '>';
          if (self->in_word)
            end_word (self, collect);
          continue;
        }

      if (g_unichar_isalnum (c))
        {
          if (!self->in_word)
            {
              self->in_word = TRUE;
              self->word = 5381;
            }
          self->word = self->word * 33 + (c < 0x80 ? (gunichar)g_ascii_tolower (c) : c);
        }
      else if (self->in_word)
        end_word (self, collect);
    }
}

void
sp_shingler_feed (SpShingler *self,
                  const char *text)
{
  feed (self, text, NULL, FALSE);
}

/* Where a block of the page ends: no shingle spans two blocks */
void
sp_shingler_end_block (SpShingler *self)
{
  if (self->in_word)
    end_word (self, NULL);
  self->n_words = 0;
}

/**
 * sp_html_shingle_set:
 * @text: the reference text, plain or markup
 *
 * Returns: (transfer full): its shingles, as a set of hashes
 */
GHashTable *
sp_html_shingle_set (const char *text)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);
  SpShingler shingler;

  sp_shingler_init (&shingler, NULL);
  feed (&shingler, text, set, TRUE);
  if (shingler.in_word)
    end_word (&shingler, set);

  return set;
}
