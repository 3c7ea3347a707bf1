"""Word lists the built-in extractor relies on, and the gazetteers shipped in ``data/``.

Everything here is generic news vocabulary: titles, roles, organisation and place
suffixes, speech verbs, function words, and the country/city/organisation lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from reader.analysis.names import norm


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    """President Vice Prime Minister Ministers Foreign Defence Defense Interior Finance Economy
    Deputy Secretary Secretary-General General Gen Gen. Chancellor King Queen Prince Princess Crown
    Sheikh Sheik Emir Supreme Leader Senator Sen. Rep. Representative Governor Gov. Mayor
    Ambassador Envoy Special Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah Grand Judge
    Justice Chief Commander Admiral Adm. Marshal Field Colonel Col. Lieutenant Lt. Lt Maj.
    Captain Capt. Sergeant Sgt. Brigadier Director Chairman Chairwoman Chairperson Chair Spokesman
    Spokeswoman Spokesperson Speaker Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof. Professor Sir Dame Lord
    Lady Former Acting Interim Then Premier Head Commissioner Attorney Home State Counsellor
    Presidential Aide Adviser Advisor Mufti Patriarch Officer Inspector Superintendent Detective
    Corporal Vice-President Energy Trade Health Education Culture Agriculture Transport Labour
    Labor Affairs Security National Intelligence Army Staff Joint Executive Officer CEO Founder
    Co-founder Senior Top Opposition Spy Coach Manager Minister-President Kremlin-appointed
    Secretary-general Secretary General's Deputy-Prime Veteran Late Ex-President MP MPs MEP MEPs
    Congressman Congresswoman Councillor Councilman Councilwoman Assemblyman Assemblywoman
    Director-General Attorney-General Vice-Chancellor Magistrate Solicitor Barrister Provost
    Dean Rector Chaplain Reverend Rev. Sheikha Emira
    Tsar Chairs Judges Justices Ministers Presidents Senators Governors Lawmaker Rep Sen Gov"""
)

HEAD_TITLES = _words(
    """President Minister Secretary Speaker Governor Judge Justice Chairman Chairwoman
    Chairperson Chair Director Commissioner Spokesman Spokeswoman Spokesperson Ambassador
    Chancellor Premier Mayor Senator Envoy CEO Leader Coach Manager MP MEP Secretary-General
    Director-General Attorney-General Commander Prosecutor Congressman Congresswoman
    Councillor Chief Sheikh Emir King Queen Prince Princess Pope Archbishop Bishop Cardinal
    Rabbi Imam Ayatollah Lawmaker Founder Co-founder Head Adviser Advisor Aide Officer
    Inspector Superintendent Detective Dr Dr. Professor Prof. Mr Mr. Mrs Mrs. Ms Ms."""
)
"""Title words that end a title: a capitalised run before them is a modifier
("Commission President Ursula von der Leyen", "Treasury Secretary Scott Bessent")."""
"""Capitalised words that belong to a title before a name, never to the name itself."""

ROLE_CUES = _words(
    """president minister spokesman spokeswoman spokesperson aide adviser advisor leader chief
    envoy official diplomat commander general analyst correspondent journalist reporter editor
    founder chairman chairwoman head director secretary ambassador negotiator lawmaker senator
    candidate premier chancellor governor mayor deputy colonel captain lieutenant sergeant
    officer prosecutor judge lawyer attorney economist professor researcher expert activist
    blogger author writer businessman businesswoman billionaire tycoon singer actor actress
    player striker coach manager cleric imam priest rabbi bishop mufti militant fighter rebel
    dissident opponent critic presenter anchor host commentator scholar historian strongman
    fellow scientist physician epidemiologist virologist researcher investigator economist
    strategist campaigner organiser organizer lecturer academic councillor legislator
    congressman congresswoman mp mep forward midfielder defender goalkeeper winger captain
    Dutchman Dutchwoman Frenchman Frenchwoman Englishman Englishwoman Irishman Irishwoman
    Scotsman Scotswoman Welshman Welshwoman
    chairwoman secretary-general director-general attorney-general spokesman spokeswoman
    dictator ruler king queen prince princess emperor sheikh emir counterpart predecessor
    successor ceo executive boss teacher doctor surgeon nurse student resident witness
    victim survivor suspect defendant mother father son daughter wife husband brother sister
    uncle nephew cousin colleague ally friend rival challenger incumbent nominee hopeful
    mr mrs ms dr pianist violinist cellist violist harpist organist guitarist drummer
    bassist saxophonist trumpeter composer conductor musician soprano mezzo-soprano tenor
    baritone singer-songwriter rapper songwriter bandleader dancer choreographer
    novelist poet playwright screenwriter essayist painter sculptor artist photographer
    filmmaker director producer designer architect comedian explorer inventor
    entrepreneur investor philanthropist financier banker trader engineer astronaut
    athlete swimmer sprinter cyclist golfer boxer wrestler skier skater gymnast
    climber jockey batsman bowler pitcher quarterback shortstop outfielder"""
)
"""Lower-case words that, right before a capitalised name, say it is a person."""

GROUP_NOUNS = _words(
    """donors refugees migrants immigrants voters investors workers protesters
    demonstrators residents civilians patients farmers students teachers shoppers consumers
    employees troops soldiers lawmakers legislators senators diplomats negotiators
    delegates delegations authorities regulators prosecutors officials observers
    supporters opponents critics fans spectators survivors victims families relatives
    parents children volunteers doctors nurses scientists researchers economists analysts
    experts traders bankers executives shareholders creditors lenders borrowers
    landlords tenants owners manufacturers exporters importers producers buyers sellers
    users customers viewers readers listeners voters pilgrims settlers rebels insurgents
    militants separatists loyalists monarchists citizens nationals
    taxpayers pensioners retirees veterans members partners allies leaders ministers
    governments countries nations states cities companies firms businesses"""
)
"""Capitalised plural nouns for groups ("Donors pledged…", "Commissioner for Refugees"):
alone, they never name one entity."""

EVENT_WORDS = _words(
    """Competition Competitions Prize Prizes Award Awards Cup Festival Summit Games
    Olympics Olympiad Paralympics Championship Championships Trophy Tournament Marathon
    Biennale Biennial Expo Medal Contest Regatta Jubilee Prix Triennale"""
)
"""Last words of event, competition and prize names ("Queen Elisabeth Competition"):
such names are neither people nor organisations, so they are left out."""

STORM_WORDS = _words("Hurricane Typhoon Cyclone Storm Tropical Superstorm")
"""First words of named storms ("Hurricane Milton", "Tropical Storm Haikui"), left out."""

DEPARTMENT_TITLES = _words("Secretary Minister Undersecretary Under-Secretary")
"""Titles after which a department's one-word name is part of the title, not a mention
("Treasury Secretary Scott Bessent")."""

ORDINAL_UNITS = _words(
    """Circuit District Division Brigade Regiment Battalion Fleet Corps Army Airborne
    Infantry Marine Marines Squadron Wing Cavalry Armored Armoured Mechanized Guards"""
)
"""Words of names that take an ordinal ("9th U.S. Circuit Court", "82nd Airborne Division")."""

ORG_NOUNS_AFTER = _words(
    """team club franchise union party movement group militia company firm network newspaper
    broadcaster bank lender airline carmaker chipmaker drugmaker insurer retailer startup
    conglomerate"""
)
"""Nouns after a name that make it a body ("the Solidarity trade union", "the X baseball team")."""

NOT_ORG_MODIFIERS = _words(
    "campaign family legal press transition security negotiating reelection re-election"
)
"""Words between a name and such a noun that keep it a person ("the X campaign team")."""

ORG_CUES = _words(
    """group groups militia militias party faction factions movement organisation organization
    broadcaster newspaper agency outlet network channel daily weekly magazine company firm
    corporation conglomerate bank lender insurer carrier airline manufacturer maker giant
    alliance bloc coalition union federation association institute foundation charity
    watchdog regulator ministry committee council court tribunal parliament brigade
    battalion army militants insurgents jihadists rebels startup retailer operator developer
    publisher platform website portal site station club team league body consortium
    cartel gang syndicate"""
)
"""Lower-case words that, right before a capitalised name, say it is an organisation."""

ORG_SUFFIXES = _words(
    """Army Council Party Front Forces Force Ministry Committee Union Bank Agency Corporation
    Corp Corp. Company Co. Inc Inc. Ltd Ltd. LLC PLC plc Group University College School
    Institute Association Organization Organisation Movement Brigade Brigades Battalion
    Regiment Guard Guards Court Parliament Assembly Commission Authority Federation Foundation
    League Coalition Alliance Service Services Office Department Police Navy Fund
    Administration Cabinet Government Directorate Board Bureau Network News Times Post
    Journal Herald Tribune Gazette Telegraph Press Airlines Airways Holdings Industries
    Technologies Systems Motors Exchange Senate Congress Chamber Club Society Church Mission
    Tribunal Caucus Syndicate Cartel Militia Mobilization Mobilisation Units Unit Command
    Corps Academy Hospital Museum Trust Partners Capital Bancorp Bureau Secretariat Council's
    Council Observatory Initiative Network Centre Center Institute Commission Agency AG SA SE
    NV GmbH Plc plc LLP Bhd Co Cos Corp Inc Ltd Limited Incorporated Corporation Power Energy
    Electric Petroleum Oil Pharmaceuticals Pharma Insurance Telecom Communications Media
    Entertainment Studios Labs Laboratories Therapeutics Semiconductor Electronics Ventures
    Investments Securities Financial Resources Mining Steel Chemicals Logistics Shipping
    Railways Studies Sports Broadcasting Records Brands Foods Automotive Aerospace
    Bancorp Bankshares Enterprises Conglomerate Consortium Collective Institution
    Institutions Commissions Councils Ministries Departments Agencies Universities Project
    Democrats Republicans Socialists Liberals Conservatives Greens Nationalists Research
    Economics Analytics Consulting Consultants Advisors Advisers Associates"""
)
"""Last words that make a capitalised run an organisation ("Syrian National Army")."""

PLACE_SUFFIXES = _words(
    """Base Airbase Airport Airfield Province Governorate Region Oblast County District Valley
    Mountains Mountain Mount River Sea Ocean Strait Island Islands Peninsula Desert Square
    Street Avenue Road Bridge Dam Port Harbour Harbor Bay Canal Crossing Camp Heights Plain
    Coast Highway Lake Border Checkpoint Prison Refinery Neighbourhood Neighborhood Quarter
    Village Town City Kray Krai Prefecture Municipality Territory Territories Corridor Basin
    Palace Stadium Arena Cathedral Mosque Temple Hall Tower Fort Castle Park Basilica Field
    Key Keys Beach Springs Falls Creek Canyon Glacier Forest"""
)
"""Last words that make a capitalised run a place or facility ("Khmeimim Air Base")."""

OF_HEADS = _words(
    """Bank University Ministry Department Republic Kingdom Gulf Strait Sea Bay Isle Isles Cape
    Sultanate Emirate Commonwealth Union League Organization Organisation Church Court House
    Council Office Institute School College Museum Federation Association Army Party Front
    Movement Committee Board Chamber Prince Duke Sea Lake Port Mount Province Region City
    State States Islands Island Secretary Minister Conference Assembly Commission Agency
    Authority Coalition Council Parliament Centre Center Tribunal Fund Bureau Court Guardians
    Museum Academy Society Friends Hall Library Cathedral Palace Faculty Order Journal"""
)
"""Words after which "of" continues a name ("Bank of England", "Gulf of Aden")."""

ORG_PREFIXES = _words(
    """Secretaría Secretaria Ministerio Ministério Colegio Universidad Universidade Università
    Universität Université Banco Banca Banque Instituto Istituto Institut Partido Partito Parti
    Consejo Conselho Consiglio Conseil Corte Fundación Fundação Fondation Comisión Comissão
    Commissione Agence Agencia Agência Agenzia Ministère Ministero Bundesamt Bundesbank
    Tribunal Tribunale Cour Assemblée Asamblea Congreso Senado Polícia Policía Frente Movimiento
    Movimento Confederación Federación Sindicato Grupo Gruppo Groupe Compagnie Companhia"""
)
"""First words that make a multi-word name an organisation ("Secretaría de Economía")."""

CORPORATE_SUFFIXES = _words(
    """Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC plc Plc AG SA SE NV GmbH LLP Bhd Group
    Holdings Limited Incorporated Corporation Company Cos Cos."""
)
"""Legal-form words a company's shorter name drops ("Siemens AG" -> "Siemens")."""

