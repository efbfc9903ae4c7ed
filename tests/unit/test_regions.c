/* Regions: the stdlib's places (stdlib/core/regions_*.bcp), how names
 * resolve, what a site inherits from its region, the hazard ratings and the
 * facts every place must carry with a source. */
#include <stdlib.h>

#include "test_support.h"

#include "bcp.h"
#include "model/derive.h"

static const char plan_text[] =
    "plan p { title = \"t\" organization = \"o\" country = \"GB\" }\n"
    "site sh { name = \"Shanghai plant\" region = shanghai }\n"
    "site tk { name = \"Tokyo office\" region = tokyo timezone = \"UTC\" police = \"0110\" }\n"
    "site muc { name = \"Munich\" city = \"München\" }\n"
    "site home { name = \"Home office\" }\n"
    "risk typhoon { title = \"t\" category = natural threat = typhoon likelihood = 3 impact = 3 sites = [site.tk] }\n"
    "risk flood { title = \"f\" category = natural threat = flood likelihood = 3 impact = 3 }\n";

/* Every city of the seed's three plans, in both languages and without case. */
static void test_seed_cities_resolve(void **state)
{
    (void)state;
    bcp_model *m = load_text("");
    static const char *const names[][2] = {
        {"上海", "shanghai"}, {"杭州", "hangzhou"}, {"北京", "beijing"},   {"纽约", "new_york"},
        {"伦敦", "london"},   {"东京", "tokyo"},    {"東京", "tokyo"},      {"Shanghai", "shanghai"},
        {"HANGZHOU", "hangzhou"}, {"beijing", "beijing"}, {"New York", "new_york"}, {"NYC", "new_york"},
        {"london", "london"}, {"Tokyo", "tokyo"},  {"München", "munich"},  {"Bombay", "mumbai"},
        {"香港", "hk"},       {"Singapore", "sg"}, {"CN", "cn"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const bcp_entity *r = bcp_region_find(m, names[i][0], strlen(names[i][0]));
        if (!r)
            fail_msg("`%s` does not resolve", names[i][0]);
        assert_string_equal(r->id, names[i][1]);
    }
    assert_null(bcp_region_find(m, "Atlantis", 8));
    assert_null(bcp_region_find(m, "", 0));
    const bcp_entity *near = bcp_region_suggest(m, "Tokio");
    assert_non_null(near);
    assert_string_equal(near->id, "tokyo");
    near = bcp_region_suggest(m, "shanghia");
    assert_non_null(near);
    assert_string_equal(near->id, "shanghai");
    bcp_model_free(m);
}

/* At least 40 places; every city has a country; each fact group that is set
 * names its source. */
static void test_every_fact_has_a_source(void **state)
{
    (void)state;
    bcp_model *m = load_text("");
    const bcp_entity_list *regions = bcp_model_entities(m, BCP_KIND_REGION);
    assert_true(regions->count >= 40);
    static const char *const groups[][5] = {
        {"hazards_source", "hazards_high", "hazards_medium", "hazards_low", NULL},
        {"civil_hazards_source", "civil_hazards_high", "civil_hazards_medium", "civil_hazards_low", NULL},
        {"emergency_source", "police", "fire", "ambulance", "emergency"},
        {"timezone_source", "timezone", NULL, NULL, NULL},
        {"language_source", "language", NULL, NULL, NULL},
        {"regimes_source", "regimes", "regimes_finance", "regimes_healthcare", "regulators"},
    };
    size_t cities = 0;
    for (size_t i = 0; i < regions->count; i++) {
        const bcp_entity *r = regions->items[i];
        for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
            for (size_t a = 1; a < 5 && groups[g][a]; a++)
                if (bcp_entity_attr(r, groups[g][a]) && !bcp_entity_text(r, groups[g][0]))
                    fail_msg("region `%s` sets `%s` without `%s`", r->id, groups[g][a], groups[g][0]);
        const bcp_entity *country = bcp_region_country(r);
        if (!country || !bcp_entity_text(country, "country"))
            fail_msg("region `%s` is in no country with an ISO code", r->id);
        if (!bcp_region_text(r, "police") || !bcp_region_text(r, "ambulance") || !bcp_region_text(r, "language"))
            fail_msg("region `%s` has no police or ambulance number or language, even inherited", r->id);
        const bcp_value *kind = bcp_entity_value(r, "kind");
        if (kind && strcmp(kind->as.ident.name, "city") == 0) {
            cities++;
            if (!bcp_region_text(r, "timezone"))
                fail_msg("city `%s` has no time zone, even inherited", r->id);
        }
    }
    assert_true(cities >= 30);
    assert_int_equal(bcp_diag_count(bcp_model_diags(m), BCP_SEV_WARNING), 0);
    bcp_model_free(m);
}

static void test_site_inherits_from_region(void **state)
{
    (void)state;
    bcp_model *m = load_text(plan_text);
    if (bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR))
        print_diags(m);
    assert_int_equal(bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR), 0);
    const bcp_entity *sh = bcp_model_find(m, BCP_KIND_SITE, "sh");
    const bcp_entity *tk = bcp_model_find(m, BCP_KIND_SITE, "tk");
    const bcp_entity *muc = bcp_model_find(m, BCP_KIND_SITE, "muc");
    const bcp_entity *home = bcp_model_find(m, BCP_KIND_SITE, "home");
    /* time zone and country from the city's country */
    assert_string_equal(bcp_site_timezone(m, sh), "Asia/Shanghai");
    assert_string_equal(bcp_site_country(sh), "CN");
    /* the site's own time zone and number win */
    assert_string_equal(bcp_site_timezone(m, tk), "UTC");
    const bcp_entity *from;
    assert_string_equal(bcp_site_emergency_number(m, tk, "police", &from), "0110");
    assert_ptr_equal(from, tk);
    assert_string_equal(bcp_site_emergency_number(m, tk, "ambulance", &from), "119");
    assert_string_equal(from->id, "jp");
    assert_string_equal(bcp_site_emergency_number(m, sh, "ambulance", NULL), "120");
    assert_null(bcp_site_emergency_number(m, sh, "emergency", NULL));
    /* a city named in `city` and the plan's country stand in for a region */
    assert_string_equal(bcp_site_place(m, muc)->id, "munich");
    assert_string_equal(bcp_site_emergency_number(m, muc, "fire", NULL), "112");
    assert_string_equal(bcp_site_place(m, home)->id, "gb");
    assert_string_equal(bcp_site_emergency_number(m, home, "police", NULL), "999");
    assert_null(bcp_site_region(muc));
    bcp_model_free(m);
}

