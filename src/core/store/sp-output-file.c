/* sp-output-file.c
 *
 * An export names its file on the command line or in a file chooser, so a slip ("-o P" for
 * the project itself, a symlink into another folder, /dev/sda as root) must be refused
 * before anything is written. What is refused, and why:
 *
 *  - a symbolic link: replacing it would write somewhere the user did not name, or replace
 *    the link itself with a regular file;
 *  - anything but a regular file (device, FIFO, socket, directory);
 *  - an SQLite database, Standpoint project or not, open or not: an export must never cost
 *    an analyst their project;
 *  - a database's -wal, -shm or -journal file, which holds committed edits.
 *
 * The data is written to a temporary file in the same folder, synced, given the mode of the
 * file it replaces (or 0666 less the umask for a new one) and renamed over the target, so a
 * crash leaves the old file or the new one, never half of either.
 */
#define G_LOG_DOMAIN "sp-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-output-file.h"
#include "sp-project.h"

typedef enum
{
  FILE_OTHER,
  FILE_DATABASE,
  FILE_PROJECT,
} FileKind;

/* The first 100 bytes of an SQLite file: its magic string, and the application id at 68. */
#define SQLITE_HEADER_SIZE    100
#define SQLITE_APPLICATION_ID 68

/* Every SQLite database starts with the magic string. A project that another program has
 * just created and holds open has not yet written its application id to the main file (it
 * is still in the write-ahead log), so any SQLite database is refused: an export has no
 * business replacing one. The application id only makes the reason more precise. */
static FileKind
database_kind (const char *path)
{
  static const char magic[] = "SQLite format 3";
  guint8 header[SQLITE_HEADER_SIZE] = { 0 };
  guint32 application_id;
  ssize_t n;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0)) < 0)
    return FILE_OTHER;

  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  close (fd);

  if (n < (ssize_t) sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    return FILE_OTHER;

  application_id = ((guint32) header[SQLITE_APPLICATION_ID] << 24) |
                   ((guint32) header[SQLITE_APPLICATION_ID + 1] << 16) |
                   ((guint32) header[SQLITE_APPLICATION_ID + 2] << 8) |
                   (guint32) header[SQLITE_APPLICATION_ID + 3];

  return application_id == SP_PROJECT_APPLICATION_ID ? FILE_PROJECT : FILE_DATABASE;
}

/* A database's side files are named after it: P-wal, P-shm, P-journal. */
static gboolean
is_project_side_file (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (path, suffixes[i]))
        {
          g_autofree char *main_file = g_strndup (path, strlen (path) - strlen (suffixes[i]));

          if (database_kind (main_file) != FILE_OTHER)
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * sp_output_file_check:
 * @path: the file an export is about to write
 *
 * Checks @path without writing anything, so that a command can refuse before it does the
 * work of an export. sp_output_file_replace() checks again.
 *
 * Returns: %TRUE if @path does not exist or is a regular file that may be replaced;
 *   otherwise %FALSE with one sentence naming @path and the reason
 */
gboolean
sp_output_file_check (const char  *path,
                      GError     **error)
{
  g_autofree char *display = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The output file has no name"));
      return FALSE;
    }

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Will not write %s: it is a symbolic link; name the file it points to"),
                   display);
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Will not write %s: it is a folder"), display);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Will not write %s: it is not a regular file"), display);
      return FALSE;
    }

  switch (database_kind (path))
    {
    case FILE_PROJECT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Will not write %s: it is a Standpoint project"), display);
      return FALSE;

    case FILE_DATABASE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Will not write %s: it is a database"), display);
      return FALSE;

    case FILE_OTHER:
    default:
      break;
    }

  if (is_project_side_file (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Will not write %s: it holds a database's unsaved changes"), display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      ssize_t n = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;

      p += n;
      length -= n;
    }

  return TRUE;
}

static mode_t
default_mode (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return 0666 & ~mask;
}

/**
 * sp_output_file_replace:
 * @path: the file to write
 * @data: (array length=length): its new contents
 *
 * Writes @data to @path as described at the top of this file.
 *
 * Returns: %TRUE when @path holds @data; otherwise %FALSE with one sentence naming @path,
 *   and @path as it was
 */
gboolean
sp_output_file_replace (const char  *path,
                        const void  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GStatBuf st;
  mode_t mode;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!sp_output_file_check (path, error))
    return FALSE;

  display = g_filename_display_name (path);
  mode = g_lstat (path, &st) == 0 ? (st.st_mode & 07777) : default_mode ();

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!write_all (fd, data, length) || fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Checked again just before the rename: what @path names may have changed meanwhile. */
  if (!sp_output_file_check (path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
