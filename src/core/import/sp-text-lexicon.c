/* sp-text-lexicon.c
 *
 * One hash table from a lower-case word to what the word is and which furniture phrases
 * start with it, built once. A line is looked at word by word: each word costs one lookup,
 * and a phrase is compared only where its first word stands, so that matching stays linear
 * in the line whatever the length of the lists.
 */
#define G_LOG_DOMAIN "sp-text-lexicon"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-text-lexicon.h"

/* Longer words are never in the lexicon */
#define MAX_WORD_BYTES 48
/* A phrase of this many words at most */
#define MAX_PHRASE_WORDS 8

struct _SpLexEntry
{
  guint      flags;
  GPtrArray *phrases;  /* SpPhraseWords that start with this word, or NULL */
};

typedef struct
{
  const SpPhrase *phrase;
  char          **words;      /* "0" stands for any number */
  guint           n_words;
  gboolean        colon;      /* the phrase is followed by a colon: "Tags:" */
} SpPhraseWords;

typedef struct
{
  const char *words;  /* space-separated */
  guint       flags;
  const char *language;
} SpWordList;

static const SpWordList word_lists[] = {
  /* An author speaking to the reader. "I" is left out: it is a numeral as often. */
  { "we us our ours ourselves you your yours yourself yourselves", SP_WORD_VOICE, "en" },
  { "wir uns unser unsere ihr euch", SP_WORD_VOICE, "de" },
  { "nous notre nos vous votre vos", SP_WORD_VOICE, "fr" },

  /* Verbs and phrases that attribute what a sentence says to someone. "States" and
   * "suggested" are left out: "the United States", "as suggested by" in an opinion. */
  { "said says told tells telling added adding wrote writes stated according announced "
    "noted stressed explained warned insisted argued claimed confirmed acknowledged "
    "emphasized emphasised remarked reiterated tweeted replied declared urged quoted "
    "asserted cautioned predicted reported", SP_WORD_SAY, "en" },
  { "sagte sagt erklärte betonte laut", SP_WORD_SAY, "de" },
  { "déclaré dit selon affirmé", SP_WORD_SAY, "fr" },
  { "dijo afirmó según declaró", SP_WORD_SAY, "es" },

  { "reuters ap afp getty epa bloomberg sputnik pool anadolu tass shutterstock alamy xinhua "
    "efe dpa ansa ukrinform ria novosti kyodo yonhap imago abaca zuma nurphoto sipa upi "
    "istock unsplash interfax pap ctk", SP_WORD_AGENCY, "en" },

  { "published updated posted modified issued edited views view read reading min mins "
    "minute minutes ago last on at", SP_WORD_META, "en" },
  { "veröffentlicht aktualisiert publié modifié publicado actualizado", SP_WORD_META, "de" },

  { "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun", SP_WORD_WEEKDAY, "en" },
  { "montag dienstag mittwoch donnerstag freitag samstag sonntag", SP_WORD_WEEKDAY, "de" },
  { "lundi mardi mercredi jeudi vendredi samedi dimanche", SP_WORD_WEEKDAY, "fr" },

  { "am pm utc gmt edt est cet cest bst pdt pst cdt cst msk eet eest ist eastern pacific "
    "central daylight standard time", SP_WORD_TIME, "en" },

  { "facebook twitter x linkedin reddit whatsapp telegram email mail print pinterest "
    "copy link flipboard messenger threads bluesky instagram youtube tiktok share tweet",
    SP_WORD_SOCIAL, "en" },

  { "photo photos photograph photographs image images picture pictures credit foto bild",
    SP_WORD_PHOTO, "en" },

  /* What a site tells its reader before the article: cookies and consent, accounts,
   * subscriptions */
  { "cookie cookies consent privacy personalised personalized personalisation "
    "personalization advertising advertisement advertisements advertiser advertisers ads analytics browser browsers website "
    "websites visitor visitors password passwords login inbox email e-mail newsletter "
    "newsletters subscribe subscriber subscribers subscription unsubscribe verification "
    "javascript notifications preferences settings storage user users",
    SP_WORD_NOTICE, "en" },
  { "datenschutz einwilligung werbung passwort abonnieren", SP_WORD_NOTICE, "de" },
  { "confidentialité consentement publicité abonner", SP_WORD_NOTICE, "fr" },

  /* Too common to tell what a text is about */
  { "about above after again against also although among another because been before being "
    "below between both could does doing down during each either even every from further "
    "have having here into itself just like more most much must never only other over same "
    "should since some such than that their them then there these they this those through "
    "under until upon very were what when where which while whom will with within without "
    "would year years said says told week weeks month months today yesterday monday tuesday "
    "wednesday thursday friday saturday sunday people including according still already "
    "many first last time told added however", SP_WORD_STOP, "en" },
};

