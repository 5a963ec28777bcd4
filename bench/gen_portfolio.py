#!/usr/bin/env python3
"""Generate a synthetic, spec-conforming kam portfolio for benchmarks.

Usage: gen_portfolio.py OUT_DIR N [--seed S] [--jobs J] [--quiet]

Writes OUT_DIR/kam.yaml and N accounts OUT_DIR/accounts/acct-00001/ ... each
with all nine Account File sections (account, profile, swot, blueprint, risks,
contracts, performance, sales, reviews).  The data follows the Account File
format, version 1 (man 5 kam-files): required fields are present, enum values
are valid, ids are unique per list and every reference (action.goal,
risk.contract, opportunity.contact, survey.respondent) names an existing id.
Dates are written relative to 2026-11-23, the as-of day the benchmark uses, so
`kam validate --as-of 2026-11-23` reports no errors; a realistic sprinkling of
warnings and infos (an overdue review, a stale contact) is expected.

Output is deterministic for a given seed, and account i is the same whatever N
is (each account has its own random stream).  Standard library only.
"""

import argparse
import datetime as _dt
import os
import random
import re
import sys
import time

AS_OF = _dt.date(2026, 11, 23)

# ---------------------------------------------------------------------------
# Dates: a precomputed table of ISO strings, indexed by day offset from AS_OF.
_DAY0 = _dt.date(2012, 1, 1).toordinal()
_DAYS = [_dt.date.fromordinal(o).isoformat() for o in range(_DAY0, _dt.date(2034, 12, 31).toordinal() + 1)]
_ASOF_IDX = AS_OF.toordinal() - _DAY0


def day(offset):
    """ISO date `offset` days after the as-of day (negative: before)."""
    return _DAYS[_ASOF_IDX + offset]


# ---------------------------------------------------------------------------
# Vocabulary.

FIRST = ["Anna", "Lukas", "Sofia", "Jonas", "Mia", "Felix", "Emma", "Paul", "Lea", "Noah",
         "Clara", "Elias", "Marie", "Ben", "Laura", "David", "Sarah", "Tom", "Julia", "Max",
         "Olivia", "James", "Amelia", "Oliver", "Isla", "Harry", "Chloé", "Louis", "Inès", "Hugo",
         "Giulia", "Marco", "Elena", "Luca", "Sven", "Ingrid", "Piotr", "Zofia", "Mehmet", "Aylin",
         "Priya", "Rahul", "Mei", "Kenji", "Carlos", "Lucía", "João", "Ana", "Björn", "Astrid"]
# (display name, ASCII id stem)
LAST = [("Müller", "mueller"), ("Schmidt", "schmidt"), ("Schneider", "schneider"), ("Fischer", "fischer"),
        ("Weber", "weber"), ("Meyer", "meyer"), ("Wagner", "wagner"), ("Becker", "becker"),
        ("Hoffmann", "hoffmann"), ("Schäfer", "schaefer"), ("Koch", "koch"), ("Richter", "richter"),
        ("Klein", "klein"), ("Wolf", "wolf"), ("Schröder", "schroeder"), ("Neumann", "neumann"),
        ("Smith", "smith"), ("Jones", "jones"), ("Taylor", "taylor"), ("Brown", "brown"),
        ("Williams", "williams"), ("Wilson", "wilson"), ("Dubois", "dubois"), ("Lefèvre", "lefevre"),
        ("Moreau", "moreau"), ("Rossi", "rossi"), ("Bianchi", "bianchi"), ("García", "garcia"),
        ("Fernández", "fernandez"), ("Nowak", "nowak"), ("Kowalski", "kowalski"), ("Novák", "novak"),
        ("Jansen", "jansen"), ("de Vries", "devries"), ("Andersson", "andersson"), ("Nielsen", "nielsen"),
        ("Özdemir", "oezdemir"), ("Yılmaz", "yilmaz"), ("Patel", "patel"), ("Tanaka", "tanaka"),
        ("Silva", "silva"), ("Costa", "costa"), ("Lindqvist", "lindqvist"), ("O'Brien", "obrien"),
        ("Vogel", "vogel"), ("Krüger", "krueger"), ("Lang", "lang"), ("Brandt", "brandt")]

NAME_A = ["Acme", "Northwind", "Meridian", "Orion", "Tessera", "Cobalt", "Kestrel", "Borealis", "Helix",
          "Vanguard", "Atlas", "Summit", "Pioneer", "Granite", "Aurora", "Beacon", "Cascade", "Delta",
          "Evergreen", "Falcon", "Harbor", "Ironwood", "Juniper", "Lumen", "Nimbus", "Polaris",
          "Quantum", "Redwood", "Sterling", "Titan", "Unity", "Vertex", "Westbrook", "Zenith"]
NAME_B = ["Manufacturing", "Logistics", "Retail", "Foods", "Packaging", "Software", "Aerospace",
          "Energy", "Pharma", "Chemicals", "Mobility", "Telecom", "Insurance", "Healthcare",
          "Utilities", "Foundry", "Textiles", "Brewing", "Mining", "Robotics"]
NAME_C = ["GmbH", "AG", "Ltd", "plc", "S.A.", "SE", "Inc.", "B.V.", "AB", "S.p.A.", "Group", "Holding"]

