/* sp-sha256.c
 *
 * SHA-256 with Nettle when the build has it (its assembly and the CPU's SHA instructions),
 * with GLib's GChecksum otherwise; both give the same digests.
 */
#define G_LOG_DOMAIN "sp-sha256"

#include "config.h"

#include "sp-sha256.h"

#if HAVE_NETTLE
#include <nettle/sha2.h>

struct _SpSha256
{
  struct sha256_ctx ctx;
};

SpSha256 *
sp_sha256_new (void)
{
  SpSha256 *self = g_new (SpSha256, 1);

  sha256_init (&self->ctx);
  return self;
}

void
sp_sha256_update (SpSha256   *self,
                  const void *data,
                  gsize       length)
{
  sha256_update (&self->ctx, length, data);
}

/**
 * sp_sha256_free_hex:
 *
 * Frees @self.
 *
 * Returns: (transfer full): the digest of what was added, in lower-case hex
 */
char *
sp_sha256_free_hex (SpSha256 *self)
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_new (char, 2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (&self->ctx, sizeof digest, digest);
  g_free (self);

  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xF];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';

  return hex;
}

#else

struct _SpSha256
{
  GChecksum *checksum;
};

SpSha256 *
sp_sha256_new (void)
{
  SpSha256 *self = g_new (SpSha256, 1);

  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  return self;
}

void
sp_sha256_update (SpSha256   *self,
                  const void *data,
                  gsize       length)
{
  g_checksum_update (self->checksum, data, length);
}

char *
sp_sha256_free_hex (SpSha256 *self)
{
  char *hex = g_strdup (g_checksum_get_string (self->checksum));

  g_checksum_free (self->checksum);
  g_free (self);

  return hex;
}

#endif

/**
 * sp_sha256_hex:
 *
 * Returns: (transfer full): the digest of @data in lower-case hex
 */
char *
sp_sha256_hex (const void *data,
               gsize       length)
{
  SpSha256 *self = sp_sha256_new ();

  sp_sha256_update (self, data, length);
  return sp_sha256_free_hex (self);
}
