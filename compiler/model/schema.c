#include "schema.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REQ true
#define OPT false

/* Prose: may be translated in a locale block. */
#define TEXT(n_, req, d_, e_) {.name = n_, .type = BCP_T_TEXT, .required = req, .localized = true, .doc = d_, .example = e_}
#define TEXTS(n_, d_, e_) {.name = n_, .type = BCP_T_TEXT, .list = true, .localized = true, .doc = d_, .example = e_}
/* Data that is the same in every language: phone numbers, addresses, ids. */
#define STR(n_, req, d_, e_) {.name = n_, .type = BCP_T_TEXT, .required = req, .doc = d_, .example = e_}
/* Durations carry the range a plan plausibly states (lo and hi as written, e.g.
 * "1m", "1y"); a value outside it is a warning (E120), not an error. */
#define DUR(n_, req, def, lo, hi, d_, e_) {.name = n_, .type = BCP_T_DURATION, .required = req, .default_text = def, .plausible_min = lo, .plausible_max = hi, .doc = d_, .example = e_}
/* A duration of days or more, where minutes are surely a slip for months. */
#define INTERVAL(n_, req, def, lo, hi, d_, e_) {.name = n_, .type = BCP_T_DURATION, .required = req, .default_text = def, .long_interval = true, .plausible_min = lo, .plausible_max = hi, .doc = d_, .example = e_}
/* A link to a runbook: an http(s) URL or a path, never another scheme (E140). */
#define LINK(n_, d_, e_) {.name = n_, .type = BCP_T_TEXT, .link = true, .doc = d_, .example = e_}
#define DATE(n_, req, d_, e_) {.name = n_, .type = BCP_T_DATE, .required = req, .doc = d_, .example = e_}
#define BOOL(n_, def, d_, e_) {.name = n_, .type = BCP_T_BOOL, .default_text = def, .doc = d_, .example = e_}
#define INT(n_, req, def, lo, hi, d_, e_) {.name = n_, .type = BCP_T_INTEGER, .required = req, .default_text = def, .min = lo, .max = hi, .doc = d_, .example = e_}
#define REF(n_, kinds, req, d_, e_) {.name = n_, .type = BCP_T_REF, .target = kinds, .required = req, .doc = d_, .example = e_}
#define REFS(n_, kinds, d_, e_) {.name = n_, .type = BCP_T_REF, .list = true, .target = kinds, .doc = d_, .example = e_}
#define CAT(n_, kind, req, d_, e_) {.name = n_, .type = BCP_T_CATALOGUE, .target = kind, .required = req, .doc = d_, .example = e_}
#define CATS(n_, kind, d_, e_) {.name = n_, .type = BCP_T_CATALOGUE, .list = true, .target = kind, .doc = d_, .example = e_}
#define ENUM(n_, values, req, def, d_, e_) {.name = n_, .type = BCP_T_ENUM, .target = values, .required = req, .default_text = def, .doc = d_, .example = e_}
#define SCORE(n_, kind, req, d_, e_) {.name = n_, .type = BCP_T_SCORE, .target = kind, .required = req, .min = 1, .max = 5, .doc = d_, .example = e_}
#define ANY(n_, d_, e_) {.name = n_, .type = BCP_T_ANY, .doc = d_, .example = e_}

#define REVIEW_ATTRS \
    DATE("reviewed", OPT, "Date of the last review of this entry.", "2026-06-01"), \
    INTERVAL("review_every", OPT, NULL, "1w", "5y", "How often this entry must be reviewed; the plan's interval applies when absent.", "6mo")

#define NEED_KINDS "system|asset|supplier|function|site|resource|contact|team"

static const bcp_attr_schema plan_attrs[] = {
    TEXT("title", REQ, "Title of the plan document.", "\"华东精密制造有限公司 业务连续性计划\""),
    TEXT("organization", REQ, "Legal name of the organisation the plan protects.", "\"华东精密制造有限公司\""),
    CAT("industry", "industry", OPT, "Industry; selects the baseline risks and the prose of the stdlib preset.", "manufacturing"),
    CAT("size", "size", OPT, "Size class of the organisation.", "small"),
    STR("language", OPT, "Default language of the compiled document (a locale id). Default: \"en\".", "\"zh-CN\""),
    {.name = "languages", .type = BCP_T_TEXT, .list = true,
     .doc = "Languages the document must be available in (locale ids); H120 reports every prose attribute "
            "of the plan without a translation into each of them.",
     .example = "[\"zh-CN\", \"en\"]"},
    STR("country", OPT, "Home country as an ISO 3166 code: phone numbers written without +country code are checked against its numbering plan (a site's `country` code takes precedence for the people and resources of that site).", "\"CN\""),
    STR("version", OPT, "Document version.", "\"1.2\""),
    ENUM("classification", "public|internal|confidential|restricted", OPT, "internal",
         "Information classification of the document, printed on the cover and on every page (its label comes from the locale).", "confidential"),
    REF("owner", "contact", OPT, "Person accountable for the plan.", "contact.gm"),
    REF("approved_by", "contact", OPT, "Who approved this version (one approver; `approval` blocks list several with their roles).", "contact.ceo"),
    DATE("approved", OPT, "Date of approval (with `approved_by`).", "2026-06-15"),
    DATE("effective", OPT, "Date from which this version applies.", "2026-07-01"),
    DATE("reviewed", OPT, "Date of the last full review of the plan.", "2026-06-01"),
    INTERVAL("review_every", OPT, "1y", "1w", "5y", "Review interval of the plan; entries without their own interval inherit it.", "6mo"),
    REFS("sites", "site", "Sites in scope; all declared sites when absent.", "[site.shanghai, site.hangzhou]"),
    REFS("distribution", "contact|team", "Who receives a copy of the plan.", "[team.crisis, contact.hr]"),
    TEXT("purpose", OPT, "Purpose statement; the stdlib supplies one when absent.", "\"确保在突发事件中迅速恢复关键业务\""),
    TEXT("scope", OPT, "Scope statement; derived from industry, size and sites when absent.", "\"上海与杭州两地的全部业务\""),
    TEXTS("objectives", "Objectives of the plan.", "[\"24 小时内恢复生产\", \"零数据丢失\"]"),
    TEXTS("assumptions", "Planning assumptions.", "[\"至少一个厂区可用\"]"),
    TEXTS("notification_flow", "The plan's own notification flow, step by step (the document's notification flow section); the stdlib's default flow when absent.",
          "[\"风险事件\", \"核实关键影响\", \"通知关键人员\", \"执行应急决策\", \"客户及员工公告\", \"持续沟通\"]"),
    TEXT("summary", OPT, "Closing summary; the stdlib supplies one when absent.", "\"...\""),
    CATS("regimes", "regime", "Regulatory regimes the plan must meet (stdlib/regimes/): `bcp check` reports every element of each that the plan does not meet (G101), and the document carries a compliance crosswalk.", "[finra-4370, nydfs-500-16]"),
    DATE("self_assessment", OPT, "Date of the last self-assessment of operational resilience (UK PRA SS1/21 §7, FCA SYSC 15A.6).", "2026-05-01"),
    STR("customer_disclosure", OPT, "Where customers are told how the plan addresses a significant business disruption and how the firm would respond to events of varying scope (FINRA Rule 4370(e): in writing at account opening, on the firm's website, and mailed on request): the web address of the published summary, or where the written disclosure is kept.", "\"https://www.example.com/business-continuity\""),
};

/* Document control, nested in the plan block: who signs the plan off, and
 * the history of its versions. */