static void test_hazards_and_assessment(void **state)
{
    (void)state;
    bcp_model *m = load_text(plan_text);
    const bcp_entity *shanghai = bcp_model_find(m, BCP_KIND_REGION, "shanghai");
    const bcp_entity *beijing = bcp_model_find(m, BCP_KIND_REGION, "beijing");
    const bcp_entity *typhoon = bcp_model_find(m, BCP_KIND_THREAT, "typhoon");
    const bcp_entity *earthquake = bcp_model_find(m, BCP_KIND_THREAT, "earthquake");
    const bcp_entity *flood = bcp_model_find(m, BCP_KIND_THREAT, "flood");
    const bcp_entity *from;
    assert_int_equal(bcp_region_hazard_level(shanghai, typhoon, &from), 3);
    assert_ptr_equal(from, shanghai);
    assert_int_equal(bcp_region_hazard_level(beijing, earthquake, NULL), 3);
    assert_int_equal(bcp_region_hazard_level(beijing, flood, NULL), 2);
    assert_int_equal(bcp_region_hazard_level(beijing, typhoon, &from), 0);
    assert_null(from);
    assert_string_equal(bcp_region_hazard_source(shanghai, typhoon), bcp_entity_text(shanghai, "hazards_source"));
    /* civil hazards: rated on the country, inherited by its cities, cited by
     * civil_hazards_source */
    const bcp_entity *london = bcp_model_find(m, BCP_KIND_REGION, "london");
    const bcp_entity *gb = bcp_model_find(m, BCP_KIND_REGION, "gb");
    const bcp_entity *sg = bcp_model_find(m, BCP_KIND_REGION, "sg");
    const bcp_entity *pandemic = bcp_model_find(m, BCP_KIND_THREAT, "pandemic");
    const bcp_entity *terrorism = bcp_model_find(m, BCP_KIND_THREAT, "terrorism");
    assert_non_null(terrorism);
    assert_int_equal(bcp_region_hazard_level(london, pandemic, &from), 3);
    assert_ptr_equal(from, gb);
    assert_non_null(strstr(bcp_region_hazard_source(from, pandemic), "National Risk Register"));
    assert_int_equal(bcp_region_hazard_level(london, terrorism, NULL), 2);
    assert_int_equal(bcp_region_hazard_level(sg, terrorism, &from), 3);
    assert_non_null(strstr(bcp_region_hazard_source(from, terrorism), "Terrorism Threat Assessment"));
    assert_null(bcp_region_hazard_source(sg, typhoon));
    /* a risk with sites assesses only those; one without sites, every site */
    const bcp_entity *sh = bcp_model_find(m, BCP_KIND_SITE, "sh");
    const bcp_entity *tk = bcp_model_find(m, BCP_KIND_SITE, "tk");
    const bcp_entity *r_typhoon = bcp_model_find(m, BCP_KIND_RISK, "typhoon");
    const bcp_entity *r_flood = bcp_model_find(m, BCP_KIND_RISK, "flood");
    assert_true(bcp_risk_assesses_at(r_typhoon, typhoon, tk));
    assert_false(bcp_risk_assesses_at(r_typhoon, typhoon, sh));
    assert_true(bcp_risk_assesses_at(r_flood, flood, sh));
    assert_false(bcp_risk_assesses_at(r_flood, typhoon, sh));
    bcp_model_free(m);
}

