/* test-simhash.c
 *
 * Fingerprints of wording: one wire story printed by two sites with their own headers and
 * footers is a near-duplicate, two stories about the same talks are not. The stories are
 * written for this test. The SHA-256 digests that find exact duplicates are GLib's, byte for
 * byte, however they are computed.
 */
#include "config.h"

#include <string.h>

#include "sp-sha256.h"
#include "sp-simhash.h"

#define WIRE_STORY \
  "Negotiators from both countries met for a fourth round of talks in Istanbul on Friday, " \
  "the first meeting since the collapse of the spring ceasefire, and agreed to exchange " \
  "two hundred prisoners of war before the end of the month, according to officials on " \
  "both sides who spoke after the session ended late in the evening.\n\n" \
  "The head of the first delegation told reporters that the exchange would be overseen " \
  "by the International Committee of the Red Cross and that lists of names had already " \
  "been handed over, although several disputed cases remained open and would be settled " \
  "by a working group that is expected to meet again in ten days.\n\n" \
  "The second delegation said in a written statement that it regarded the agreement as a " \
  "humanitarian step only and that it did not change its position on the withdrawal of " \
  "troops from the occupied districts, which it described as a precondition for any " \
  "political settlement of the conflict.\n\n" \
  "Turkish officials, who hosted the meeting in a palace on the Bosphorus, said both sides " \
  "had also discussed the safety of grain shipments through the Black Sea and the status " \
  "of the nuclear power plant, but that no agreement had been reached on either question " \
  "and that the talks would continue at the level of experts.\n\n" \
  "Observers in the capital were cautious. A former diplomat who took part in earlier " \
  "rounds said that prisoner exchanges had been agreed several times before and had " \
  "often been delayed for weeks, and that the real test would be whether the working " \
  "group could meet on schedule and publish its lists.\n\n" \
  "The next full round of talks has not been scheduled. Both delegations said they would " \
  "report to their governments over the weekend and that a date would be announced once " \
  "the exchange of prisoners had taken place.\n"

#define OTHER_STORY \
  "The foreign ministers of both countries spoke by telephone on Tuesday for the first " \
  "time in three months, a call that officials described as tense but necessary, ahead of " \
  "a summit of European leaders in Brussels where sanctions and security guarantees are " \
  "expected to dominate the agenda for two days.\n\n" \
  "According to a readout published by one of the ministries, the ministers discussed " \
  "the humanitarian corridors around the besieged port, the return of deported children " \
  "and the possibility of a meeting between the two presidents, which one side called " \
  "premature and the other said could happen within weeks.\n\n" \
  "Diplomats in Brussels said the summit was likely to agree on a new package of sanctions " \
  "targeting the energy sector, although two member states have threatened to block any " \
  "measure that would raise prices for their households during the winter months.\n\n" \
  "The call came a day after shelling damaged power lines near the nuclear plant, and the " \
  "international atomic agency repeated its appeal for a protection zone around the site, " \
  "which neither side has so far accepted in the form proposed by its director.\n\n" \
  "Analysts said the contact was a sign that both governments wanted to keep a channel " \
  "open while preparing for a long winter of fighting, and that no breakthrough should be " \
  "expected before the front lines stabilise.\n"

static guint64
fingerprint (const char *text)
{
  return sp_simhash_compute (text, strlen (text));
}

/* The same story under two sites' furniture */
static void
test_wire_story_is_near (void)
{
  const char *first_site =
    "Talks in Istanbul: prisoner exchange agreed\n"
    "By Staff and Agencies\n"
    "Published 14 June 2025, 22:10\n"
    "Share on Facebook | Share on X | Email\n\n"
    WIRE_STORY
    "\nCopyright 2025 The Daily Example. All rights reserved.\n"
    "Read more: Ceasefire talks stall again\n"
    "Related: What the Black Sea grain deal means\n";
  const char *second_site =
    "WORLD NEWS | EUROPE\n"
    "Prisoner swap agreed at Istanbul talks\n"
    "June 14, 2025 — Reuters\n\n"
    WIRE_STORY
    "\nReporting by a correspondent in Istanbul; editing by the desk\n"
    "Sign up for our morning briefing\n"
    "Comments (12)\n";
  guint64 a = fingerprint (first_site);
  guint64 b = fingerprint (second_site);

  g_test_message ("distance %u", sp_simhash_distance (a, b));
  g_assert_cmpuint (a, !=, 0);
  g_assert_cmpuint (b, !=, 0);
  g_assert_cmpuint (sp_simhash_distance (a, b), <=, SP_SIMHASH_NEAR_DISTANCE);
  g_assert_true (sp_simhash_is_near (a, b));
}

