/* sp-suggest-error.c
 *
 * The suggest room's error domain (sp-suggest-engine.h), in a file of its own so that the
 * model and the decisions link without pulling in the engine's files.
 */
#define G_LOG_DOMAIN "sp-suggest"

#include "config.h"

#include "sp-suggest-engine.h"

G_DEFINE_QUARK (sp-suggest-error-quark, sp_suggest_error)
