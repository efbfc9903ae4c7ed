/* H111 invisible-character: a zero-width or otherwise invisible character in
 * the plan's sources.  It makes two ids, two words or two values that look
 * the same different to bcp (and to search), or hides text in plain sight. */
#include "rule_util.h"

/* Invisible format characters and the blank letters that are allowed in
 * ids (Hangul fillers are letters to Unicode, so an id may hold one).  The
 * zero-width joiner and non-joiner are left out: emoji sequences and Indic
 * and Persian words need them inside texts, and an id cannot hold them. */
static const bcp_rule_named_char invisible_chars[] = {
    {0x034F, "COMBINING GRAPHEME JOINER"},
    {0x115F, "HANGUL CHOSEONG FILLER"},
    {0x1160, "HANGUL JUNGSEONG FILLER"},
    {0x17B4, "KHMER VOWEL INHERENT AQ"},
    {0x17B5, "KHMER VOWEL INHERENT AA"},
    {0x180E, "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, "ZERO WIDTH SPACE"},
    {0x2060, "WORD JOINER"},
    {0x2061, "FUNCTION APPLICATION"},
    {0x2062, "INVISIBLE TIMES"},
    {0x2063, "INVISIBLE SEPARATOR"},
    {0x2064, "INVISIBLE PLUS"},
    {0x3164, "HANGUL FILLER"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the text)"},
    {0xFFA0, "HALFWIDTH HANGUL FILLER"},
};

static void report(bcp_lint_ctx *ctx, const bcp_span *span, const bcp_rule_named_char *c, bool in_comment,
                   size_t more)
{
    bcp_lint_report(ctx, span, "invisible character U+%04X (%s) in %s%s", (unsigned)c->cp, c->name,
                    in_comment ? "a comment" : "the plan", bcp_rule_more_on_line(more).text);
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_scan_characters(ctx, report);
}

const bcp_rule bcp_rule_invisible_character = {
    .code = "H111",
    .name = "invisible-character",
    .severity = BCP_SEV_WARNING,
    .summary = "A zero-width or invisible character (U+200B, U+2060, U+FEFF inside the text, a Hangul filler, "
               "...) is in the plan's source.",
    .rationale = "An invisible character makes text that looks identical differ: an id with a Hangul filler "
                 "is a second, different entity, a zero-width space splits a word so that search and review "
                 "miss it (Unicode Technical Standard #39 §3, identifier security; Unicode Technical Report "
                 "#36). ISO 22301:2019 §7.5.2 requires documented information that is reviewed as it is.",
    .fix = "delete the character (most editors show it with \"show invisibles\")",
    .check = check,
    .chars = invisible_chars,
    .char_count = sizeof invisible_chars / sizeof invisible_chars[0],
};
