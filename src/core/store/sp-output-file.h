/* sp-output-file.h
 *
 * The one way Standpoint writes a file the user named (exports, codebook files): never
 * through a symbolic link, never over a device, a directory or a database such as a
 * Standpoint project (or its -wal, -shm or -journal file), always by atomic replacement that
 * keeps the mode of the file it replaces.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sp_output_file_check   (const char    *path,
                                 GError       **error);
gboolean sp_output_file_replace (const char    *path,
                                 const void    *data,
                                 gsize          length,
                                 GError       **error);

G_END_DECLS
