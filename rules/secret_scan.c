/* The secret detector: see secret.h.  Each kind of secret is one bounded
 * pattern (every repeat has an upper bound, or runs over characters that
 * cannot also start what follows it, so that one attempt costs at most a few
 * hundred steps and a text costs linear time), and, where the shape alone
 * is not enough, a check of the candidate value in C (a password label
 * followed by a word of prose is not a password). */
#define _GNU_SOURCE
#include "secret.h"

#include <string.h>

#include "lint_memo.h"
#include "rule_util.h"

#include "base/alloc.h"

/* A check of the candidate value, where the shape alone is not enough. */
typedef bool value_check(const char *value, size_t length);
static value_check password_like, strong_password, token_like, random_like, url_password_like, url_key_like;

typedef struct secret_kind {
    const char *label;
    const char *pattern;
    int group;          /* the capture group that is the secret (0: the whole match) */
    value_check *check; /* NULL: the shape is the proof */
} secret_kind;

/* Labels in English and Chinese after which a password, key or token is
 * written.  密码 口令 密钥 秘钥 令牌 密碼 金鑰 are written as \x{...} escapes so
 * that this file stays ASCII. */
#define EN_LABEL                                                                                             \
    "(?:pass(?:word|wd|code|phrase)|(?<![A-Za-z0-9])(?:pwd|pw|secret|client[ _-]?secret|api[ _-]?key|access[ _-]?key|"      \
    "secret[ _-]?key|private[ _-]?key|auth[ _-]?token|access[ _-]?token|token|credentials?|"              \
    "(?:wi-?fi|wlan|wpa[23]?|vpn|network|ipsec|router)[ _-]?(?:key|psk|passphrase|secret)|psk|"           \
    "pre-?shared[ _-]?key))"
#define ZH_LABEL                                                                                             \
    "(?:\\x{5bc6}\\x{7801}|\\x{53e3}\\x{4ee4}|\\x{5bc6}\\x{94a5}|\\x{79d8}\\x{94a5}|\\x{4ee4}\\x{724c}|"  \
    "\\x{5bc6}\\x{78bc}|\\x{91d1}\\x{9470})"
/* : = ： ＝ */
#define ASSIGN "[:=\\x{ff1a}\\x{ff1d}]"
/* An opening quote: " ' “ ‘ 「 『 */
#define OPEN_QUOTE "[\"'\\x{201c}\\x{2018}\\x{300c}\\x{300e}]?"
/* A password: printable ASCII without spaces, quotes, commas, semicolons or brackets. */
#define PASSWORD_CHARS "[!#$%&*+./0-9:<=>?@A-Z\\\\^_a-z{|}~-]"
/* What follows a number that is a count, not a PIN: 年 月 日 位 天 次 个 小 分 秒, or English units. */
#define NOT_A_COUNT                                                                                          \
    "(?![0-9]|[\\x{5e74}\\x{6708}\\x{65e5}\\x{4f4d}\\x{5929}\\x{6b21}\\x{4e2a}\\x{5c0f}\\x{5206}\\x{79d2}]|" \
    "[ \\t]{0,2}(?i:digits?|characters?|chars|days?|weeks?|months?|years?|attempts?|times|minutes?|hours?))"