/* Lower case; "0" for any number; a trailing colon when the phrase is one of a label.
 * A share bar of network names alone is found by its words (see the cleaner), not here. */
static const SpPhrase phrases[] = {
  /* English */
  { "share on facebook", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share on twitter", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share on x", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share on linkedin", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share on reddit", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share on whatsapp", SP_FURNITURE_SHARE, SP_PLACE_ANY, "en" },
  { "share this article", SP_FURNITURE_SHARE, SP_PLACE_START, "en" },
  { "share this story", SP_FURNITURE_SHARE, SP_PLACE_START, "en" },
  { "share this", SP_FURNITURE_SHARE, SP_PLACE_LINE, "en" },
  { "share", SP_FURNITURE_SHARE, SP_PLACE_LINE, "en" },
  { "follow us on", SP_FURNITURE_SHARE, SP_PLACE_START, "en" },
  { "follow us", SP_FURNITURE_SHARE, SP_PLACE_LINE, "en" },

  { "advertisement", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "advertisement", SP_FURNITURE_AD, SP_PLACE_START, "en" },
  { "story continues below this ad", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "story continues below advertisement", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "article continues below", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "continue reading below", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "scroll to continue with content", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "sponsored content", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "sponsored", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "ad", SP_FURNITURE_AD, SP_PLACE_LINE, "en" },
  { "subscribe to continue reading", SP_FURNITURE_AD, SP_PLACE_ANY, "en" },
  { "already a subscriber", SP_FURNITURE_AD, SP_PLACE_ANY, "en" },
  { "subscribe now", SP_FURNITURE_AD, SP_PLACE_START, "en" },

  { "read more", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "read more:", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "read more", SP_FURNITURE_RELATED, SP_PLACE_END, "en" },
  { "related articles", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "related stories", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "related news", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "related coverage", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "related content", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "related", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "related:", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "also read", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "read also", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "see also:", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "more on this story", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "more from", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "most read", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "most popular", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "recommended", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "recommended stories", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "you may also like", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "you might also like", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "trending", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "latest news", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "top stories", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "more stories", SP_FURNITURE_RELATED, SP_PLACE_LINE, "en" },
  { "previous article", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "next article", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "reading now", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "next up", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "up next", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },
  { "watch:", SP_FURNITURE_RELATED, SP_PLACE_START, "en" },

  { "sign up for our", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "sign up to our", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "sign up here", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "sign up now", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "subscribe to our newsletter", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "get our newsletter", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "newsletter sign up", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "newsletter signup", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "straight to your inbox", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "delivered to your inbox", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "breaking news emails", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "breaking news alerts", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "enter your email", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "your email address", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "en" },
  { "newsletter", SP_FURNITURE_NEWSLETTER, SP_PLACE_LINE, "en" },

  { "post comment", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "post a comment", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "comments", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "comment", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "leave a comment", SP_FURNITURE_COMMENTS, SP_PLACE_START, "en" },
  { "leave a reply", SP_FURNITURE_COMMENTS, SP_PLACE_START, "en" },
  { "add a comment", SP_FURNITURE_COMMENTS, SP_PLACE_START, "en" },
  { "join the conversation", SP_FURNITURE_COMMENTS, SP_PLACE_START, "en" },
  { "show comments", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "view comments", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "comments are closed", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },
  { "reply", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "en" },

  { "sign our petition", SP_FURNITURE_PETITION, SP_PLACE_START, "en" },
  { "sign the petition", SP_FURNITURE_PETITION, SP_PLACE_START, "en" },
  { "petition", SP_FURNITURE_PETITION, SP_PLACE_LINE, "en" },
  { "take action", SP_FURNITURE_PETITION, SP_PLACE_LINE, "en" },
  { "donate now", SP_FURNITURE_PETITION, SP_PLACE_START, "en" },
  { "donate", SP_FURNITURE_PETITION, SP_PLACE_LINE, "en" },

  { "tags:", SP_FURNITURE_TAGS, SP_PLACE_START, "en" },
  { "tags", SP_FURNITURE_TAGS, SP_PLACE_LINE, "en" },
  { "tagged:", SP_FURNITURE_TAGS, SP_PLACE_START, "en" },
  { "topics:", SP_FURNITURE_TAGS, SP_PLACE_START, "en" },
  { "keywords:", SP_FURNITURE_TAGS, SP_PLACE_START, "en" },

  { "categories:", SP_FURNITURE_CATEGORIES, SP_PLACE_START, "en" },
  { "category:", SP_FURNITURE_CATEGORIES, SP_PLACE_START, "en" },
  { "filed under", SP_FURNITURE_CATEGORIES, SP_PLACE_START, "en" },
  { "section:", SP_FURNITURE_CATEGORIES, SP_PLACE_START, "en" },

  { "source:", SP_FURNITURE_SOURCE, SP_PLACE_START, "en" },

  { "back", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "search", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "home", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "menu", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "print", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "back to top", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "go to top", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "previous", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "next", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "log in", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "login", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "sign in", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "register", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "subscribe", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "close", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "loading", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "listen", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "listen to this article", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "min read", SP_FURNITURE_NAVIGATION, SP_PLACE_LINE, "en" },
  { "skip to main content", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "skip to content", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "skip to navigation", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "your browser does not support", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "please enable javascript", SP_FURNITURE_NAVIGATION, SP_PLACE_ANY, "en" },
  { "opens new tab", SP_FURNITURE_NAVIGATION, SP_PLACE_END, "en" },
  { "our standards", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },
  { "all rights reserved", SP_FURNITURE_NAVIGATION, SP_PLACE_ANY, "en" },

  { "we use cookies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "use cookies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "cookie policy", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "cookies or similar technologies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "accept cookies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "accept all cookies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "manage cookies", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "privacy settings", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "accept all", SP_FURNITURE_COOKIES, SP_PLACE_LINE, "en" },
  { "cookies are necessary", SP_FURNITURE_COOKIES, SP_PLACE_ANY, "en" },
  { "scan the qr code", SP_FURNITURE_NAVIGATION, SP_PLACE_START, "en" },

  { "photograph:", SP_FURNITURE_CAPTION, SP_PLACE_ANY, "en" },
  { "photo:", SP_FURNITURE_CAPTION, SP_PLACE_ANY, "en" },
  { "image:", SP_FURNITURE_CAPTION, SP_PLACE_START, "en" },
  { "item 0 of 0", SP_FURNITURE_CAPTION, SP_PLACE_START, "en" },
  { "ap photo", SP_FURNITURE_CAPTION, SP_PLACE_ANY, "en" },
  { "via getty images", SP_FURNITURE_CAPTION, SP_PLACE_ANY, "en" },
  { "getty images", SP_FURNITURE_CAPTION, SP_PLACE_END, "en" },
  { "photo by", SP_FURNITURE_CAPTION, SP_PLACE_ANY, "en" },
  { "file photo", SP_FURNITURE_CAPTION, SP_PLACE_START, "en" },
  { "photo credit", SP_FURNITURE_CAPTION, SP_PLACE_START, "en" },

  { "reporting by", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "editing by", SP_FURNITURE_CREDIT, SP_PLACE_ANY, "en" },
  { "writing by", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "additional reporting", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "contributed to this report", SP_FURNITURE_CREDIT, SP_PLACE_ANY, "en" },
  { "contributed reporting", SP_FURNITURE_CREDIT, SP_PLACE_ANY, "en" },
  { "contributing:", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "compiled by", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "with reporting from", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },
  { "with reporting by", SP_FURNITURE_CREDIT, SP_PLACE_START, "en" },

  /* German */
  { "artikel teilen", SP_FURNITURE_SHARE, SP_PLACE_START, "de" },
  { "teilen", SP_FURNITURE_SHARE, SP_PLACE_LINE, "de" },
  { "anzeige", SP_FURNITURE_AD, SP_PLACE_LINE, "de" },
  { "werbung", SP_FURNITURE_AD, SP_PLACE_LINE, "de" },
  { "mehr zum thema", SP_FURNITURE_RELATED, SP_PLACE_START, "de" },
  { "lesen sie auch", SP_FURNITURE_RELATED, SP_PLACE_START, "de" },
  { "newsletter abonnieren", SP_FURNITURE_NEWSLETTER, SP_PLACE_ANY, "de" },
  { "kommentare", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "de" },
  { "schlagworte:", SP_FURNITURE_TAGS, SP_PLACE_START, "de" },
  { "quelle:", SP_FURNITURE_SOURCE, SP_PLACE_START, "de" },
  { "alle rechte vorbehalten", SP_FURNITURE_NAVIGATION, SP_PLACE_ANY, "de" },

  /* French */
  { "partager", SP_FURNITURE_SHARE, SP_PLACE_LINE, "fr" },
  { "publicité", SP_FURNITURE_AD, SP_PLACE_LINE, "fr" },
  { "lire aussi", SP_FURNITURE_RELATED, SP_PLACE_START, "fr" },
  { "tous droits réservés", SP_FURNITURE_NAVIGATION, SP_PLACE_ANY, "fr" },
  { "à lire aussi", SP_FURNITURE_RELATED, SP_PLACE_START, "fr" },
  { "commentaires", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "fr" },

  /* Spanish */
  { "compartir", SP_FURNITURE_SHARE, SP_PLACE_LINE, "es" },
  { "publicidad", SP_FURNITURE_AD, SP_PLACE_LINE, "es" },
  { "leer más", SP_FURNITURE_RELATED, SP_PLACE_START, "es" },
  { "comentarios", SP_FURNITURE_COMMENTS, SP_PLACE_LINE, "es" },
};

static GHashTable *lexicon;  /* lower-case word → SpLexEntry, never freed */

/* The same words in an open-addressing table, which a look-up reaches with the hash it
 * computes while it folds the word's case: looked up for every word of every article */
typedef struct
{
  const char *word;  /* NULL for an empty slot */
  gsize       length;
  guint32     hash;
  SpLexEntry *entry;
} SpLexSlot;

static SpLexSlot *slots;
static gsize      slots_mask;

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME  16777619u

static inline guint32
hash_bytes (const char *word,
            gsize       length)
{
  guint32 hash = FNV32_OFFSET;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar)word[i]) * FNV32_PRIME;

  return hash;
}