static const bcp_attr_schema approval_attrs[] = {
    REF("by", "contact", REQ, "Who approves the plan (signs it off).", "contact.ceo"),
    TEXT("role", OPT, "The capacity in which they approve; the contact's `role` when absent.", "\"Chief executive\""),
    DATE("date", OPT, "When they approved this version; an empty signature line on the cover when absent.", "2026-06-15"),
};

static const bcp_attr_schema revision_attrs[] = {
    STR("version", REQ, "The version this revision produced.", "\"2.1\""),
    DATE("date", REQ, "When it was issued.", "2026-10-28"),
    REF("author", "contact|team", OPT, "Who made the changes.", "contact.bcp_manager"),
    TEXT("summary", OPT, "What changed.", "\"Annual review: new alternate supplier, updated contact list\""),
};

static const bcp_attr_schema site_attrs[] = {
    TEXT("name", REQ, "Name of the site.", "\"上海工厂\""),
    TEXT("city", OPT, "City; used to tell whether an alternate site shares the same local risks.", "\"上海\""),
    TEXT("country", OPT, "Country. An ISO 3166 code (\"CN\", \"DE\") also says which numbering plan the national phone numbers of the site's contacts and resources follow.", "\"CN\""),
    TEXT("address", OPT, "Street address.", "\"浦东新区…\""),
    ENUM("kind", "headquarters|office|factory|warehouse|datacenter|branch|store|clinic|other", OPT, "office", "What the site is.", "factory"),
    REF("alternate", "site|resource", OPT, "Where work moves when this site is unavailable.", "site.hangzhou"),
    BOOL("alternate_same_city", "false", "The `alternate` is knowingly in the same city (a small organisation's other branch or clinic): site-without-alternate accepts it.", "true"),
    BOOL("remote_work", "false", "Staff of this site can work remotely.", "true"),
    TEXT("fallback", OPT, "The stated arrangement when the site is lost and there is no alternate site, e.g. patients sent to a partner practice.", "\"Patients go to the partner practice on Hauptstraße\""),
    DUR("activation_time", OPT, NULL, "0h", "1y", "How long it takes, once the site is lost, until its work runs at the `alternate` (`bcp simulate` counts it; docs/simulate.md).", "12h"),
    INT("staff", OPT, NULL, 0, 10000000, "Headcount at the site.", "120"),
    STR("timezone", OPT, "IANA time zone; the region's when absent.", "\"Asia/Shanghai\""),
    CAT("region", "region", OPT, "The place the site is in, from the stdlib's region catalogue (docs/regions.md): it brings the site's time zone and country (unless the site states them), the regional hazards its risks should assess (regional-hazard-gap) and the emergency numbers of the document's appendix.", "shanghai"),
    STR("police", OPT, "Police emergency number at the site; the region's when absent.", "\"110\""),
    STR("fire", OPT, "Fire service emergency number at the site; the region's when absent.", "\"119\""),
    STR("ambulance", OPT, "Ambulance emergency number at the site; the region's when absent.", "\"120\""),
    TEXT("description", OPT, "Free description.", "\"主生产基地\""),
    REVIEW_ATTRS,
};

static const bcp_attr_schema risk_attrs[] = {
    TEXT("title", REQ, "What could happen.", "\"台风、暴雨引发洪水\""),
    CAT("category", "risk_category", REQ, "Risk category from the catalogue.", "natural"),
    CAT("threat", "threat", OPT, "The generic threat of the stdlib catalogue this risk assesses (used for the industry baseline).", "flood"),
    TEXT("description", OPT, "Longer description.", "\"…\""),
    SCORE("likelihood", "likelihood_level", REQ, "Likelihood: low|medium|high, or 1..5.", "high"),
    SCORE("impact", "impact_level", REQ, "Impact: minor|moderate|severe (or low|medium|high), or 1..5.", "severe"),
    REFS("sites", "site", "Sites exposed to the risk.", "[site.shanghai]"),
    REFS("threatens", NEED_KINDS, "Functions, systems, suppliers, sites or resources the risk threatens.", "[function.production]"),
    TEXT("strategy", OPT, "How the risk is treated (prevention and response).", "\"制定防洪计划，关键设备离地存放\""),
    REF("owner", "contact|team", OPT, "Who owns the risk.", "contact.plant_manager"),
    REVIEW_ATTRS,
};

static const bcp_attr_schema function_attrs[] = {
    TEXT("title", REQ, "Name of the business function.", "\"生产环节\""),
    TEXT("description", OPT, "What the function does.", "\"…\""),
    INT("priority", OPT, "1", 1, 5, "Recovery priority, 1 is first.", "1"),
    BOOL("critical", "true", "Whether the function is critical (subject to the BIA rules).", "true"),
    DUR("rto", OPT, NULL, "0h", "1y", "Recovery time objective.", "24h"),
    DUR("rpo", OPT, NULL, "0h", "1y", "Recovery point objective: the data loss the function tolerates.", "4h"),
    DUR("mtpd", OPT, NULL, "1h", "2y", "Maximum tolerable period of disruption (MAO).", "72h"),
    REFS("needs", NEED_KINDS, "What the function depends on.", "[asset.line_a, system.erp, supplier.steel]"),
    REFS("sites", "site", "Where the function runs.", "[site.shanghai]"),
    {.name = "fallback", .type = BCP_T_TEXT_OR_NONE, .localized = true,
     .doc = "Alternative way of working while the function is down; `none` states there is deliberately none.",
     .example = "\"本地租赁设备应急\""},
    REF("owner", "contact|team", OPT, "Who leads recovery of the function.", "contact.plant_manager"),
    REF("deputy", "contact", OPT, "Who stands in for the owner.", "contact.tech_lead"),
    REFS("key_people", "contact", "Key persons the function relies on (each should have a substitute).", "[contact.technician]"),
    INT("min_staff", OPT, NULL, 0, 10000000, "Fewest people who can keep the function running at its minimum level.", "3"),
    BOOL("remote_capable", "false", "The function can be carried out remotely (its sites are then no single point of failure for it).", "true"),
    TEXT("manual_workaround", OPT, "How the work is done by hand while its systems are down.", "\"纸质工单，事后补录\""),
    TEXTS("peak_periods", "When a disruption hurts most (month end, season, shifts).", "[\"月末结账\", \"双十一\"]"),
    LINK("runbook", "Where the function's recovery runbook is: an http(s) URL (a link in HTML) or a path; other schemes are error E140.", "\"https://wiki.example.cn/bcp/production\""),
    BOOL("important", "false", "An important business service (UK PRA SS1/21, FCA SYSC 15A) or the important business (重要业务) of CBIRC 2011 guidance: regime elements such as impact tolerances and the RTO/RPO limits apply to it.", "true"),
    DUR("impact_tolerance", OPT, NULL, "1h", "1y", "The maximum tolerable level of disruption of an important business service, as a time (UK PRA SS1/21 §5, FCA SYSC 15A.2.5).", "2d"),
    BOOL("customer_access", "false", "The function gives customers prompt access to their funds and securities (FINRA Rule 4370(c)(10)).", "true"),
    BOOL("regulatory_reporting", "false", "The function files the organisation's regulatory reports (FINRA Rule 4370(c)(8)).", "true"),
    REVIEW_ATTRS,
};

/* Impact after a time without the function (BIA over time): each kind of
 * impact on the 1..5 scale of impact_level. */
static const bcp_attr_schema impact_attrs[] = {
    DUR("after", REQ, NULL, "0h", "1y", "Time since the function stopped.", "24h"),
    SCORE("financial", "impact_level", OPT, "Financial impact: 1..5 or an impact level.", "major"),
    SCORE("operational", "impact_level", OPT, "Operational impact.", "moderate"),
    SCORE("regulatory", "impact_level", OPT, "Regulatory and legal impact.", "minor"),
    SCORE("reputational", "impact_level", OPT, "Reputational impact.", "moderate"),
    SCORE("safety", "impact_level", OPT, "Impact on health and safety.", "negligible"),
};

