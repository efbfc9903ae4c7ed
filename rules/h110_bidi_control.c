/* H110 bidi-control: a bidirectional control character anywhere in the
 * plan's sources (Trojan Source, CVE-2021-42574).  Such a character makes an
 * editor, a diff or a printed page show the text in an order other than the
 * one the tools read: a reviewer approves what they see, bcp builds what is
 * written. */
#include <stdio.h>

#include "rule_util.h"

static const bcp_rule_named_char bidi_chars[] = {
    {0x061C, "ARABIC LETTER MARK"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
};

/* The message names the character by its code point: printing it would
 * reorder the terminal line the finding is shown on. */
static void report(bcp_lint_ctx *ctx, const bcp_span *span, const bcp_rule_named_char *c, bool in_comment,
                   size_t more)
{
    bcp_lint_report(ctx, span, "bidirectional control character U+%04X (%s) in %s: the text displays in a "
                               "different order than bcp reads it%s",
                    (unsigned)c->cp, c->name, in_comment ? "a comment" : "the plan", bcp_rule_more_on_line(more).text);
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_scan_characters(ctx, report);
}

const bcp_rule bcp_rule_bidi_control = {
    .code = "H110",
    .name = "bidi-control",
    .severity = BCP_SEV_ERROR,
    .summary = "A bidirectional control character (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) "
               "is in the plan's source.",
    .rationale = "Bidirectional overrides and isolates make editors, diffs and printed pages show text in an "
                 "order other than the one the tools read (Trojan Source, CVE-2021-42574; Unicode Technical "
                 "Standard #39 and Unicode Standard Annex #9). A reviewer then approves a plan that says "
                 "something else: ISO 22301:2019 §7.5.2 requires documented information to be reviewed and "
                 "approved as it is, and ISO/IEC 27001:2022 A.8.28 asks for code and configuration that "
                 "reads as it runs. Plain right-to-left text (Arabic, Hebrew) needs none of these characters.",
    .fix = "delete the character (most editors show it with \"show invisibles\"); right-to-left text displays "
           "correctly without it",
    .check = check,
    .chars = bidi_chars,
    .char_count = sizeof bidi_chars / sizeof bidi_chars[0],
};
