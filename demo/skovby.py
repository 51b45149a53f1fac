"""The fictional demo municipality: Skovby Kommune's digitalisation strategy 2026–2029.

Names and texts are realistic Danish; the municipality itself is invented (code 0999 is
not an official kommunekode). Its initiatives are in skovby_initiatives.py.
"""

from .skovby_initiatives import INITIATIVES  # noqa: F401  (read as skovby.INITIATIVES)

VISION = """Skovby Kommune bruger digitalisering til at skabe **mere velfærd for pengene**,
nærværende service for borgerne og gode arbejdsdage for medarbejderne.

Digitaliseringen skal hjælpe kommunalbestyrelsen med at nå de politiske mål om et
sammenhængende børneliv, et aktivt seniorliv og en grøn omstilling – ikke være et mål i sig selv."""

GOVERNANCE = """- **Direktionen** ejer skal-udfordringerne og prioriterer porteføljen to gange årligt i budgetprocessen.
- **Projektrådet** (fagchefer og nøglemedarbejdere) følger initiativerne hvert kvartal og sikrer gevinsterne.
- **Digitaliseringsafdelingen** er sekretariat for skal-løsningerne og driver forudsætningssporet.
- Strategien revideres hvert år i forbindelse med budgetlægningen."""

IT = """Kommunen følger den fælleskommunale rammearkitektur. Drift varetages i fællesskab med
nabokommunerne; nye løsninger skal kunne integrere via Serviceplatformen og bruge MitID Erhverv."""

BUSINESS_GOALS = [
    (
        "Flere hænder til velfærden",
        "Budgetaftale 2026",
        "Frigøre tid til kerneopgaven i ældreplejen og på dagtilbudsområdet.",
    ),
    (
        "Sammenhængende forløb for borgerne",
        "Kommunalbestyrelsens vision 2030",
        "Borgeren skal opleve én kommune, også når flere forvaltninger er involveret.",
    ),
    (
        "Grøn omstilling",
        "Klimahandleplan 2025–2030",
        "CO₂-udledningen fra kommunens egen drift halveres inden 2030.",
    ),
    (
        "Attraktiv arbejdsplads",
        "Personalepolitikken",
        "Færre tidsrøvere og bedre digitale værktøjer for medarbejderne.",
    ),
]

THEMES = [
    (
        "Borgeren i centrum",
        "Mødet med borgere og virksomheder – digitalt, når det kan, og personligt, når det skal.",
    ),
    (
        "Velfærdsteknologi og arbejdskraft",
        "Teknologi, der aflaster medarbejderne og gør borgerne mere selvhjulpne.",
    ),
    (
        "Data og grøn omstilling",
        "Bedre beslutninger med data, og digitalisering der understøtter klimamålene.",
    ),
    (
        "Fundamentet",
        "Sikkerhed, infrastruktur, kompetencer og bøvlbekæmpelse – organisationens indre liv.",
    ),
]

# (theme index, title, description, goals: (indicator, unit, baseline, target, target date))
FOCUS_AREAS = [
    (
        0,
        "Digital selvbetjening og Mit Skovby",
        "Flere henvendelser løses første gang, døgnet rundt.",
        [
            ("Andel ansøgninger indgivet digitalt", "%", 72, 90, "2028-12-31"),
            ("Tilfredshed med den digitale betjening", "point (1–5)", 3.6, 4.2, "2029-06-30"),
        ],
    ),
    (
        0,
        "Sammenhængende borgerforløb",
        "Ét samlet overblik over borgerens sag på tværs af forvaltninger.",
        [("Borgere med koordineret forløbsplan", "antal", 120, 600, "2028-12-31")],
    ),
    (
        1,
        "Velfærdsteknologi i ældreplejen",
        "Skærmbesøg, medicinrobotter og sensorer, der frigør tid.",
        [("Frigjorte timer i hjemmeplejen pr. år", "timer", 0, 18000, "2029-12-31")],
    ),
    (
        1,
        "Automatisering af administrative opgaver",
        "Robotter og AI tager de gentagne sagsbehandlingstrin.",
        [("Automatiserede processer i drift", "antal", 6, 25, "2029-12-31")],
    ),
    (
        2,
        "Datadrevet ledelse og klimadata",
        "Fælles datagrundlag for ledelse, budget og klimaregnskab.",
        [
            ("Ledere der bruger fælles ledelsesinformation månedligt", "%", 35, 80, "2028-06-30"),
            ("Energiforbrug i kommunale bygninger", "MWh", 41000, 33000, "2029-12-31"),
        ],
    ),
    (
        3,
        "Sikker og stabil drift, kompetencer og mindre bøvl",
        "Informationssikkerhed, infrastruktur og digitale kompetencer.",
        [
            ("Medarbejdere med gennemført sikkerhedstræning", "%", 58, 95, "2027-12-31"),
            ("Registrerede bøvlsager løst inden for 30 dage", "%", 40, 75, "2027-12-31"),
        ],
    ),
]

# Which demo initiatives depend on which (0-based indexes into INITIATIVES).
DEPENDENCIES = [(9, 24), (10, 24), (11, 24), (18, 20), (19, 20), (0, 30), (15, 39), (15, 25)]

PEOPLE = [
    ("admin", "Anne Administrator", "admin"),
    ("portefolje", "Peter Porteføljechef", "portfolio_manager"),
    ("direktion", "Dorthe Direktør", "decision_maker"),
    ("projektleder", "Jonas Projektleder", "initiative_lead"),
    ("gevinstejer", "Gitte Gevinstejer", "benefit_owner"),
    ("medarbejder", "Mette Medarbejder", "contributor"),
    ("laeser", "Lars Læser", "reader"),
]
