/* sp-dna-import.c
 *
 * DNA → Standpoint. A DNA statement of the standard type is a span of a document with a
 * person, an organisation, a concept and an agreement; here it becomes a claim by the person
 * (or, with no person, by the organisation) on the concept's issue, with the organisation as
 * the person's affiliation. Everything is written in one action with one undo label, through
 * the store's public API, so that the store's own checks apply to every row.
 *
 * Decisions (README "Importing DNA projects" documents them for users):
 * - a person coded with several organisations is affiliated with the one most of their
 *   imported statements name (the earliest statement breaks a tie); the others are listed in
 *   the report's notes;
 * - boolean agreement 1/0 is stance +1/−1; integer agreement −2 … +2 is taken as the stance,
 *   other integers are skipped and counted;
 * - a document whose text is already in the project is left out with its statements, so
 *   that importing the same file twice adds nothing twice;
 * - DNA's Type attribute becomes the actor's kind when it names one (person, organisation,
 *   organization, state, group); a concept's Alias becomes its issue's keywords; attributes
 *   with no place in Standpoint (other Types, Notes of entities and documents) are counted
 *   in the notes; a document's section and type are kept in its fields of those names.
 */
#define G_LOG_DOMAIN "sp-dna-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-dna-import.h"

typedef struct
{
  gint64        id;        /* in the project; 0 when the document was left out */
  SpDnaOffsets *offsets;
} ImportedDocument;

typedef struct
{
  SpProject    *project;
  SpDnaFile    *file;
  SpDnaReport  *report;
  GHashTable   *documents;    /* DNA document id -> ImportedDocument */
  GHashTable   *actors;       /* name -> actor id (gint64 *) */
  GHashTable   *issues;       /* concept -> issue id */
  GHashTable   *known_issues; /* casefolded label or proposition of the project's issues -> id */
  GHashTable   *keys;         /* issue keys taken in this import */
  GHashTable   *affiliation;  /* person -> organisation chosen */
  GPtrArray    *reasons;      /* statement skip reasons in order of first occurrence */
  GHashTable   *reason_counts;
  GHashTable   *unplaced_types; /* DNA types that are no actor kind -> count */
  guint         n_actor_notes;
  guint         n_alias_conflicts;
} Import;

static void
imported_document_free (gpointer data)
{
  ImportedDocument *document = data;

  g_clear_pointer (&document->offsets, sp_dna_offsets_free);
  g_free (document);
}

void
sp_dna_report_free (SpDnaReport *report)
{
  if (report == NULL)
    return;

  g_free (report->file_name);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

/**
 * sp_dna_report_summary:
 *
 * Returns: (transfer full): one line: what was added and how many statements were skipped
 */
char *
sp_dna_report_summary (SpDnaReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_strdup_printf (_("%s: %u documents, %u actors, %u issues, %u claims added; "
                            "statements skipped: %u"),
                          report->file_name, report->n_documents, report->n_actors,
                          report->n_issues, report->n_claims, report->n_skipped);
}

static void
skip_statement (Import     *im,
                const char *reason)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (im->reason_counts, reason));

  if (count == 0)
    g_ptr_array_add (im->reasons, g_strdup (reason));
  g_hash_table_insert (im->reason_counts, g_strdup (reason), GUINT_TO_POINTER (count + 1));
  im->report->n_skipped++;
}

static gboolean
is_not_found (GError *error)
{
  return g_error_matches (error, SP_PROJECT_ERROR, SP_PROJECT_ERROR_NOT_FOUND);
}

