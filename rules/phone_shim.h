/* Phone numbers judged by each country's numbering plan: a small C interface
 * to Debian's libphonenumber (Google's reference implementation, C++), used
 * by C103 invalid-phone.  The implementation is rules/phone_shim.cc, the only
 * C++ in bcp; it never throws, prints or keeps state beyond the library's own
 * read-only metadata, and may be called from several threads at once. */
#ifndef BCP_PHONE_SHIM_H
#define BCP_PHONE_SHIM_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bcp_phone_verdict {
    BCP_PHONE_VALID,           /* a number in use in its country (or a short number there) */
    BCP_PHONE_NO_COUNTRY,      /* written without +country and no country is known */
    BCP_PHONE_UNKNOWN_REGION,  /* the country given for national numbers is not an ISO 3166 code libphonenumber knows */
    BCP_PHONE_NOT_A_NUMBER,    /* letters or stray signs where digits belong */
    BCP_PHONE_BAD_COUNTRY_CODE,/* +NNN is no country calling code */
    BCP_PHONE_TOO_SHORT,       /* fewer digits than any number of that country */
    BCP_PHONE_TOO_LONG,        /* more digits than any number of that country, or over 80 bytes */
    BCP_PHONE_BAD_LENGTH,      /* a length between two valid ones that no number has */
    BCP_PHONE_NOT_IN_USE,      /* the length fits, but no mobile, landline or service range starts so */
} bcp_phone_verdict;

typedef struct bcp_phone_result {
    bcp_phone_verdict verdict;
    char region[4];        /* the country the number was judged by ("DE"), "" when none */
    int country_code;      /* its calling code (49), 0 when none */
    const char *type;      /* for a valid number: "mobile", "landline", "toll-free", "short number", ... */
} bcp_phone_result;

/* Judges `text` (`length` bytes, UTF-8) as written in a plan.  A number with a
 * + or 00 prefix is judged by the country its calling code names; any other by
 * `default_region` (an ISO 3166-1 alpha-2 code such as "CN"; NULL or "" when
 * unknown).  Returns out->verdict. */
bcp_phone_verdict bcp_phone_check(const char *text, size_t length, const char *default_region,
                                  bcp_phone_result *out);

/* Is `code` (`length` bytes) a region libphonenumber has a numbering plan for? */
int bcp_phone_known_region(const char *code, size_t length);

#ifdef __cplusplus
}
#endif
#endif