static const SpLexEntry *
find_entry (const char *word,
            gsize       length,
            guint32     hash)
{
  for (gsize i = hash & slots_mask; slots[i].word != NULL; i = (i + 1) & slots_mask)
    if (slots[i].hash == hash && slots[i].length == length &&
        memcmp (slots[i].word, word, length) == 0)
      return slots[i].entry;

  return NULL;
}

static void
build_slots (void)
{
  GHashTableIter iter;
  gpointer word;
  gpointer entry;
  gsize size = 64;

  while (size < 4 * (gsize)g_hash_table_size (lexicon))
    size *= 2;
  slots = g_new0 (SpLexSlot, size);
  slots_mask = size - 1;

  g_hash_table_iter_init (&iter, lexicon);
  while (g_hash_table_iter_next (&iter, &word, &entry))
    {
      gsize length = strlen (word);
      guint32 hash = hash_bytes (word, length);
      gsize i = hash & slots_mask;

      while (slots[i].word != NULL)
        i = (i + 1) & slots_mask;
      slots[i] = (SpLexSlot) { word, length, hash, entry };
    }
}

static SpLexEntry *
entry_for (const char *word)
{
  SpLexEntry *entry = g_hash_table_lookup (lexicon, word);

  if (entry == NULL)
    {
      entry = g_new0 (SpLexEntry, 1);
      g_hash_table_insert (lexicon, g_strdup (word), entry);
    }

  return entry;
}