static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  if (time == NULL || g_date_time_get_year (time) < 1000)
    return NULL;

  return g_date_time_format (time, "%Y-%m-%d");
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gboolean
import_documents (Import             *im,
                  SpDnaSentenceFunc   split,
                  gpointer            split_data,
                  SpDnaProgressFunc   progress,
                  gpointer            progress_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  guint n_notes = 0, n_empty = 0;

  for (guint i = 0; i < im->file->documents->len; i++)
    {
      const SpDnaDocument *dna = g_ptr_array_index (im->file->documents, i);
      ImportedDocument *imported = g_new0 (ImportedDocument, 1);
      g_autofree char *file_name = g_strdup_printf ("%s#%" G_GINT64_FORMAT, im->file->name, dna->id);
      g_autofree char *text_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dna->text, -1);
      g_autofree char *content = g_strconcat ("DNA document\n", dna->text, NULL);
      g_autofree char *content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
      g_autofree char *date = format_date (dna->date);
      g_autoptr(GArray) sentences = NULL;
      SpDocumentFields fields = { 0 };
      gint64 existing = 0;

      g_hash_table_insert (im->documents, g_memdup2 (&dna->id, sizeof dna->id), imported);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (0.8 * i / MAX (im->file->documents->len, 1), progress_data);

      if (dna->text[0] == '\0')
        {
          n_empty++;
          continue;
        }
      if (!sp_project_find_duplicate (im->project, content_hash, text_hash, &existing, error))
        return FALSE;
      if (existing != 0)
        {
          im->report->n_documents_present++;
          continue;
        }

      if (split != NULL)
        sentences = split (dna->text, strlen (dna->text), split_data);

      fields.file_name = file_name;
      fields.title = nonempty (dna->title) ? dna->title : file_name;
      fields.title_kind = nonempty (dna->title) ? SP_TITLE_KIND_HEADLINE : SP_TITLE_KIND_FILE_NAME;
      fields.date = date;
      fields.date_source = date != NULL ? SP_DATE_SOURCE_METADATA : SP_DATE_SOURCE_NONE;
      fields.date_confidence = date != NULL ? 1.0 : 0.0;
      fields.source = nonempty (dna->source);
      fields.author = nonempty (dna->author);
      fields.section = nonempty (dna->section);
      fields.document_type = nonempty (dna->type);
      fields.body = dna->text;
      fields.content_hash = content_hash;
      fields.text_hash = text_hash;
      if (sentences != NULL)
        {
          fields.sentences = (const guint32 *)(gpointer)sentences->data;
          fields.n_sentences = sentences->len / 2;
        }

      if (!(imported->id = sp_project_add_document (im->project, &fields, error)))
        return FALSE;

      imported->offsets = sp_dna_offsets_new (dna->text);
      im->report->n_documents++;
      n_notes += dna->notes[0] != '\0';
    }

  if (im->report->n_documents_present > 0)
    g_ptr_array_add (im->report->notes,
                     g_strdup_printf (_("Documents already in the project, left out with their statements: %u"),
                                      im->report->n_documents_present));
  if (n_empty > 0)
    g_ptr_array_add (im->report->notes,
                     g_strdup_printf (_("Documents without text, left out: %u"), n_empty));
  if (n_notes > 0)
    g_ptr_array_add (im->report->notes,
                     g_strdup_printf (_("Documents' notes have no field in Standpoint and were not kept: %u"),
                                      n_notes));

  return TRUE;
}

/* What a statement becomes; NULL and a reason when it becomes nothing */
static const char *
check_statement (Import               *im,
                 const SpDnaStatement *statement,
                 ImportedDocument    **document,
                 int                  *stance,
                 guint                *start,
                 guint                *end)
{
  if (!(*document = g_hash_table_lookup (im->documents, &statement->document_id)))
    return _("Statements whose document is not in the file");
  if ((*document)->id == 0)
    return _("Statements in documents that were left out");
  if (statement->concept[0] == '\0')
    return _("Statements with no concept");
  if (statement->person[0] == '\0' && statement->organisation[0] == '\0')
    return _("Statements with neither person nor organization");
  if (!statement->has_agreement)
    return _("Statements with no agreement");

  if (statement->agreement_is_boolean)
    {
      if (statement->agreement != 0 && statement->agreement != 1)
        return _("Statements whose boolean agreement is neither 0 nor 1");
      *stance = statement->agreement == 1 ? 1 : -1;
    }
  else
    {
      if (statement->agreement < -2 || statement->agreement > 2)
        return _("Statements whose integer agreement is outside −2 … +2");
      *stance = (int)statement->agreement;
    }

  if (!sp_dna_offsets_convert ((*document)->offsets, statement->start, statement->stop, start, end))
    return _("Statements whose span lies outside their document's text");

  return NULL;
}

