#define G_LOG_DOMAIN "sp-article"

#include "config.h"

#include "sp-article.h"

G_DEFINE_QUARK (sp-import-error-quark, sp_import_error)

/**
 * sp_article_new:
 *
 * Returns: (transfer full): an article with every field %NULL
 */
SpArticle *
sp_article_new (void)
{
  return g_new0 (SpArticle, 1);
}

void
sp_article_free (SpArticle *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->date);
  g_free (self->source);
  g_free (self->url);
  g_free (self->author);
  g_free (self->body);
  g_free (self);
}
