/* sp-suggest-lexicons.c
 *
 * Reading the lexicon files of one language (data/lexicons/LANG/, one .txt file a list) into entries. A line
 * is `form; form… | field field…` with `#` comments; README.md ("Lexicons") documents each
 * file's fields. A bad line is refused with its file and line number, and nothing is loaded.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-suggest-private.h"


/* No lexicon file is anywhere near this big */
#define MAX_LEXICON_BYTES (4 * 1024 * 1024)

typedef enum
{
  FIELDS_NONE,       /* forms only */
  FIELDS_POLARITY_STRENGTH,
  FIELDS_POLARITY,
  FIELDS_STRENGTH,
  FIELDS_TEXT,
} FieldsKind;

typedef struct
{
  const char *file;
  SpLexKind   kind;
  FieldsKind  fields;
  SpInflect   inflect;
  gboolean    verb;
  gboolean    noun;
  gboolean    reported_future;
} LexiconFile;

static const LexiconFile lexicon_files[] = {
  { "reporting-verbs.txt", SP_LEX_REPORT,      FIELDS_NONE,              SP_INFLECT_FIRST },
  { "stance-verbs.txt",    SP_LEX_STANCE,      FIELDS_POLARITY_STRENGTH, SP_INFLECT_FIRST, TRUE },
  { "stance-words.txt",    SP_LEX_STANCE,      FIELDS_POLARITY_STRENGTH, SP_INFLECT_NONE },
  { "stance-nouns.txt",    SP_LEX_STANCE,      FIELDS_POLARITY_STRENGTH, SP_INFLECT_PLURAL, FALSE, TRUE },
  { "actions.txt",         SP_LEX_ACTION,      FIELDS_POLARITY,          SP_INFLECT_FIRST },
  { "negation.txt",        SP_LEX_NEGATION,    FIELDS_STRENGTH,          SP_INFLECT_NONE },
  { "hedges.txt",          SP_LEX_HEDGE,       FIELDS_NONE,              SP_INFLECT_NONE },
  { "future-modals.txt",   SP_LEX_HEDGE,       FIELDS_NONE,              SP_INFLECT_NONE, FALSE, FALSE, TRUE },
  { "vague-sources.txt",   SP_LEX_VAGUE,       FIELDS_NONE,              SP_INFLECT_NONE },
  { "titles.txt",          SP_LEX_TITLE,       FIELDS_NONE,              SP_INFLECT_PLURAL },
  { "demonyms.txt",        SP_LEX_DEMONYM,     FIELDS_TEXT,              SP_INFLECT_NONE },
  { "pronouns.txt",        SP_LEX_PRONOUN,     FIELDS_TEXT,              SP_INFLECT_NONE },
  { "stop-words.txt",      SP_LEX_STOP,        FIELDS_NONE,              SP_INFLECT_NONE },
  { "prepositions.txt",    SP_LEX_PREPOSITION, FIELDS_NONE,              SP_INFLECT_NONE },
  { "clause-breaks.txt",   SP_LEX_CLAUSE,      FIELDS_NONE,              SP_INFLECT_NONE },
  { "according.txt",       SP_LEX_ACCORDING,   FIELDS_NONE,              SP_INFLECT_NONE },
  { "conditions.txt",      SP_LEX_CONDITION,   FIELDS_NONE,              SP_INFLECT_NONE },
  { "anaphors.txt",        SP_LEX_ANAPHOR,     FIELDS_NONE,              SP_INFLECT_NONE },
  { "unofficial.txt",      SP_LEX_UNOFFICIAL,  FIELDS_NONE,              SP_INFLECT_PLURAL },
  { "copulas.txt",         SP_LEX_COPULA,      FIELDS_NONE,              SP_INFLECT_NONE },
  { "circumstances.txt",   SP_LEX_CIRCUMSTANCE, FIELDS_NONE,             SP_INFLECT_NONE },
};

void
_sp_lex_entry_free (SpLexEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->phrase);
  g_free (entry->lemma);
  g_free (entry->text);
  g_free (entry);
}

void
sp_suggest_lexicons_free (SpSuggestLexicons *lexicons)
{
  if (lexicons == NULL)
    return;
  g_ptr_array_unref (lexicons->entries);
  g_free (lexicons);
}