/* The civil hazards of every country and territory: each of terrorism,
 * pandemic, civil_unrest, utility_failure, power_outage and
 * industrial_accident is either rated (high, medium or low, with
 * civil_hazards_source) or listed in civil_hazards_unverified, never both and
 * never twice; cities inherit them and set none. */
static bool lists_threat(const bcp_value *v, const bcp_entity *threat)
{
    for (size_t i = 0; v && v->kind == BCP_V_LIST && i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_IDENT && v->as.list.items[i].as.ident.target == threat)
            return true;
    return false;
}

/* A place's level for a civil hazard (0: not rated) and, when rated, a
 * text its source must contain. */
struct rated {
    const char *place;
    int level;
    const char *text;
};

static void expect_rated(const bcp_model *m, const char *threat_id, const struct rated *r, size_t n)
{
    const bcp_entity *threat = bcp_model_find(m, BCP_KIND_THREAT, threat_id);
    assert_non_null(threat);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *from = NULL;
        const bcp_entity *place = bcp_model_find(m, BCP_KIND_REGION, r[i].place);
        assert_non_null(place);
        int level = bcp_region_hazard_level(place, threat, &from);
        if (level != r[i].level)
            fail_msg("%s: `%s` is rated %d, expected %d", r[i].place, threat_id, level, r[i].level);
        if (r[i].text && !strstr(bcp_region_hazard_source(from, threat), r[i].text))
            fail_msg("%s: the source of `%s` does not say \"%s\"", r[i].place, threat_id, r[i].text);
    }
}