static const bcp_attr_schema site_rto_attrs[] = {
    REF("site", "site", REQ, "The site this RTO applies to.", "site.hangzhou"),
    DUR("rto", REQ, NULL, "0h", "1y", "Recovery time objective of the function at that site.", "48h"),
};

static const bcp_attr_schema system_attrs[] = {
    TEXT("title", REQ, "Name of the system.", "\"ERP 服务器\""),
    TEXT("description", OPT, "What it is.", "\"…\""),
    DUR("rto", OPT, NULL, "0h", "1y", "Recovery time objective of the system.", "48h"),
    DUR("rpo", OPT, NULL, "0h", "1y", "Recovery point objective of the system.", "24h"),
    REF("owner", "contact|team", OPT, "Who is responsible for the system.", "contact.it_lead"),
    REF("vendor", "supplier", OPT, "Supplier or service provider running it.", "supplier.msp"),
    REFS("sites", "site", "Where it runs.", "[site.shanghai]"),
    TEXT("fallback", OPT, "How work continues without it.", "\"手工单据\""),
    TEXT("dr_method", OPT, "Disaster-recovery method: how the system is brought back (standby, restore from backup, provider's failover).", "\"异地温备，手工切换\""),
    REF("dr_site", "site|resource|supplier", OPT, "Where the system is recovered.", "site.hangzhou"),
    LINK("runbook", "Where the system's recovery runbook is: an http(s) URL or a path (see function `runbook`).", "\"https://wiki.example.cn/dr/erp\""),
    BOOL("holds_data", "true", "The system keeps data of its own. `false` for a network, a stateless service or a hosted service whose data the provider keeps: missing-backup and backup-rpo-gap skip it (backups it still declares, of its configuration, are judged like any other).", "false"),
    REVIEW_ATTRS,
};

static const bcp_attr_schema backup_attrs[] = {
    DUR("every", REQ, NULL, "1m", "1y", "Backup interval.", "1d"),
    ENUM("kind", "full|incremental|differential|snapshot|replication", OPT, "full", "Backup method.", "incremental"),
    TEXT("where", OPT, "Where the copies are kept.", "\"云端异地备份\""),
    BOOL("offsite", "false", "At least one copy is kept away from the primary site.", "true"),
    BOOL("immutable", "false", "Copies cannot be altered or deleted (ransomware protection).", "true"),
    INTERVAL("retention", OPT, NULL, "1d", "50y", "How long copies are kept.", "90d"),
    DATE("tested", OPT, "Date of the last successful restore test.", "2026-09-15"),
    DUR("restore_time", OPT, NULL, "1m", "1y", "How long a full restore from this backup takes (the last restore test's time): `bcp simulate` counts it as a way to bring the system back (docs/simulate.md).", "6h"),
    REF("held_by", "supplier", OPT, "Who keeps this copy when it is not the organisation: the provider of a hosted service whose own backup the plan relies on.", "supplier.cloud_pbx"),
};

static const bcp_attr_schema asset_attrs[] = {
    TEXT("title", REQ, "Name of the asset.", "\"核心设备A\""),
    TEXT("kind", OPT, "What kind of asset.", "\"生产线\""),
    REF("site", "site", OPT, "Where it is.", "site.shanghai"),
    INT("quantity", OPT, "1", 0, 1000000000, "How many.", "2"),
    REF("owner", "contact|team", OPT, "Who is responsible for it.", "contact.plant_manager"),
    REF("alternate", "asset|resource|supplier", OPT, "Replacement when it fails.", "resource.lessor"),
    TEXT("description", OPT, "Free description.", "\"…\""),
    REVIEW_ATTRS,
};

static const bcp_attr_schema supplier_attrs[] = {
    TEXT("name", REQ, "Supplier name.", "\"A 钢材公司\""),
    TEXT("provides", OPT, "What it supplies.", "\"钢材\""),
    ENUM("kind", "vendor|service_provider|bank|counterparty|clearing|utility|other", OPT, "vendor", "What the relationship is: banks, counterparties and clearing firms are what FINRA Rule 4370(c)(7) asks a plan to assess.", "bank"),
    BOOL("critical", "true", "Whether losing it stops a critical function.", "true"),
    REFS("alternates", "supplier|resource", "Alternate suppliers.", "[supplier.steel_b]"),
    DUR("stock", OPT, NULL, "0h", "2y", "Stock on hand, as time of demand covered.", "2w"),
    DUR("sla", OPT, NULL, "1m", "1y", "Contractual time to restore service.", "4h"),
    DUR("switch_time", OPT, NULL, "1h", "2y", "How long it takes to get the supply again when this supplier fails: to qualify and order from another source, or for the supplier to recover (its lead time). single-source-supplier compares `stock` with it.", "6w"),
    REF("contact", "contact", OPT, "Contact person (a contact entry).", "contact.steel_sales"),
    STR("phone", OPT, "Switchboard or hotline.", "\"+86 21 5555 0100\""),
    STR("email", OPT, "Contact e-mail.", "\"sales@example.cn\""),
    TEXT("contract", OPT, "Contract or framework agreement.", "\"框架协议 2026-03\""),
    TEXT("city", OPT, "Where the supplier operates from.", "\"宁波\""),
    REVIEW_ATTRS,
};

static const bcp_attr_schema resource_attrs[] = {
    TEXT("name", REQ, "Name of the emergency resource.", "\"上海设备租赁公司\""),
    CAT("kind", "resource_kind", REQ, "What kind of resource.", "equipment_lessor"),
    TEXT("provides", OPT, "What it provides in an emergency.", "\"数控机床短期租赁\""),
    REF("contact", "contact", OPT, "Contact person (a contact entry).", "contact.lessor_rep"),
    TEXT("person", OPT, "Contact person's name when there is no contact entry.", "\"李经理\""),
    STR("phone", OPT, "Phone.", "\"+86 21 5555 0200\""),
    STR("email", OPT, "E-mail.", "\"rent@example.cn\""),
    TEXT("city", OPT, "City.", "\"上海\""),
    REF("site", "site", OPT, "Site it serves.", "site.shanghai"),
    TEXT("contract", OPT, "Agreement in place.", "\"年度框架协议\""),
    DUR("lead_time", OPT, NULL, "0h", "1y", "How quickly it can be mobilised.", "12h"),
    REVIEW_ATTRS,
};

static const bcp_attr_schema contact_attrs[] = {
    TEXT("name", REQ, "Person's name.", "\"王建国\""),
    TEXT("role", OPT, "Role or job title.", "\"总经理\""),
    TEXT("organization", OPT, "Organisation, for external contacts.", "\"外包服务商\""),
    BOOL("external", "false", "Not an employee (supplier, authority, service provider).", "true"),
    INT("tier", OPT, "3", 1, 3, "Communication tier: 1 crisis team, 2 function leads, 3 staff.", "1"),
    BOOL("regulator", "false", "The person works for a supervisory authority: the regulator's contact for a disruption (FINRA Rule 4370(c)(9), CBIRC 2011 reporting).", "true"),
    BOOL("regulator_liaison", "false", "The person is one of the organisation's emergency contacts registered with its regulator (FINRA Rule 4370(f)).", "true"),
    STR("phone", OPT, "Primary phone.", "\"+86 138 0000 0001\""),
    STR("alt_phone", OPT, "Alternate phone.", "\"+86 21 5555 0001\""),
    STR("email", OPT, "Primary e-mail.", "\"gm@example.cn\""),
    STR("alt_email", OPT, "Alternate e-mail.", "\"gm@private.example\""),
    CATS("channels", "channel", "Further channels on which the person is reachable.", "[wecom, sms]"),
    REF("substitute", "contact", OPT, "Who stands in for this person.", "contact.coo"),
    REF("site", "site", OPT, "Where the person works.", "site.shanghai"),
    REVIEW_ATTRS,
};