/* Chooses each person's affiliation among the organisations their statements name */
static void
choose_affiliations (Import *im)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  for (guint i = 0; i < im->file->statements->len; i++)
    {
      const SpDnaStatement *s = g_ptr_array_index (im->file->statements, i);
      g_autofree char *pair = NULL;
      ImportedDocument *document;
      GPtrArray *list;
      guint start, end, n;
      int stance;

      if (check_statement (im, s, &document, &stance, &start, &end) != NULL ||
          s->person[0] == '\0' || s->organisation[0] == '\0')
        continue;

      pair = g_strconcat (s->person, "\n", s->organisation, NULL);
      if (!(list = g_hash_table_lookup (orgs, s->person)))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (orgs, g_strdup (s->person), list);
          g_ptr_array_add (people, s->person);
        }
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pair));
      if (n == 0)
        g_ptr_array_add (list, s->organisation);
      g_hash_table_insert (counts, g_steal_pointer (&pair), GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < people->len; i++)
    {
      const char *person = g_ptr_array_index (people, i);
      GPtrArray *list = g_hash_table_lookup (orgs, person);
      g_autoptr(GString) others = g_string_new (NULL);
      const char *best = NULL;
      guint best_count = 0;

      for (guint j = 0; j < list->len; j++)
        {
          g_autofree char *pair = g_strconcat (person, "\n", (const char *)list->pdata[j], NULL);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pair));

          if (count > best_count)
            {
              best = list->pdata[j];
              best_count = count;
            }
        }
      g_hash_table_insert (im->affiliation, (char *)person, (char *)best);

      if (list->len < 2)
        continue;
      for (guint j = 0; j < list->len; j++)
        {
          g_autofree char *pair = g_strconcat (person, "\n", (const char *)list->pdata[j], NULL);

          if (list->pdata[j] == best)
            continue;
          g_string_append_printf (others, "%s%s (%u)", others->len > 0 ? ", " : "",
                                  (const char *)list->pdata[j],
                                  GPOINTER_TO_UINT (g_hash_table_lookup (counts, pair)));
        }
      g_ptr_array_add (im->report->notes,
                       g_strdup_printf (_("%s is coded with %u organizations: affiliated with %s (%u), not with %s"),
                                        person, list->len, best, best_count, others->str));
    }
}

static SpActorKind
kind_of (Import      *im,
         const char  *variable,
         const char  *type)
{
  g_autofree char *lower = type != NULL ? g_utf8_strdown (type, -1) : NULL;
  SpActorKind kind = g_str_equal (variable, "person") ? SP_ACTOR_KIND_PERSON : SP_ACTOR_KIND_ORGANISATION;

  if (lower == NULL)
    return kind;
  if (g_str_equal (lower, "organization"))
    return SP_ACTOR_KIND_ORGANISATION;
  if (sp_actor_kind_from_string (lower, &kind))
    return kind;

  g_hash_table_insert (im->unplaced_types, g_strdup (type),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (im->unplaced_types, type)) + 1));
  return g_str_equal (variable, "person") ? SP_ACTOR_KIND_PERSON : SP_ACTOR_KIND_ORGANISATION;
}