static void test_civil_hazards_rated_or_unverified(void **state)
{
    (void)state;
    bcp_model *m = load_text("");
    const bcp_entity_list *regions = bcp_model_entities(m, BCP_KIND_REGION);
    static const char *const kinds[] = {"terrorism",    "pandemic",     "civil_unrest",
                                        "utility_failure", "power_outage", "industrial_accident"};
    const size_t nkinds = sizeof kinds / sizeof *kinds;
    static const char *const groups[] = {"civil_hazards_high", "civil_hazards_medium", "civil_hazards_low",
                                         "civil_hazards_unverified"};
    size_t countries = 0, rated = 0, unverified = 0;
    for (size_t i = 0; i < regions->count; i++) {
        const bcp_entity *r = regions->items[i];
        const bcp_value *kind = bcp_entity_value(r, "kind");
        bool city = kind && strcmp(kind->as.ident.name, "city") == 0;
        if (!city)
            countries++;
        for (size_t k = 0; k < nkinds; k++) {
            const bcp_entity *t = bcp_model_find(m, BCP_KIND_THREAT, kinds[k]);
            assert_non_null(t);
            size_t in = 0;
            for (size_t g = 0; g < 4; g++)
                if (lists_threat(bcp_entity_value(r, groups[g]), t)) {
                    in++;
                    if (g < 3)
                        rated++;
                    else
                        unverified++;
                }
            if (city && in)
                fail_msg("city `%s` sets civil hazard `%s` (cities inherit their country's)", r->id, kinds[k]);
            if (!city && in != 1)
                fail_msg("region `%s` lists `%s` %zu times among rated and unverified civil hazards", r->id, kinds[k], in);
        }
    }
    assert_int_equal(rated + unverified, nkinds * countries);
    assert_true(rated >= 24);
    /* inherited by the cities: Paris (France, Vigipirate) high, New York
     * (United States, GTI) medium, Shanghai (China, GTI) low, Tokyo (Japan,
     * GTI 2024) low */
    const bcp_entity *terrorism = bcp_model_find(m, BCP_KIND_THREAT, "terrorism");
    const bcp_entity *from;
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "paris"), terrorism, &from), 3);
    assert_string_equal(from->id, "fr");
    assert_non_null(strstr(bcp_region_hazard_source(from, terrorism), "Vigipirate"));
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "new_york"), terrorism, &from), 2);
    assert_non_null(strstr(bcp_region_hazard_source(from, terrorism), "Global Terrorism Index"));
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "shanghai"), terrorism, NULL), 1);
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "tokyo"), terrorism, &from), 1);
    assert_string_equal(from->id, "jp");
    assert_non_null(strstr(bcp_region_hazard_source(from, terrorism), "Japan 64th with a score of 1.189"));
    /* civil unrest, one index for every country (the WGI percentile rank):
     * Mumbai (India) high, New York (United States) medium, Paris (France)
     * low */
    const bcp_entity *unrest = bcp_model_find(m, BCP_KIND_THREAT, "civil_unrest");
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "mumbai"), unrest, &from), 3);
    assert_non_null(strstr(bcp_region_hazard_source(from, unrest), "India, percentile rank 21.3"));
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "new_york"), unrest, &from), 2);
    assert_string_equal(from->id, "us");
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "paris"), unrest, &from), 1);
    assert_non_null(strstr(bcp_region_hazard_source(from, unrest), "Worldwide Governance Indicators"));
    /* power outage from the regulators' SAIDI: Frankfurt (Germany) low,
     * Chicago (United States, EIA) medium; pandemic in Dublin (Ireland's
     * National Risk Assessment) high */
    const bcp_entity *power = bcp_model_find(m, BCP_KIND_THREAT, "power_outage");
    const bcp_entity *pandemic = bcp_model_find(m, BCP_KIND_THREAT, "pandemic");
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "frankfurt"), power, &from), 1);
    assert_non_null(strstr(bcp_region_hazard_source(from, power), "Bundesnetzagentur"));
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "chicago"), power, &from), 2);
    assert_non_null(strstr(bcp_region_hazard_source(from, power), "EIA-861"));
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "dublin"), pandemic, &from), 3);
    assert_string_equal(from->id, "ie");
    /* where no government forecast was read, the deaths it recorded in
     * COVID-19: Shanghai (China, National Health Commission) high */
    assert_int_equal(bcp_region_hazard_level(bcp_model_find(m, BCP_KIND_REGION, "shanghai"), pandemic, &from), 3);
    assert_string_equal(from->id, "cn");
    assert_non_null(strstr(bcp_region_hazard_source(from, pandemic), "59,938 COVID-19-related deaths"));
    /* utility failure, one method (the yearly time without piped water supply
     * per property, on the power-outage scale): London (Water UK) and
     * Amsterdam (Vewin) low, Dublin (7.6% of properties cut off for over 24
     * hours) medium, Mumbai (piped water 4 hours a day) high; Tokyo (Japan,
     * no figure read) not rated */
    static const struct rated rated_utility[] = {
        {"london", 1, "Water UK"},         {"amsterdam", 1, "Vewin"},
        {"dublin", 2, "7.6% of properties"}, {"mumbai", 3, "4 hours a day in Mumbai"},
        {"tokyo", 0, NULL},
    };
    expect_rated(m, "utility_failure", rated_utility, sizeof rated_utility / sizeof *rated_utility);
    /* industrial accident, one method (the ILO's fatal occupational injury
     * rate per 100,000 workers, SDG 8.8.1; under 2 low, 2 to under 5 medium,
     * 5 or more high): Paris (France, 3.6) and New York (the United States,
     * 3.5) medium, Frankfurt (Germany, 0.71) and Tokyo (Japan, 1.32) low,
     * London low from the HSE's own rate (ILOSTAT's last year being 2018);
     * Hong Kong high from the Labour Department's figures (ILOSTAT's last
     * year being 2016), Mumbai high from DGFASLI's factory deaths (India's
     * last year 2007), Shanghai (China, none) not rated */
    static const struct rated rated_industrial[] = {
        {"paris", 2, "ILOSTAT, France, 2023: 3.6 "},
        {"new_york", 2, "ILOSTAT, the United States, 2023: 3.5 "},
        {"frankfurt", 1, "ILOSTAT, Germany, 2023: 0.71 "},
        {"tokyo", 1, "ILOSTAT, Japan, 2023: 1.32 "},
        {"london", 1, "0.42 per 100,000 workers"},
        {"hk", 3, "263 / 2.90 million x 100,000 = 9.1 "},
        {"mumbai", 3, "1,127 / 13,057,000 x 100,000 = 8.6 "},
        {"shanghai", 0, NULL},
    };
    expect_rated(m, "industrial_accident", rated_industrial, sizeof rated_industrial / sizeof *rated_industrial);
    bcp_model_free(m);
}

