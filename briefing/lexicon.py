"""Word lists the actor finder reasons with: titles, role nouns, organisation heads, countries.

Everything here is general English news vocabulary; nothing is taken from any particular article.
"""

from __future__ import annotations

from functools import cache

import pycountry

from briefing.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalized titles that stand before a name ("Deputy Foreign Minister X", "Det. X").
TITLES = _set(
    "President Vice Prime Minister Deputy Foreign Secretary Chancellor Premier Governor Senator "
    "Sen Rep Representative Congressman Congresswoman Mayor King Queen Prince Princess Pope "
    "Emperor Sheikh Chief Executive Chairman Chairwoman Director Judge Justice Ambassador "
    "Commissioner Coach Manager Captain Capt Detective Det Officer Sergeant Sgt Lieutenant Lt "
    "General Gen Colonel Col Major Maj Admiral Adm Commander Cmdr Professor Prof Reverend Rev "
    "Bishop Archbishop Cardinal Rabbi Imam Speaker Spokesman Spokeswoman "
    "Spokesperson Attorney Inspector Insp Superintendent Supt Constable Agent Dr Doctor "
    "CEO CFO COO MP MSP MEP AM TD President-elect Chairperson Secretary-General Lord Lady Sir "
    "Dame Gov Pres Amb Sec Defence Defense Interior Home Finance Justice Health Education "
    "Trade Culture Energy Environment Transport Treasury Opposition Labor Shadow Acting Interim "
    "Leader Councillor Councilman Alderman Sheriff Marshal Private Corporal Cpl Supreme"
)
# Titles that make a person but are not part of the role ("Mr Putin" -> no role).
HONORIFICS = _set("Mr Mrs Ms Miss Mx Mister Madam Dr Sir Dame Lord Lady Reverend Rev")
# Titles that name a person's function on their own; the other title words only modify one
# ("Foreign" or "Treasury" alone is not a person's role).
TITLE_HEADS = _set(
    "President Minister Secretary Chancellor Premier Governor Senator Sen Rep Representative "
    "Congressman Congresswoman Mayor King Queen Prince Princess Pope Emperor Sheikh Chief "
    "Chairman Chairwoman Chairperson Director Judge Justice Ambassador Commissioner Coach "
    "Manager Captain Capt Detective Det Officer Sergeant Sgt Lieutenant Lt General Gen Colonel "
    "Col Major Maj Admiral Adm Commander Cmdr Professor Prof Bishop Archbishop "
    "Cardinal Rabbi Imam Speaker Spokesman Spokeswoman Spokesperson Attorney Inspector Insp "
    "Superintendent Supt Constable Agent Doctor CEO CFO COO MP MSP MEP TD Leader Councillor "
    "Councilman Alderman Sheriff Marshal Corporal Cpl Executive Gov Pres Amb Sec "
    "President-elect Secretary-General"
)
# Institutions named by their head word alone ("Parliament voted").
INSTITUTIONS = _set("Parliament Congress Senate Treasury Pentagon Cabinet Vatican Kremlin")
# Lower-case nouns naming a function; the head of a role phrase ("separatist leader X").
ROLE_NOUNS = _set(
    "president minister leader chief spokesman spokeswoman spokesperson secretary chairman "
    "chairwoman chair director executive ceo head manager coach striker midfielder defender "
    "goalkeeper keeper forward winger player players captain winner winners champion champions "
    "international rapper singer actor actress star fighter wrestler boxer doctor lawyer "
    "attorney judge prosecutor officer detective commander general governor mayor senator "
    "lawmaker mp msp mep adviser advisor analyst economist professor researcher scientist author "
    "writer columnist editor reporter founder owner partner investor chancellor premier envoy "
    "ambassador diplomat official teenager student father mother son daughter sister brother "
    "wife husband bishop priest pastor reverend monarch king queen prince princess negotiator "
    "commissioner inspector sergeant treasurer deputy producer musician artist campaigner "
    "activist rival victim suspect coordinator organiser organizer driver pilot rider "
    "cyclist golfer runner batsman bowler skipper boss governor-general president-elect "
    "company firm group club band chairperson presenter host comedian model designer banker "
    "trader broker entrepreneur billionaire businessman businesswoman politician candidate "
    "nominee veteran legend photographer filmmaker novelist poet composer guitarist drummer "
    "vocalist dancer teacher nurse surgeon officer soldier general spy agent guard"
)
# Role nouns that describe an organisation, not a person ("the wrestling promotion company").
ORG_NOUNS = _set("company firm group club band")
# Verbs that often stand right before a role noun and a name ("wrote columnist X").
VERBS = _set(
    "said says told tells wrote writes tweeted added asked urged thanked praised accused "
    "named called met meets beat beats led leads hit hits made makes took takes gave gives "
    "let lets sent sends became becomes saw sees joined signed replaced sacked appointed "
    "elected hired fired backed prevent prevents stop stops welcome welcomes"
)
# Lower-case nouns after a name that make it a place ("the Donetsk region").
PLACE_NOUNS = _set(
    "region regions province provinces city state county district area oblast mountains "
    "mountain range river valley island islands sea coast lake desert peninsula bay strait"
)
# Lower-case institutions ("the standards committee", "the state prosecutor's office").
INSTITUTION_NOUNS = _set("committee commission office ministry tribunal inquiry")
# Modifiers that make such a phrase a generic place, not an institution.
GENERIC_MODIFIERS = _set(
    "same new first last other whole main head box post home local ticket press front back "
    "his her its their our my your this that"
)