OF_ORG_HEADS = _words(
    """Bank University Ministry Department Office Institute School College Museum Federation
    Association Army Party Front Movement Committee Board Chamber Council Conference Assembly
    Commission Agency Authority Coalition Parliament Centre Center Tribunal Fund Bureau Court
    Academy Society Library Church Union League Organization Organisation Order Faculty
    Guardians Friends Corps Service Chiefs Alliance Foundation Institution Network Campaign
    Directorate Secretariat Conservatory Observatory Hospital Brotherhood Federation Navy
    Force Forces Guard Police Government Cabinet Senate Congress Club Corporation Company
    Journal"""
)
"""Heads of "X of Y" / "X for Y" organisation names ("Reserve Bank of India")."""

OF_PLACE_HEADS = _words(
    """Republic Kingdom Gulf Strait Straits Sea Bay Isle Isles Cape Sultanate Emirate
    Commonwealth Lake Port Mount Province Region City State States Islands Island Hall Palace
    Cathedral Valley Plain Gate Square Tower Bridge Temple Mosque Shrine Castle Fort Horn"""
)
"""Heads of "X of Y" place names ("Gulf of Aden", "Great Hall of the People")."""

FOR_HEADS = _words(
    """Institute Center Centre Office Commission Foundation Council Agency Committee
    Organization Organisation Alliance Coalition Campaign Fund Society Union Association
    Ministry Department Secretary Court Party Movement Network Initiative Forum Bureau
    Commissioner Federation School College Academy Trust Council's"""
)
"""Words after which "for" continues a name ("Institute for Policy Studies")."""