static const secret_kind secret_kinds[] = {
    {"a private key", "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-[0-9]{1,2}: ", 0,
     NULL},
    {"an AWS access key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])", 0,
     NULL},
    {"an AWS secret key",
     "(?i)aws[A-Za-z0-9_ .-]{0,20}secret[A-Za-z0-9_ .-]{0,20}[ \\t]{0,3}[:=][ \\t]{0,3}[\"']?"
     "([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
     1, NULL},
    {"a Google Cloud key or token",
     "\\bAIza[0-9A-Za-z_-]{35}|\\bGOCSPX-[A-Za-z0-9_-]{28}|\\bya29\\.[0-9A-Za-z_-]{20,}|"
     "private_key_id[\"']?[ \\t]{0,3}:[ \\t]{0,3}[\"']?[0-9a-f]{40}",
     0, NULL},
    {"an Azure key",
     "(?i)\\b(?:AccountKey|SharedAccessKey|SharedSecret)[ \\t]{0,3}=[ \\t]{0,3}([A-Za-z0-9+/]{30,100}={0,2})", 1,
     NULL},
    /* A pattern of its own: its literal Q~ lets PCRE2 skip a text without one at once. */
    {"an Azure key", "\\b[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", 0, NULL},
    {"a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})", 0, NULL},
    {"a GitLab token",
     "\\b(?:glpat|glptt|gldt|glrt|glcbt|glsoat|glffct|glimt|gloas|glft|glagent)-[A-Za-z0-9_-]{20,}|"
     "\\bGR1348941[A-Za-z0-9_-]{20,}",
     0, NULL},
    {"a Slack token", "\\bxox[abposre]-[A-Za-z0-9-]{10,}|\\bxapp-[0-9]-[A-Za-z0-9-]{10,}", 0, NULL},
    {"a Slack webhook", "(?i)\\bhttps?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,}",
     0, NULL},
    {"a Stripe key", "\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|\\bwhsec_[A-Za-z0-9]{24,}", 0, NULL},
    {"an npm token", "\\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", 0, NULL},
    {"an OpenAI or Anthropic key",
     "\\bsk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)[0-9]{2}-)?[A-Za-z0-9_-]{20,256}", 0, token_like},
    {"a Twilio key", "\\bSK[0-9a-fA-F]{32}(?![A-Za-z0-9])", 0, NULL},
    {"a SendGrid key", "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", 0, NULL},
    {"a Mailgun key", "\\bkey-[0-9a-z]{32}(?![A-Za-z0-9])", 0, token_like},
    {"an Atlassian token", "\\bATATT3[A-Za-z0-9_=-]{20,256}", 0, token_like},
    {"a Telegram bot token", "\\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![A-Za-z0-9_-])", 0, NULL},
    {"a JSON web token", "\\beyJ[A-Za-z0-9_-]{8,512}\\.eyJ[A-Za-z0-9_-]{8}", 0, NULL},
    {"a bearer token", "\\b(?:Bearer|Basic)[ \\t]{1,4}([A-Za-z0-9._~+/-]{16,1024}=*)", 1, token_like},
    {"a password in a URL",
     "\\b[A-Za-z][A-Za-z0-9+.-]{0,20}://[^/\\s:@\"'<>]{1,128}:([^/\\s@\"'<>]{1,256})@", 1, url_password_like},
    {"a key in a URL",
     "(?i)[?&](?:access_token|token|key|api_?key|secret|sig|signature|password|auth|code)=([A-Za-z0-9%._~+/-]{16,512})",
     1, url_key_like},
    {"a PIN",
     "(?i)(?:\\b(?:pin(?:[ _-]?(?:code|number))?|passcode|door[ _-]?code|alarm[ _-]?code|safe[ _-]?code)"
     "(?:\\x{7801}|\\x{78bc})?|" ZH_LABEL "|\\x{95e8}\\x{7981}\\x{7801})"
     "[ \\t]{0,3}(?:" ASSIGN "|#|\\bis\\b|[\\x{662f}\\x{4e3a}\\x{70ba}])?[ \\t]{0,3}" OPEN_QUOTE
     "([0-9]{4,8})" NOT_A_COUNT,
     1, NULL},
    {"a password",
     "(?i)(?:" EN_LABEL "\\b[\"']?[ \\t]{0,3}(?:" ASSIGN "|(?:is|was)\\b[ \\t]{0,3}" ASSIGN "?)|" ZH_LABEL
     "[ \\t]{0,3}(?:[\\x{662f}\\x{4e3a}\\x{70ba}][ \\t]{0,3}" ASSIGN "?|" ASSIGN ")?)"
     "[ \\t]{0,3}" OPEN_QUOTE "(" PASSWORD_CHARS "{4,128})",
     1, password_like},
    {"a password",
     "(?i)(?<![A-Za-z0-9])(?:pass(?:word|wd|code|phrase)?|pwd|pw)[ \\t]{1,3}(" PASSWORD_CHARS "{6,128})", 1,
     strong_password},
    {"a password on a command line", "(?:^|[ \\t])(?:-p|--password[= ])(" PASSWORD_CHARS "{6,64})", 1,
     password_like},
    {"a secret value",
     "(?i)(?:key|secret|token|passw(?:or)?d|pwd|credential|auth|salt)[A-Za-z0-9_-]{0,20}"
     "(?:[ \\t]?\\([^()\\n]{1,24}\\))?[\"']?[ \\t]{0,3}"
     "(?:" ASSIGN "|=>)[ \\t]{0,3}[\"']?([A-Za-z0-9+/=_.~-]{16,256})",
     1, random_like},
};