INDUSTRY = {
    "Manufacturing": "Industrial machinery", "Logistics": "Transport and logistics",
    "Retail": "Retail", "Foods": "Food and beverage", "Packaging": "Packaging",
    "Software": "Software", "Aerospace": "Aerospace and defence", "Energy": "Energy",
    "Pharma": "Pharmaceuticals", "Chemicals": "Chemicals", "Mobility": "Automotive",
    "Telecom": "Telecommunications", "Insurance": "Insurance", "Healthcare": "Healthcare",
    "Utilities": "Utilities", "Foundry": "Metals", "Textiles": "Textiles",
    "Brewing": "Food and beverage", "Mining": "Mining", "Robotics": "Industrial automation"}

CITIES = ["Stuttgart, Germany", "Munich, Germany", "Hamburg, Germany", "Vienna, Austria",
          "Zurich, Switzerland", "Basel, Switzerland", "London, United Kingdom",
          "Manchester, United Kingdom", "Lyon, France", "Paris, France", "Milan, Italy",
          "Madrid, Spain", "Rotterdam, Netherlands", "Gothenburg, Sweden", "Copenhagen, Denmark",
          "Warsaw, Poland", "Prague, Czech Republic", "Chicago, USA", "Columbus, USA", "Toronto, Canada"]

TITLES_DM = ["Chief Executive Officer", "Chief Operating Officer", "Chief Financial Officer",
             "Chief Information Officer", "Chief Technology Officer", "Managing Director",
             "VP Operations", "General Manager"]
TITLES_OTHER = ["Director Plant Operations", "Head of Procurement", "Head of IT Infrastructure",
                "Maintenance Lead", "Head of Quality", "Supply Chain Manager", "Head of OT Security",
                "Category Manager, Indirect Services", "Data Platform Lead", "Plant Manager",
                "Head of Finance Controlling", "Energy Manager", "Head of Engineering"]
ROLES = ["decision-maker", "influencer", "champion", "user", "gatekeeper", "blocker"]
PREL = ["strong", "good", "good", "neutral", "neutral", "weak", "hostile"]

OUR_PEOPLE = ["Katrin Vogel", "Dr. Felix Hartmann", "Sabine Roth", "Mehmet Arslan", "Julia Krüger",
              "Thomas Berg", "Nina Petrović", "Oliver Grant", "Claire Martin", "Stefan Huber",
              "Eva Lindström", "Marco Ferri", "Hannah Weiss", "Jan de Boer", "Sophie Laurent"]
OUR_ROLES = ["Account manager", "Executive sponsor", "Service delivery manager", "Solution architect",
             "Customer success", "Bid manager", "Project lead"]

OFFERINGS = ["Sentinel APM", "Field Service 24/7", "Data engineering services", "Energy monitoring module",
             "Vision-based predictive quality", "Sentinel Edge gateways", "Remote operations centre",
             "Spare-parts consignment", "Training academy", "Reliability consulting"]
COMPETITORS = ["Siemens Digital Industries", "Bosch Rexroth", "Accenture Industry X", "ABB Ability",
               "Schneider Electric", "Honeywell Forge", "AVEVA", "IBM Maximo", "PTC ThingWorx",
               "Local integrator", "In-house IT team", "Capgemini Engineering"]
CLIENT_COMPETITORS = ["DMG Mori", "Chiron Group", "Low-cost Asian OEMs", "Trumpf", "Kuka",
                      "Nestlé", "Unilever", "DHL Supply Chain", "Kuehne+Nagel", "Amazon",
                      "BASF", "Covestro", "Airbus suppliers", "Regional challengers"]

STRENGTHS = ["{off} installed at {n} sites with deep SAP PM integration",
             "Executive sponsorship from the {t}",
             "Proven savings: {p}% less unplanned downtime on monitored lines",
             "Field engineers within two hours of every plant",
             "Long track record since {y}; trusted by operations",
             "Only supplier with an audited business case in the account"]
WEAKNESSES = ["Response times above SLA since Q{q} {y}",
              "Weak relationship with Finance and Procurement",
              "No presence in the automation layer, owned by {comp}",
              "Pricing seen as opaque by Procurement",
              "Too dependent on a single champion",
              "Limited delivery capacity in {city}"]
OPPS = ["{off} for all plants in {y2}",
        "Supplier consolidation could remove two smaller competitors",
        "New plant in {city} opening in {y2}",
        "Energy-cost programme creates budget for monitoring",
        "Expansion into the {seg} division",
        "Framework renewal opens a multi-year commitment"]
THREATS = ["{comp} bundling its platform into the automation renewal",
           "Capex freeze in {y2} if order intake keeps falling",
           "Champion may move to a group role",
           "Procurement pushing for a 200% liability cap",
           "Merger talks could move decisions to the new parent",
           "Aggressive pricing from {comp} in the next tender"]
GOALS = [("Renew the {off} subscription for {y2}-{y3}", "Contract signed before the end date", None),
         ("Critical-call response within SLA", "Share of critical calls answered within 4 hours", "%"),
         ("Grow annual revenue from the account", "Recognised revenue per fiscal year", "EUR"),
         ("Win {off} for all plants", "Plants live with the module", "plants"),
         ("Relationship coverage of decision-makers", "Decision-makers with a good or strong relationship", "%"),
         ("Raise share of wallet", "Our share of the client's maintenance-technology spend", "%"),
         ("Publish a joint case study", "Case study approved by the client", None),
         ("Reduce open delivery issues", "Open issues at quarter end", "issues")]
ACTIONS = ["Send the renewal proposal to Procurement", "Negotiation workshop with Legal on the liability cap",
           "Add two field engineers to the {city} hub", "Agree a revised escalation matrix",
           "One-to-one savings review with the CFO", "Security workshop on the new architecture",
           "Proof of value in the {city} plant", "Quarterly price-indexation proposal",
           "Prepare the executive business review", "Map the new procurement organisation",
           "Introduce our CTO to the client's CIO", "Run a user-satisfaction pulse survey"]
