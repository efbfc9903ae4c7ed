/* The print stylesheet of the HTML document (html_print.c). */
#ifndef BCP_RENDER_HTML_PRINT_H
#define BCP_RENDER_HTML_PRINT_H
#include "render.h"

/* Appends the @page rules (paper size, running header and footer with
 * "Page X of Y") and the printed cover's layout to the page's CSS. */
void bcp_html_print_css(bcp_render_ctx *ctx, bcp_buf *o);

#endif
