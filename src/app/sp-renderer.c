/* sp-renderer.c
 *
 * Which GSK renderer paints the windows. GTK picks its GL renderer whenever OpenGL works,
 * also when OpenGL is a software rasteriser (llvmpipe in a virtual machine, a remote
 * desktop or a headless server): there every frame shades the whole window on the CPU, and
 * the Matrix view scrolls at half the frame rate it reaches with GTK's cairo renderer,
 * which repaints only what changed. So when the user has not chosen a renderer with
 * GSK_RENDERER, and the display's OpenGL renders in software, the display is given the cairo
 * renderer before the first window is made: GTK reads a display's "gsk-renderer" before the
 * environment when it makes a window's renderer (the way its inspector switches renderers),
 * and setting it needs no setenv() in a process that already has threads.
 */
#define G_LOG_DOMAIN "sp-renderer"

#include "config.h"

#include <string.h>

#include <epoxy/gl.h>

#include "sp-renderer.h"

/* Renderer names of software OpenGL implementations, as GL_RENDERER gives them */
static const char *software_renderers[] = {
  "llvmpipe",
  "softpipe",
  "Software Rasterizer",
  "SwiftShader",
};

/**
 * sp_renderer_is_software:
 * @name: (nullable): the GL_RENDERER string of an OpenGL context
 *
 * Returns: whether @name is one of a software rasteriser
 */
gboolean
sp_renderer_is_software (const char *name)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (software_renderers); i++)
    if (strstr (name, software_renderers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * sp_renderer_dup_gl_name:
 * @display: a display
 *
 * Returns: (transfer full) (nullable): the GL_RENDERER of an OpenGL context on @display, or
 *   %NULL when OpenGL does not work there
 */
char *
sp_renderer_dup_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char *copy;

  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL: %s", error->message);
      return NULL;
    }
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL context: %s", error != NULL ? error->message : "");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  copy = g_strdup (name);
  gdk_gl_context_clear_current ();
  return copy;
}

/**
 * sp_renderer_choose:
 * @display: the display the windows will be on
 *
 * Chooses GTK's cairo renderer when OpenGL on @display renders in software and the user has
 * not set GSK_RENDERER. Call it before the first window is realised.
 */
void
sp_renderer_choose (GdkDisplay *display)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  name = sp_renderer_dup_gl_name (display);
  if (sp_renderer_is_software (name))
    {
      g_debug ("OpenGL renders in software (%s): painting with cairo", name);
      g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
    }
}
