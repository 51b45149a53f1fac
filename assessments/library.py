"""The frameworks Styr ships, as data in Danish, Bokmål and English (no Django import).

An organisation adds one from this library in the language it chooses
(`assessments.services.install_framework`); it is then the organisation's own rows, which
the office may copy and change. `key` and `version` name the shipped framework across
municipalities, so rounds of the same framework and version can be compared
(the benchmark); a framework the office changes is its own and leaves the benchmark.

Each text is a `T(en, da, nb)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class T(NamedTuple):
    en: str
    da: str
    nb: str

    def text(self, language: str) -> str:
        return getattr(self, language[:2], None) or self.en


@dataclass(frozen=True)
class Dimension:
    key: str
    name: T
    description: T
    statements: tuple[T, ...]


@dataclass(frozen=True)
class Framework:
    key: str
    version: int
    name: T
    description: T
    dimensions: tuple[Dimension, ...]
    questions: tuple[T, ...] = ()
    per_initiative: bool = False


# The five levels of agreement every shipped framework scores on, each described.
LEVELS = (
    T("Strongly disagree", "Helt uenig", "Helt uenig"),
    T("Disagree", "Uenig", "Uenig"),
    T("Neither agree nor disagree", "Hverken enig eller uenig", "Verken enig eller uenig"),
    T("Agree", "Enig", "Enig"),
    T("Strongly agree", "Helt enig", "Helt enig"),
)

QUESTIONS = (
    T(
        "What works well in our digital work today?",
        "Hvad fungerer godt i vores digitale arbejde i dag?",
        "Hva fungerer godt i vårt digitale arbeid i dag?",
    ),
    T(
        "What should we do first to improve?",
        "Hvad bør vi gøre først for at blive bedre?",
        "Hva bør vi gjøre først for å bli bedre?",
    ),
)

SUCCESS_CRITERIA = Framework(
    key="success-criteria",
    version=1,
    name=T(
        "Nine success criteria for digital transformation",
        "Ni succeskriterier for digital omstilling",
        "Ni suksesskriterier for digital omstilling",
    ),
    description=T(
        "How far the municipality has come on the nine success criteria for digital "
        "transformation in the municipal sector.",
        "Hvor langt kommunen er nået med de ni succeskriterier for digital omstilling i den "
        "kommunale sektor.",
        "Hvor langt kommunen har kommet med de ni suksesskriteriene for digital omstilling i "
        "kommunal sektor.",
    ),
    questions=QUESTIONS,
    dimensions=(
        Dimension(
            "ownership",
            T(
                "Top management takes ownership",
                "Topledelsen tager ejerskab",
                "Toppledelsen tar eierskap",
            ),
            T(
                "Digitalisation is anchored in the executive board, politically and "
                "administratively, and middle managers carry it on.",
                "Digitaliseringen er forankret i direktionen, politisk og administrativt, og "
                "mellemlederne bærer den videre.",
                "Digitaliseringen er forankret i rådmannens ledergruppe, politisk og "
                "administrativt, og mellomlederne bærer den videre.",
            ),
            (
                T(
                    "Top management talks about digitalisation as a necessity and an opportunity.",
                    "Topledelsen taler om digitalisering som en nødvendighed og en mulighed.",
                    "Toppledelsen snakker om digitalisering som en nødvendighet og en mulighet.",
                ),
                T(
                    "The politicians know and support our digital priorities.",
                    "Politikerne kender og bakker op om vores digitale prioriteringer.",
                    "Politikerne kjenner og støtter våre digitale prioriteringer.",
                ),
                T(
                    "My nearest manager follows up on digital initiatives in our unit.",
                    "Min nærmeste leder følger op på digitale initiativer i vores enhed.",
                    "Min nærmeste leder følger opp digitale tiltak i vår enhet.",
                ),
                T(
                    "Decisions about digitalisation are taken at the right level and in time.",
                    "Beslutninger om digitalisering tages på det rette niveau og i tide.",
                    "Beslutninger om digitalisering tas på riktig nivå og i tide.",
                ),
            ),
        ),
        Dimension(
            "involvement",
            T("Involve all employees", "Involvér alle medarbejdere", "Involver alle ansatte"),
            T(
                "Employees take part from the first idea through to follow-up.",
                "Medarbejderne er med fra den første idé til opfølgningen.",
                "De ansatte er med fra første idé til oppfølgingen.",
            ),
            (
                T(
                    "I am asked for my ideas before new digital solutions are chosen.",
                    "Jeg bliver spurgt om mine idéer, før nye digitale løsninger vælges.",
                    "Jeg blir spurt om mine ideer før nye digitale løsninger velges.",
                ),
                T(
                    "I know why we digitalise and what it means for my work.",
                    "Jeg ved, hvorfor vi digitaliserer, og hvad det betyder for mit arbejde.",
                    "Jeg vet hvorfor vi digitaliserer, og hva det betyr for arbeidet mitt.",
                ),
                T(
                    "When something does not work, it is easy to tell someone who acts on it.",
                    "Når noget ikke virker, er det let at sige det til nogen, der gør noget "
                    "ved det.",
                    "Når noe ikke virker, er det lett å si fra til noen som gjør noe med det.",
                ),
                T(
                    "Employees help decide how new solutions are used in daily work.",
                    "Medarbejderne er med til at bestemme, hvordan nye løsninger bruges i "
                    "hverdagen.",
                    "De ansatte er med på å bestemme hvordan nye løsninger brukes i hverdagen.",
                ),
            ),
        ),
        Dimension(
            "enthusiasts",
            T(
                "Room for enthusiasts and change agents",
                "Plads til ildsjæle og forandringsagenter",
                "Rom for ildsjeler og endringsagenter",
            ),
            T(
                "Those who want to drive change get time, mandate and recognition.",
                "De, der vil drive forandring, får tid, mandat og anerkendelse.",
                "De som vil drive endring, får tid, mandat og anerkjennelse.",
            ),
            (
                T(
                    "There are colleagues in my unit who drive digital change.",
                    "Der er kolleger i min enhed, som driver digital forandring.",
                    "Det finnes kolleger i min enhet som driver digital endring.",
                ),
                T(
                    "Change agents get time set aside for the work.",
                    "Forandringsagenter får afsat tid til arbejdet.",
                    "Endringsagenter får satt av tid til arbeidet.",
                ),
                T(
                    "Good initiatives from employees are noticed and spread.",
                    "Gode initiativer fra medarbejdere bliver set og spredt.",
                    "Gode initiativ fra ansatte blir lagt merke til og spredt.",
                ),
                T(
                    "Change agents across departments learn from each other.",
                    "Forandringsagenter på tværs af forvaltninger lærer af hinanden.",
                    "Endringsagenter på tvers av sektorer lærer av hverandre.",
                ),
            ),
        ),
        Dimension(
            "learning",
            T(
                "A culture of learning and innovation",
                "En lærings- og innovationskultur",
                "En lærings- og innovasjonskultur",
            ),
            T(
                "We try things out, may fail and learn from it.",
                "Vi afprøver ting, må fejle og lærer af det.",
                "Vi prøver ut ting, kan feile og lærer av det.",
            ),
            (
                T(
                    "We may try out new ways of working on a small scale.",
                    "Vi må afprøve nye måder at arbejde på i det små.",
                    "Vi kan prøve ut nye måter å jobbe på i det små.",
                ),
                T(
                    "A pilot that does not work is stopped without blame.",
                    "En pilot, der ikke virker, stoppes uden at nogen får skylden.",
                    "En pilot som ikke virker, stoppes uten at noen får skylden.",
                ),
                T(
                    "We share what we learn from projects with the rest of the organisation.",
                    "Vi deler det, vi lærer af projekter, med resten af organisationen.",
                    "Vi deler det vi lærer av prosjekter, med resten av organisasjonen.",
                ),
                T(
                    "We look at what other municipalities have done before we start.",
                    "Vi ser på, hvad andre kommuner har gjort, før vi går i gang.",
                    "Vi ser på hva andre kommuner har gjort før vi setter i gang.",
                ),
            ),
        ),
        Dimension(
            "processes",
            T(
                "Rethink work processes, governance and organisation",
                "Nytænk arbejdsgange, styring og organisering",
                "Nytenk arbeidsprosesser, styring og organisering",
            ),
            T(
                "Digital solutions change how the work is done, not only the tool.",
                "Digitale løsninger ændrer, hvordan arbejdet gøres, ikke kun værktøjet.",
                "Digitale løsninger endrer hvordan arbeidet gjøres, ikke bare verktøyet.",
            ),
            (
                T(
                    "We describe today's and tomorrow's workflows before a solution is bought.",
                    "Vi beskriver nuværende og fremtidige arbejdsgange, før en løsning købes.",
                    "Vi beskriver dagens og morgendagens arbeidsprosesser før en løsning kjøpes.",
                ),
                T(
                    "Old routines are stopped when a new solution takes over.",
                    "Gamle rutiner stoppes, når en ny løsning tager over.",
                    "Gamle rutiner avsluttes når en ny løsning tar over.",
                ),
                T(
                    "Roles and responsibilities are changed when the work changes.",
                    "Roller og ansvar ændres, når arbejdet ændrer sig.",
                    "Roller og ansvar endres når arbeidet endrer seg.",
                ),
                T(
                    "We work across departments when a process crosses them.",
                    "Vi arbejder på tværs af forvaltninger, når en proces går på tværs.",
                    "Vi jobber på tvers av sektorer når en prosess går på tvers.",
                ),
            ),
        ),
        Dimension(
            "benefits",
            T(
                "Plan benefits early and follow them",
                "Planlæg gevinster tidligt og følg dem",
                "Planlegg gevinster tidlig og følg dem opp",
            ),
            T(
                "Benefits are described, owned, measured and harvested.",
                "Gevinster er beskrevet, har en ejer, måles og hentes hjem.",
                "Gevinster er beskrevet, har en eier, måles og tas ut.",
            ),
            (
                T(
                    "Every digital project states its expected benefits before it starts.",
                    "Alle digitale projekter beskriver deres forventede gevinster, før de starter.",
                    "Alle digitale prosjekter beskriver forventede gevinster før de starter.",
                ),
                T(
                    "Someone in the line organisation owns each benefit.",
                    "Nogen i linjeorganisationen ejer hver gevinst.",
                    "Noen i linjeorganisasjonen eier hver gevinst.",
                ),
                T(
                    "We measure whether the benefits come.",
                    "Vi måler, om gevinsterne kommer.",
                    "Vi måler om gevinstene kommer.",
                ),
                T(
                    "Benefits that come are taken into the budget.",
                    "Gevinster, der kommer, bliver hentet hjem i budgettet.",
                    "Gevinster som kommer, blir tatt ut i budsjettet.",
                ),
            ),
        ),
        Dimension(
            "competence",
            T(
                "Recruit expertise and learn continuously",
                "Rekruttér kompetencer og lær løbende",
                "Rekrutter kompetanse og lær kontinuerlig",
            ),
            T(
                "The organisation has and builds the digital skills it needs.",
                "Organisationen har og opbygger de digitale kompetencer, den har brug for.",
                "Organisasjonen har og bygger den digitale kompetansen den trenger.",
            ),
            (
                T(
                    "I get the training I need to use our digital solutions well.",
                    "Jeg får den oplæring, jeg har brug for til at bruge vores digitale "
                    "løsninger godt.",
                    "Jeg får opplæringen jeg trenger for å bruke våre digitale løsninger godt.",
                ),
                T(
                    "Managers have enough understanding of technology to lead the change.",
                    "Lederne har nok teknologiforståelse til at lede forandringen.",
                    "Lederne har nok teknologiforståelse til å lede endringen.",
                ),
                T(
                    "We recruit people with digital skills where we lack them.",
                    "Vi rekrutterer folk med digitale kompetencer, hvor vi mangler dem.",
                    "Vi rekrutterer folk med digital kompetanse der vi mangler det.",
                ),
                T(
                    "Learning new digital tools is part of the job, not extra.",
                    "At lære nye digitale værktøjer er en del af jobbet, ikke noget ekstra.",
                    "Å lære nye digitale verktøy er en del av jobben, ikke noe ekstra.",
                ),
            ),
        ),
        Dimension(
            "portfolio",
            T(
                "Project, programme and portfolio management",
                "Projekt-, program- og porteføljestyring",
                "Prosjekt-, program- og porteføljestyring",
            ),
            T(
                "Digital development is run in a structured, planned and targeted way.",
                "Digital udvikling drives struktureret, planlagt og målrettet.",
                "Digital utvikling drives strukturert, planmessig og målrettet.",
            ),
            (
                T(
                    "We have one overview of all digital initiatives and their priority.",
                    "Vi har ét overblik over alle digitale initiativer og deres prioritet.",
                    "Vi har én oversikt over alle digitale tiltak og deres prioritet.",
                ),
                T(
                    "Projects have a clear owner, a plan and decision points.",
                    "Projekter har en klar ejer, en plan og beslutningspunkter.",
                    "Prosjekter har en tydelig eier, en plan og beslutningspunkter.",
                ),
                T(
                    "We stop or change projects that do not deliver.",
                    "Vi stopper eller ændrer projekter, der ikke leverer.",
                    "Vi stopper eller endrer prosjekter som ikke leverer.",
                ),
                T(
                    "Resources are given to the most important initiatives first.",
                    "Ressourcerne gives til de vigtigste initiativer først.",
                    "Ressursene gis til de viktigste tiltakene først.",
                ),
            ),
        ),
        Dimension(
            "it",
            T(
                "Centralised IT processes and procurement",
                "Samlede it-processer og indkøb",
                "Sentraliserte IT-prosesser og anskaffelser",
            ),
            T(
                "IT operations and purchases are coordinated across the organisation.",
                "It-drift og indkøb er koordineret på tværs af organisationen.",
                "IT-drift og anskaffelser er koordinert på tvers av organisasjonen.",
            ),
            (
                T(
                    "New systems are bought through one common process.",
                    "Nye systemer købes gennem én fælles proces.",
                    "Nye systemer anskaffes gjennom én felles prosess.",
                ),
                T(
                    "Our systems work together without double entry.",
                    "Vores systemer spiller sammen uden dobbeltindtastning.",
                    "Systemene våre snakker sammen uten dobbeltregistrering.",
                ),
                T(
                    "We buy innovatively and flexibly when the need is new.",
                    "Vi køber innovativt og fleksibelt, når behovet er nyt.",
                    "Vi anskaffer innovativt og fleksibelt når behovet er nytt.",
                ),
                T(
                    "IT support solves my problems quickly.",
                    "It-supporten løser mine problemer hurtigt.",
                    "IT-brukerstøtten løser problemene mine raskt.",
                ),
            ),
        ),
    ),
)

STRATEGY_FRAME = Framework(
    key="strategy-frame",
    version=1,
    name=T(
        "The frame of the digitalisation strategy",
        "Digitaliseringsstrategiens ramme",
        "Rammen for digitaliseringsstrategien",
    ),
    description=T(
        "The five parts every digitalisation strategy needs in place to be carried out.",
        "De fem dele, enhver digitaliseringsstrategi skal have på plads for at blive gennemført.",
        "De fem delene enhver digitaliseringsstrategi må ha på plass for å bli gjennomført.",
    ),
    questions=QUESTIONS,
    dimensions=(
        Dimension(
            "governance",
            T(
                "Governance and portfolio management",
                "Styring og porteføljestyring",
                "Styring og porteføljestyring",
            ),
            T(
                "Initiatives are decided, prioritised and followed in the right bodies.",
                "Initiativer besluttes, prioriteres og følges i de rette fora.",
                "Tiltak besluttes, prioriteres og følges opp i de riktige organene.",
            ),
            (
                T(
                    "It is clear who decides which digital initiatives we start.",
                    "Det er klart, hvem der beslutter, hvilke digitale initiativer vi starter.",
                    "Det er tydelig hvem som bestemmer hvilke digitale tiltak vi starter.",
                ),
                T(
                    "The portfolio is reviewed and reprioritised regularly.",
                    "Porteføljen gennemgås og prioriteres om jævnligt.",
                    "Porteføljen gjennomgås og prioriteres på nytt jevnlig.",
                ),
                T(
                    "Mandatory common solutions are planned in time.",
                    "Obligatoriske fællesløsninger planlægges i tide.",
                    "Obligatoriske fellesløsninger planlegges i tide.",
                ),
            ),
        ),
        Dimension(
            "resources",
            T(
                "Resources and competences",
                "Ressourcer og kompetencer",
                "Ressurser og kompetanse",
            ),
            T(
                "There is money, time and skill to carry out the plan.",
                "Der er penge, tid og kompetencer til at gennemføre planen.",
                "Det finnes penger, tid og kompetanse til å gjennomføre planen.",
            ),
            (
                T(
                    "The action plan fits the budget and the people we have.",
                    "Handleplanen passer til budgettet og de folk, vi har.",
                    "Handlingsplanen passer til budsjettet og folkene vi har.",
                ),
                T(
                    "Project staff are freed from other work while they run a project.",
                    "Projektdeltagere frigøres fra andet arbejde, mens de er i et projekt.",
                    "Prosjektdeltakere frigjøres fra annet arbeid mens de er i et prosjekt.",
                ),
                T(
                    "We know which competences we lack.",
                    "Vi ved, hvilke kompetencer vi mangler.",
                    "Vi vet hvilken kompetanse vi mangler.",
                ),
            ),
        ),
        Dimension(
            "leadership",
            T("Digital leadership", "Digital ledelse", "Digital ledelse"),
            T(
                "Managers at every level lead the digital change.",
                "Ledere på alle niveauer leder den digitale forandring.",
                "Ledere på alle nivåer leder den digitale endringen.",
            ),
            (
                T(
                    "Managers set the direction for how we use technology.",
                    "Lederne sætter retningen for, hvordan vi bruger teknologi.",
                    "Lederne setter retningen for hvordan vi bruker teknologi.",
                ),
                T(
                    "Managers make room for employees to learn new ways of working.",
                    "Lederne giver plads til, at medarbejderne lærer nye arbejdsformer.",
                    "Lederne gir rom for at de ansatte lærer nye arbeidsformer.",
                ),
                T(
                    "Managers follow up on whether benefits are realised.",
                    "Lederne følger op på, om gevinsterne realiseres.",
                    "Lederne følger opp om gevinstene realiseres.",
                ),
            ),
        ),
        Dimension(
            "maturity",
            T("Digital maturity", "Digital modenhed", "Digital modenhet"),
            T(
                "How well the organisation uses digital solutions in its daily work.",
                "Hvor godt organisationen bruger digitale løsninger i det daglige arbejde.",
                "Hvor godt organisasjonen bruker digitale løsninger i det daglige arbeidet.",
            ),
            (
                T(
                    "Our citizens can serve themselves digitally where it makes sense.",
                    "Vores borgere kan betjene sig selv digitalt, hvor det giver mening.",
                    "Innbyggerne våre kan betjene seg selv digitalt der det gir mening.",
                ),
                T(
                    "We use data to plan and improve our services.",
                    "Vi bruger data til at planlægge og forbedre vores ydelser.",
                    "Vi bruker data til å planlegge og forbedre tjenestene våre.",
                ),
                T(
                    "Most of my daily tasks are supported by digital tools that work.",
                    "De fleste af mine daglige opgaver understøttes af digitale værktøjer, "
                    "der virker.",
                    "De fleste av mine daglige oppgaver støttes av digitale verktøy som virker.",
                ),
            ),
        ),
        Dimension(
            "implementation",
            T(
                "Implementation all the way down",
                "Implementering hele vejen ned",
                "Implementering helt ut",
            ),
            T(
                "Solutions are taken into use where the work is done.",
                "Løsningerne tages i brug der, hvor arbejdet udføres.",
                "Løsningene tas i bruk der arbeidet utføres.",
            ),
            (
                T(
                    "New solutions are rolled out to every unit that should use them.",
                    "Nye løsninger rulles ud til alle enheder, der skal bruge dem.",
                    "Nye løsninger rulles ut til alle enheter som skal bruke dem.",
                ),
                T(
                    "We check that a solution is used as intended after go-live.",
                    "Vi tjekker, at en løsning bruges som tiltænkt efter idriftsættelse.",
                    "Vi sjekker at en løsning brukes som tenkt etter at den er satt i drift.",
                ),
                T(
                    "Front-line staff get support when the new solution arrives.",
                    "Medarbejderne i frontlinjen får støtte, når den nye løsning kommer.",
                    "De ansatte i førstelinjen får støtte når den nye løsningen kommer.",
                ),
            ),
        ),
    ),
)

READINESS = Framework(
    key="change-readiness",
    version=1,
    per_initiative=True,
    name=T(
        "Readiness for one change",
        "Parathed til én forandring",
        "Beredskap for én endring",
    ),
    description=T(
        "Are we ready for the change? Asked of those affected before a new solution is "
        "acquired and implemented.",
        "Er vi parate til forandringen? Spørges de berørte, før en ny løsning anskaffes og "
        "implementeres.",
        "Er vi klare for endringen? Spørres de berørte før en ny løsning anskaffes og "
        "implementeres.",
    ),
    questions=(
        T(
            "What worries you most about the change?",
            "Hvad bekymrer dig mest ved forandringen?",
            "Hva bekymrer deg mest ved endringen?",
        ),
    ),
    dimensions=(
        Dimension(
            "experience",
            T(
                "Experience with digital change",
                "Erfaring med digitale forandringer",
                "Erfaring med digitale endringer",
            ),
            T(
                "What we learned from earlier changes.",
                "Hvad vi har lært af tidligere forandringer.",
                "Hva vi har lært av tidligere endringer.",
            ),
            (
                T(
                    "Earlier digital changes in my unit went well.",
                    "Tidligere digitale forandringer i min enhed er gået godt.",
                    "Tidligere digitale endringer i min enhet har gått bra.",
                ),
                T(
                    "We used what we learned last time when planning this change.",
                    "Vi har brugt det, vi lærte sidst, da vi planlagde denne forandring.",
                    "Vi brukte det vi lærte sist da vi planla denne endringen.",
                ),
                T(
                    "I know what it takes to get a new system into use.",
                    "Jeg ved, hvad der skal til for at få et nyt system i brug.",
                    "Jeg vet hva som skal til for å få et nytt system i bruk.",
                ),
            ),
        ),
        Dimension(
            "maturity",
            T("Digital maturity", "Digital modenhed", "Digital modenhet"),
            T(
                "Whether the unit's skills and systems can carry the change.",
                "Om enhedens kompetencer og systemer kan bære forandringen.",
                "Om enhetens kompetanse og systemer kan bære endringen.",
            ),
            (
                T(
                    "I am comfortable using new digital tools.",
                    "Jeg er tryg ved at bruge nye digitale værktøjer.",
                    "Jeg er trygg på å bruke nye digitale verktøy.",
                ),
                T(
                    "Our present systems and data are ready for the new solution.",
                    "Vores nuværende systemer og data er klar til den nye løsning.",
                    "Dagens systemer og data er klare for den nye løsningen.",
                ),
                T(
                    "We have colleagues who can help others get started.",
                    "Vi har kolleger, der kan hjælpe andre i gang.",
                    "Vi har kolleger som kan hjelpe andre i gang.",
                ),
            ),
        ),
        Dimension(
            "leadership",
            T("Change leadership", "Forandringsledelse", "Endringsledelse"),
            T(
                "How management leads the change.",
                "Hvordan ledelsen leder forandringen.",
                "Hvordan ledelsen leder endringen.",
            ),
            (
                T(
                    "My manager has explained why we make this change.",
                    "Min leder har forklaret, hvorfor vi laver denne forandring.",
                    "Lederen min har forklart hvorfor vi gjør denne endringen.",
                ),
                T(
                    "There is a plan for the change that I know.",
                    "Der er en plan for forandringen, som jeg kender.",
                    "Det finnes en plan for endringen som jeg kjenner.",
                ),
                T(
                    "Time is set aside for training and the transition.",
                    "Der er afsat tid til oplæring og overgangen.",
                    "Det er satt av tid til opplæring og overgangen.",
                ),
            ),
        ),
        Dimension(
            "engagement",
            T(
                "Employee engagement",
                "Medarbejdernes engagement",
                "De ansattes engasjement",
            ),
            T(
                "Whether those affected want the change and take part in it.",
                "Om de berørte ønsker forandringen og deltager i den.",
                "Om de berørte ønsker endringen og deltar i den.",
            ),
            (
                T(
                    "I believe the change will make my work better.",
                    "Jeg tror, forandringen vil gøre mit arbejde bedre.",
                    "Jeg tror endringen vil gjøre arbeidet mitt bedre.",
                ),
                T(
                    "I have been able to say my opinion about the change.",
                    "Jeg har kunnet sige min mening om forandringen.",
                    "Jeg har kunnet si min mening om endringen.",
                ),
                T(
                    "I look forward to using the new solution.",
                    "Jeg glæder mig til at bruge den nye løsning.",
                    "Jeg gleder meg til å bruke den nye løsningen.",
                ),
            ),
        ),
    ),
)

LIBRARY: dict[str, Framework] = {f.key: f for f in (SUCCESS_CRITERIA, STRATEGY_FRAME, READINESS)}
