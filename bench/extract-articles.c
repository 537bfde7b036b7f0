/* extract-articles.c
 *
 * Prints what the importer makes of article files, as JSON, without a project: each file is
 * read with sp_import_read_file(), the path the importer itself takes, and its articles are
 * written with every field the readers fill. bench/extraction-score.py runs it over the
 * article-extraction benchmark's pages; it is also handy for looking at one page by hand.
 *
 *   ./build/bench/extract-articles FILE...
 *
 * Output: one JSON object, each file's path → { "articles": [ {...}, ... ] } or
 * { "error": "message" }.
 */
#include "config.h"

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "sp-importer.h"

static const char *
date_source_name (SpDateSource source)
{
  switch (source)
    {
    case SP_DATE_SOURCE_METADATA:
      return "metadata";
    case SP_DATE_SOURCE_DATELINE:
      return "dateline";
    case SP_DATE_SOURCE_TEXT:
      return "text";
    case SP_DATE_SOURCE_FILE:
      return "file";
    case SP_DATE_SOURCE_ANALYST:
      return "analyst";
    case SP_DATE_SOURCE_NONE:
    default:
      return "none";
    }
}

static const char *
title_kind_name (SpTitleKind kind)
{
  switch (kind)
    {
    case SP_TITLE_KIND_FIRST_WORDS:
      return "first-words";
    case SP_TITLE_KIND_FILE_NAME:
      return "file-name";
    case SP_TITLE_KIND_HEADLINE:
    default:
      return "headline";
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_article (JsonBuilder     *builder,
             const SpArticle *article)
{
  json_builder_begin_object (builder);
  add_string (builder, "title", article->title);
  add_string (builder, "title_kind", title_kind_name (article->title_kind));
  add_string (builder, "date", article->date);
  add_string (builder, "date_source", date_source_name (article->date_source));
  json_builder_set_member_name (builder, "date_confidence");
  json_builder_add_double_value (builder, article->date_confidence);
  add_string (builder, "source", article->source);
  add_string (builder, "url", article->url);
  add_string (builder, "author", article->author);
  add_string (builder, "body", article->body);

  json_builder_set_member_name (builder, "removed");
  json_builder_begin_array (builder);
  for (guint i = 0; article->removed != NULL && i < article->removed->len; i++)
    {
      const SpRemovedBlock *block = &g_array_index (article->removed, SpRemovedBlock, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, block->offset);
      add_string (builder, "reason", block->reason);
      add_string (builder, "text", block->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE...\n", argv[0]);
      return 2;
    }

  json_builder_begin_object (builder);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = sp_import_read_file (file, NULL, &error);

      json_builder_set_member_name (builder, argv[i]);
      json_builder_begin_object (builder);
      if (articles == NULL)
        add_string (builder, "error", error->message);
      else
        {
          json_builder_set_member_name (builder, "articles");
          json_builder_begin_array (builder);
          for (guint j = 0; j < articles->len; j++)
            add_article (builder, g_ptr_array_index (articles, j));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  fputs (json, stdout);
  fputc ('\n', stdout);

  return 0;
}
