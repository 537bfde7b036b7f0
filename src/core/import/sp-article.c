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
  SpArticle *self = g_new0 (SpArticle, 1);

  self->title_kind = SP_TITLE_KIND_HEADLINE;
  self->date_source = SP_DATE_SOURCE_NONE;
  return self;
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
  g_clear_pointer (&self->removed, g_array_unref);
  g_free (self->skipped);
  g_free (self);
}

static void
clear_removed_block (gpointer data)
{
  SpRemovedBlock *block = data;

  g_free (block->text);
  g_free (block->reason);
}

/**
 * sp_article_add_removed:
 * @offset: the body character before which the block stood
 *
 * Records a block the cleaning took out. Blocks are kept in the order they are added, which
 * must be body order.
 */
void
sp_article_add_removed (SpArticle  *self,
                        guint       offset,
                        const char *text,
                        const char *reason)
{
  SpRemovedBlock block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL && reason != NULL);

  if (self->removed == NULL)
    {
      self->removed = g_array_new (FALSE, FALSE, sizeof (SpRemovedBlock));
      g_array_set_clear_func (self->removed, clear_removed_block);
    }

  block.offset = offset;
  block.text = g_strdup (text);
  block.reason = g_strdup (reason);
  g_array_append_val (self->removed, block);
}