RISKS = [("{comp} displaces {off} in the next renewal", "competitive"),
         ("SLA breaches lead to service credits and loss of credibility", "delivery"),
         ("Champion leaves and we lose plant budgets", "relationship"),
         ("Procurement demands an unlimited liability cap", "legal"),
         ("Client freezes discretionary spend in {y2}", "financial"),
         ("Security team vetoes cloud connectivity", "other"),
         ("Attrition of senior engineers on the project", "delivery"),
         ("Currency exposure on the {cur} contract", "financial"),
         ("Price pressure in the framework renegotiation", "commercial"),
         ("Late payment of invoices beyond agreed terms", "financial")]
MITIGATIONS = ["Close the renewal early with a multi-year price lock.",
               "Two more engineers on site; revised escalation matrix.",
               "Build relationships with the likely successor and with the CIO.",
               "Offer a higher cap only for data-protection breaches; Legal prepares fallback wording.",
               "Position the offering as self-funding within twelve months.",
               "On-premise edge option and an IEC 62443 documentation pack.",
               "Retention bonus agreed; a third engineer shadows the team."]
ISSUES = ["Gateway firmware update caused data gaps at two sites", "Monthly report delivered late",
          "Spare part out of stock for {n} days", "Dashboard slow during month-end close",
          "Wrong invoice address on three invoices", "On-site engineer missed a scheduled visit",
          "Alert storm after sensor recalibration"]
REVIEW_SUMMARIES = ["Renewal approach agreed; Procurement to run the negotiation.",
                    "Data-platform phase kicked off. Firmware incident closed.",
                    "Response times slipping against target; root-cause analysis agreed.",
                    "Client confirmed intent to renew; wants savings evidence per plant.",
                    "Roadmap presented; strong interest in the energy module.",
                    "Escalation on invoicing resolved; relationship back on track."]
SURVEY_COMMENTS = ["Engineers are excellent once on site; getting them here is the problem.",
                   "Good service, but pricing is hard to benchmark.",
                   "The platform has become part of our daily routine.",
                   "Reporting could be more actionable for plant managers.",
                   "A model for our other suppliers."]
LOST_REASONS = ["Competitor offered it as part of a framework at a 40% lower price.",
                "Budget moved to the automation programme.",
                "Client decided to build it in-house.",
                "Timeline too short for our delivery capacity."]
SEGMENTS = ["components", "services", "aftermarket", "logistics", "digital", "energy"]
SCORE_MEASURES = [("financial", "Gross margin on the account", 30, "%", "higher"),
                  ("financial", "Days sales outstanding", 60, "days", "lower"),
                  ("customer", "Net Promoter Score (account)", 40, None, "higher"),
                  ("customer", "Escalations per quarter", 2, None, "lower"),
                  ("internal", "Tickets closed within SLA", 95, "%", "higher"),
                  ("internal", "Mean time to repair", 6, "h", "lower"),
                  ("learning", "Certified engineers on the account", 8, None, "higher"),
                  ("learning", "Joint innovation workshops per year", 4, None, "higher")]
SLA_KINDS = [("avail", "Platform availability", 99.9, "%", None),
             ("latency", "Sensor-to-dashboard latency (p95)", 60, "s", "lower"),
             ("resp", "On-site response to critical calls", 4, "h", "lower"),
             ("ftfr", "First-time fix rate", 85, "%", None),
             ("parts", "Spare-parts availability", 98, "%", None),
             ("report", "Monthly report on time", 100, "%", "higher")]
CONTRACT_TYPES = [("MSA", "msa", "Master Services Agreement"),
                  ("SUB", "subscription", "{off} subscription"),
                  ("SUP", "support", "Field Service 24/7 support"),
                  ("SOW", "sow", "Statement of work: data platform"),
                  ("LIC", "license", "{off} licence"),
                  ("FWK", "framework", "Framework agreement, industrial services")]

_PLAIN_OK = re.compile(r"^[A-Za-z\u00c0-\u024f][^\n]*$")
_NEEDS_QUOTE = re.compile(r": |\s#|:$|^(true|false|null|yes|no|on|off|y|n|~)$", re.I)