static void
add_phrase (const SpPhrase *phrase)
{
  SpPhraseWords *words = g_new0 (SpPhraseWords, 1);
  g_autofree char *text = g_strdup (phrase->text);
  SpLexEntry *entry;
  gsize length = strlen (text);

  if (length > 0 && text[length - 1] == ':')
    {
      text[length - 1] = '\0';
      words->colon = TRUE;
    }

  words->phrase = phrase;
  words->words = g_strsplit (text, " ", MAX_PHRASE_WORDS);
  words->n_words = g_strv_length (words->words);
  g_assert (words->n_words > 0 && !g_str_equal (words->words[0], "0"));

  entry = entry_for (words->words[0]);
  if (entry->phrases == NULL)
    entry->phrases = g_ptr_array_new ();
  g_ptr_array_add (entry->phrases, words);
}

static void
build_lexicon (void)
{
  lexicon = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (word_lists); i++)
    {
      g_auto(GStrv) words = g_strsplit (word_lists[i].words, " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        if (words[j][0] != '\0')
          entry_for (words[j])->flags |= word_lists[i].flags;
    }

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    add_phrase (&phrases[i]);

  build_slots ();
}

static void
ensure_lexicon (void)
{
  static gsize built;

  if (g_once_init_enter (&built))
    {
      build_lexicon ();
      g_once_init_leave (&built, 1);
    }
}