static const bcp_attr_schema team_attrs[] = {
    TEXT("title", REQ, "Name of the team.", "\"危机管理小组\""),
    REF("lead", "contact", OPT, "Team lead.", "contact.gm"),
    REF("deputy", "contact", OPT, "Deputy lead.", "contact.coo"),
    REFS("members", "contact", "Members.", "[contact.it_lead, contact.hr]"),
    INT("tier", OPT, "1", 1, 3, "Communication tier the team forms.", "1"),
    TEXTS("responsibilities", "What the team does.", "[\"决策与调度\"]"),
    REFS("sites", "site", "Sites the team covers.", "[site.shanghai]"),
    TEXT("description", OPT, "Free description.", "\"…\""),
};

static const bcp_attr_schema scenario_attrs[] = {
    TEXT("title", REQ, "Name of the scenario.", "\"供应链断裂\""),
    REFS("risks", "risk", "Risks that lead to this scenario.", "[risk.material_shortage]"),
    REFS("functions", "function", "Functions it disrupts.", "[function.production]"),
    REFS("notify", "contact|team", "Who is told, in order: first contact, second contact, ...", "[contact.gm, contact.purchasing]"),
    CATS("channels", "channel", "Channels used.", "[phone, email]"),
    DUR("within", OPT, NULL, "0h", "30d", "Deadline for the first notice.", "24h"),
    TEXT("strategy", OPT, "Recovery strategy for this scenario.", "\"启用备用供应商\""),
    TEXTS("steps", "Step-by-step procedure.", "[\"确认影响范围\", \"通知备用供应商\"]"),
    TEXT("message", OPT, "Message template; {placeholders} in braces are filled in at the time.", "\"\"\"各位同事：因{原因}……\"\"\""),
    LINK("runbook", "Where the scenario's runbook is: an http(s) URL or a path (see function `runbook`).", "\"https://wiki.example.cn/bcp/supply\""),
    REFS("loses", "site|system|supplier|contact|team|resource|asset|function", "What the scenario takes away: `bcp simulate --all-scenarios` and the document's scenario impact section project, from the plan's recovery paths, when each affected function is back (docs/simulate.md).", "[site.shanghai, system.erp]"),
    BOOL("severe", "false", "A severe but plausible disruption, the kind operational resilience scenario testing uses (UK PRA SS1/21 §6, FCA SYSC 15A.5).", "true"),
    REVIEW_ATTRS,
};

static const bcp_attr_schema message_attrs[] = {
    TEXT("title", REQ, "Type of message.", "\"客户更新\""),
    REF("sender", "contact|team", OPT, "Who issues it.", "team.customer_service"),
    TEXT("recipients", OPT, "Who receives it.", "\"企业客户、合作伙伴\""),
    CATS("audience", "audience", "Audiences from the catalogue.", "[customers]"),
    CATS("channels", "channel", "Channels used.", "[email]"),
    REF("scenario", "scenario", OPT, "Scenario the message belongs to.", "scenario.it_outage"),
    DUR("within", OPT, NULL, "0h", "1y", "When it goes out, counted from the incident.", "24h"),
    TEXT("body", OPT, "Template text.", "\"\"\"尊敬的客户：…\"\"\""),
};

static const bcp_attr_schema phase_attrs[] = {
    TEXT("title", REQ, "Name of the phase.", "\"事件响应\""),
    INT("order", OPT, NULL, 1, 100, "Position in the recovery sequence.", "1"),
    DUR("starts", OPT, "0h", "0h", "2y", "Start, counted from the incident.", "0h"),
    DUR("ends", OPT, NULL, "0h", "5y", "End, counted from the incident.", "48h"),
    TEXTS("actions", "What is done in this phase.", "[\"动员应急小组\", \"评估事件范围\"]"),
    REF("owner", "contact|team", OPT, "Who runs the phase.", "team.crisis"),
};

static const bcp_attr_schema exercise_attrs[] = {
    TEXT("title", REQ, "Name of the exercise.", "\"ERP 恢复测试\""),
    CAT("kind", "exercise_kind", REQ, "Kind of exercise.", "recovery_test"),
    INTERVAL("every", OPT, NULL, "1w", "5y", "Frequency.", "1y"),
    DATE("last", OPT, "When it was last held.", "2026-03-10"),
    DATE("next", OPT, "When it is next planned; last + every when absent.", "2027-03-10"),
    REFS("covers", "function|system|scenario|site|supplier|team|risk|contact|resource|asset", "What the exercise tests.", "[system.erp]"),
    REF("owner", "contact|team", OPT, "Who organises it.", "contact.it_lead"),
    REFS("participants", "contact|team", "Who takes part.", "[team.crisis]"),
    TEXT("scope", OPT, "What is simulated.", "\"办公室不可进入\""),
    TEXT("results", OPT, "Outcome of the last run: what happened (the after-action report).", "\"恢复用时 6 小时\""),
    ENUM("outcome", "met|partly_met|not_met", OPT, NULL, "Whether the last run met its objectives.", "partly_met"),
};

static const bcp_attr_schema finding_attrs[] = {
    TEXT("title", REQ, "What was found.", "\"备用供应商电话已失效\""),
    REF("exercise", "exercise", OPT, "Exercise (or review) that found it.", "exercise.supply_drill"),
    REF("owner", "contact|team", OPT, "Who fixes it.", "contact.purchasing"),
    DATE("raised", OPT, "When it was recorded.", "2026-03-10"),
    DATE("due", OPT, "When it must be fixed.", "2026-04-30"),
    ENUM("status", "open|in_progress|done|accepted", OPT, "open", "Where it stands.", "in_progress"),
    DATE("closed", OPT, "When it was closed.", "2026-04-20"),
    TEXT("action", OPT, "Corrective action.", "\"更新联系人名单\""),
};

static const bcp_attr_schema training_attrs[] = {
    TEXT("title", REQ, "Name of the training.", "\"新员工业务连续性培训\""),
    CATS("audience", "audience", "Who is trained.", "[all]"),
    ENUM("when", "onboarding|periodic|ad_hoc", REQ, NULL, "Onboarding, periodic or ad hoc.", "onboarding"),
    INTERVAL("every", OPT, NULL, "1w", "5y", "Frequency of periodic training.", "1y"),
    TEXTS("topics", "Topics covered.", "[\"业务连续性基本概念\", \"应急响应指引\"]"),
    TEXTS("methods", "How it is delivered.", "[\"视频\", \"手册\"]"),
    TEXT("assessment", OPT, "How learning is checked.", "\"小组问答测验\""),
    DATE("last", OPT, "When it was last held.", "2026-02-01"),
    REF("owner", "contact|team", OPT, "Who runs it.", "contact.hr"),
};

/* A recurring upkeep task of the plan (the stdlib lists the usual ones; a
 * plan that declares its own lists those instead). */
static const bcp_attr_schema maintenance_attrs[] = {
    TEXT("title", OPT, "The activity.", "\"更新联系人名录\""),
    INTERVAL("every", OPT, NULL, "1w", "5y", "How often it is done.", "3mo"),
    TEXT("responsible", OPT, "Who does it, by role (when no `owner` is named).", "\"业务连续性协调员\""),
    REF("owner", "contact|team", OPT, "Who does it.", "contact.bcp_manager"),
    DATE("last", OPT, "When it was last done.", "2026-06-30"),
    TEXT("description", OPT, "What it involves.", "\"…\""),
};