/* The aliases DNA gives (separated by ";") that name no actor yet */
static GStrv
free_aliases (Import      *im,
              const char  *name,
              const char  *alias_text,
              GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (alias_text == NULL)
    return g_strv_builder_end (builder);

  g_hash_table_add (seen, g_utf8_casefold (name, -1));
  parts = g_strsplit (alias_text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      char *alias = g_strstrip (parts[i]);
      char *folded;
      gint64 other;

      if (alias[0] == '\0')
        continue;
      folded = g_utf8_casefold (alias, -1);
      if (!g_hash_table_add (seen, folded))
        continue;
      if (sp_project_find_actor (im->project, alias, &other, &local_error))
        {
          im->n_alias_conflicts++;
          continue;
        }
      if (!is_not_found (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_strv_builder_add (builder, alias);
    }

  return g_strv_builder_end (builder);
}

/* The actor named @name: found in the project by name or alias, or added */
static gint64
ensure_actor (Import      *im,
              const char  *variable,
              const char  *name,
              gint64       affiliation_id,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const SpDnaEntity *entity;
  g_auto(GStrv) aliases = NULL;
  gint64 *cached = g_hash_table_lookup (im->actors, name);
  gint64 id;

  if (cached != NULL)
    return *cached;

  if (sp_project_find_actor (im->project, name, &id, &local_error))
    im->report->n_actors_present++;
  else if (!is_not_found (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  else
    {
      entity = sp_dna_file_lookup_entity (im->file, variable, name);
      if (!(aliases = free_aliases (im, name, entity != NULL ? entity->alias : NULL, error)))
        return 0;
      if (entity != NULL && entity->notes != NULL)
        im->n_actor_notes++;

      id = sp_project_add_actor (im->project, name,
                                 kind_of (im, variable, entity != NULL ? entity->type : NULL),
                                 affiliation_id, (const char * const *)aliases, error);
      if (id == 0)
        return 0;
      im->report->n_actors++;
    }

  g_hash_table_insert (im->actors, g_strdup (name), g_memdup2 (&id, sizeof id));
  return id;
}

/* A key for an issue: the concept's first words, lower case, joined by "-" */
static char *
derive_key (const char *concept)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p = concept;

  for (;; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (word, g_ascii_tolower (*p));
          continue;
        }
      if (word->len > 0)
        {
          if (key->len + word->len + 1 > 40)
            break;
          if (key->len > 0)
            g_string_append_c (key, '-');
          g_string_append_len (key, word->str, word->len);
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
    }

  if (key->len == 0)
    g_string_append_len (key, word->str, MIN (word->len, 40));
  if (key->len == 0)
    g_string_assign (key, "issue");

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
key_taken (Import      *im,
           const char  *key,
           gboolean    *taken,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  *taken = g_hash_table_contains (im->keys, key);
  if (*taken)
    return TRUE;
  if (sp_project_find_issue (im->project, key, &id, &local_error))
    *taken = TRUE;
  else if (!is_not_found (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gint64
ensure_issue (Import      *im,
              const char  *concept,
              GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (concept, -1);
  g_autofree char *base = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) keywords = NULL;
  const SpDnaEntity *entity;
  gint64 *cached = g_hash_table_lookup (im->issues, concept);
  gpointer known;
  gboolean taken = TRUE;
  gint64 id;

  if (cached != NULL)
    return *cached;

  if ((known = g_hash_table_lookup (im->known_issues, folded)) != NULL)
    {
      id = *(gint64 *)known;
      im->report->n_issues_present++;
    }
  else
    {
      base = derive_key (concept);
      for (guint n = 1; taken; n++)
        {
          g_free (key);
          key = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
          if (!key_taken (im, key, &taken, error))
            return 0;
        }

      entity = sp_dna_file_lookup_entity (im->file, "concept", concept);
      if (entity != NULL && entity->alias != NULL)
        {
          keywords = g_strsplit (entity->alias, ";", -1);
          for (guint i = 0; keywords[i] != NULL; i++)
            g_strstrip (keywords[i]);
        }

      id = sp_project_add_issue (im->project, key, concept, concept,
                                 (const char * const *)keywords, error);
      if (id == 0)
        return 0;
      g_hash_table_add (im->keys, g_strdup (key));
      im->report->n_issues++;
    }

  g_hash_table_insert (im->issues, g_strdup (concept), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
load_known_issues (Import  *im,
                   GError **error)
{
  g_autoptr(GListModel) issues = sp_project_list_issues (im->project, error);

  if (issues == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(SpIssue) issue = g_list_model_get_item (issues, i);
      gint64 id = sp_issue_get_id (issue);

      g_hash_table_insert (im->known_issues, g_utf8_casefold (sp_issue_get_label (issue), -1),
                           g_memdup2 (&id, sizeof id));
      if (sp_issue_get_proposition (issue)[0] != '\0')
        g_hash_table_insert (im->known_issues, g_utf8_casefold (sp_issue_get_proposition (issue), -1),
                             g_memdup2 (&id, sizeof id));
    }

  return TRUE;
}

static gboolean
import_claims (Import             *im,
               SpDnaProgressFunc   progress,
               gpointer            progress_data,
               GCancellable       *cancellable,
               GError            **error)
{
  guint n = im->file->statements->len;

  /* organisations first, so that persons can be affiliated with them */
  for (guint i = 0; i < n; i++)
    {
      const SpDnaStatement *s = g_ptr_array_index (im->file->statements, i);
      ImportedDocument *document;
      guint start, end;
      int stance;

      if (check_statement (im, s, &document, &stance, &start, &end) == NULL &&
          s->organisation[0] != '\0' &&
          !ensure_actor (im, "organization", s->organisation, 0, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const SpDnaStatement *s = g_ptr_array_index (im->file->statements, i);
      g_autofree char *note = NULL;
      ImportedDocument *document;
      SpClaimSpec spec = { 0 };
      const char *reason;
      const char *organisation;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL && i % 64 == 0)
        progress (0.8 + 0.2 * i / MAX (n, 1), progress_data);

      if ((reason = check_statement (im, s, &document, &spec.stance, &spec.start, &spec.end)) != NULL)
        {
          skip_statement (im, reason);
          continue;
        }

      if (s->person[0] != '\0')
        {
          gint64 affiliation_id = 0;

          organisation = g_hash_table_lookup (im->affiliation, s->person);
          if (organisation != NULL &&
              !(affiliation_id = ensure_actor (im, "organization", organisation, 0, error)))
            return FALSE;
          spec.actor_id = ensure_actor (im, "person", s->person, affiliation_id, error);
        }
      else
        spec.actor_id = ensure_actor (im, "organization", s->organisation, 0, error);
      if (spec.actor_id == 0 ||
          !(spec.issue_id = ensure_issue (im, s->concept, error)))
        return FALSE;

      if (s->coder != NULL && s->coder[0] != '\0')
        note = g_strdup_printf (_("DNA coder: %s"), s->coder);
      spec.document_id = document->id;
      spec.note = note;
      spec.origin = SP_CLAIM_ORIGIN_MANUAL;
      if (!sp_project_add_claim (im->project, &spec, error))
        return FALSE;
      im->report->n_claims++;
    }

  return TRUE;
}

static void
finish_report (Import *im)
{
  SpDnaReport *report = im->report;
  g_autoptr(GString) types = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n_types = 0;

  report->n_skipped += im->file->n_skipped_statements;
  for (guint i = 0; i < im->file->skipped->len; i++)
    {
      const SpDnaSkip *skip = g_ptr_array_index (im->file->skipped, i);

      g_ptr_array_add (report->skipped, g_strdup_printf ("%s: %u", skip->what, skip->count));
    }
  for (guint i = 0; i < im->reasons->len; i++)
    {
      const char *reason = g_ptr_array_index (im->reasons, i);

      g_ptr_array_add (report->skipped,
                       g_strdup_printf ("%s: %u", reason,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (im->reason_counts, reason))));
    }

  g_hash_table_iter_init (&iter, im->unplaced_types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    n_types += GPOINTER_TO_UINT (value);
  if (n_types > 0)
    {
      g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (im->unplaced_types), (GCompareFunc)g_strcmp0);

      for (GList *l = names; l != NULL; l = l->next)
        g_string_append_printf (types, "%s%s", types->len > 0 ? ", " : "", (const char *)l->data);
      g_ptr_array_add (report->notes,
                       g_strdup_printf (_("DNA types that are no actor kind (person, organisation, state, group), not kept: %s (%u actors)"),
                                        types->str, n_types));
    }
  if (im->n_actor_notes > 0)
    g_ptr_array_add (report->notes,
                     g_strdup_printf (_("Actors' notes have no field in Standpoint and were not kept: %u"),
                                      im->n_actor_notes));
  if (im->n_alias_conflicts > 0)
    g_ptr_array_add (report->notes,
                     g_strdup_printf (_("Aliases that already name another actor, not added: %u"),
                                      im->n_alias_conflicts));
  if (report->n_actors_present + report->n_issues_present > 0)
    g_ptr_array_add (report->notes,
                     g_strdup_printf (_("Already in the project and used as they are: actors %u, issues %u"),
                                      report->n_actors_present, report->n_issues_present));
}

/**
 * sp_dna_import:
 * @split: (nullable): the sentence splitter for the documents' text
 *
 * Writes @file into @project as one action ("Import DNA Project"), which one undo takes
 * back. Nothing is written when an error is returned.
 *
 * Returns: (transfer full): what was added and what was not, or %NULL with @error set
 */
SpDnaReport *
sp_dna_import (SpProject          *project,
               SpDnaFile          *file,
               SpDnaSentenceFunc   split,
               gpointer            split_data,
               SpDnaProgressFunc   progress,
               gpointer            progress_data,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(SpDnaReport) report = g_new0 (SpDnaReport, 1);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, imported_document_free);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) issues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) affiliation = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) reason_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unplaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Import im = {
    .project = project, .file = file, .report = report, .documents = documents,
    .actors = actors, .issues = issues, .known_issues = known, .keys = keys,
    .affiliation = affiliation, .reasons = reasons, .reason_counts = reason_counts,
    .unplaced_types = unplaced,
  };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  report->file_name = g_strdup (file->name);
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);

  if (!sp_project_begin_action (project, _("Import DNA Project"), error))
    return NULL;

  ok = load_known_issues (&im, error) &&
       import_documents (&im, split, split_data, progress, progress_data, cancellable, error);
  if (ok)
    {
      choose_affiliations (&im);
      ok = import_claims (&im, progress, progress_data, cancellable, error);
    }

  if (!sp_project_end_action (project, ok, ok ? error : NULL) || !ok)
    return NULL;

  finish_report (&im);
  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&report);
}
