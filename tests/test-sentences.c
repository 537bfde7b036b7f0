/* test-sentences.c
 *
 * Where sentences start and end in news text: abbreviations, titles, dates, initials,
 * quotes, ellipses, headlines and paragraphs. Each case is a text and the sentences it
 * must give, in order.
 */
#include "config.h"

#include <string.h>

#include "sp-sentences.h"

typedef struct
{
  const char *text;
  const char *sentences[6];
} Case;

/* The sentences of @text as strings, through their character offsets */
static GPtrArray *
split (SpSentenceSplitter *splitter,
       const char         *text)
{
  g_autoptr(GArray) offsets = sp_sentence_splitter_split (splitter, text, strlen (text));
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  glong n_chars = g_utf8_strlen (text, -1);
  guint32 previous_end = 0;

  g_assert_cmpuint (offsets->len % 2, ==, 0);

  for (guint i = 0; i < offsets->len; i += 2)
    {
      guint32 start = g_array_index (offsets, guint32, i);
      guint32 end = g_array_index (offsets, guint32, i + 1);

      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (start, >=, previous_end);
      g_assert_cmpuint (end, <=, n_chars);
      previous_end = end;
      g_ptr_array_add (sentences, g_utf8_substring (text, start, end));
    }

  return sentences;
}

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GPtrArray) got = split (splitter, cases[i].text);
      guint n_expected = 0;

      while (n_expected < G_N_ELEMENTS (cases[i].sentences) &&
             cases[i].sentences[n_expected] != NULL)
        n_expected++;

      for (guint j = 0; j < got->len; j++)
        g_test_message ("case %u, sentence %u: «%s»", i, j,
                        (const char *)g_ptr_array_index (got, j));

      g_assert_cmpuint (got->len, ==, n_expected);
      for (guint j = 0; j < n_expected; j++)
        g_assert_cmpstr (g_ptr_array_index (got, j), ==, cases[i].sentences[j]);
    }
}