/**
 * sp_text_lexicon_lookup:
 *
 * Returns: (nullable): what the lexicon knows of @word, in any case
 */
const SpLexEntry *
sp_text_lexicon_lookup (const char *word,
                        gsize       length)
{
  char lower[MAX_WORD_BYTES];
  guint32 hash = FNV32_OFFSET;

  if (length == 0 || length > MAX_WORD_BYTES)
    return NULL;

  ensure_lexicon ();

  for (gsize i = 0; i < length; i++)
    {
      guchar c = word[i];

      if (c >= 0x80)
        {
          g_autofree char *folded = g_utf8_strdown (word, length);
          gsize folded_length = strlen (folded);

          return find_entry (folded, folded_length, hash_bytes (folded, folded_length));
        }

      c = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      lower[i] = c;
      hash = (hash ^ c) * FNV32_PRIME;
    }

  return find_entry (lower, length, hash);
}

guint
sp_text_lexicon_flags (const SpLexEntry *entry)
{
  return entry != NULL ? entry->flags : 0;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* What a character is, in one lookup: ASCII from its byte, the rest from GLib's tables */
enum
{
  CHAR_WORD  = 1 << 0,  /* a letter, digit or combining mark */
  CHAR_DIGIT = 1 << 1,
  CHAR_ALPHA = 1 << 2,
  CHAR_UPPER = 1 << 3,  /* upper or title case */
  CHAR_LOWER = 1 << 4,
};

static inline guint
char_class (gunichar c)
{
  guint bits = 0;

  if (c < 0x80)
    {
      if (c >= '0' && c <= '9')
        return CHAR_WORD | CHAR_DIGIT;
      if (c >= 'A' && c <= 'Z')
        return CHAR_WORD | CHAR_ALPHA | CHAR_UPPER;
      if (c >= 'a' && c <= 'z')
        return CHAR_WORD | CHAR_ALPHA | CHAR_LOWER;
      return 0;
    }

  if (g_unichar_isdigit (c))
    bits |= CHAR_WORD | CHAR_DIGIT;
  else if (g_unichar_isalpha (c))
    {
      bits |= CHAR_WORD | CHAR_ALPHA;
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        bits |= CHAR_UPPER;
      else if (g_unichar_islower (c))
        bits |= CHAR_LOWER;
    }
  else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    bits |= CHAR_WORD;

  return bits;
}

static inline gunichar
next_char (const char  *p,
           const char **next)
{
  if ((guchar)*p < 0x80)
    {
      *next = p + 1;
      return (guchar)*p;
    }

  *next = g_utf8_next_char (p);
  return g_utf8_get_char (p);
}

/* Quotation marks that open, close, or do both */
static int
quote_kind (gunichar c)
{
  switch (c)
    {
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
      return 1;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
      return -1;
    case '"':
      return 2;
    default:
      return 0;
    }
}

/* Stores the token in the next of the slots made for the line's tokens */
static void
finish_token (const char  *line,
              SpTextToken *token,
              guint        end,
              guint        n_letters,
              guint        n_upper,
              GArray      *tokens,
              guint       *n_tokens)
{
  token->end = end;
  token->all_caps = n_letters >= 2 && n_upper == n_letters;
  if (!token->is_number)
    {
      token->entry = sp_text_lexicon_lookup (line + token->start, token->end - token->start);
      token->flags = sp_text_lexicon_flags (token->entry);
    }
  g_array_index (tokens, SpTextToken, (*n_tokens)++) = *token;
}

/* Where a web address starting at @p ends ("https://…", "http://…", "www.…", up to the next
 * space), or @p when none starts there */
static const char *
skip_web_address (const char *p,
                  const char *end)
{
  static const char * const schemes[] = { "https://", "http://", "www." };
  gsize left = end - p;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gsize n = strlen (schemes[i]);

      if (left > n && g_ascii_strncasecmp (p, schemes[i], n) == 0 && !g_ascii_isspace (p[n]))
        {
          const char *q = p + n;

          while (q < end && !g_ascii_isspace (*q))
            q++;
          return q;
        }
    }

  return p;
}