def q(s, force=False):
    """A YAML scalar for text `s`: plain when safe, else double-quoted."""
    if not force and _PLAIN_OK.match(s) and not _NEEDS_QUOTE.search(s):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def money(cents):
    """Money text from integer cents: whole units when exact, else 2 decimals."""
    if cents % 100 == 0:
        return str(cents // 100)
    return "%d.%02d" % (cents // 100, cents % 100)


# ---------------------------------------------------------------------------

class Account:
    def __init__(self, idx, seed):
        self.r = random.Random(seed * 1_000_003 + idx)
        r = self.r
        self.idx = idx
        a, b, c = r.choice(NAME_A), r.choice(NAME_B), r.choice(NAME_C)
        self.short = "%s %s" % (a, b)
        self.name = "%s %s %s" % (a, b, c)
        self.sector = b
        self.city = r.choice(CITIES)
        self.currency = r.choices(["EUR", "USD", "GBP", "CHF"], [70, 16, 8, 6])[0]
        self.manager = r.choice(OUR_PEOPLE)
        self.team = r.sample(OUR_PEOPLE, 3)
        if self.manager not in self.team:
            self.team[0] = self.manager
        self.offs = r.sample(OFFERINGS, 4)
        self.comps = r.sample(COMPETITORS, 3)
        self.since_off = -r.randint(700, 4500)
        self.since_year = int(day(self.since_off)[:4])
        self.scale = r.choice([2, 5, 10, 25, 50, 100, 250]) * 10000  # revenue per quarter (units)
        self.status = r.choices(["active", "at-risk", "onboarding", "dormant", "lost", "prospect"],
                                [70, 10, 6, 5, 5, 4])[0]
        self.tier = r.choices(["key", "strategic", "growth", "maintain", "transactional"],
                              [15, 20, 30, 25, 10])[0]
        self.people = []  # (id, display name, role)
        self.goal_ids = []
        self.contract_ids = []

    def fill(self, s):
        r = self.r
        y = r.randint(2019, 2025)
        return s.format(off=r.choice(self.offs), comp=r.choice(self.comps), city=self.city.split(",")[0],
                        t=r.choice(TITLES_DM), p=r.randint(10, 40), y=y, y2=2027 + r.randint(0, 1),
                        y3=2029 + r.randint(0, 1), q=r.randint(1, 4), n=r.randint(2, 14),
                        seg=r.choice(SEGMENTS), cur=self.currency)

    # -- account.yaml -------------------------------------------------------
    def account_yaml(self):
        r = self.r
        o = []
        w = o.append
        w("# Account File — cover sheet\n# %s: client since %d.\n\n" % (self.name, self.since_year))
        w("name: %s\n" % q(self.name, force=r.random() < 0.3))
        w("status: %s\ntier: %s\nmanager: %s\n" % (self.status, self.tier, self.manager))
        w("relationship: %s\n" % r.choice(["intense", "moderate", "arms-length"]))
        w("client_since: %s\n" % day(self.since_off))
        if self.status == "lost":
            w("lost_on: %s\n" % day(-r.randint(20, 300)))
        w("currency: %s\n\nteam:\n" % self.currency)
        for i, p in enumerate(self.team):
            role = "Account manager" if p == self.manager else r.choice(OUR_ROLES[1:])
            w("  - name: %s\n    role: %s\n" % (p, role))
        w("\nmission: >\n  Be %s's partner of choice for keeping its operations running\n"
          "  and a measurable contribution to its %d%% OEE target.\n\n"
          % (self.short, r.randint(75, 90)))
        w("background: |\n  Founded in %d in %s; today %d sites.\n\n"
          "  We entered in %d with a pilot that led to a roll-out of %s.\n\n"
          % (r.randint(1890, 1995), self.city.split(",")[0], r.randint(2, 20),
             self.since_year, self.offs[0]))
        w("history:\n")
        step = max(30, -self.since_off // 4)
        for k in range(3):
            d = day(self.since_off + k * step + r.randint(0, step - 1))
            ev = self.fill(r.choice(["Pilot signed for two lines in {city}", "Master Services Agreement signed",
                                     "{off} live in all plants", "First US site onboarded",
                                     "Framework renewed for three years", "Executive sponsor changed"]))
            if r.random() < 0.25:
                ev = "Phase %d: %s" % (k + 1, ev[0].lower() + ev[1:])
            w("  - date: %s\n    event: %s\n" % (d, q(ev)))
        w("\n")
        if r.random() < 0.7:
            w("overview: >\n  %s group, %s revenue, %s employees. Under margin pressure and\n"
              "  investing in automation.\n\n"
              % (self.sector, self.currency + " %d.%dbn" % (r.randint(0, 9), r.randint(1, 9)),
                 "{:,}".format(r.randint(300, 60000))))
        w("position:\n  current: >\n    Preferred supplier for %s; roughly %d%% of the relevant spend.\n"
          "  scope: %s\n  objectives:\n" % (self.offs[0], r.randint(5, 40), ", ".join(self.offs[:2])))
        for k in range(2):
            w("    - %s\n" % q(self.fill(r.choice(OPPS))))
        w("\ngrowth_potential: %s\nreplaceability: %s\n" % (r.choice(["low", "medium", "high"]),
                                                          r.choice(["low", "medium", "high"])))
        w("tags: [%s, %s, %s]\n" % (self.sector.lower(), r.choice(["dach", "uk", "nordics", "benelux", "us"]),
                                    r.choice(["apm", "field-service", "data"])))
        if r.random() < 0.5:
            w("\n# Our own extension keys start with x- and are never checked by kam.\n")
            w('x-crm-id: "SF-%05d"\n' % self.idx)
        return "".join(o)

    # -- profile.yaml -------------------------------------------------------
    def profile_yaml(self):
        r = self.r
        o = []
        w = o.append
        w("# Client profile: %s\n\n" % self.name)
        w("industry: %s\nmarket: %s, Europe and North America\n" % (INDUSTRY[self.sector], self.sector))
        w("headquarters: %s\n" % q(self.city, force=r.random() < 0.3))
        w("structure: Holding with %d divisions\n" % r.randint(2, 5))
        w("employees: %d\nannual_revenue: %s\n\n" % (r.randint(200, 80000), money(r.randint(5, 9000) * 100_000_000)))
        w("# `owner` is who on our side owns the contact.\npeople:\n")
        used = set()
        roles = ["decision-maker", "decision-maker"] + [r.choice(ROLES) for _ in range(4)]
        for k, role in enumerate(roles):
            ln, stem = r.choice(LAST)
            pid = stem
            n = 2
            while pid in used:
                pid = "%s-%d" % (stem, n)
                n += 1
            used.add(pid)
            fn = r.choice(FIRST)
            name = "%s %s" % (fn, ln)
            if r.random() < 0.15:
                name = "Dr. " + name
            self.people.append((pid, name, role))
            title = r.choice(TITLES_DM if role == "decision-maker" else TITLES_OTHER)
            w("  - id: %s\n    name: %s\n" % (pid, q(name)))
            if r.random() < 0.85:
                w("    title: %s\n" % title)
            w("    role: %s\n    relationship: %s\n" % (role, r.choice(PREL)))
            if r.random() < 0.6:
                w("    owner: %s\n" % r.choice(self.team))
            if r.random() < 0.3:
                w("    email: %s.%s@client%05d.example\n" % (fn.lower().encode("ascii", "ignore").decode() or "x",
                                                          stem, self.idx))
            if r.random() < 0.1:
                w('    phone: "+49 %d 555 %04d"\n' % (r.randint(30, 999), r.randint(0, 9999)))
            w("    last_contact: %s\n" % day(-r.randint(1, 70 if role == "decision-maker" else 150)))
            if r.random() < 0.1:
                w("    notes: %s\n" % q(r.choice(["Signs everything above EUR 1M.",
                                                  "Sceptical of subscription pricing; wants hard savings evidence.",
                                                  "Sponsored the first pilot.",
                                                  "Blocks any new cloud connection without a risk assessment."])))
        w("\nprocurement:\n  framework: FA-%d Industrial Services Framework\n"
          "  preferred_supplier: %s\n  payment_terms_days: %d\n  next_tender: %s\n\n"
          % (r.randint(2020, 2026), r.choice(["true", "false"]), r.choice([30, 45, 60, 90]),
             day(r.randint(30, 700))))
        w("suppliers:\n")
        shares = [r.randint(5, 30) for _ in range(2)]
        for k in range(2):
            w("  - name: %s\n    scope: %s\n    share: %d\n" % (self.comps[k], r.choice(
                ["PLCs, drives and IIoT platform", "Hydraulics service", "Strategy consulting",
                 "Mechanical maintenance", "ERP and MES"]), shares[k]))
        w("competitors:\n")
        for cc in r.sample(CLIENT_COMPETITORS, 2):
            w("  - name: %s\n    notes: %s\n" % (q(cc), q(r.choice(
                ["Market leader; heavy digital-services push.", "Direct competitor in the core segment.",
                 "Price pressure of 15-20% in the mid-range segment.", "Growing fast in North America."]))))
        return "".join(o)

    # -- swot.yaml ----------------------------------------------------------
    def swot_yaml(self):
        r = self.r
        o = ["# SWOT of our position in the account.\n",
             "updated: %s\n" % day(-r.randint(5, 200))]
        for key, pool in (("strengths", STRENGTHS), ("weaknesses", WEAKNESSES),
                          ("opportunities", OPPS), ("threats", THREATS)):
            o.append("\n%s:\n" % key)
            for t in r.sample(pool, 2):
                t = self.fill(t)
                if r.random() < 0.6:
                    o.append("  - text: %s\n    impact: %s\n" % (q(t), r.choice(["low", "medium", "high"])))
                else:
                    o.append("  - %s\n" % q(t, force=r.random() < 0.3))
        return "".join(o)

    # -- blueprint.yaml -----------------------------------------------------
    def blueprint_yaml(self):
        r = self.r
        o = []
        w = o.append
        w("# Account blueprint\n\n")
        w("strategy: |\n  %s. Renew %s before %s bundles its platform.\n"
          "  Expand into %s from %d.\n"
          % (r.choice(["Defend and extend", "Grow selectively", "Stabilise, then expand", "Harvest"]),
             self.offs[0], self.comps[0], self.offs[1], 2027 + r.randint(0, 1)))
        w("horizon: %s\n\ngoals:\n" % day(r.randint(200, 900)))
        for k, (title, metric, unit) in enumerate(r.sample(GOALS, 4), 1):
            gid = "G%d" % k
            self.goal_ids.append(gid)
            w("  - id: %s\n    title: %s\n    status: %s\n"
              % (gid, q(self.fill(title)), r.choice(["not-started", "on-track", "on-track", "at-risk",
                                                      "off-track", "achieved", "dropped"])))
            if r.random() < 0.4:
                w("    metric: %s\n" % metric)
            if unit is not None:
                tgt = {"%": r.randint(60, 100), "EUR": r.randint(10, 500) * 10000}.get(unit, r.randint(2, 20))
                act = min(tgt * r.uniform(0.3, 1.1), 100) if unit == "%" else int(tgt * r.uniform(0.3, 1.1))
                w("    target: %s\n    actual: %s\n    unit: %s\n"
                  % (tgt, round(act, 1) if unit == "%" else act, q(unit, force=True)))
            w("    due: %s\n" % day(r.randint(-60, 500)))
            if r.random() < 0.5:
                w("    owner: %s\n" % r.choice(self.team))
        w("actions:\n")
        for k, t in enumerate(r.sample(ACTIONS, 6), 1):
            st = r.choice(["open", "open", "open", "done", "cancelled"])
            w("  - id: A%d\n    title: %s\n    status: %s\n" % (k, q(self.fill(t)), st))
            if r.random() < 0.5:
                w("    owner: %s\n" % r.choice(self.team))
            w("    due: %s\n" % day(r.randint(-30, 240) if st == "open" else -r.randint(5, 300)))
            if r.random() < 0.85:
                w("    goal: %s\n" % r.choice(self.goal_ids))
        w("\n# Our competitors inside the account\ncompetition:\n")
        for cname in self.comps[:2]:
            w("  - name: %s\n    threat: %s\n    share: %d\n"
              % (q(cname), r.choice(["low", "medium", "high"]), r.randint(2, 35)))
        w("\n# Product selection\nofferings:\n")
        for k, off in enumerate(self.offs[:3]):
            w("  - name: %s\n    stage: %s\n" % (off, ["current", "proposed", "planned"][k]))
            if k == 0:
                w("    notes: %s\n" % q("%d sites, %s assets" % (r.randint(2, 20), "{:,}".format(r.randint(100, 5000)))))
        return "".join(o)

    # -- contracts.yaml -----------------------------------------------------
    def contracts_yaml(self):
        r = self.r
        o = []
        w = o.append
        w("# Contracts and SLAs (money in %s unless stated).\n\ncontracts:\n" % self.currency)
        sla_n = 0
        for k, (prefix, ctype, title) in enumerate(r.sample(CONTRACT_TYPES, 3), 1):
            start_off = -r.randint(60, 2500)
            start = day(start_off)
            cid = "%s-%s-%d" % (prefix, start[:4], k)
            self.contract_ids.append(cid)
            length = r.choice([365, 730, 1095, 1826])
            end_off = start_off + length
            open_ended = ctype == "msa" and r.random() < 0.3
            notice = r.choice([30, 60, 90, 120])
            if open_ended:
                status = "active"
            elif end_off < 0:
                status = r.choice(["expired", "expired", "terminated"])
            elif end_off < 120:
                status = r.choice(["active", "renewing"])
            else:
                status = "active"
            w("  - id: %s\n    title: %s\n    type: %s\n    status: %s\n    start: %s\n"
              % (cid, q(self.fill(title), force=r.random() < 0.2), ctype, status, start))
            if not open_ended:
                w("    end: %s\n" % day(end_off))
            if ctype != "msa":
                # a contract is worth a share of the account's yearly revenue
                cents = max(1, int(self.scale * 4 * r.uniform(0.1, 0.5)) // 5000) * 500000
                cents += r.choice([0, 0, 0, 50, 99]) if r.random() < 0.2 else 0
                w("    annual_value: %s\n" % money(cents))
                if r.random() < 0.15:
                    w("    currency: %s\n" % r.choice(["EUR", "USD", "GBP", "CHF"]))
            # Active contracts whose notice deadline has passed renew automatically
            # (else `notice-passed` fires); the rest are a coin toss.
            auto = (not open_ended and end_off - notice < 0) or r.random() < 0.5
            w("    notice_days: %d\n    auto_renew: %s\n" % (notice, "true" if auto else "false"))
            if r.random() < 0.5:
                w("    owner: %s\n" % r.choice(self.team))
            w("    slas:\n")
            for kind, name, target, unit, better in r.sample(SLA_KINDS, 2):
                sla_n += 1
                if better == "lower":
                    actual = round(target * r.uniform(0.6, 1.25), 1)
                elif unit == "%" and target > 90:
                    actual = round(min(100.0, target + r.uniform(-1.5, 0.09)), 2)
                else:
                    actual = round(min(100.0, target * r.uniform(0.9, 1.1)), 1)
                w("      - id: %s-%d\n        name: %s\n        target: %s\n        actual: %s\n        unit: %s\n"
                  % (kind, sla_n, name, target, actual, q(unit, force=unit == "%")))
                if better == "lower":
                    w("        better: %s\n" % better)
            w("\n")
        return "".join(o)

    # -- risks.yaml ---------------------------------------------------------
    def risks_yaml(self):
        r = self.r
        o = ["# Risk register. Score = likelihood x impact.\n\nrisks:\n"]
        w = o.append
        for k, (title, cat) in enumerate(r.sample(RISKS, 6), 1):
            st = r.choice(["open", "open", "mitigating", "mitigating", "accepted", "closed"])
            w("  - id: RISK-%03d\n    title: %s\n    likelihood: %d\n    impact: %d\n    status: %s\n"
              % (k, q(self.fill(title), force=r.random() < 0.15), r.randint(1, 5), r.randint(1, 5), st))
            if r.random() < 0.8:
                w("    category: %s\n" % cat)
            if r.random() < 0.5:
                w("    owner: %s\n    raised: %s\n" % (r.choice(self.team), day(-r.randint(30, 700))))
            w("    review: %s\n" % day(r.randint(-3, 120) if st != "closed" else -r.randint(10, 300)))
            if r.random() < 0.6:
                w("    contract: %s\n" % r.choice(self.contract_ids))
            x = r.random()
            if x < 0.05:
                w("    mitigation: >\n      %s\n      Reported at every QBR.\n" % r.choice(MITIGATIONS))
            elif x < 0.25:
                w("    mitigation: %s\n" % q(r.choice(MITIGATIONS)))
        return "".join(o)

    # -- performance.yaml ---------------------------------------------------
    def performance_yaml(self):
        r = self.r
        o = ["# Delivery performance (money in %s)\n\nfinancials:\n"
             % self.currency]
        w = o.append
        rev = self.scale * 100 * r.uniform(0.7, 1.3)
        year = None
        flow = r.random() < 0.3  # some finance teams paste one line per period
        for k in range(12):  # 2023-Q4 .. 2026-Q3
            qn = (3 + k) % 4 + 1
            yr = 2023 + (3 + k) // 4
            if yr != year:
                year = yr
                w("  # Fiscal %d\n" % yr)
            rev *= r.uniform(0.96, 1.06)
            cents = int(rev) // 100 * 100 if r.random() < 0.85 else int(rev)
            cost = int(cents * r.uniform(0.55, 0.85))
            cost = cost // 100 * 100 if r.random() < 0.8 else cost
            if k < 4 and self.idx % 3 == 0:  # some accounts started recording costs later
                w(("  - {period: %d-Q%d, revenue: %s}\n" if flow else "  - period: %d-Q%d\n    revenue: %s\n")
                  % (yr, qn, money(cents)))
            else:
                w(("  - {period: %d-Q%d, revenue: %s, cost: %s}\n" if flow
                   else "  - period: %d-Q%d\n    revenue: %s\n    cost: %s\n") % (yr, qn, money(cents), money(cost)))
        w("\nscorecard:\n")
        for persp, measure, target, unit, better in r.sample(SCORE_MEASURES, 4):
            actual = round(target * r.uniform(0.7, 1.2), 1)
            w("  - perspective: %s\n    measure: %s\n    target: %s\n    actual: %s\n"
              % (persp, q(measure), target, actual))
            if unit:
                w("    unit: %s\n" % q(unit, force=True))
            if better == "lower" or r.random() < 0.3:
                w("    better: %s\n" % better)
        w("\nissues:\n")
        for k in range(3):
            st = r.choice(["open", "resolved", "resolved"])
            opened = -r.randint(10, 400)
            w("  - id: ISS-%03d\n    title: %s\n    severity: %s\n    status: %s\n    opened: %s\n"
              % (r.randint(1, 99) * 10 + k, q(self.fill(r.choice(ISSUES))),
                 r.choice(["low", "medium", "high", "critical"]), st, day(opened)))
            if st == "resolved":
                w("    resolved_on: %s\n" % day(min(opened + r.randint(1, 60), 0)))
            if r.random() < 0.5:
                w("    owner: %s\n" % r.choice(self.team))
        return "".join(o)

    # -- sales.yaml ---------------------------------------------------------
    def sales_yaml(self):
        r = self.r
        o = ["# Opportunities, orders won and lost (values in %s)\n\nopportunities:\n"
             % self.currency]
        w = o.append
        stages = ["lead", "lead", "qualified", "proposal", "negotiation", "won", "won", "lost"]
        r.shuffle(stages)
        base = r.randint(100, 900)
        for k, stage in enumerate(stages):
            closed = stage in ("won", "lost")
            off = r.choice(self.offs)
            w("  - id: OPP-%d\n    title: %s\n    stage: %s\n    value: %s\n"
              % (base + k, q(self.fill(r.choice(
                  ["{off} for the {city} plant", "{off} extension to all plants", "{off} renewal {y2}-{y3}",
                   "Pilot of {off}", "{off} for the {seg} division"])), force=r.random() < 0.1),
                 stage, money(max(1, int(self.scale * r.uniform(0.1, 2.0)) // 1000) * 100_000
                              + (r.choice([0, 50]) if r.random() < 0.1 else 0))))
            if not closed and r.random() < 0.6:
                w("    probability: %d\n" % r.choice([10, 20, 25, 30, 40, 50, 60, 75, 80, 90]))
            w("    close: %s\n" % day(-r.randint(5, 700) if closed else r.randint(10, 400)))
            if r.random() < 0.1:
                w("    currency: %s\n" % r.choice(["EUR", "USD", "GBP", "CHF"]))
            if r.random() < 0.5:
                w("    owner: %s\n" % r.choice(self.team))
            w("    contact: %s\n" % r.choice(self.people)[0])
            if r.random() < 0.25:
                w("    offering: %s\n" % off)
            if stage == "negotiation":
                w("    proposition: >\n      Multi-year agreement with price lock.\n")
                w('    pricing: "%s per year; %d%% volume discount from %d sites"\n'
                  % (self.currency + " " + "{:,}".format(r.randint(50, 2000) * 1000), r.randint(2, 8), r.randint(3, 12)))
            x = r.random()
            if x < 0.1:
                w("    qualification:\n      budget: %s\n      authority: %s\n      need: %s\n      timeline: %s\n"
                  % tuple(r.choice(["true", "false"]) for _ in range(4)))
            elif x < 0.25:
                w("    qualification: {budget: %s, authority: %s, need: %s, timeline: %s}\n"
                  % tuple(r.choice(["true", "false"]) for _ in range(4)))
            if stage == "lost" and r.random() < 0.85:
                w("    lost_reason: %s\n" % q(r.choice(LOST_REASONS)))
            w("\n")
        return "".join(o)

    # -- reviews.yaml -------------------------------------------------------
    def reviews_yaml(self):
        r = self.r
        o = ["# Reviews, surveys, reference visits\n\nreviews:\n"]
        w = o.append
        d = -r.randint(5, 100) - 3 * 91
        for k in range(4):
            nxt = d + r.randint(80, 100)
            attendees = [p[1] for p in r.sample(self.people, 2)] + [r.choice(self.team)]
            w("  - date: %s\n    type: %s\n    attendees: [%s]\n"
              % (day(d), "annual" if k == 0 else r.choice(["qbr", "qbr", "executive", "ad-hoc"]),
                 ", ".join(q(a) for a in attendees)))
            summ = r.choice(REVIEW_SUMMARIES)
            if r.random() < 0.15:
                w("    summary: |\n      %s\n      Next steps agreed with the sponsor.\n" % summ)
            else:
                w("    summary: %s\n" % q(summ))
            if r.random() < 0.25:
                w("    actions:\n      - Savings per plant to the CFO\n      - %s\n"
                  % q(self.fill(r.choice(ACTIONS))))
            w("    next: %s\n\n" % day(nxt))
            d = nxt + r.randint(-5, 5)
            if d > -1:
                d = -1
        w("surveys:\n")
        for k in range(3):
            w("  - date: %s\n    respondent: %s\n" % (day(-r.randint(10, 500)), r.choice(self.people)[0]))
            x = r.random()
            if x < 0.8:
                w("    nps: %d\n" % r.randint(0, 10))
            if x > 0.3:
                w("    csat: %s\n" % (r.randint(10, 50) / 10))
            if r.random() < 0.4:
                w("    comment: %s\n" % q(r.choice(SURVEY_COMMENTS), force=r.random() < 0.5))
        w("\nreferences:\n  - date: %s\n    visitor: %s\n    outcome: %s\n"
          % (day(-r.randint(30, 900)), q("%s %s (VP Operations)" % (r.choice(NAME_A), r.choice(NAME_B))),
             q(r.choice(["Visited the main plant; signed an NDA.", "Three inbound leads."]))))
        return "".join(o)

    def files(self):
        # Order matters: profile fills people, blueprint goals, contracts ids.
        # About half of the authors write top-level lists without indenting
        # the dashes ("people:\n- id: x"), the other half indent them.
        flat = self.r.random() < 0.5
        out = {}
        out["account.yaml"] = self.account_yaml()
        out["profile.yaml"] = self.profile_yaml()
        out["swot.yaml"] = self.swot_yaml()
        out["blueprint.yaml"] = self.blueprint_yaml()
        out["contracts.yaml"] = self.contracts_yaml()
        out["risks.yaml"] = self.risks_yaml()
        out["performance.yaml"] = self.performance_yaml()
        out["sales.yaml"] = self.sales_yaml()
        out["reviews.yaml"] = self.reviews_yaml()
        if flat:
            for k in out:
                out[k] = indentless(out[k])
        return out


_TOP_KEY = re.compile(r"(?m)^(?=[A-Za-z])")
_SEQ_START = re.compile(r"\n(?:[ \t]*(?:#[^\n]*)?\n)*  - ")
_INDENT2 = re.compile(r"(?m)^  ")


def indentless(text):
    """Rewrite each top-level block sequence with its dashes at column 0.

    Every line of such a block is indented by at least two spaces, so removing
    exactly two keeps the structure (block scalars keep their relative indent).
    """
    parts = _TOP_KEY.split(text)
    for i, part in enumerate(parts):
        nl = part.find("\n")
        if nl > 0 and part[nl - 1] == ":" and _SEQ_START.match(part, nl):
            parts[i] = part[:nl] + _INDENT2.sub("", part[nl:])
    return "".join(parts)


KAM_YAML = """\
# Portfolio settings for kam (format: man 5 kam-files).
# Synthetic benchmark portfolio written by bench/gen_portfolio.py
# (%(n)d accounts, seed %(seed)d). Dates are written relative to 2026-11-23.

kam: 1
name: "Benchmark portfolio (%(n)d accounts, seed %(seed)d)"

# Base currency of every report (ISO 4217).
currency: EUR

# Units of EUR per one unit of the other currency.
fx:
  USD: 0.92
  GBP: 1.17
  CHF: 1.05

fiscal_year_start: 1

policy:
  review_every_days: 90
  survey_every_days: 365
  contact_every_days: 60
  renewal_horizon_days: 180
  key_account_share: 80
"""


def _write_range(args):
    """Write accounts lo..hi-1; return the bytes written."""
    acc_dir, width, seed, lo, hi = args
    total = 0
    for i in range(lo, hi):
        d = os.path.join(acc_dir, "acct-%0*d" % (width, i))
        os.makedirs(d, exist_ok=True)
        for name, text in Account(i, seed).files().items():
            data = text.encode("utf-8")
            total += len(data)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
    return total


def generate(out_dir, n, seed, jobs=1):
    acc_dir = os.path.join(out_dir, "accounts")
    os.makedirs(acc_dir, exist_ok=True)
    with open(os.path.join(out_dir, "kam.yaml"), "w", encoding="utf-8") as f:
        f.write(KAM_YAML % {"n": n, "seed": seed})
    width = max(5, len(str(n)))
    # Creating files dominates on most file systems (kernel time), so split
    # the accounts across processes.  Every account has its own random
    # stream, so the output does not depend on the number of jobs.
    chunk = 250
    tasks = [(acc_dir, width, seed, lo, min(lo + chunk, n + 1)) for lo in range(1, n + 1, chunk)]
    if jobs <= 1 or len(tasks) <= 1:
        return sum(_write_range(t) for t in tasks)
    import multiprocessing
    with multiprocessing.Pool(min(jobs, len(tasks))) as pool:
        return sum(pool.imap_unordered(_write_range, tasks))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a synthetic kam portfolio for benchmarks.")
    ap.add_argument("out_dir", metavar="OUT_DIR")
    ap.add_argument("n", metavar="N", type=int, help="number of accounts")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes writing files (default: number of CPUs)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    t0 = time.perf_counter()
    total = generate(args.out_dir, args.n, args.seed, args.jobs)
    dt = time.perf_counter() - t0
    if not args.quiet:
        per = total / args.n if args.n else 0
        print("gen_portfolio: %d accounts, %d files, %.1f MB (%.0f bytes/account) in %.1f s -> %s"
              % (args.n, args.n * 9 + 1, total / 1e6, per, dt, args.out_dir), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