static const bcp_attr_schema milestone_attrs[] = {
    TEXT("title", REQ, "Implementation step.", "\"任命 BCP 项目经理\""),
    DATE("due", OPT, "Deadline.", "2026-09-30"),
    REF("owner", "contact|team", OPT, "Who delivers it.", "contact.bcp_manager"),
    ENUM("status", "planned|in_progress|done", OPT, "planned", "Where it stands.", "in_progress"),
    INT("order", OPT, NULL, 1, 1000, "Position in the implementation sequence.", "1"),
    TEXT("description", OPT, "Details.", "\"…\""),
};

/* An accepted deviation: a lint finding the plan's owners knowingly accept
 * (rules/suppress.c applies it; the document lists it). */
static const bcp_attr_schema deviation_attrs[] = {
    STR("rule", REQ, "The lint rule whose finding is accepted: its code or its name.", "\"single-source-supplier\""),
    REF("entity", "plan|site|risk|function|system|asset|supplier|resource|contact|team|scenario|message|phase|exercise|finding|training|milestone",
        REQ, "The entity the finding is about: findings of the rule located in its block are accepted.", "supplier.steel"),
    TEXT("reason", OPT, "Why the finding is accepted (a deviation without one is a warning).", "\"sole licensed supplier; 6 weeks of stock\""),
    REF("owner", "contact|team", OPT, "Who accepted it and answers for it.", "contact.cfo"),
    DATE("until", OPT, "Last day the deviation holds; after it the finding is reported again.", "2027-06-30"),
    DATE("approved", OPT, "When it was approved.", "2026-11-01"),
    CAT("regime", "regime", OPT, "For a `regime-element-unmet` (G101) deviation: only the findings of this regime are accepted (without it, every G101 finding of the entity is).", "finra-4370"),
    STR("element", OPT, "With `regime`: only the finding of this element of the regime is accepted (its id in stdlib/regimes/<regime>.bcp).", "\"customer_disclosure\""),
};

static const bcp_attr_schema locale_attrs[] = {
    STR("name", OPT, "Name of the language in that language.", "\"English\""),
};

static const bcp_attr_schema title_desc_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Natural hazards\""),
    TEXT("description", OPT, "Explanation.", "\"…\""),
};

static const bcp_attr_schema threat_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Flood\""),
    CAT("category", "risk_category", REQ, "Risk category.", "natural"),
    TEXT("description", OPT, "Explanation.", "\"…\""),
    TEXT("strategy", OPT, "Typical treatment, suggested by `bcp init`.", "\"…\""),
};

static const bcp_attr_schema channel_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"DingTalk\""),
    ENUM("medium", "voice|text|email|chat|video|broadcast|radio|in_person", REQ, NULL, "How it carries messages.", "chat"),
    BOOL("needs_internet", "true", "Fails when the internet is down.", "true"),
    TEXT("description", OPT, "Explanation.", "\"…\""),
};

static const bcp_attr_schema industry_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Manufacturing\""),
    CATS("baseline", "threat", "Threats every plan in this industry should assess.", "[flood, equipment_failure]"),
    DUR("short_term_from", OPT, "48h", "1h", "4w", "Start of the default short-term recovery phase (a plan without phases).", "24h"),
    DUR("long_term_from", OPT, "72h", "1h", "8w", "Start of the default long-term recovery phase (a plan without phases).", "72h"),
    TEXT("description", OPT, "Explanation.", "\"…\""),
};

static const bcp_attr_schema size_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Small (10-49 staff)\""),
    INT("staff_min", OPT, NULL, 0, 100000000, "Smallest headcount of the class.", "10"),
    INT("staff_max", OPT, NULL, 0, 100000000, "Largest headcount of the class.", "49"),
};

static const bcp_attr_schema level_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"High\""),
    INT("score", REQ, NULL, 1, 5, "Position on the 1..5 scale.", "5"),
};

static const bcp_attr_schema risk_level_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"High\""),
    INT("min_score", REQ, NULL, 1, 25, "Lowest likelihood x impact product of this level.", "12"),
    STR("color", OPT, "Colour in the heat map (#rrggbb).", "\"#e8590c\""),
    TEXT("description", OPT, "Expected response.", "\"…\""),
};

static const bcp_attr_schema text_attrs[] = {
    TEXT("title", OPT, "Heading.", "\"Purpose\""),
    TEXT("body", OPT, "Prose (Markdown inline syntax allowed).", "\"\"\"…\"\"\""),
    TEXTS("items", "List items.", "[\"…\"]"),
};

/* Lint thresholds of a profile (stdlib/core/profiles.bcp); rules read them with
 * bcp_lint_threshold().  A key a profile leaves out falls back to `default`. */
static const bcp_attr_schema profile_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"ISO 22301:2019\""),
    TEXT("description", OPT, "What the profile follows.", "\"…\""),
    INTERVAL("restore_test_max_age", OPT, NULL, "1w", "5y", "Longest time since a backup's last restore test (backup-untested).", "1y"),
    INTERVAL("exercise_max_interval", OPT, NULL, "1w", "5y", "Longest interval between two runs of an exercise (exercise-overdue).", "1y"),
    INTERVAL("function_exercise_max_age", OPT, NULL, "1w", "5y", "A critical function must be covered by an exercise held within this period (function-not-exercised).", "1y"),
    INTERVAL("review_max_interval", OPT, NULL, "1w", "5y", "Longest review interval a plan or entry may state (review-interval-too-long).", "1y"),
    INTERVAL("risk_review_max_interval", OPT, NULL, "1w", "5y", "Longest time since a risk's last assessment (stale-review of risks; seed plans: half-yearly).", "6mo"),
    DUR("first_notice_max", OPT, NULL, "0h", "30d", "Latest first notice of a scenario (slow-first-notice).", "24h"),
    INTERVAL("training_max_interval", OPT, NULL, "1w", "5y", "Longest interval of periodic training (missing-training).", "1y"),
    INTERVAL("finding_grace", OPT, NULL, "0d", "2y", "How long an improvement item may stay open past its due date (finding-overdue).", "0d"),
    INT("max_critical_functions_per_owner", OPT, NULL, 1, 1000, "Most critical functions one person may own (person-single-point-of-failure).", "3"),
    INT("severe_risk_min_score", OPT, NULL, 1, 25, "Likelihood x impact score from which a risk needs a strategy or a scenario (uncovered-severe-risk).", "15"),
};

/* Activation levels (stdlib/core/response.bcp: L1 minor .. L4 catastrophic);
 * a plan that declares any of its own shows only its own. */
static const bcp_attr_schema activation_level_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Major incident\""),
    INT("order", REQ, NULL, 1, 100, "Position on the escalation scale, 1 is the least severe.", "3"),
    TEXT("criteria", OPT, "When the level applies.", "\"A critical function is down for more than 4 hours\""),
    REFS("invoked_by", "contact|team", "Who may invoke the plan at this level.", "[team.crisis, contact.ceo]"),
    TEXT("authority", OPT, "Who may invoke it, in words (when there is no `invoked_by`).", "\"Crisis team lead\""),
    TEXTS("actions", "What invoking the level sets in motion.", "[\"Convene the crisis team\"]"),
};

/* Response checklists by time window and role (stdlib defaults in
 * stdlib/core/response.bcp); a plan that declares any shows only its own. */
static const bcp_attr_schema checklist_attrs[] = {
    TEXT("title", OPT, "Display name.", "\"Crisis team lead: first hour\""),
    ENUM("window", "first_hour|first_day|after_first_day", REQ, NULL, "Time window: the first hour, 1 to 24 hours, or after 24 hours.", "first_hour"),
    TEXT("role", OPT, "The role that works through the list.", "\"Crisis team lead\""),
    REF("owner", "contact|team", OPT, "Who holds the role in this plan.", "team.crisis"),
    INT("order", OPT, NULL, 1, 1000, "Position within its window.", "1"),
    TEXTS("items", "What to do, in order.", "[\"Account for all staff\"]"),
};