enum { SECRET_KIND_COUNT = sizeof secret_kinds / sizeof secret_kinds[0] };

/* The patterns are interpreted at first: compiling them is cheap, and a
 * plan's texts are short.  Once this many bytes have been scanned they are
 * JIT-compiled (about 10 ms for all of them), which scans a large text
 * several times faster. */
enum { JIT_AFTER_BYTES = 64 * 1024 };

struct bcp_secret_scanner {
    bcp_rule_regex *re[SECRET_KIND_COUNT];
    size_t scanned;
};

bcp_secret_scanner *bcp_secret_scanner_new(void)
{
    bcp_secret_scanner *s = bcp_calloc(1, sizeof *s);
    for (int k = 0; k < SECRET_KIND_COUNT; k++)
        s->re[k] = bcp_rule_regex_new(secret_kinds[k].pattern, 0); /* NULL matches nothing */
    return s;
}

void bcp_secret_scanner_free(bcp_secret_scanner *s)
{
    if (!s)
        return;
    for (int k = 0; k < SECRET_KIND_COUNT; k++)
        bcp_rule_regex_free(s->re[k]);
    bcp_free(s);
}

/* --- what a candidate value must look like ------------------------------ */

typedef struct char_classes {
    size_t lower, upper, digit, symbol, separator; /* separator: . - _ : */
    bool inner_upper;                              /* an upper-case letter after the first character */
} char_classes;

static char_classes classify(const char *v, size_t n)
{
    char_classes c = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch >= 'a' && ch <= 'z')
            c.lower++;
        else if (ch >= 'A' && ch <= 'Z') {
            c.upper++;
            c.inner_upper |= i > 0;
        } else if (ch >= '0' && ch <= '9')
            c.digit++;
        else if (ch == '.' || ch == '-' || ch == '_' || ch == ':')
            c.separator++;
        else
            c.symbol++;
    }
    return c;
}

/* How many different bytes the value has: a random string of n characters
 * has nearly n of them (a 16-character hex key about 10), a repeated or
 * made-up one few. */
static size_t distinct(const char *v, size_t n)
{
    bool seen[256] = {false};
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        if (!seen[(unsigned char)v[i]]) {
            seen[(unsigned char)v[i]] = true;
            d++;
        }
    return d;
}

static bool all_same(const char *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[0])
            return false;
    return true;
}