SPEECH_VERBS = _words(
    """said says say told tells tell added adds stated states noted notes asserted asserts
    announced announces confirmed confirms emphasized emphasised emphasizes emphasises
    stressed stresses claimed claims declared declares insisted insists warned warns urged
    urges argued argues explained explains wrote writes tweeted tweets posted posts reported
    reports remarked remarks replied replies responded responds acknowledged acknowledges
    admitted admits denied denies suggested suggests indicated indicates highlighted
    highlights underscored underscores criticized criticised criticizes criticises expressed
    expresses affirmed affirms reiterated reiterates vowed vows pledged pledges promised
    promises accused accuses called calls described describes commented comments
    concluded concludes recalled recalls revealed reveals asked asks conceded concedes
    contended contends maintained maintains observed observes predicted predicts quipped
    mused lamented complained complains boasted boasts cautioned cautions announced
    estimated estimates proclaimed proclaims alleged alleges demanded demands condemned
    condemns praised praises welcomed welcomes thanked blamed blames
    saying telling adding stating noting asserting announcing confirming emphasizing
    emphasising stressing claiming declaring insisting warning urging arguing explaining
    writing tweeting posting reporting remarking replying responding acknowledging admitting
    denying suggesting indicating highlighting underscoring criticizing criticising
    expressing affirming reiterating vowing pledging promising accusing calling describing
    commenting concluding recalling revealing asking conceding contending maintaining
    observing predicting citing cautioning alleging demanding condemning praising welcoming
    blaming lamenting complaining boasting"""
)
"""Verbs of saying: after or before a name they mark a speaker (and a person)."""