/* A regulatory regime (stdlib/regimes/<id>.bcp): its elements, each with the
 * clause it cites and the queries over the plan that meet it (see
 * compiler/model/regime.h and docs/regimes.md for the query vocabulary). */
static const bcp_attr_schema regime_attrs[] = {
    TEXT("title", REQ, "Name of the regime.", "\"FINRA Rule 4370\""),
    TEXT("description", OPT, "Who it applies to and what it asks.", "\"US broker-dealers: business continuity plans and emergency contact information.\""),
    TEXT("authority", OPT, "The body that issued it.", "\"FINRA\""),
    STR("jurisdiction", OPT, "Where it applies (ISO 3166 code, or \"international\").", "\"US\""),
    STR("source", REQ, "The official text: its publication and address.", "\"https://www.finra.org/rules-guidance/rulebooks/finra-rules/4370\""),
    STR("verified", OPT, "What of the figures and clauses was checked against the official text, and what was not.", "\"clauses checked against the rulebook, 2026-12\""),
};

static const bcp_attr_schema element_attrs[] = {
    TEXT("title", REQ, "What the regime requires, in a line.", "\"Data backup and recovery (hard copy and electronic)\""),
    STR("clause", REQ, "The exact citation of the clause.", "\"FINRA Rule 4370(c)(1)\""),
    STR("source", OPT, "Where the clause is published, when not the regime's `source`.", "\"https://...\""),
    {.name = "require", .type = BCP_T_TEXT, .list = true, .required = true,
     .doc = "Queries over the plan, all of which must hold for the element to be met (the vocabulary is in docs/regimes.md).",
     .example = "[\"every system where holds_data has backup\"]"},
    TEXT("description", OPT, "What in a plan meets it.", "\"Every system that holds data has a backup.\""),
};

/* A place from the stdlib's region catalogue (stdlib/core/regions_*.bcp,
 * docs/regions.md).  Every fact group has its source attribute. */
static const bcp_attr_schema region_attrs[] = {
    TEXT("title", OPT, "Display name (translated in stdlib/locale/<lang>/regions.bcp).", "\"Shanghai\""),
    ENUM("kind", "country|territory|city", REQ, NULL, "A country, a territory with its own emergency services and law (Hong Kong), or a city.", "city"),
    CAT("parent", "region", OPT, "The country (or territory) a city is in: whatever the city leaves out (time zone, language, emergency numbers, regimes) comes from it.", "cn"),
    STR("country", OPT, "ISO 3166-1 alpha-2 code of a country or territory.", "\"CN\""),
    {.name = "names", .type = BCP_T_TEXT, .list = true,
     .doc = "Every name `bcp init --sites` recognises (case-insensitive): English, Chinese and local names, common aliases and codes.",
     .example = "[\"Shanghai\", \"上海\", \"上海市\"]"},
    STR("timezone", OPT, "IANA time zone.", "\"Asia/Shanghai\""),
    STR("timezone_source", OPT, "Source of the time zone.", "\"IANA tz database (zone1970.tab)\""),
    STR("language", OPT, "Official language (BCP 47 tag).", "\"zh-CN\""),
    STR("language_source", OPT, "Source of the official language.", "\"Law on the Standard Spoken and Written Chinese Language (2000)\""),
    CATS("hazards_high", "threat", "Hazards rated high at the place: every site there should assess them (regional-hazard-gap).", "[typhoon, flood]"),
    CATS("hazards_medium", "threat", "Hazards rated medium: `bcp init` proposes them as risks to assess.", "[earthquake]"),
    CATS("hazards_low", "threat", "Hazards rated low, for the record.", "[wildfire]"),
    STR("hazards_source", OPT, "Source of the hazard ratings.", "\"GFDRR ThinkHazard! (Shanghai); China Meteorological Administration\""),
    CATS("civil_hazards_high", "threat", "Civil hazards (terrorism, pandemic, civil unrest, utility failure, power outage, industrial accident) a national risk register or threat assessment rates high at the place: every site there should assess them (regional-hazard-gap).", "[terrorism]"),
    CATS("civil_hazards_medium", "threat", "Civil hazards rated medium: `bcp init` proposes them as risks to assess.", "[civil_unrest]"),
    CATS("civil_hazards_low", "threat", "Civil hazards rated low, for the record.", "[pandemic]"),
    STR("civil_hazards_source", OPT, "Source of the civil hazard ratings (a national risk register or threat assessment).", "\"MHA, Singapore Terrorism Threat Assessment Report 2024\""),
    CATS("civil_hazards_unverified", "threat", "Civil hazards of the place whose level no source read supports: recorded as not verified, neither rated nor proposed (a country lists each of terrorism, pandemic, civil_unrest, utility_failure, power_outage and industrial_accident either in a rating or here).", "[civil_unrest, utility_failure]"),
    STR("police", OPT, "Police emergency number.", "\"110\""),
    STR("fire", OPT, "Fire service emergency number.", "\"119\""),
    STR("ambulance", OPT, "Ambulance emergency number.", "\"120\""),
    STR("emergency", OPT, "Common emergency number that reaches every service (112, 911, 999, 000).", "\"112\""),
    STR("emergency_source", OPT, "Source of the emergency numbers.", "\"MIIT, telecommunications numbering plan\""),
    {.name = "regulators", .type = BCP_T_TEXT, .list = true,
     .doc = "Regulators whose continuity rules apply at the place (names as they are known).", .example = "[\"NFRA\", \"PBOC\"]"},
    {.name = "regimes", .type = BCP_T_TEXT, .list = true,
     .doc = "Regime ids that apply to a plan of any industry at the place.", .example = "[\"iso22301\"]"},
    {.name = "regimes_finance", .type = BCP_T_TEXT, .list = true,
     .doc = "Regime ids that apply to a plan of the finance industry at the place.", .example = "[\"cbirc-bcm-2011\"]"},
    {.name = "regimes_healthcare", .type = BCP_T_TEXT, .list = true,
     .doc = "Regime ids that apply to a plan of the healthcare industry at the place.", .example = "[\"hipaa-contingency\"]"},
    STR("regimes_source", OPT, "Source of the regulators and regimes.", "\"CBRC, 商业银行业务连续性监管指引 (银监发〔2011〕104号)\""),
};

static const bcp_attr_schema config_attrs[] = {
    ANY("select", "Rules (codes, names or code prefixes) to run.", "[\"data\", \"R101\"]"),
    ANY("ignore", "Rules to skip.", "[\"unused-entity\"]"),
    ANY("profile", "Threshold profile.", "iso22301"),
    ANY("severity", "Per-rule severity overrides, as a nested block.", "{ stale-review = error }"),
    ANY("docs_url", "SARIF: base URL of the rule pages (each rule's helpUri); --docs-url wins.",
        "\"https://example.org/bcp/rules/\""),
};

#define KIND(n) .name = n
#define ATTRS(a) .attrs = a, .attr_count = sizeof(a) / sizeof(a[0])

