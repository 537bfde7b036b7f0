/* sp-sha256.h
 *
 * The SHA-256 digests that tell duplicates apart (a file's bytes, a cleaned body), as
 * lower-case hex: the same strings as GLib's G_CHECKSUM_SHA256, several times faster with
 * Nettle, which the import hashes every article's bytes and text with twice.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpSha256 SpSha256;

SpSha256 *sp_sha256_new      (void);
void      sp_sha256_update   (SpSha256   *self,
                              const void *data,
                              gsize       length);
char     *sp_sha256_free_hex (SpSha256   *self);
char     *sp_sha256_hex      (const void *data,
                              gsize       length);

G_END_DECLS
