/* fuzz-text-decode.c: the decoder, with each of the charsets a page may declare */
#include "config.h"

#include "fuzz-common.h"
#include "sp-charset.h"
#include "sp-text-decode.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char * const charsets[] = {
  NULL, "utf-8", "windows-1251", "iso-8859-15", "koi8-r", "shift_jis", "utf-16", "x-unknown",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *declared = NULL;
  const char *charset;
  SpTextDecodeFlags flags;

  if (size < 1)
    return 0;

  /* The first byte chooses the declared charset and the flags */
  charset = charsets[data[0] % G_N_ELEMENTS (charsets)];
  flags = (data[0] & 0x80) ? SP_TEXT_DECODE_MARKUP : SP_TEXT_DECODE_DEFAULT;
  data++;
  size--;

  declared = sp_charset_sniff_html ((const char *)data, size);
  g_free (sp_charset_guess_8bit ((const char *)data, size, flags == SP_TEXT_DECODE_MARKUP, NULL));
  (void) sp_charset_guess_utf16 ((const char *)data, size);

  text = sp_text_decode ((const char *)data, size, charset, flags, &error);
  if ((text == NULL) == (error == NULL))
    abort ();
  fuzz_check_text (text);

  return 0;
}