FUNCTION_WORDS = _words(
    """The A An This That These Those In On At By For From With Without After Before During
    Since Until As But And Or Nor If When While Whilst Although Though However Meanwhile
    Despite Following According Under Over Among Amongst Between Through Throughout Amid
    Amidst Against Also It Its It's He She They We I You His Her Hers Their Theirs Our Ours
    My Your There Here Some Many Most Several All Both Each Every Other Another Such No Not
    Yet So Then Now Earlier Later Last Next First Second Third Finally Speaking Asked
    Officials Critics Analysts Experts Observers Residents Witnesses Sources Reports What Why
    How Who Whom Whose Where Which Whether Once Even Still Instead Indeed Moreover
    Furthermore Nevertheless Nonetheless Overall Thus Hence Therefore Unlike Like Beyond
    Within Around About Near Toward Towards Upon Via Per Do Does Did Is Are Was Were Has
    Have Had Will Would Can Could Should May Might Must Let Please Yes Oh Just Only Almost
    Nearly About Perhaps Maybe Today Tonight Yesterday Tomorrow Everyone Everything Nothing
    Someone Something Anyone None Few Much More Less Further Regarding Concerning Given
    Because Unless Whatever Whoever Wherever Whenever To Into Onto Off Up Down Out Inside
    Outside Along Across Behind Below Above Beneath Beside Besides Except Plus Minus Than
    Photo Video Watch Read Update Updated Breaking Exclusive Opinion Analysis Comment
    Editorial Listen Share Advertisement Source Sources Image Images Getty Credit GMT UTC EST
    EDT CST CDT PST PDT CET CEST BST IST JST AEST EET"""
)
"""Capitalised words that start sentences but never names; stripped from a run's start."""

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
CALENDAR_WORDS = frozenset(
    {w.capitalize() for w in MONTHS} | {w.capitalize() for w in WEEKDAYS}
    | {"Sept.", "Jan.", "Feb.", "Aug.", "Oct.", "Nov.", "Dec.", "Christmas", "Easter",
       "Ramadan", "Eid", "New", "Year"}
)  # fmt: skip

