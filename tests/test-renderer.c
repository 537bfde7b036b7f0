/* test-renderer.c: the window paints with cairo where OpenGL renders in software (Xvfb's
 * llvmpipe here), unless GSK_RENDERER says otherwise */
#include <gtk/gtk.h>

#include "sp-renderer.h"

static void
test_names (void)
{
  g_assert_true (sp_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (sp_renderer_is_software ("Mesa Software Rasterizer"));
  g_assert_true (sp_renderer_is_software ("SwiftShader Device (Subzero)"));
  g_assert_false (sp_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (sp_renderer_is_software ("AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (sp_renderer_is_software (NULL));
}

static void
test_software_gl_paints_with_cairo (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *name = sp_renderer_dup_gl_name (display);
  GtkWidget *window;
  GskRenderer *renderer;

  if (name == NULL)
    {
      g_test_skip ("OpenGL does not work on this display: GTK paints with cairo anyway");
      return;
    }
  if (!sp_renderer_is_software (name))
    {
      g_test_skip ("OpenGL renders in hardware on this display");
      return;
    }
  g_test_message ("OpenGL renderer: %s", name);

  sp_renderer_choose (display);
  g_assert_null (g_getenv ("GSK_RENDERER"));

  window = gtk_window_new ();
  gtk_widget_realize (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A renderer the user chose is kept */
static void
test_user_choice_kept (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *name = sp_renderer_dup_gl_name (display);

  /* Only where OpenGL renders in software would the cairo renderer be chosen */
  if (!sp_renderer_is_software (name))
    {
      g_test_skip ("OpenGL does not render in software on this display");
      return;
    }

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  sp_renderer_choose (display);
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
  g_unsetenv ("GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  /* what GTK would otherwise pick, not what the test environment set for the other tests */
  g_unsetenv ("GSK_RENDERER");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/renderer/names", test_names);
  g_test_add_func ("/renderer/user-choice-kept", test_user_choice_kept);
  g_test_add_func ("/renderer/software-gl-paints-with-cairo", test_software_gl_paints_with_cairo);

  return g_test_run ();
}