static gboolean
parse_polarity (const char *field,
                int        *polarity)
{
  if (g_str_equal (field, "+"))
    *polarity = 1;
  else if (g_str_equal (field, "-"))
    *polarity = -1;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_strength (const char *field,
                int        *strength)
{
  if (g_str_equal (field, "1"))
    *strength = 1;
  else if (g_str_equal (field, "2"))
    *strength = 2;
  else
    return FALSE;
  return TRUE;
}

/* A form is words of letters, digits, apostrophes, dots and hyphens, each word short */
static gboolean
form_is_valid (const char *form)
{
  guint n_words = 0;
  gsize word_len = 0;

  if (*form == '\0' || !g_utf8_validate (form, -1, NULL))
    return FALSE;
  for (const char *p = form; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || c == ' ')
        {
          if (word_len > 0)
            n_words++;
          else if (c == ' ')
            return FALSE;  /* two spaces */
          word_len = 0;
          if (c == 0)
            break;
          continue;
        }
      if (!g_unichar_isalnum (c) && c != '\'' && c != '.' && c != '-' && c != 0x2019)
        return FALSE;
      word_len += g_unichar_to_utf8 (c, NULL);
      if (word_len > SP_SUGGEST_MAX_WORD_BYTES)
        return FALSE;
    }
  return n_words > 0 && n_words <= SP_SUGGEST_MAX_PHRASE_WORDS;
}

static gboolean
parse_line (const LexiconFile *file,
            char              *line,
            GPtrArray         *entries,
            const char       **why)
{
  g_auto(GStrv) forms = NULL;
  g_auto(GStrv) split = NULL;
  const char *fields[3] = { NULL, NULL, NULL };
  char *bar = strchr (line, '|');
  int polarity = 0;
  int strength = 1;
  const char *text = NULL;
  guint n_fields = 0;
  guint expected = 0;

  if (bar != NULL)
    *bar = '\0';
  forms = g_strsplit (line, ";", -1);
  split = g_strsplit_set (bar != NULL ? bar + 1 : "", " \t", -1);
  /* runs of blanks give empty fields: count the others */
  for (guint i = 0; split[i] != NULL; i++)
    if (split[i][0] != '\0')
      {
        if (n_fields < G_N_ELEMENTS (fields))
          fields[n_fields] = split[i];
        n_fields++;
      }

  switch (file->fields)
    {
    case FIELDS_NONE: expected = 0; break;
    case FIELDS_POLARITY_STRENGTH: expected = 2; break;
    case FIELDS_POLARITY: expected = 1; break;
    case FIELDS_STRENGTH: expected = 1; break;
    case FIELDS_TEXT: expected = 1; break;
    default: g_assert_not_reached ();
    }

  if (file->fields == FIELDS_TEXT)
    {
      if (bar == NULL || n_fields == 0)
        {
          *why = _("expected “FORM | TEXT”");
          return FALSE;
        }
      /* the text may have spaces: take what follows the bar, trimmed */
      text = g_strstrip (bar + 1);
    }
  else if (n_fields != expected)
    {
      switch (file->fields)
        {
        case FIELDS_POLARITY_STRENGTH: *why = _("expected “FORMS | POLARITY STRENGTH”, e.g. “reject | - 2”"); break;
        case FIELDS_POLARITY: *why = _("expected “FORMS | POLARITY”, e.g. “cede | -”"); break;
        case FIELDS_STRENGTH: *why = _("expected “FORMS | STRENGTH”, e.g. “never | 2”"); break;
        case FIELDS_NONE:
        case FIELDS_TEXT:
        default: *why = _("this file takes forms only, no “|” fields"); break;
        }
      return FALSE;
    }
  else if (file->fields == FIELDS_POLARITY_STRENGTH)
    {
      if (!parse_polarity (fields[0], &polarity))
        {
          *why = _("the polarity must be “+” or “-”");
          return FALSE;
        }
      if (!parse_strength (fields[1], &strength))
        {
          *why = _("the strength must be 1 or 2");
          return FALSE;
        }
    }
  else if (file->fields == FIELDS_POLARITY)
    {
      if (!parse_polarity (fields[0], &polarity))
        {
          *why = _("the polarity must be “+” or “-”");
          return FALSE;
        }
    }
  else if (file->fields == FIELDS_STRENGTH)
    {
      if (!parse_strength (fields[0], &strength))
        {
          *why = _("the strength must be 1 or 2");
          return FALSE;
        }
    }

  {
    g_autofree char *lemma = NULL;

    for (guint i = 0; forms[i] != NULL; i++)
      {
        g_autofree char *form = g_strdup (g_strstrip (forms[i]));
        SpLexEntry *entry;

        if (!form_is_valid (form))
          {
            *why = _("a form must be one to eight words of letters, digits, apostrophes, dots or hyphens, separated by single spaces");
            return FALSE;
          }
        if (lemma == NULL)
          lemma = g_strdup (form);
        entry = g_new0 (SpLexEntry, 1);
        entry->kind = file->kind;
        entry->phrase = g_steal_pointer (&form);
        entry->lemma = g_strdup (lemma);
        entry->text = g_strdup (text);
        entry->polarity = polarity;
        entry->strength = strength;
        entry->inflect = file->inflect;
        entry->verb = file->verb;
        entry->noun = file->noun;
        entry->reported_future = file->reported_future;
        /* demonyms are proper adjectives: written with a capital, acronyms as they are */
        if (file->kind == SP_LEX_DEMONYM)
          entry->needs_cap = TRUE;
        g_ptr_array_add (entries, entry);
      }
  }
  return TRUE;
}

