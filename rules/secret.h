/* The secret detector behind H102 secret-in-plan, for any stage that must
 * know whether a text holds a credential (the build redacts what it flags).
 *
 * It looks for the shapes credentials take, not for prose about them:
 * provider key formats (AWS, Google Cloud, Azure storage and connection
 * strings, GitHub, GitLab, Slack tokens and webhooks, Stripe, npm, OpenAI,
 * Twilio, SendGrid), JSON web tokens, PEM private keys, user:password@ in
 * URLs, bearer tokens, a password, passcode, PIN, Wi-Fi or VPN pre-shared key
 * written after its label in English or Chinese (password: / 密码是 / 口令为 /
 * 密码＝ ...), and high-entropy values assigned to a key, secret or token.
 * tests/secrets/ holds the corpus it is measured against.
 *
 * Time is linear in the text: every pattern is bounded and run through the
 * rules' regex helpers (rule_util.h), whose limits cap each call.  Invalid
 * UTF-8 does not hide a secret: bad bytes are skipped, never a reason to
 * stop.  A scanner is not shared between threads; make one per thread. */
#ifndef BCP_SECRET_H
#define BCP_SECRET_H
#include <stdbool.h>
#include <stddef.h>

typedef struct bcp_secret_scanner bcp_secret_scanner;

/* A scanner compiles its patterns once, for many texts.  Never NULL. */
bcp_secret_scanner *bcp_secret_scanner_new(void);
void bcp_secret_scanner_free(bcp_secret_scanner *scanner); /* NULL: no-op */

/* Finds the leftmost secret in text[0..length): true with its byte span
 * (*start, *len: the secret itself, e.g. the password after its label) and,
 * when `label` is not NULL, what it looks like ("an AWS access key", "a
 * password"), a static string.  False when the text holds none. */
bool bcp_secret_scan(bcp_secret_scanner *scanner, const char *text, size_t length, size_t *start, size_t *len,
                     const char **label);

/* One text, with a scanner of its own: for a few texts; for many, keep a scanner. */
bool bcp_secret_find(const char *text, size_t length, size_t *start, size_t *len);

#endif