/**
 * sp_text_tokenize:
 * @tokens: (element-type SpTextToken): where the words go, after what it holds
 *
 * Splits a line into words and numbers, looked up in the lexicon. Letters and digits do not
 * mix in one token; a lower-case letter followed by an upper-case one starts a new, glued
 * word ("PetitionThe"); an apostrophe between letters stays inside a word. Words between
 * quotation marks are marked quoted.
 */
void
sp_text_tokenize (const char *line,
                  gsize       length,
                  GArray     *tokens)
{
  const char *end = line + length;
  SpTextToken token = { 0 };
  gboolean in_token = FALSE;
  gboolean quoted = FALSE;
  gboolean prev_lower = FALSE;
  gboolean glued = FALSE;
  guint n_letters = 0;
  guint n_upper = 0;
  guint n_tokens = tokens->len;

  /* Every token has a byte of its own at least: room for all of them at once */
  g_array_set_size (tokens, n_tokens + length);

  for (const char *p = line; p < end; )
    {
      const char *next;
      gunichar c = next_char (p, &next);
      guint bits = char_class (c);
      gboolean digit = (bits & CHAR_DIGIT) != 0;
      gboolean upper = (bits & CHAR_UPPER) != 0;

      if (in_token && is_apostrophe (c) && !token.is_number && next < end)
        {
          const char *after;

          if ((char_class (next_char (next, &after)) & CHAR_ALPHA) != 0)
            {
              p = next;
              continue;
            }
        }

      if (in_token && (bits & CHAR_WORD) != 0 && (gboolean)token.is_number == digit &&
          !(prev_lower && upper))
        {
          if ((bits & CHAR_ALPHA) != 0)
            {
              n_letters++;
              n_upper += upper ? 1 : 0;
            }
          prev_lower = (bits & CHAR_LOWER) != 0;
          p = next;
          continue;
        }

      if (in_token)
        {
          glued = prev_lower && upper;
          finish_token (line, &token, p - line, n_letters, n_upper, tokens, &n_tokens);
          in_token = FALSE;
        }

      if ((bits & CHAR_WORD) == 0)
        {
          int kind = quote_kind (c);

          if (kind == 1)
            quoted = TRUE;
          else if (kind == -1)
            quoted = FALSE;
          else if (kind == 2)
            quoted = !quoted;

          prev_lower = FALSE;
          p = next;
          continue;
        }

      /* A web address is no words of the line: a share bar holding the page's address is
       * still mostly share buttons */
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && !prev_lower)
        {
          const char *after_url = skip_web_address (p, end);

          if (after_url != p)
            {
              p = after_url;
              continue;
            }
        }

      memset (&token, 0, sizeof token);
      in_token = TRUE;
      token.start = p - line;
      token.is_number = digit;
      token.glued = glued;
      token.capital = upper;
      token.quoted = quoted;
      n_letters = (bits & CHAR_ALPHA) != 0 ? 1 : 0;
      n_upper = upper ? 1 : 0;
      prev_lower = (bits & CHAR_LOWER) != 0;
      glued = FALSE;
      p = next;
    }

  if (in_token)
    finish_token (line, &token, length, n_letters, n_upper, tokens, &n_tokens);

  g_array_set_size (tokens, n_tokens);
}

