/* sp-text-lines.h
 *
 * What the text cleaner knows of each line of a body before it decides anything: its words
 * (counted by kind), the furniture phrase it holds, whether it recurs in other documents,
 * and its shape (a sentence, a short link-like line, a teaser cut off mid-sentence).
 */
#pragma once

#include "sp-text-cleaner.h"
#include "sp-text-lexicon.h"

G_BEGIN_DECLS

/* Lines longer than this are paragraphs: a phrase anywhere in them says nothing */
#define SP_TEXT_LINE_SHORT_CHARS 200

typedef struct
{
  const char  *text;           /* in the body, not NUL-terminated */
  gsize        length;         /* bytes */
  guint        chars;
  guint        start_char;     /* where the line starts in the body, in characters */
  guint        blank_before : 1;  /* a blank line separates it from the line before */

  guint        n_words;        /* words, numbers left out */
  guint        n_voice;        /* an author's we, our, you outside quotation marks */
  guint        n_say;          /* attribution verbs */
  guint        n_social;       /* network names and share buttons */
  guint        n_agency;
  guint        n_photo;
  guint        n_meta;         /* published, updated, views, weekdays, time zones */
  guint        n_domains;      /* words followed by ".com" and the like */
  guint        n_notice;       /* words of a site's notices: cookies, consent, password */

  SpFurniture  furniture;      /* the furniture phrase it holds, or SP_FURNITURE_NONE */
  guint        phrase_start : 1;  /* the phrase opens the line or is all of it */
  guint        glued_label : 1;   /* the phrase is glued to the next word ("PetitionThe") */
  guint        recurring : 1;  /* other documents hold this line */
  guint        sentence_end : 1;  /* ends as a sentence does: . ! ? or a closing quote */
  guint        link_like : 1;  /* a few words, no sentence: "Back »", "Search" */
  guint        teaser : 1;     /* a long line cut off mid-sentence */
  guint        social_bar : 1; /* mostly network names: a share bar without a phrase */
  guint        reference : 1;  /* an endnote: "[12] https://…" */

  guint        label_length;   /* bytes of the furniture label glued to a paragraph */

  /* The cleaner's decision */
  const char  *reason;         /* why it goes, or NULL when it stays */
  const char  *label_reason;   /* why its glued label goes, when it goes apart */
} SpTextLine;

GArray   *sp_text_lines_analyse       (const char      *body,
                                       SpLineCountFunc  count,
                                       gpointer         user_data);
gboolean  sp_text_line_is_strong_junk (const SpTextLine *line);
gboolean  sp_text_line_is_weak_junk   (const SpTextLine *line);
const char *sp_text_line_junk_reason  (const SpTextLine *line);
gboolean  sp_text_reason_is_minor     (const char       *reason);

G_END_DECLS
