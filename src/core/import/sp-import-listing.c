/* sp-import-listing.c
 *
 * Turning the files and folders given to an import into the list of files to read.
 * Folders are searched recursively and their files sorted by path; everything in them that
 * is not read gets a line of its own in the report, saying why: other file types, hidden
 * files and folders, links to folders (not followed, so that a link loop cannot make the
 * listing endless), broken links, FIFOs, sockets and devices. Nothing here opens a file.
 */
#define G_LOG_DOMAIN "sp-import-listing"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>

#include "sp-import-formats.h"
#include "sp-import-private.h"

#define FOLDER_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN "," G_FILE_ATTRIBUTE_UNIX_MODE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE

/* The file's path (or its URI when it has none) as valid UTF-8, whatever bytes the file
 * system holds: a name in another encoding must not make the report or a project invalid */
char *
_sp_import_display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL ? g_filename_display_name (path) : g_file_get_uri (file);
}

static char *
dup_sort_key (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

/* A GIO error as the end of a one-line message; GIO's own messages repeat the path. */
void
_sp_import_set_read_error (GError **error,
                           GError  *io_error)
{
  const char *reason;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("permission denied");
  else
    reason = io_error->message;

  g_set_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_READ, _("cannot be read: %s"), reason);
}

/* Why a file that is not a regular file is not read, from its mode */
const char *
_sp_import_describe_mode (guint32 mode)
{
  if (S_ISFIFO (mode))
    return _("not a regular file (a FIFO)");
  if (S_ISSOCK (mode))
    return _("not a regular file (a socket)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("not a regular file (a device)");
  if (S_ISDIR (mode))
    return _("not a regular file (a folder)");

  return _("not a regular file");
}

void
_sp_pending_file_free (SpPendingFile *pending)
{
  g_clear_object (&pending->file);
  g_free (pending->sort_key);
  g_free (pending->path);
  g_clear_error (&pending->error);
  g_free (pending);
}

static SpPendingFile *
pending_new (GFile          *file,
             SpImportStatus  status,
             GError         *error)
{
  SpPendingFile *pending = g_new0 (SpPendingFile, 1);

  pending->file = g_object_ref (file);
  pending->sort_key = dup_sort_key (file);
  pending->path = _sp_import_display_path (file);
  pending->status = status;
  pending->error = error;
  pending->size = -1;

  return pending;
}

static SpPendingFile *
skipped_new (GFile      *file,
             const char *reason)
{
  GError *error = g_error_new (SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED,
                               /* TRANSLATORS: a file in a folder that an import passed over,
                                * and why, e.g. "skipped: a hidden file" */
                               _("skipped: %s"), reason);

  return pending_new (file, SP_IMPORT_STATUS_SKIPPED, error);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const SpPendingFile *pa = *(SpPendingFile * const *)a;
  const SpPendingFile *pb = *(SpPendingFile * const *)b;

  return strcmp (pa->sort_key, pb->sort_key);
}

/* What a symbolic link in a folder leads to: a regular file counts, anything else is
 * skipped */
static GFileInfo *
link_target (GFile        *child,
             GCancellable *cancellable)
{
  return g_file_query_info (child, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
}

/* What to do with one entry of a folder: NULL to descend into it (a folder) */
static SpPendingFile *
look_at (GFile         *child,
         GFileInfo     *info,
         GCancellable  *cancellable)
{
  g_autoptr(GFileInfo) target = NULL;
  SpPendingFile *file;
  const char *name = g_file_info_get_name (info);
  GFileType type = g_file_info_get_file_type (info);
  guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  if (name[0] == '.' || g_file_info_get_is_hidden (info))
    return skipped_new (child, type == G_FILE_TYPE_DIRECTORY ? _("a hidden folder")
                                                             : _("a hidden file"));

  if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      /* GIO describes the link itself when its target cannot be reached */
      if (!(target = link_target (child, cancellable)) ||
          g_file_info_get_file_type (target) == G_FILE_TYPE_SYMBOLIC_LINK)
        return skipped_new (child, _("a broken link"));

      type = g_file_info_get_file_type (target);
      mode = g_file_info_get_attribute_uint32 (target, G_FILE_ATTRIBUTE_UNIX_MODE);

      if (type == G_FILE_TYPE_DIRECTORY)
        return skipped_new (child, _("a link to a folder (links to folders are not followed)"));
    }

  switch (type)
    {
    case G_FILE_TYPE_DIRECTORY:
      return NULL;

    case G_FILE_TYPE_REGULAR:
      if (sp_import_format_for_name (name) == NULL)
        {
          /* TRANSLATORS: %s lists extensions: ".txt, .md, .markdown, .html or .htm" */
          g_autofree char *reason = g_strdup_printf (_("not a %s file"), sp_import_formats_describe ());

          return skipped_new (child, reason);
        }
      file = pending_new (child, SP_IMPORT_STATUS_IMPORTED, NULL);
      /* A link's size is the link's own: the importer asks for its target's */
      if (target == NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        file->size = g_file_info_get_size (info);
      return file;

    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      return skipped_new (child, _sp_import_describe_mode (mode));
    }
}

/* Adds what is under @folder, sorted by path. Returns FALSE only when cancelled. */
static gboolean
list_folder (GFile         *folder,
             GPtrArray     *pending,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)_sp_pending_file_free);
  g_autoptr(GQueue) folders = g_queue_new ();
  GFile *dir;

  g_queue_push_tail (folders, g_object_ref (folder));

  while ((dir = g_queue_pop_head (folders)) != NULL)
    {
      g_autoptr(GFile) owned_dir = dir;
      g_autoptr(GFileEnumerator) enumerator = NULL;
      g_autoptr(GError) local_error = NULL;

      enumerator = g_file_enumerate_children (owned_dir, FOLDER_ATTRIBUTES,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                              cancellable, &local_error);

      while (enumerator != NULL)
        {
          GFileInfo *info = NULL;
          GFile *child = NULL;
          SpPendingFile *file;

          if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &local_error) ||
              info == NULL)
            break;

          if ((file = look_at (child, info, cancellable)) != NULL)
            g_ptr_array_add (found, file);
          else
            g_queue_push_tail (folders, g_object_ref (child));
        }

      if (local_error != NULL)
        {
          GError *problem = NULL;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              g_queue_free_full (g_steal_pointer (&folders), g_object_unref);
              return FALSE;
            }

          _sp_import_set_read_error (&problem, local_error);
          g_ptr_array_add (found, pending_new (owned_dir, SP_IMPORT_STATUS_FAILED, problem));
        }
    }

  g_ptr_array_sort (found, compare_pending);
  g_ptr_array_extend_and_steal (pending, g_steal_pointer (&found));

  return TRUE;
}

/**
 * _sp_import_list_files:
 * @pending: (element-type SpPendingFile): where the files go
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
_sp_import_list_files (GFile * const  *files,
                       guint           n_files,
                       GPtrArray      *pending,
                       GCancellable   *cancellable,
                       GError        **error)
{
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                cancellable, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Anything else, existing or not, is seen to (and its problem reported) file by file */
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!list_folder (files[i], pending, cancellable, error))
            return FALSE;
        }
      else
        g_ptr_array_add (pending, pending_new (files[i], SP_IMPORT_STATUS_IMPORTED, NULL));
    }

  return TRUE;
}
