/* sp-text-lexicon.h
 *
 * The words the text cleaner and the header reader look for: furniture phrases ("Share on
 * Facebook", "Related Articles", "Sign up for our newsletter"), the verbs that attribute a
 * sentence to someone ("said", "told"), the pronouns of an author who addresses the reader
 * ("we", "you"), photo agencies and the words of metadata lines. English first; every entry
 * names its language so that others can be added next to it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a furniture phrase says a line is */
typedef enum
{
  SP_FURNITURE_NONE,
  SP_FURNITURE_SHARE,        /* share bars, "Follow us on" */
  SP_FURNITURE_AD,           /* ads and their markers, paywall promotions */
  SP_FURNITURE_RELATED,      /* teasers of other articles: "Read more", "Related Articles" */
  SP_FURNITURE_NEWSLETTER,   /* newsletter and alert sign-ups */
  SP_FURNITURE_COMMENTS,     /* comment boxes */
  SP_FURNITURE_PETITION,     /* petitions and calls to action */
  SP_FURNITURE_TAGS,         /* tag lists */
  SP_FURNITURE_NAVIGATION,   /* "Back", "Search", "Skip to main content", "Next article" */
  SP_FURNITURE_COOKIES,      /* cookie and consent notices */
  SP_FURNITURE_CAPTION,      /* photo captions' markers and credits */
  SP_FURNITURE_CATEGORIES,   /* "Categories:" lines */
  SP_FURNITURE_SOURCE,       /* "Source:" lines */
  SP_FURNITURE_CREDIT,       /* the article's own last line: "Reporting by", "contributed to this report" */
  SP_N_FURNITURE
} SpFurniture;

/* Where in a line a phrase counts */
typedef enum
{
  SP_PLACE_LINE,   /* the whole line, numbers and punctuation around it aside */
  SP_PLACE_START,  /* the line starts with it */
  SP_PLACE_END,    /* the line ends with it */
  SP_PLACE_ANY,    /* anywhere in a line that is not a long paragraph */
} SpPhrasePlace;

/* What a word is */
typedef enum
{
  SP_WORD_VOICE     = 1 << 0,  /* an author addressing the reader: we, our, you */
  SP_WORD_SAY       = 1 << 1,  /* a verb attributing words to someone: said, told */
  SP_WORD_AGENCY    = 1 << 2,  /* a news or photo agency: Reuters, AFP, Getty */
  SP_WORD_META      = 1 << 3,  /* words of date and source lines: published, updated, views */
  SP_WORD_WEEKDAY   = 1 << 4,
  SP_WORD_TIME      = 1 << 5,  /* AM, PM, UTC, GMT, EDT, Eastern, Daylight, Time */
  SP_WORD_STOP      = 1 << 6,  /* too common to say what a text is about */
  SP_WORD_PHOTO     = 1 << 7,  /* photo, photograph, image: credit lines start with them */
  SP_WORD_SOCIAL    = 1 << 8,  /* the networks and buttons of a share bar */
  SP_WORD_NOTICE    = 1 << 9,  /* a site's notices to its reader: cookies, consent, password */
} SpWordFlags;

typedef struct _SpLexEntry SpLexEntry;

typedef struct
{
  const char    *text;       /* lower case, words separated by single spaces */
  SpFurniture    furniture;
  SpPhrasePlace  place;
  const char    *language;   /* ISO 639-1 */
} SpPhrase;

typedef struct
{
  guint           start;     /* byte offsets in the line */
  guint           end;
  guint           flags;     /* SpWordFlags */
  const SpLexEntry *entry;   /* NULL for words the lexicon does not know */
  guint           is_number : 1;
  guint           capital : 1;    /* starts with an upper-case letter */
  guint           all_caps : 1;   /* two or more letters, all upper case */
  guint           glued : 1;      /* follows the previous word without a space ("PetitionThe") */
  guint           quoted : 1;     /* inside quotation marks */
} SpTextToken;

const SpLexEntry *sp_text_lexicon_lookup  (const char       *word,
                                           gsize             length);
guint             sp_text_lexicon_flags   (const SpLexEntry *entry);

void              sp_text_tokenize        (const char       *line,
                                           gsize             length,
                                           GArray           *tokens);

const SpPhrase   *sp_text_match_phrase    (const char       *line,
                                           GArray           *tokens,
                                           guint            *first,
                                           guint            *last);
const SpPhrase   *sp_text_match_opening_phrase (const char  *line,
                                           GArray           *tokens,
                                           guint            *first,
                                           guint            *last);

const char       *sp_furniture_reason     (SpFurniture       furniture);

G_END_DECLS