static const bcp_kind_schema kinds[BCP_KIND_COUNT] = {
    [BCP_KIND_PLAN] = {KIND("plan"), .needs_id = true, .singleton = true, ATTRS(plan_attrs),
        .doc = "The plan itself: document metadata and review cycle. Exactly one per plan."},
    [BCP_KIND_APPROVAL] = {KIND("approval"), .needs_id = true, ATTRS(approval_attrs),
        .doc = "A sign-off of the plan (document control): who approves it, in which role, and when. "
               "The cover prints one signature line per approval, in source order; without any, the "
               "plan's `approved_by` and `approved` stand for one."},
    [BCP_KIND_REVISION] = {KIND("revision"), .needs_id = true, ATTRS(revision_attrs),
        .doc = "One entry of the plan's revision history (document control): version, date, author and "
               "what changed (`revision v2_1 { version = \"2.1\" ... }`); the document lists them newest first."},
    [BCP_KIND_SITE] = {KIND("site"), .needs_id = true, ATTRS(site_attrs),
        .doc = "A place where the organisation works: office, factory, data centre."},
    [BCP_KIND_RISK] = {KIND("risk"), .needs_id = true, ATTRS(risk_attrs),
        .doc = "An assessed risk: likelihood x impact, what it threatens and how it is treated."},
    [BCP_KIND_FUNCTION] = {KIND("function"), .needs_id = true, .children = "impact|site_rto", ATTRS(function_attrs),
        .doc = "A business function of the impact analysis (BIA) with its recovery objectives."},
    [BCP_KIND_SYSTEM] = {KIND("system"), .needs_id = true, .children = "backup", ATTRS(system_attrs),
        .doc = "An IT system or data set; holds its backup blocks."},
    [BCP_KIND_BACKUP] = {KIND("backup"), .nested_only = true, ATTRS(backup_attrs),
        .doc = "A backup of the enclosing system (`backup { ... }` or `backup name { ... }` inside `system`)."},
    [BCP_KIND_IMPACT] = {KIND("impact"), .nested_only = true, ATTRS(impact_attrs),
        .doc = "The impact of losing the enclosing function after a time, by kind (`impact { after = 24h  financial = major  operational = 3 }` inside `function`)."},
    [BCP_KIND_SITE_RTO] = {KIND("site_rto"), .nested_only = true, ATTRS(site_rto_attrs),
        .doc = "The enclosing function's RTO at one site, where it differs from its `rto` (`site_rto { site = site.hangzhou  rto = 48h }`)."},
    [BCP_KIND_ASSET] = {KIND("asset"), .needs_id = true, ATTRS(asset_attrs),
        .doc = "Equipment or another physical resource a function needs."},
    [BCP_KIND_SUPPLIER] = {KIND("supplier"), .needs_id = true, ATTRS(supplier_attrs),
        .doc = "A supplier or service provider."},
    [BCP_KIND_RESOURCE] = {KIND("resource"), .needs_id = true, ATTRS(resource_attrs),
        .doc = "An emergency resource: equipment lessor, spare warehouse, alternate supplier, standby office."},
    [BCP_KIND_CONTACT] = {KIND("contact"), .needs_id = true, ATTRS(contact_attrs),
        .doc = "A person to reach in a crisis, inside or outside the organisation."},
    [BCP_KIND_TEAM] = {KIND("team"), .needs_id = true, ATTRS(team_attrs),
        .doc = "A team such as the crisis management team or a regional team."},
    [BCP_KIND_SCENARIO] = {KIND("scenario"), .needs_id = true, ATTRS(scenario_attrs),
        .doc = "An incident scenario: who is told, how, how fast, and the procedure."},
    [BCP_KIND_MESSAGE] = {KIND("message"), .needs_id = true, ATTRS(message_attrs),
        .doc = "A type of crisis message: who issues it, to whom, on which channels."},
    [BCP_KIND_PHASE] = {KIND("phase"), .needs_id = true, ATTRS(phase_attrs),
        .doc = "A recovery phase (response, short-term, long-term) and its actions."},
    [BCP_KIND_EXERCISE] = {KIND("exercise"), .needs_id = true, ATTRS(exercise_attrs),
        .doc = "A test or exercise of the plan."},
    [BCP_KIND_FINDING] = {KIND("finding"), .needs_id = true, ATTRS(finding_attrs),
        .doc = "An improvement item from an exercise or review."},
    [BCP_KIND_TRAINING] = {KIND("training"), .needs_id = true, ATTRS(training_attrs),
        .doc = "A training programme."},
    [BCP_KIND_MILESTONE] = {KIND("milestone"), .needs_id = true, ATTRS(milestone_attrs),
        .doc = "An implementation step with its deadline."},
    [BCP_KIND_DEVIATION] = {KIND("deviation"), .needs_id = true, ATTRS(deviation_attrs),
        .doc = "A lint finding knowingly accepted: which rule, for which entity, why, by whom and until when."},
    [BCP_KIND_LOCALE] = {KIND("locale"), .needs_id = true, .children = "*", ATTRS(locale_attrs),
        .doc = "Translations: `locale en { function production { title = \"Production\" } }` overrides "
               "the text attributes of entities for one language."},
    [BCP_KIND_RISK_CATEGORY] = {KIND("risk_category"), .needs_id = true, .catalogue = true, ATTRS(title_desc_attrs),
        .doc = "A risk category (natural, technical, supply chain, ...)."},
    [BCP_KIND_THREAT] = {KIND("threat"), .needs_id = true, .catalogue = true, ATTRS(threat_attrs),
        .doc = "A generic threat that industry baselines list."},
    [BCP_KIND_CHANNEL] = {KIND("channel"), .needs_id = true, .catalogue = true, ATTRS(channel_attrs),
        .doc = "A communication channel (phone, SMS, e-mail, DingTalk, WeCom, Teams, Slack, satellite phone, ...)."},
    [BCP_KIND_INDUSTRY] = {KIND("industry"), .needs_id = true, .catalogue = true, ATTRS(industry_attrs),
        .doc = "An industry and its baseline threats."},
    [BCP_KIND_SIZE] = {KIND("size"), .needs_id = true, .catalogue = true, ATTRS(size_attrs),
        .doc = "An organisation size class."},
    [BCP_KIND_EXERCISE_KIND] = {KIND("exercise_kind"), .needs_id = true, .catalogue = true, ATTRS(title_desc_attrs),
        .doc = "A kind of exercise (tabletop, recovery test, full drill, ...)."},
    [BCP_KIND_RESOURCE_KIND] = {KIND("resource_kind"), .needs_id = true, .catalogue = true, ATTRS(title_desc_attrs),
        .doc = "A kind of emergency resource."},
    [BCP_KIND_LIKELIHOOD_LEVEL] = {KIND("likelihood_level"), .needs_id = true, .catalogue = true, ATTRS(level_attrs),
        .doc = "A named likelihood and its score."},
    [BCP_KIND_IMPACT_LEVEL] = {KIND("impact_level"), .needs_id = true, .catalogue = true, ATTRS(level_attrs),
        .doc = "A named impact and its score."},
    [BCP_KIND_RISK_LEVEL] = {KIND("risk_level"), .needs_id = true, .catalogue = true, ATTRS(risk_level_attrs),
        .doc = "A band of the risk matrix by likelihood x impact."},
    [BCP_KIND_AUDIENCE] = {KIND("audience"), .needs_id = true, .catalogue = true, ATTRS(title_desc_attrs),
        .doc = "A group of people messages and training address."},
    [BCP_KIND_MAINTENANCE_ACTIVITY] = {KIND("maintenance_activity"), .needs_id = true, .catalogue = true,
        ATTRS(maintenance_attrs),
        .doc = "A maintenance activity of the plan: what is done, how often, by whom, when it was last done."},
    [BCP_KIND_TEXT] = {KIND("text"), .needs_id = true, .catalogue = true, .locale_defined = true, ATTRS(text_attrs),
        .doc = "A piece of standard prose, normally defined per language in a locale block."},
    [BCP_KIND_PROFILE] = {KIND("profile"), .needs_id = true, .catalogue = true, ATTRS(profile_attrs),
        .doc = "A lint profile: the thresholds the rules apply (select it with `profile` in bcpconfig.bcp or --profile)."},
    [BCP_KIND_ACTIVATION_LEVEL] = {KIND("activation_level"), .needs_id = true, .catalogue = true, ATTRS(activation_level_attrs),
        .doc = "A level at which the plan is invoked (L1 minor .. L4 catastrophic): criteria, who may invoke it, what it sets in motion."},
    [BCP_KIND_CHECKLIST] = {KIND("checklist"), .needs_id = true, .catalogue = true, ATTRS(checklist_attrs),
        .doc = "An emergency-response checklist for one role in one time window (first hour, 1-24 hours, after 24 hours)."},
    [BCP_KIND_REGIME] = {KIND("regime"), .needs_id = true, .catalogue = true, .children = "element", ATTRS(regime_attrs),
        .doc = "A regulatory regime: the elements a plan must address, each citing its clause (stdlib/regimes/; a plan lists those that apply in `plan.regimes`)."},
    [BCP_KIND_ELEMENT] = {KIND("element"), .needs_id = true, .nested_only = true, ATTRS(element_attrs),
        .doc = "One element of a regime: its clause and the queries over the plan that meet it."},
    [BCP_KIND_REGION] = {KIND("region"), .needs_id = true, .catalogue = true, ATTRS(region_attrs),
        .doc = "A place businesses plan for (country, territory or city): its hazards, emergency numbers, time zone, "
               "language and the regimes that apply, each with its source (stdlib/core/regions_*.bcp)."},
    [BCP_KIND_CONFIG] = {KIND("config"), .singleton = true, .children = "*", ATTRS(config_attrs),
        .doc = "Lint configuration (in bcpconfig.bcp)."},
};