/* A site that adds a paragraph of its own to the story */
static void
test_added_paragraph_is_near (void)
{
  const char *plain = WIRE_STORY;
  const char *with_box =
    WIRE_STORY
    "\nSubscribe to our newsletter to get the most important news of the day delivered to "
    "your inbox every morning.\n";
  guint64 a = fingerprint (plain);
  guint64 b = fingerprint (with_box);

  g_test_message ("distance %u", sp_simhash_distance (a, b));
  g_assert_true (sp_simhash_is_near (a, b));
}

/* Case, punctuation and white space are not wording */
static void
test_normalised (void)
{
  g_autofree char *upper = g_utf8_strup (WIRE_STORY, -1);
  g_autoptr(GString) spaced = g_string_new (WIRE_STORY);

  g_string_replace (spaced, ", ", " ,  ", 0);
  g_string_replace (spaced, ".\n\n", " !\n\n", 0);

  g_assert_cmpuint (fingerprint (upper), ==, fingerprint (WIRE_STORY));
  g_assert_cmpuint (fingerprint (spaced->str), ==, fingerprint (WIRE_STORY));
}

static void
test_different_stories_are_far (void)
{
  guint64 a = fingerprint (WIRE_STORY);
  guint64 b = fingerprint (OTHER_STORY);

  g_test_message ("distance %u", sp_simhash_distance (a, b));
  g_assert_false (sp_simhash_is_near (a, b));
  /* Unrelated texts are about half of the bits apart, nowhere near the threshold */
  g_assert_cmpuint (sp_simhash_distance (a, b), >, 4 * SP_SIMHASH_NEAR_DISTANCE);
}

/* The same story, half of it: not the same document */
static void
test_half_story_is_far (void)
{
  const char *story = WIRE_STORY;
  const char *middle = strstr (story, "Turkish officials");
  guint64 a = fingerprint (story);
  guint64 b = sp_simhash_compute (story, middle - story);

  g_test_message ("distance %u", sp_simhash_distance (a, b));
  g_assert_false (sp_simhash_is_near (a, b));
}

static void
test_short_text (void)
{
  g_assert_cmpuint (fingerprint (""), ==, 0);
  g_assert_cmpuint (fingerprint ("Talks resume in Istanbul on Friday."), ==, 0);
  g_assert_false (sp_simhash_is_near (0, 0));
  /* Short lines only: a list is fingerprinted when it is long enough */
  g_assert_cmpuint (fingerprint ("One two three\nfour five six\nseven eight nine\n"
                                 "ten eleven twelve\nthirteen fourteen fifteen\n"
                                 "sixteen seventeen eighteen\nnineteen twenty twenty-one\n"
                                 "twenty-two twenty-three twenty-four\n"), !=, 0);
}

/* Bytes that are not UTF-8 are skipped, never read past */
static void
test_invalid_utf8 (void)
{
  const char text[] = "caf\xc3 \xff\xfe words \xe2\x80";

  g_assert_cmpuint (sp_simhash_compute (text, sizeof text - 1), ==, 0);
}

/* The same digests as GLib's, for lengths around SHA-256's 64-byte blocks and in pieces */
static void
test_sha256_matches_glib (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, (char)(' ' + (i * 7) % 95));

  for (gsize length = 0; length <= text->len; length += length < 130 ? 1 : 37)
    {
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                               (const guchar *)text->str, length);
      g_autofree char *whole = sp_sha256_hex (text->str, length);
      g_autofree char *pieces = NULL;
      SpSha256 *sha = sp_sha256_new ();

      sp_sha256_update (sha, text->str, length / 3);
      sp_sha256_update (sha, text->str + length / 3, length - length / 3);
      pieces = sp_sha256_free_hex (sha);

      g_assert_cmpstr (whole, ==, expected);
      g_assert_cmpstr (pieces, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/simhash/wire-story-is-near", test_wire_story_is_near);
  g_test_add_func ("/simhash/added-paragraph-is-near", test_added_paragraph_is_near);
  g_test_add_func ("/simhash/normalised", test_normalised);
  g_test_add_func ("/simhash/different-stories-are-far", test_different_stories_are_far);
  g_test_add_func ("/simhash/half-story-is-far", test_half_story_is_far);
  g_test_add_func ("/simhash/short-text", test_short_text);
  g_test_add_func ("/simhash/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/simhash/sha256-matches-glib", test_sha256_matches_glib);

  return g_test_run ();
}
