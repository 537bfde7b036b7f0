/* fuzz-suggest-engine.c
 *
 * The suggestion engine over any text: the bytes are made valid UTF-8 (as the store keeps
 * bodies), cut into sentences at full stops and line ends, and read with a small codebook
 * whose issues learn keywords from the text's first lines, as from an analyst's claims.
 * Whatever the text, every candidate lies inside its sentence with a stance in -2..2 and a
 * confidence in 0..1, and every explanation is valid UTF-8.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sp-suggest-engine.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define MAX_EXAMPLES 6

/* A small codebook whose issues learn from examples: the input's first lines, in turn for
 * each issue, so that the words they share become keywords the text may hold */
static SpSuggestEngine *
engine_new (const char *body)
{
  SpSuggestCodebook *codebook = sp_suggest_codebook_new ();
  const char *aliases[] = { "the council", "RC", NULL };
  const char *none[] = { NULL };
  const char *keywords[] = { "bridge", "toll road", NULL };
  const char *opposing[] = { "ferry service", NULL };
  const char *excluded[] = { "railway bridge", "park road", NULL };
  g_auto(GStrv) lines = g_strsplit (body, "\n", MAX_EXAMPLES + 1);
  /* The engine owns what it is given, so each input loads the lexicons again */
  SpSuggestLexicons *lexicons = sp_suggest_lexicons_load_from_dir (SP_LEXICON_SOURCE_DIR, NULL);

  if (lexicons == NULL)
    abort ();

  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 1, "Riverton", SP_ACTOR_KIND_STATE, 1, 0, aliases });
  sp_suggest_codebook_add_actor (codebook, &(SpSuggestActor) { 2, "Marta Okafor", SP_ACTOR_KIND_PERSON, 1, 1, none });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 10, "bridge", "Bridge", "The city should build the bridge",
                                                               keywords, opposing, excluded });
  sp_suggest_codebook_add_issue (codebook, &(SpSuggestIssue) { 11, "park", "Park", "The city should give up the park",
                                                               none, NULL, excluded });
  for (guint i = 0; lines[i] != NULL && i < MAX_EXAMPLES; i++)
    sp_suggest_codebook_add_example (codebook, i % 2 ? 11 : 10, lines[i]);

  return sp_suggest_engine_new (codebook, lexicons);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *body = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(SpSuggestResult) result = NULL;
  g_autoptr(SpSuggestEngine) engine = NULL;
  guint32 start = 0;
  guint32 chars = 0;

  for (const char *p = body; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || *p == '\n' || *p == '.')
        {
          guint32 stop = chars + (*p == '.' ? 1 : 0);

          if (stop > start)
            {
              g_array_append_val (pairs, start);
              g_array_append_val (pairs, stop);
            }
          start = chars + 1;
        }
      if (*p == '\0')
        break;
      chars++;
    }

  engine = engine_new (body);
  result = sp_suggest_engine_run (engine, body, (guint32 *)(gpointer)pairs->data, pairs->len / 2);
  for (guint i = 0; i < result->candidates->len; i++)
    {
      const SpSuggestCandidate *c = g_ptr_array_index (result->candidates, i);
      const guint32 *s;

      if (c->sentence >= pairs->len / 2)
        abort ();
      s = &g_array_index (pairs, guint32, 2 * c->sentence);
      if (c->start < s[0] || c->end > s[1] || c->start > c->end)
        abort ();
      if (c->stance < -2 || c->stance > 2 || !(c->confidence >= 0 && c->confidence <= 1))
        abort ();
      if (c->explanation == NULL || !g_utf8_validate (c->explanation, -1, NULL) || c->features == NULL)
        abort ();
    }
  for (guint i = 0; i < result->speakers->len; i++)
    {
      const SpSuggestSpeaker *sp = g_ptr_array_index (result->speakers, i);

      if (sp->name == NULL || !g_utf8_validate (sp->name, -1, NULL) || sp->n_mentions == 0)
        abort ();
    }
  return 0;
}