/* bcp init proposes the hazards the seed's plans name, per seed. */
static void test_init_proposes_regional_hazards(void **state)
{
    (void)state;
    static const struct {
        const char *industry, *sites, *lang;
        const char *expect[4];
    } cases[] = {
        {"manufacturing", "上海,杭州", "zh-CN", {"region = shanghai", "region = hangzhou", "threat = typhoon", "threat = flood"}},
        {"finance", "北京", "zh-CN", {"region = beijing", "threat = earthquake", "cbirc-bcm-2011", "threat = flood"}},
        {"professional_services", "纽约,伦敦,东京", "en", {"threat = hurricane", "threat = earthquake", "threat = flood", "region = new_york"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bcp_init_options o = {0};
        o.industry = cases[i].industry;
        o.sites = cases[i].sites;
        o.lang = cases[i].lang;
        char *text;
        bcp_diagnostics *problems;
        assert_int_equal(bcp_init_plan(&o, &text, NULL, &problems), BCP_OK);
        assert_int_equal(bcp_diagnostics_count(problems), 0);
        /* collapse the formatter's alignment: "region      = x" -> "region = x" */
        char *flat = bcp_malloc(strlen(text) + 1);
        size_t n = 0;
        for (const char *p = text; *p; p++)
            if (!(p[0] == ' ' && p[1] == ' ') && !(p[0] == ' ' && n && flat[n - 1] == ' '))
                flat[n++] = *p;
        flat[n] = '\0';
        for (size_t k = 0; k < 4; k++)
            if (!strstr(flat, cases[i].expect[k]))
                fail_msg("init --industry %s --sites %s: no `%s`", cases[i].industry, cases[i].sites, cases[i].expect[k]);
        bcp_free(flat);
        bcp_free(text);
        bcp_diagnostics_free(problems);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_cities_resolve),
        cmocka_unit_test(test_every_fact_has_a_source),
        cmocka_unit_test(test_site_inherits_from_region),
        cmocka_unit_test(test_hazards_and_assessment),
        cmocka_unit_test(test_init_proposes_regional_hazards),
        cmocka_unit_test(test_civil_hazards_rated_or_unverified),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