/* Whether a token is the phrase's word */
static gboolean
token_is (const char        *line,
          const SpTextToken *token,
          const char        *word)
{
  gsize length = token->end - token->start;
  const char *text = line + token->start;

  if (g_str_equal (word, "0"))
    return token->is_number;

  if (token->is_number)
    return FALSE;

  if (strlen (word) == length && g_ascii_strncasecmp (text, word, length) == 0)
    return TRUE;

  /* Non-ASCII words: g_ascii_strncasecmp compared their bytes as they are */
  for (gsize i = 0; i < length; i++)
    if ((guchar)text[i] >= 0x80)
      {
        g_autofree char *folded = NULL;

        if (length > MAX_WORD_BYTES)
          return FALSE;
        folded = g_utf8_strdown (text, length);
        return g_str_equal (folded, word);
      }

  return FALSE;
}

static gboolean
followed_by_colon (const char        *line,
                   const SpTextToken *token)
{
  const char *p = line + token->end;

  while (*p == ' ' || *p == '*' || *p == '_')
    p++;

  return *p == ':';
}

/* Where a line's first and last words are, numbers aside */
typedef struct
{
  guint first_word;
  guint last_word;
} SpLineWords;

static gboolean
phrase_at (const char          *line,
           GArray              *tokens,
           const SpLineWords   *bounds,
           guint                i,
           const SpPhraseWords *words,
           guint               *last)
{
  const SpTextToken *final;

  if (i + words->n_words > tokens->len)
    return FALSE;

  for (guint k = 0; k < words->n_words; k++)
    if (!token_is (line, &g_array_index (tokens, SpTextToken, i + k), words->words[k]))
      return FALSE;

  *last = i + words->n_words - 1;
  final = &g_array_index (tokens, SpTextToken, *last);
  if (words->colon && !followed_by_colon (line, final))
    return FALSE;

  switch (words->phrase->place)
    {
    case SP_PLACE_LINE:
      /* Only numbers outside the phrase */
      return i == bounds->first_word && *last == bounds->last_word;
    case SP_PLACE_START:
      return i == bounds->first_word;
    case SP_PLACE_END:
      return *last == bounds->last_word;
    case SP_PLACE_ANY:
    default:
      return TRUE;
    }
}