HYPHEN_PREFIXES = frozenset(
    [
        "post",
        "pre",
        "pro",
        "anti",
        "non",
        "ex",
        "neo",
        "mid",
        "pan",
        "ultra",
        "trans",
        "inter",
        "intra",
        "sub",
        "super",
        "semi",
    ]
)
"""Lower-case prefixes left out of a span ("post-Assad" is tagged as "Assad")."""

PRONOUNS = frozenset({"he", "she"})

PLACE_NOUNS = frozenset(
    [
        "area",
        "region",
        "district",
        "province",
        "village",
        "town",
        "city",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "valley",
        "county",
        "governorate",
        "palace",
        "airport",
        "border",
        "crossing",
        "camp",
        "prefecture",
        "municipality",
        "township",
        "settlement",
        "enclave",
        "oblast",
        "port",
        "harbour",
        "harbor",
        "coast",
        "island",
        "peninsula",
    ]
)
"""Lower-case nouns that, right after a capitalised name, make it a place ("the Sunan area")."""

COMPASS_WORDS = _words(
    "North South East West Northern Southern Eastern Western Central Upper Lower"
)
"""First words that, before a place or an unknown name, make a region ("North Kivu")."""

PLACE_PREFIXES = _words("San Santa Santo São Los Las Port Fort Saint St St. ST ST.")
"""First words of multi-word place names ("Santa Clara", "Port Harcourt")."""

CLUB_SUFFIXES = _words("United City Albion Rovers Athletic Wanderers Hotspur Town County FC AFC")
"""Last words of a sports club's name whose first word alone then names the club."""

LOCATIVE_CUES = frozenset(["in", "at", "near", "outside", "across", "throughout", "inside", "into"])


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The shipped name lists, keyed by ``norm`` of each name."""

    types: dict[str, str]
    """Normalised name -> PERSON/ORG/PLACE/NORP for every listed name."""
    canonical: dict[str, str]
    """Normalised name -> preferred name ("UN" -> "United Nations", "Russians" -> "Russian")."""
    capitals: dict[str, str]
    """Normalised capital city -> its country's preferred name (for metonymy)."""
    given_names: frozenset[str]
    max_words: int = 1
    countries: frozenset[str] = field(default_factory=frozenset)
    upper_only: frozenset[str] = field(default_factory=frozenset)
    """Normalised names listed only as acronyms: they match capitals only ("UN", not "Un")."""


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("reader.analysis").joinpath("data").joinpath(name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(",") if item.strip()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped lists, loaded once."""
    types: dict[str, str] = {}
    canonical: dict[str, str] = {}
    capitals: dict[str, str] = {}
    countries: set[str] = set()

    cased: dict[str, bool] = {}

    def add(name: str, kind: str, preferred: str) -> None:
        key = norm(name)
        letters = name.replace(".", "")
        acronym_only = letters.isupper() and letters.isalpha() and len(letters) <= 6
        cased[key] = cased.get(key, True) and acronym_only
        if key and key not in types:
            types[key] = kind
            canonical[key] = preferred

    for row in _data_lines("countries.tsv"):
        country = row[0]
        capital = row[1] if len(row) > 1 else ""
        add(country, "PLACE", country)
        countries.add(norm(country))
        for other in _split_list(row[3]) if len(row) > 3 else []:
            add(other, "PLACE", country)
            countries.add(norm(other))
        if capital:
            add(capital, "PLACE", capital)
            capitals.setdefault(norm(capital), country)
        demonyms = _split_list(row[2]) if len(row) > 2 else []
        for demonym in demonyms:
            add(demonym, "NORP", demonyms[0])
    for row in _data_lines("orgs.tsv"):
        add(row[0], "ORG", row[0])
        for other in _split_list(row[1]) if len(row) > 1 else []:
            add(other, "ORG", row[0])
    for row in _data_lines("places.tsv"):
        add(row[0], "PLACE", row[0])
    for row in _data_lines("groups.tsv"):
        add(row[0], "NORP", row[1] if len(row) > 1 else row[0])
    given = frozenset(
        word for row in _data_lines("given_names.txt") for cell in row for word in cell.split()
    )
    longest = max(len(k.split()) for k in types)
    upper_only = frozenset(key for key, only in cased.items() if only)
    return Gazetteer(types, canonical, capitals, given, longest, frozenset(countries), upper_only)