const bcp_kind_schema *bcp_schema_kind(bcp_kind kind)
{
    return kind < BCP_KIND_COUNT ? &kinds[kind] : NULL;
}

const char *bcp_kind_name(bcp_kind kind)
{
    return kind < BCP_KIND_COUNT ? kinds[kind].name : "?";
}

/* ==== serve13d part: kind and attribute names found through one hash
 * table (open addressing), built once from the tables above: a plan's check
 * looks up every attribute it has two or three times. */
typedef struct name_slot {
    const char *name;   /* NULL: empty */
    size_t len;
    int kind;           /* BCP_KIND_COUNT: the name of kind `index` */
    int index;          /* otherwise the attribute kinds[kind].attrs[index] */
} name_slot;

enum { NAME_SLOTS = 2048 };   /* 44 kinds and 360 attributes: a quarter full */
static name_slot name_table[NAME_SLOTS];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

/* Of the name's first and last bytes (up to eight each), its length and the
 * kind: a few loads and two multiplications, no loop. */
static size_t name_hash(int kind, const char *s, size_t len)
{
    uint64_t a = 0, b = 0;
    if (len >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + len - 8, 8);
    } else if (len >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + len - 4, 4);
        a = x;
        b = y;
    } else if (len) {
        a = (unsigned char)s[0] | (unsigned)(unsigned char)s[len / 2] << 8 | (unsigned)(unsigned char)s[len - 1] << 16;
    }
    uint64_t h = (a ^ (uint64_t)len << 56 ^ (uint64_t)(unsigned)kind << 48) * 0x9E3779B97F4A7C15ULL;
    h ^= b * 0xC2B2AE3D27D4EB4FULL;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return (size_t)(h >> 40) & (NAME_SLOTS - 1);
}

/* The first entry of a name stays: a lookup answers what a search of the
 * table in order would. */
static void name_insert(int kind, const char *name, int index)
{
    size_t len = strlen(name);
    for (size_t i = name_hash(kind, name, len);; i = (i + 1) & (NAME_SLOTS - 1)) {
        name_slot *slot = &name_table[i];
        if (!slot->name) {
            *slot = (name_slot){.name = name, .len = len, .kind = kind, .index = index};
            return;
        }
        if (slot->kind == kind && slot->len == len && memcmp(slot->name, name, len) == 0)
            return;
    }
}

static void build_names(void)
{
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        name_insert(BCP_KIND_COUNT, kinds[k].name, k);
        for (size_t i = 0; i < kinds[k].attr_count; i++)
            name_insert(k, kinds[k].attrs[i].name, (int)i);
    }
}

/* The index of `s` (`len` bytes) among kind `kind`'s names, or -1. */
static int name_find(int kind, const char *s, size_t len)
{
    pthread_once(&names_once, build_names);
    for (size_t i = name_hash(kind, s, len);; i = (i + 1) & (NAME_SLOTS - 1)) {
        const name_slot *slot = &name_table[i];
        if (!slot->name)
            return -1;
        if (slot->kind == kind && slot->len == len && memcmp(slot->name, s, len) == 0)
            return slot->index;
    }
}

bcp_kind bcp_schema_kind_by_name(const char *name, size_t len)
{
    int k = name_find(BCP_KIND_COUNT, name, len);
    return k < 0 ? BCP_KIND_COUNT : (bcp_kind)k;
}

const bcp_attr_schema *bcp_schema_attr(bcp_kind kind, const char *name, size_t len)
{
    const bcp_kind_schema *ks = bcp_schema_kind(kind);
    if (!ks)
        return NULL;
    int i = name_find((int)kind, name, len);
    return i < 0 ? NULL : &ks->attrs[i];
}
/* ==== end */

bool bcp_schema_set_contains(const char *set, const char *name, size_t len)
{
    if (!set)
        return false;
    const char *p = set;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if ((n == 1 && *p == '*') || (n == len && strncmp(p, name, len) == 0))
            return true;
        if (!bar)
            break;
        p = bar + 1;
    }
    return false;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *bcp_suggest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    size_t best_distance = (size_t)-1;
    size_t limit = strlen(word) / 3 + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = edit_distance(word, candidates[i]);
        if (d < best_distance) {
            best_distance = d;
            best = candidates[i];
        }
    }
    return best_distance <= limit ? best : NULL;
}

const char *bcp_type_describe(const bcp_attr_schema *a, char *buf, size_t size)
{
    const char *base;
    char tmp[256];
    switch (a->type) {
    case BCP_T_TEXT: base = "text"; break;
    case BCP_T_TEXT_OR_NONE: base = "text or `none`"; break;
    case BCP_T_INTEGER:
        snprintf(tmp, sizeof tmp, "integer %ld..%ld", a->min, a->max);
        base = tmp;
        break;
    case BCP_T_DURATION: base = "duration"; break;
    case BCP_T_DATE: base = "date"; break;
    case BCP_T_BOOL: base = "boolean"; break;
    case BCP_T_SCORE:
        snprintf(tmp, sizeof tmp, "1..5 or a %s", a->target);
        base = tmp;
        break;
    case BCP_T_CATALOGUE:
        snprintf(tmp, sizeof tmp, "%s name", a->target);
        base = tmp;
        break;
    case BCP_T_REF:
        snprintf(tmp, sizeof tmp, "reference to %s", a->target);
        base = tmp;
        break;
    case BCP_T_ENUM:
        snprintf(tmp, sizeof tmp, "one of %s", a->target);
        base = tmp;
        break;
    default: base = "any value"; break;
    }
    if (a->list)
        snprintf(buf, size, "list of %s", base);
    else
        snprintf(buf, size, "%s", base);
    return buf;
}

const char *bcp_range_describe(const bcp_attr_schema *a, char *buf, size_t size)
{
    if (a->type != BCP_T_DURATION || !a->plausible_min || !a->plausible_max)
        return NULL;
    snprintf(buf, size, "%s to %s", a->plausible_min, a->plausible_max);
    return buf;
}
