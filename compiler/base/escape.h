/* Plan text made safe to show on a terminal (issue 15): a title can hold
 * ESC sequences, BEL, CR, C1 controls, bidi and zero-width characters, and
 * bytes that are not UTF-8.  Every text output for people (the reports of
 * diagnostics, bcp graph's DOT and Mermaid, bcp simulate's text and
 * Markdown) writes such a character as an escape, \u{1b}, and such a byte as
 * \x{ff}, so that no plan can move the cursor, colour the output, set the
 * terminal title or start a forged line.  JSON has its own escapes, \u0085
 * (bcp_escape_json). */
#ifndef BCP_ESCAPE_H
#define BCP_ESCAPE_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* C0 and C1 controls but tab, DEL, line and paragraph separators,
 * bidirectional controls (Trojan Source) and zero-width characters. */
bool bcp_escape_needed(unsigned cp);
/* The escape of the code point at s (n bytes, decoded as cp, as
 * bcp_utf8_decode gives it) written into buf, or NULL when it is shown as
 * it is: \u{1b} for a character, \x{ff} for a byte that is not UTF-8. */
const char *bcp_escape_of(const char *s, int n, unsigned cp, char buf[16]);
/* s[0, len) appended to out, each character or byte above escaped; tab
 * and newline included (\u{a}): the caller writes the lines. */
void bcp_escape_terminal(bcp_buf *out, const char *s, size_t len);

/* JSON text (as jansson writes it, valid UTF-8) appended to out with the
 * characters above that jansson writes as they are (DEL, C1 controls, bidi,
 * zero-width, line separators) as \u escapes: the same JSON value, and no
 * raw character a terminal acts on.  Controls below U+0020 jansson escapes. */
void bcp_escape_json(bcp_buf *out, const char *json, size_t len);

#endif