/* The first phrase that stands where it counts, starting at any word or only at the first
 * (numbers aside) */
static const SpPhrase *
match_phrase (const char *line,
              GArray     *tokens,
              gboolean    opening,
              guint      *first,
              guint      *last)
{
  SpLineWords bounds = { 0, 0 };

  if (tokens->len == 0)
    return NULL;

  while (bounds.first_word < tokens->len &&
         g_array_index (tokens, SpTextToken, bounds.first_word).is_number)
    bounds.first_word++;
  bounds.last_word = tokens->len - 1;
  while (bounds.last_word > 0 && g_array_index (tokens, SpTextToken, bounds.last_word).is_number)
    bounds.last_word--;

  /* Numbers have no lexicon entry: no phrase starts before the first word */
  for (guint i = bounds.first_word; i < (opening ? MIN (bounds.first_word + 1, tokens->len) : tokens->len); i++)
    {
      const SpLexEntry *entry = g_array_index (tokens, SpTextToken, i).entry;

      if (entry == NULL || entry->phrases == NULL)
        continue;

      for (guint k = 0; k < entry->phrases->len; k++)
        {
          const SpPhraseWords *words = g_ptr_array_index (entry->phrases, k);

          if (phrase_at (line, tokens, &bounds, i, words, last))
            {
              *first = i;
              return words->phrase;
            }
        }
    }

  return NULL;
}

/**
 * sp_text_match_phrase:
 * @tokens: (element-type SpTextToken): the line's words, from sp_text_tokenize()
 * @first: (out): the phrase's first token
 * @last: (out): the phrase's last token
 *
 * Returns: (nullable): the first furniture phrase in @line that stands where it counts
 */
const SpPhrase *
sp_text_match_phrase (const char *line,
                      GArray     *tokens,
                      guint      *first,
                      guint      *last)
{
  return match_phrase (line, tokens, FALSE, first, last);
}

/**
 * sp_text_match_opening_phrase:
 *
 * Returns: (nullable): what sp_text_match_phrase() returns when its phrase starts at the
 *   line's first word (numbers aside), or %NULL
 */
const SpPhrase *
sp_text_match_opening_phrase (const char *line,
                              GArray     *tokens,
                              guint      *first,
                              guint      *last)
{
  return match_phrase (line, tokens, TRUE, first, last);
}

/**
 * sp_furniture_reason:
 *
 * Returns: the reason a removed block of this kind shows, untranslated (the window
 *   translates it)
 */
const char *
sp_furniture_reason (SpFurniture furniture)
{
  switch (furniture)
    {
    case SP_FURNITURE_SHARE:
      return N_("share bar");
    case SP_FURNITURE_AD:
      return N_("advertisement");
    case SP_FURNITURE_RELATED:
      return N_("related articles");
    case SP_FURNITURE_NEWSLETTER:
      return N_("newsletter box");
    case SP_FURNITURE_COMMENTS:
      return N_("comments");
    case SP_FURNITURE_PETITION:
      return N_("petition");
    case SP_FURNITURE_TAGS:
      return N_("tags");
    case SP_FURNITURE_NAVIGATION:
      return N_("navigation");
    case SP_FURNITURE_COOKIES:
      return N_("cookie notice");
    case SP_FURNITURE_CAPTION:
      return N_("photo caption");
    case SP_FURNITURE_CATEGORIES:
      return N_("categories");
    case SP_FURNITURE_SOURCE:
      return N_("source line");
    case SP_FURNITURE_CREDIT:
      return N_("credits");
    case SP_FURNITURE_NONE:
    case SP_N_FURNITURE:
    default:
      return N_("other");
    }
}