static void
test_abbreviations (void)
{
  static const Case cases[] = {
    { "The U.S. Treasury imposed new sanctions on Monday. Officials said more would follow.",
      { "The U.S. Treasury imposed new sanctions on Monday.",
        "Officials said more would follow." } },
    { "Sanctions were announced by the U.S. The next day, markets in Moscow fell.",
      { "Sanctions were announced by the U.S.", "The next day, markets in Moscow fell." } },
    { "Talks with the E.U. delegation resumed at 9 a.m. on Tuesday. Nobody expected much.",
      { "Talks with the E.U. delegation resumed at 9 a.m. on Tuesday.",
        "Nobody expected much." } },
    { "The envoy arrived, i.e. the talks could start. They did not.",
      { "The envoy arrived, i.e. the talks could start.", "They did not." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_titles (void)
{
  static const Case cases[] = {
    { "Gen. Valery Zaluzhny visited the front line. He met the commanders.",
      { "Gen. Valery Zaluzhny visited the front line.", "He met the commanders." } },
    { "Lt. Col. Anna Marsh and Dr. Ivo Petrov signed for the observers. Sen. Ruth Kale did not.",
      { "Lt. Col. Anna Marsh and Dr. Ivo Petrov signed for the observers.",
        "Sen. Ruth Kale did not." } },
    { "The meeting was held at St. Michael's monastery. Prof. Kuhn chaired it.",
      { "The meeting was held at St. Michael's monastery.", "Prof. Kuhn chaired it." } },
    { "The clause is in Art. 5 of the treaty. See also No. 12.",
      { "The clause is in Art. 5 of the treaty.", "See also No. 12." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_dates (void)
{
  static const Case cases[] = {
    { "The talks resumed on Dec. 9 in Geneva. Both sides sent their envoys.",
      { "The talks resumed on Dec. 9 in Geneva.", "Both sides sent their envoys." } },
    { "The ceasefire began Sept. 1, 2022, and ended on Oct. 3. Fighting resumed.",
      { "The ceasefire began Sept. 1, 2022, and ended on Oct. 3.", "Fighting resumed." } },
    { "The deadline is Jan. 15. Feb. 1 is the fallback.",
      { "The deadline is Jan. 15.", "Feb. 1 is the fallback." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_initials (void)
{
  static const Case cases[] = {
    { "J. D. Vance met the envoy in Munich. The meeting lasted an hour.",
      { "J. D. Vance met the envoy in Munich.", "The meeting lasted an hour." } },
    { "The report by J.R.R. Tolkien scholars was cited by George W. Bush. It was long.",
      { "The report by J.R.R. Tolkien scholars was cited by George W. Bush.", "It was long." } },
    { "The memo was signed by Robert F. Kennedy Jr. and two aides. It leaked.",
      { "The memo was signed by Robert F. Kennedy Jr. and two aides.", "It leaked." } },
    { "The last speaker was Vitali K. The hall emptied quickly.",
      { "The last speaker was Vitali K.", "The hall emptied quickly." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_quotes (void)
{
  static const Case cases[] = {
    { "“We will not retreat,” the minister said. “Not one step.” The hall applauded.",
      { "“We will not retreat,” the minister said.", "“Not one step.”", "The hall applauded." } },
    { "“Is this the end?” asked the envoy. Nobody answered.",
      { "“Is this the end?” asked the envoy.", "Nobody answered." } },
    { "He said: \"The talks have failed.\" Then he left the room.",
      { "He said: \"The talks have failed.\"", "Then he left the room." } },
    { "\"Enough!\" shouted a delegate. The session was suspended.",
      { "\"Enough!\" shouted a delegate.", "The session was suspended." } },
    { "The plan (which nobody had read.) was adopted. It failed.",
      { "The plan (which nobody had read.) was adopted.", "It failed." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_ellipses (void)
{
  static const Case cases[] = {
    { "He paused... Then he spoke again.",
      { "He paused...", "Then he spoke again." } },
    { "We waited… Nothing happened.",
      { "We waited…", "Nothing happened." } },
    { "The talks … went on for hours. Then they stopped.",
      { "The talks … went on for hours.", "Then they stopped." } },
    { "The statement said the talks [...] would go on. Nobody believed it.",
      { "The statement said the talks [...] would go on.", "Nobody believed it." } },
    { "He said that he was ... tired of it. The others agreed.",
      { "He said that he was ... tired of it.", "The others agreed." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_lines_and_paragraphs (void)
{
  static const Case cases[] = {
    /* A headline and a dateline are sentences of their own, a blank line always ends one */
    { "Talks resume in Istanbul\nMay 16, 2025\n\nThe delegations met on Friday. They spoke for two hours.",
      { "Talks resume in Istanbul", "May 16, 2025", "The delegations met on Friday.",
        "They spoke for two hours." } },
    { "A paragraph that ends without a stop\n\nthe next one starts in lower case",
      { "A paragraph that ends without a stop", "the next one starts in lower case" } },
    { "The delegation of the U.S.\n\nArrived late.",
      { "The delegation of the U.S.", "Arrived late." } },
    /* A paragraph wrapped by hand is one text */
    { "The negotiators from both sides met again in the conference hall\n"
      "of the old palace, where they had failed twice before, and agreed\n"
      "on a schedule for the exchange of prisoners. The next round is\n"
      "due in June.",
      { "The negotiators from both sides met again in the conference hall\n"
        "of the old palace, where they had failed twice before, and agreed\n"
        "on a schedule for the exchange of prisoners.",
        "The next round is\ndue in June." } },
    /* Bullets are items of their own */
    { "The plan has two points:\n- a ceasefire\n- an exchange of prisoners",
      { "The plan has two points:", "- a ceasefire", "- an exchange of prisoners" } },
    /* White space around sentences is not part of them */
    { "  \n  First one.   Second one.  \n\n  ",
      { "First one.", "Second one." } },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Offsets are in characters, not bytes */
static void
test_character_offsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);
  const char *text = "Zelensky met Żurek in Kyïv. Все согласились.";
  g_autoptr(GArray) offsets = sp_sentence_splitter_split (splitter, text, strlen (text));

  g_assert_no_error (error);
  g_assert_cmpuint (offsets->len, ==, 4);
  g_assert_cmpuint (g_array_index (offsets, guint32, 0), ==, 0);
  g_assert_cmpuint (g_array_index (offsets, guint32, 1), ==, 27);
  g_assert_cmpuint (g_array_index (offsets, guint32, 2), ==, 28);
  g_assert_cmpuint (g_array_index (offsets, guint32, 3), ==, 44);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);
  g_autoptr(GArray) none = sp_sentence_splitter_split (splitter, "", 0);
  g_autoptr(GArray) blank = sp_sentence_splitter_split (splitter, " \n\n\t ", 5);
  g_autoptr(GArray) one = sp_sentence_splitter_split (splitter, "No stop at all", 14);

  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (one->len, ==, 2);
  g_assert_cmpuint (g_array_index (one, guint32, 1), ==, 14);
}

/* One splitter, many texts: nothing of one text is left over for the next */
static void
test_reuse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);

  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) long_text = split (splitter, "One. Two. Three. Four. Five.");
      g_autoptr(GPtrArray) short_text = split (splitter, "Six.");

      g_assert_cmpuint (long_text->len, ==, 5);
      g_assert_cmpuint (short_text->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (short_text, 0), ==, "Six.");
    }
}

/* Lines of white space after a sentence are looked at once, not once for each line break
 * after them: with a million of them, the other way takes hours */
static void
test_long_white_space (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSentenceSplitter) splitter = sp_sentence_splitter_new (&error);
  g_autoptr(GString) text = g_string_new ("Start.");
  g_autoptr(GArray) offsets = NULL;

  g_assert_no_error (error);

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, " \n");
  g_string_append (text, "End.");

  offsets = sp_sentence_splitter_split (splitter, text->str, text->len);
  g_assert_cmpuint (offsets->len, ==, 4);
  g_assert_cmpuint (g_array_index (offsets, guint32, 1), ==, 6);
  g_assert_cmpuint (g_array_index (offsets, guint32, 3), ==, text->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sentences/abbreviations", test_abbreviations);
  g_test_add_func ("/sentences/titles", test_titles);
  g_test_add_func ("/sentences/dates", test_dates);
  g_test_add_func ("/sentences/initials", test_initials);
  g_test_add_func ("/sentences/quotes", test_quotes);
  g_test_add_func ("/sentences/ellipses", test_ellipses);
  g_test_add_func ("/sentences/lines-and-paragraphs", test_lines_and_paragraphs);
  g_test_add_func ("/sentences/character-offsets", test_character_offsets);
  g_test_add_func ("/sentences/empty", test_empty);
  g_test_add_func ("/sentences/reuse", test_reuse);
  g_test_add_func ("/sentences/long-white-space", test_long_white_space);

  return g_test_run ();
}