# Words that end an organisation's name ("Foreign Ministry", "Bank of England").
ORG_HEADS = _set(
    "Ministry Council Union Bank Inc Ltd Plc PLC LLC Corp Corporation Co Company Party Court FC "
    "University College School Institute Association Organization Organisation Agency "
    "Department Office Committee Commission Centre Center Exchange Group Holdings Fund "
    "Foundation Church League Caucus Parliament Assembly Senate Congress Police Army Navy "
    "Force Forces Hospital Club Airways Airlines Motors Federation Alliance Authority Board "
    "Bureau Service Services Society Trust Network Systems Technologies Labs Laboratories "
    "Studios Records Pictures Entertainment Media Press Times Post Journal Magazine Front "
    "Movement Brigade Brigades Guard Guards Coalition Cabinet Government Administration "
    "Tribunal Commissioners Secretariat Industries Partners Capital Investments Group Open "
    "Championship Cup Games Festival Prize Awards Olympics United City Rovers Wanderers "
    "Athletic Academy Museum Library Agency Initiative Project Program Programme"
)
# Words that make a capitalized run a location rather than a person.
# Words that change a title but name no body: "Former Prime Minister", "Acting Governor".
TITLE_MODIFIERS = _set("Former Ex Acting Interim Outgoing Incoming Late Then Current New Newly")
# Company forms after a name: "Harbour Foods Inc." is "Harbour Foods".
LEGAL_SUFFIXES = _set("inc ltd plc llc corp co sa ag nv gmbh")
# Last words of the names of laws and documents, which the story is about but which never act.
DOCUMENT_HEADS = _set(
    "Act Acts Bill Treaty Treaties Convention Directive Regulation Regulations Accord Accords "
    "Protocol Charter Declaration Amendment Report"
)
PLACE_WORDS = _set(
    "Street St Road Avenue Lane Square Park Garden Gardens Stadium Arena Sea Ocean River Lake "
    "Mountain Mountains Mount Island Islands Valley Desert Bay Gulf Airport Bridge County "
    "Province Region Coast Beach Hills Heights Strait Peninsula Canal Station Palace Hall "
    "Tower Towers Plaza Boulevard Downs Field Fields Wells Harbour Harbor Port Falls Springs "
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater"
)

# Words that are never an actor on their own, whatever their case.
MONTHS = frozenset(w.capitalize() for w in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))
WEEKDAYS = frozenset(w.capitalize() for w in (*WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS))
NOT_ACTORS = (
    MONTHS
    | WEEKDAYS
    | _set(
        "GMT BST UTC EST EDT PST PDT CET ET PT AM PM TV OK I II III IV A An The This That These "
        "Those It He She They We You His Her Their Our My Its There Here God Internet Web "
        "Christmas Easter Ramadan Eid Thanksgiving Halloween Olympic Mr Mrs Ms Miss"
    )
)
# News organisations credited as sources, never the story's actors.
OUTLETS = _set(
    "CNN BBC Reuters AP AFP Bloomberg NPR Xinhua Tass TASS Interfax Yonhap Kyodo ANSA EFE DPA "
    "Notimex PA Sky UPI"
)