static gboolean
load_file (const char        *dir,
           const LexiconFile *file,
           GPtrArray         *entries,
           GError           **error)
{
  g_autofree char *path = g_build_filename (dir, file->file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  char *line;
  char *next;
  guint line_number = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_LEXICON,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (length > MAX_LEXICON_BYTES || memchr (contents, '\0', length) != NULL
      || !g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_LEXICON,
                   _("%s: not a lexicon (binary, not UTF-8 or over 4 MB)"), path);
      return FALSE;
    }

  for (line = contents; line != NULL; line = next)
    {
      const char *why = NULL;
      char *hash;

      line_number++;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if ((hash = strchr (line, '#')) != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (*line == '\0')
        continue;
      if (!parse_line (file, line, entries, &why))
        {
          g_set_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_LEXICON,
                       "%s:%u: %s", path, line_number, why);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sp_suggest_lexicons_load_from_dir:
 * @dir: a folder holding every lexicon file of one language
 *
 * Returns: (transfer full) (nullable): the lexicons, or %NULL with
 *   %SP_SUGGEST_ERROR_LEXICON naming the file (and line) that could not be read
 */
SpSuggestLexicons *
sp_suggest_lexicons_load_from_dir (const char  *dir,
                                   GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _sp_lex_entry_free);
  SpSuggestLexicons *lexicons;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lexicon_files); i++)
    if (!load_file (dir, &lexicon_files[i], entries, error))
      return NULL;

  lexicons = g_new0 (SpSuggestLexicons, 1);
  lexicons->entries = g_steal_pointer (&entries);
  return lexicons;
}

/**
 * sp_suggest_lexicons_load:
 * @language: a language code naming a folder of data/lexicons, e.g. "en"
 *
 * Reads $STANDPOINT_LEXICON_DIR/@language when the variable is set (the tests and
 * uninstalled runs point it at data/lexicons), else the installed lexicons.
 *
 * Returns: (transfer full) (nullable): the lexicons, or %NULL with %SP_SUGGEST_ERROR_LEXICON
 */
SpSuggestLexicons *
sp_suggest_lexicons_load (const char  *language,
                          GError     **error)
{
  const char *root = g_getenv ("STANDPOINT_LEXICON_DIR");
  g_autofree char *dir = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  if (strchr (language, '/') != NULL || strchr (language, '\\') != NULL
      || g_str_equal (language, "..") || *language == '\0')
    {
      g_set_error (error, SP_SUGGEST_ERROR, SP_SUGGEST_ERROR_LEXICON,
                   _("“%s” is not a language code"), language);
      return NULL;
    }
  if (root == NULL || *root == '\0')
    root = PKGDATADIR G_DIR_SEPARATOR_S "lexicons";
  dir = g_build_filename (root, language, NULL);
  return sp_suggest_lexicons_load_from_dir (dir, error);
}
