/* sp-import-report.c
 *
 * What an import did with each file, in the order the files were seen to. An entry is
 * added only once what it says is true in the project: a file's document is committed
 * before its entry is.
 */
#define G_LOG_DOMAIN "sp-import-report"

#include "config.h"

#include "sp-import-private.h"

struct _SpImportReport
{
  gatomicrefcount  ref_count;
  GPtrArray       *entries;
  guint            n_imported;
  guint            n_duplicates;
  guint            n_failed;
  guint            n_skipped;
  gboolean         cancelled;
};

G_DEFINE_BOXED_TYPE (SpImportReport, sp_import_report, sp_import_report_ref, sp_import_report_unref)

void
_sp_import_entry_free (SpImportEntry *entry)
{
  g_free (entry->path);
  g_free (entry->title);
  g_free (entry->message);
  g_free (entry);
}

SpImportEntry *
_sp_import_entry_new (const char     *path,
                      SpImportStatus  status)
{
  SpImportEntry *entry = g_new0 (SpImportEntry, 1);

  entry->path = g_strdup (path);
  entry->status = status;

  return entry;
}

/* A failed or skipped file: the message names it and says why */
SpImportEntry *
_sp_import_entry_new_problem (const char     *path,
                              SpImportStatus  status,
                              const GError   *problem)
{
  SpImportEntry *entry = _sp_import_entry_new (path, status);

  entry->message = g_strdup_printf ("%s: %s", path, problem->message);
  return entry;
}

SpImportReport *
_sp_import_report_new (void)
{
  SpImportReport *self = g_new0 (SpImportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_import_entry_free);

  return self;
}

/* Takes @entry */
void
_sp_import_report_add (SpImportReport *self,
                       SpImportEntry  *entry)
{
  switch (entry->status)
    {
    case SP_IMPORT_STATUS_IMPORTED:
      self->n_imported++;
      break;

    case SP_IMPORT_STATUS_DUPLICATE:
      self->n_duplicates++;
      break;

    case SP_IMPORT_STATUS_SKIPPED:
      self->n_skipped++;
      break;

    case SP_IMPORT_STATUS_FAILED:
    default:
      self->n_failed++;
      break;
    }

  g_ptr_array_add (self->entries, entry);
}

void
_sp_import_report_set_cancelled (SpImportReport *self)
{
  self->cancelled = TRUE;
}

/**
 * sp_import_report_ref:
 *
 * Returns: (transfer full): @self
 */
SpImportReport *
sp_import_report_ref (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sp_import_report_unref (SpImportReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->entries);
      g_free (self);
    }
}

guint
sp_import_report_get_n_entries (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

/**
 * sp_import_report_get_entry:
 *
 * Entries are in the order the files were imported: named files in the order given,
 * the files of a folder sorted by path.
 *
 * Returns: (transfer none): the entry for one file
 */
const SpImportEntry *
sp_import_report_get_entry (SpImportReport *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

guint
sp_import_report_get_n_imported (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_imported;
}

guint
sp_import_report_get_n_duplicates (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_duplicates;
}

guint
sp_import_report_get_n_failed (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_failed;
}

/* Files in the folders that were passed over: other types, hidden files, links to
 * folders, FIFOs, sockets and devices */
guint
sp_import_report_get_n_skipped (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

/* Whether the import was cancelled before every file was seen to; the entries cover the
 * files it did see to, and those are in the project. */
gboolean
sp_import_report_get_cancelled (SpImportReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->cancelled;
}