# Function words: a capitalized one at a sentence start is there because of its position.
STOP = _set(
    "a an the this that these those it its he she they we you i his her their our my your "
    "and or but nor so yet for of to in on at by with from as into onto over under after "
    "before since until while when where why how what who whom which whose if then than "
    "though although despite meanwhile however moreover also still even just only not no "
    "yes all any some many most more much few other another such each every both either "
    "neither there here now today yesterday tomorrow tonight later earlier again once "
    "is are was were be been being has have had do does did will would shall should can "
    "could may might must said says say told according about against among amid around "
    "because during like per than through toward towards upon via within without"
)
# Small words that may sit inside a name ("Bank of England", "Hijo del Perro Aguayo").
PARTICLES = _set("de del della der van von da di du dos das la le el al bin ibn ter den st")
# Prepositions that put a name in place of a location ("in Tijuana").
LOCATIVE = _set("in at near from to across outside inside around into towards toward")

# Demonyms and other adjectives of countries, mapped to the country's short name.
_DEMONYMS = """
Afghan:Afghanistan Albanian:Albania Algerian:Algeria American:United_States Angolan:Angola
Argentine:Argentina Argentinian:Argentina Armenian:Armenia Australian:Australia
Austrian:Austria Azerbaijani:Azerbaijan Bahraini:Bahrain Bangladeshi:Bangladesh
Belarusian:Belarus Belgian:Belgium Bolivian:Bolivia Bosnian:Bosnia_and_Herzegovina
Brazilian:Brazil British:United_Kingdom Bulgarian:Bulgaria Burmese:Myanmar
Cambodian:Cambodia Cameroonian:Cameroon Canadian:Canada Chilean:Chile Chinese:China
Colombian:Colombia Congolese:Congo Croatian:Croatia Cuban:Cuba Cypriot:Cyprus Czech:Czechia
Danish:Denmark Dutch:Netherlands Ecuadorian:Ecuador Egyptian:Egypt Emirati:United_Arab_Emirates
English:England Eritrean:Eritrea Estonian:Estonia Ethiopian:Ethiopia Filipino:Philippines
Finnish:Finland French:France Georgian:Georgia German:Germany Ghanaian:Ghana Greek:Greece
Guatemalan:Guatemala Haitian:Haiti Honduran:Honduras Hungarian:Hungary Icelandic:Iceland
Indian:India Indonesian:Indonesia Iranian:Iran Iraqi:Iraq Irish:Ireland Israeli:Israel
Italian:Italy Ivorian:Ivory_Coast Jamaican:Jamaica Sri_Lankan:Sri_Lanka
South_Korean:South_Korea North_Korean:North_Korea New_Zealander:New_Zealand
Saudi_Arabian:Saudi_Arabia Japanese:Japan Jordanian:Jordan
Kazakh:Kazakhstan Kenyan:Kenya Korean:Korea Kosovan:Kosovo Kuwaiti:Kuwait Kyrgyz:Kyrgyzstan
Latvian:Latvia Lebanese:Lebanon Liberian:Liberia Libyan:Libya Lithuanian:Lithuania
Malaysian:Malaysia Malian:Mali Maltese:Malta Mexican:Mexico Moldovan:Moldova Mongolian:Mongolia
Montenegrin:Montenegro Moroccan:Morocco Mozambican:Mozambique Namibian:Namibia Nepalese:Nepal
Nepali:Nepal Nicaraguan:Nicaragua Nigerian:Nigeria Nigerien:Niger Norwegian:Norway Omani:Oman
Pakistani:Pakistan Palestinian:Palestine Panamanian:Panama Paraguayan:Paraguay Peruvian:Peru
Polish:Poland Portuguese:Portugal Qatari:Qatar Romanian:Romania Russian:Russia Rwandan:Rwanda
Saudi:Saudi_Arabia Scottish:Scotland Scots:Scotland Senegalese:Senegal Serbian:Serbia
Singaporean:Singapore Slovak:Slovakia Slovenian:Slovenia Somali:Somalia
South_African:South_Africa Spanish:Spain Sudanese:Sudan Swedish:Sweden Swiss:Switzerland
Syrian:Syria Taiwanese:Taiwan Tajik:Tajikistan Tanzanian:Tanzania Thai:Thailand
Tunisian:Tunisia Turkish:Turkey Ugandan:Uganda Ukrainian:Ukraine Uruguayan:Uruguay
Uzbek:Uzbekistan Venezuelan:Venezuela Vietnamese:Vietnam Welsh:Wales Yemeni:Yemen
Zambian:Zambia Zimbabwean:Zimbabwe
"""
# Short names under which countries are known, beside pycountry's names.
_SHORT_NAMES = """
US:United_States U.S.:United_States USA:United_States U.S.A.:United_States
America:United_States UK:United_Kingdom U.K.:United_Kingdom Britain:United_Kingdom
Great_Britain:United_Kingdom Russia:Russia Iran:Iran Syria:Syria Vietnam:Vietnam
South_Korea:South_Korea North_Korea:North_Korea Taiwan:Taiwan Laos:Laos Bolivia:Bolivia
Venezuela:Venezuela Tanzania:Tanzania Moldova:Moldova Czech_Republic:Czechia Kosovo:Kosovo
England:England Scotland:Scotland Wales:Wales Northern_Ireland:Northern_Ireland
Palestine:Palestine Holland:Netherlands Ivory_Coast:Ivory_Coast Turkey:Turkey
"""
# Capitals and seats of power: they stand for the country when the story names the country.
_CAPITALS = """
Washington:United_States White_House:United_States London:United_Kingdom
Downing_Street:United_Kingdom Whitehall:United_Kingdom Moscow:Russia Kremlin:Russia
Kyiv:Ukraine Kiev:Ukraine Beijing:China Tokyo:Japan Paris:France Berlin:Germany Rome:Italy
Madrid:Spain Lisbon:Portugal Brussels:Belgium Amsterdam:Netherlands Vienna:Austria
Warsaw:Poland Prague:Czechia Budapest:Hungary Athens:Greece Ankara:Turkey Tehran:Iran
Baghdad:Iraq Damascus:Syria Jerusalem:Israel Cairo:Egypt Riyadh:Saudi_Arabia
New_Delhi:India Islamabad:Pakistan Kabul:Afghanistan Seoul:South_Korea
Pyongyang:North_Korea Canberra:Australia Ottawa:Canada Brasilia:Brazil
Buenos_Aires:Argentina Havana:Cuba Caracas:Venezuela Nairobi:Kenya Pretoria:South_Africa
Abuja:Nigeria Stockholm:Sweden Oslo:Norway Copenhagen:Denmark Helsinki:Finland
Dublin:Ireland Cardiff:Wales Minsk:Belarus Tbilisi:Georgia Hanoi:Vietnam Manila:Philippines
Jakarta:Indonesia Bangkok:Thailand Taipei:Taiwan
"""


def _pairs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in text.split():
        key, value = item.split(":")
        out[key.replace("_", " ")] = value.replace("_", " ")
    return out


DEMONYMS = _pairs(_DEMONYMS)
# pycountry's names that news writing does not use for the country.
_PREFERRED = {
    "Russian Federation": "Russia",
    "Türkiye": "Turkey",
    "Côte d'Ivoire": "Ivory Coast",
    "Palestine, State of": "Palestine",
}
CAPITALS = _pairs(_CAPITALS)


@cache
def country_names() -> dict[str, str]:
    """Every name of a country (pycountry's and common short ones) -> its short name."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        short = _PREFERRED.get(short, short)
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form and "," not in form:
                out[form] = short
    out.update(_pairs(_SHORT_NAMES))
    return out


def country_of(name: str) -> str | None:
    """The country a name or demonym stands for ("Russian" -> "Russia"), if any."""
    return country_names().get(name) or DEMONYMS.get(name)


@cache
def subdivisions() -> frozenset[str]:
    """Names of states, provinces and regions (pycountry): places, not people."""
    return frozenset(s.name for s in pycountry.subdivisions if "," not in s.name)
