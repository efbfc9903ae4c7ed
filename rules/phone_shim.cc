// The C interface of rules/phone_shim.h over libphonenumber (C++17).
#include "phone_shim.h"

#include <cstdio>
#include <cstring>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using i18n::phonenumbers::ShortNumberInfo;

namespace {

// The longest text judged as a number: "+86 (21) 5555-0100 ext. 123456" is
// 30 bytes.  libphonenumber's own limit is 250, but its parsing time grows
// faster than the length (about 0.6 ms at 64 bytes, 14 ms at 250), so a
// hostile plan full of long values is cut short here.
const size_t max_input = 80;

// The extension words plans write in Chinese ("转 123", "分机 123"), in the
// form libphonenumber reads.
std::string normalised(const char *text, size_t length)
{
    static const char *const words[] = {"\xe8\xbd\xac" /* 转 */, "\xe5\x88\x86\xe6\x9c\xba" /* 分机 */};
    std::string s(text, length);
    for (const char *w : words) {
        size_t at = s.find(w);
        if (at != std::string::npos)
            s.replace(at, std::strlen(w), " ext. ");
    }
    // 00 is the international prefix in most of the world: read it as +.
    size_t first = s.find_first_not_of(" \t");
    if (first != std::string::npos && s.compare(first, 2, "00") == 0)
        s.replace(first, 2, "+");
    return s;
}

const char *type_name(PhoneNumberUtil::PhoneNumberType type)
{
    switch (type) {
    case PhoneNumberUtil::FIXED_LINE: return "landline";
    case PhoneNumberUtil::MOBILE: return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return "landline or mobile";
    case PhoneNumberUtil::TOLL_FREE: return "toll-free";
    case PhoneNumberUtil::PREMIUM_RATE: return "premium-rate";
    case PhoneNumberUtil::SHARED_COST: return "shared-cost";
    case PhoneNumberUtil::VOIP: return "VoIP";
    case PhoneNumberUtil::PERSONAL_NUMBER: return "personal";
    case PhoneNumberUtil::PAGER: return "pager";
    case PhoneNumberUtil::UAN: return "universal access";
    case PhoneNumberUtil::VOICEMAIL: return "voicemail";
    default: return "number";
    }
}

void set_region(bcp_phone_result *out, const std::string &region, int country_code)
{
    std::snprintf(out->region, sizeof out->region, "%s", region == "ZZ" || region == "001" ? "" : region.c_str());
    out->country_code = country_code;
}

bcp_phone_verdict finish(bcp_phone_result *out, bcp_phone_verdict verdict)
{
    out->verdict = verdict;
    return verdict;
}

bcp_phone_verdict judge(const char *text, size_t length, const char *default_region, bcp_phone_result *out)
{
    const PhoneNumberUtil &util = *PhoneNumberUtil::GetInstance();
    std::string region = default_region && *default_region ? default_region : "ZZ";
    if (region != "ZZ" && util.GetCountryCodeForRegion(region) == 0)
        return finish(out, BCP_PHONE_UNKNOWN_REGION);
    if (length > max_input)
        return finish(out, BCP_PHONE_TOO_LONG);
    std::string input = normalised(text, length);
    PhoneNumber number;
    if (region != "ZZ")
        set_region(out, region, util.GetCountryCodeForRegion(region));
    // Keeping the raw input records where the country code came from.
    switch (util.ParseAndKeepRawInput(input, region, &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        // No + and no country to go by, or a + followed by no calling code.
        return finish(out, input.find('+') == std::string::npos ? BCP_PHONE_NO_COUNTRY : BCP_PHONE_BAD_COUNTRY_CODE);
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return finish(out, BCP_PHONE_TOO_SHORT);
    case PhoneNumberUtil::TOO_LONG_NSN: return finish(out, BCP_PHONE_TOO_LONG);
    default: return finish(out, BCP_PHONE_NOT_A_NUMBER);
    }
    bool international = number.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY;
    std::string judged_by;
    util.GetRegionCodeForCountryCode(number.country_code(), &judged_by);
    if (util.IsValidNumber(number)) {
        util.GetRegionCodeForNumber(number, &judged_by);
        set_region(out, judged_by, number.country_code());
        out->type = type_name(util.GetNumberType(number));
        return finish(out, BCP_PHONE_VALID);
    }
    if (!international) {
        // Emergency and service numbers (110, 112, 999) are valid only at home.
        static const ShortNumberInfo short_numbers;
        set_region(out, region, number.country_code());
        if (short_numbers.IsValidShortNumberForRegion(number, region)) {
            out->type = "short number";
            return finish(out, BCP_PHONE_VALID);
        }
    } else {
        set_region(out, judged_by, number.country_code());
    }
    switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return finish(out, BCP_PHONE_BAD_COUNTRY_CODE);
    case PhoneNumberUtil::TOO_SHORT: return finish(out, BCP_PHONE_TOO_SHORT);
    case PhoneNumberUtil::TOO_LONG: return finish(out, BCP_PHONE_TOO_LONG);
    case PhoneNumberUtil::INVALID_LENGTH: return finish(out, BCP_PHONE_BAD_LENGTH);
    default: break;
    }
    // Some length is possible for some kind of number (Germany has 4-digit
    // service numbers): judged as the landline or mobile it most likely is.
    PhoneNumberUtil::ValidationResult landline =
        util.IsPossibleNumberForTypeWithReason(number, PhoneNumberUtil::FIXED_LINE);
    PhoneNumberUtil::ValidationResult mobile = util.IsPossibleNumberForTypeWithReason(number, PhoneNumberUtil::MOBILE);
    if (landline == PhoneNumberUtil::TOO_SHORT && mobile == PhoneNumberUtil::TOO_SHORT)
        return finish(out, BCP_PHONE_TOO_SHORT);
    if (landline == PhoneNumberUtil::TOO_LONG && mobile == PhoneNumberUtil::TOO_LONG)
        return finish(out, BCP_PHONE_TOO_LONG);
    return finish(out, BCP_PHONE_NOT_IN_USE);
}

} // namespace

extern "C" bcp_phone_verdict bcp_phone_check(const char *text, size_t length, const char *default_region,
                                             bcp_phone_result *out)
{
    std::memset(out, 0, sizeof *out);
    out->type = "";
    try {
        return judge(text, length, default_region, out);
    } catch (...) {
        // Only memory exhaustion throws here; a number that cannot be judged is not valid.
        return finish(out, BCP_PHONE_NOT_A_NUMBER);
    }
}

extern "C" int bcp_phone_known_region(const char *code, size_t length)
{
    try {
        // Region codes are upper case ("CN"); 0 is "no such region".
        return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(std::string(code, length)) != 0;
    } catch (...) {
        return 0;
    }
}