static bool looks_like_date(const char *v, size_t n)
{
    /* 2026-09-01, 2026/09/01, 2026.09.01 and the like, perhaps with a time after it. */
    if (n < 8)
        return false;
    for (size_t i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            return false;
    return v[4] == '-' || v[4] == '/' || v[4] == '.';
}

/* "6-digit", "12-character": a count with its noun, as a password policy says. */
static bool looks_like_count(const char *v, size_t n)
{
    size_t i = 0;
    while (i < n && i < 4 && v[i] >= '0' && v[i] <= '9')
        i++;
    if (i == 0 || i == n || v[i] != '-')
        return false;
    for (i++; i < n; i++)
        if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z')))
            return false;
    return true;
}

/* A word after a password label: "Erp#2026!" is a password, "in the vault"
 * (whose first word is "in"), "reset", "********" or a link to the vault are not. */
static bool password_like(const char *v, size_t n)
{
    while (n > 0 && (v[n - 1] == '.' || v[n - 1] == ':'))
        n--; /* the end of the sentence, not of the password */
    if (n < 6 || all_same(v, n) || looks_like_date(v, n) || looks_like_count(v, n))
        return false;
    if (memmem(v, n, "://", 3) || (n >= 4 && v[0] == '<' && v[n - 1] == '>'))
        return false; /* a link to where it is kept; <placeholder> */
    char_classes c = classify(v, n);
    if (c.digit + c.symbol > 0)
        return c.lower + c.upper + c.digit + c.symbol >= 4;
    return c.inner_upper && c.lower > 0; /* CorrectHorse, not Reset */
}

static bool strong_password(const char *v, size_t n)
{
    while (n > 0 && v[n - 1] == '.')
        n--;
    char_classes c = classify(v, n);
    return n >= 6 && c.digit > 0 && c.lower + c.upper > 0 && c.symbol > 0 && !memmem(v, n, "://", 3);
}

static bool token_like(const char *v, size_t n)
{
    char_classes c = classify(v, n);
    return c.digit > 0 && c.lower + c.upper > 0;
}

/* A value assigned to a key-like name: long, mixed and random-looking, not
 * a version, date, slug or file name. */
static bool random_like(const char *v, size_t n)
{
    char_classes c = classify(v, n);
    if (c.digit == 0 || c.lower + c.upper == 0 || c.separator > 3 || looks_like_date(v, n))
        return false;
    return distinct(v, n) * 2 >= (n < 24 ? n : 24);
}

static bool url_key_like(const char *v, size_t n)
{
    char_classes c = classify(v, n);
    return c.digit > 0 && c.lower + c.upper > 0 && distinct(v, n) * 2 >= (n < 24 ? n : 24);
}

static bool url_password_like(const char *v, size_t n)
{
    /* user:password@host; a masked or templated password is not one. */
    return n > 0 && !all_same(v, n) && !(v[0] == '$' || v[0] == '<' || v[0] == '{' || v[0] == '%');
}

/* --- scanning ------------------------------------------------------------- */

/* The first secret of kind `k` at or after `offset`, or false. */
static bool find_kind(bcp_secret_scanner *s, int k, const char *text, size_t length, size_t *from, size_t *to)
{
    bcp_rule_regex *re = s->re[k];
    if (!re)
        return false;
    size_t offset = 0;
    for (;;) {
        if (bcp_rule_regex_match_at(re, text, length, offset) <= 0)
            return false;
        bcp_rule_regex_group(re, secret_kinds[k].group, from, to);
        if (!secret_kinds[k].check || secret_kinds[k].check(text + *from, *to - *from))
            return true;
        /* Rejected: try again one character after where this match began. */
        size_t start, end;
        bcp_rule_regex_group(re, 0, &start, &end);
        offset = start + 1;
        while (offset < length && ((unsigned char)text[offset] & 0xC0) == 0x80)
            offset++;
    }
}

/* What a scan found, as the memo keeps it (kind -1: nothing). */
typedef struct scan_answer {
    int kind;
    size_t from, to;
} scan_answer;

static bool answer(const scan_answer *a, size_t *start, size_t *len, const char **label)
{
    if (a->kind < 0)
        return false;
    *start = a->from;
    *len = a->to - a->from;
    if (label)
        *label = secret_kinds[a->kind].label;
    return true;
}

bool bcp_secret_scan(bcp_secret_scanner *s, const char *text, size_t length, size_t *start, size_t *len,
                     const char **label)
{
    scan_answer a;
    if (bcp_lint_memo_get(BCP_MEMO_SECRET, text, length, &a, sizeof a))
        return answer(&a, start, len, label);
    if (s->scanned < JIT_AFTER_BYTES && length >= JIT_AFTER_BYTES - s->scanned)
        for (int k = 0; k < SECRET_KIND_COUNT; k++)
            bcp_rule_regex_jit(s->re[k]);
    s->scanned += length < JIT_AFTER_BYTES ? length : JIT_AFTER_BYTES;
    int found = -1;
    size_t best_from = 0, best_to = 0;
    for (int k = 0; k < SECRET_KIND_COUNT; k++) {
        size_t from, to;
        if (!find_kind(s, k, text, length, &from, &to))
            continue;
        if (found < 0 || from < best_from) {
            found = k;
            best_from = from;
            best_to = to;
        }
    }
    a = (scan_answer){found, best_from, best_to};
    bcp_lint_memo_put(BCP_MEMO_SECRET, text, length, &a, sizeof a);
    return answer(&a, start, len, label);
}

bool bcp_secret_find(const char *text, size_t length, size_t *start, size_t *len)
{
    bcp_secret_scanner *s = bcp_secret_scanner_new();
    bool found = bcp_secret_scan(s, text, length, start, len, NULL);
    bcp_secret_scanner_free(s);
    return found;
}
