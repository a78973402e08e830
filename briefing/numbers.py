"""Word lists the figures stage reads numbers with: number words, scales, units, currencies.

Plain data only, all lower case; `figures.py` holds the rules that use it.
"""

from __future__ import annotations

from briefing.dates import MONTH_ABBREVIATIONS, MONTH_NAMES

# Cardinal number words. "one" is here for compounds ("one-quarter", "one million", "one year");
# alone it is usually a pronoun ("one of them") and figures.py treats it so.
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# Suffixes glued to digits in news copy: "$11.1bn", "£1.2m", "5k".
GLUED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# Vague plurals: the stated lower bound is one unit ("tens of thousands" -> 10,000).
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}  # fmt: skip
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
}  # fmt: skip
PERCENT_WORDS = {"percent", "pct"}
# Measures glued to digits ("10km", "5kg"); any other glued letters make a name ("4G", "3D").
GLUED_MEASURES = {"km", "kg", "mph", "kph", "cm", "mm", "ft", "lb", "lbs", "mb", "gb", "tb",
                  "ghz", "mhz", "kw", "mw", "gw", "kwh", "ml", "sq"}  # fmt: skip

TIME_UNITS = {
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
    "month": "months", "year": "years", "decade": "years", "century": "years",
}  # fmt: skip
TIME_UNIT_FACTOR = {"decade": 10, "century": 100}

# Words that say a figure is approximate or bounded; kept in the figure's text.
QUALIFIERS = {
    "about", "around", "approximately", "roughly", "nearly", "almost", "over", "under",
    "some", "estimated", "only", "just", "exactly", "precisely", "up", "least", "most",
    "more", "less", "fewer", "than", "to", "well", "close", "upwards", "of", "at", "as",
    "many", "much", "few", "an", "a", "another", "further", "barely", "approx",
}  # fmt: skip
# The phrases the qualifier words above may form, as word tuples read backwards from the number.
QUALIFIER_PHRASES = [
    tuple(p.split())
    for p in (
        "an estimated", "estimated", "about", "around", "approximately", "roughly", "nearly",
        "almost", "over", "under", "some", "only", "just", "exactly", "precisely", "barely",
        "up to", "at least", "at most", "more than", "less than", "fewer than", "as many as",
        "as much as", "as few as", "close to", "upwards of", "another", "a further",
        "well over", "well under", "just over", "just under", "almost exactly", "approx",
    )
]  # fmt: skip

MONTHS = {*MONTH_NAMES, *MONTH_ABBREVIATIONS}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "pst",
               "cet", "hrs", "o'clock", "o’clock"}  # fmt: skip
# Words before a number that make it a label, not a quantity ("Article 5", "page 12").
LABEL_WORDS = {
    "article", "section", "chapter", "page", "pages", "p", "pp", "paragraph", "clause",
    "amendment", "item", "room", "flight", "route", "highway", "interstate", "version",
    "episode", "number", "no", "nos", "act", "rule", "platform", "gate", "terminal",
    "channel", "vol", "volume", "line", "figure", "table", "appendix", "annex", "part",
    "level", "phase", "stage", "grade", "category", "class", "tier", "type", "model",
    "series", "season", "week", "day", "round", "game", "match", "question", "exhibit",
    "district", "precinct", "ward", "unit", "block", "lot", "suite", "apt", "apartment",
    "floor", "bus", "train", "road", "street", "avenue", "pier", "berth", "seat", "row",
    "code", "id", "ref", "reference", "case", "resolution", "bill", "motion", "proposition",
}  # fmt: skip
# Words next to "N-M" that make it a result, not a range.
SCORE_WORDS = {
    "win", "wins", "won", "loss", "losses", "lost", "lose", "defeat", "defeats", "defeated",
    "victory", "draw", "drew", "beat", "beating", "lead", "led", "scoreline", "score",
    "thrashing", "humiliation", "rout", "triumph", "sets", "set", "margin", "final",
    "result", "vote", "votes", "voted", "ruling", "decision", "majority",
}  # fmt: skip

# Nouns that count people: figures about them rank high.
PEOPLE = {
    "people", "persons", "person", "troops", "soldiers", "civilians", "children", "adults",
    "residents", "workers", "employees", "staff", "jobs", "deaths", "dead", "casualties",
    "victims", "refugees", "migrants", "protesters", "demonstrators", "voters", "fans",
    "patients", "students", "members", "users", "customers", "officers", "police",
    "individuals", "men", "women", "families", "households", "inhabitants", "citizens",
    "passengers", "prisoners", "detainees", "hostages", "fighters", "militants", "killed",
    "injured", "wounded", "homeless", "pupils", "teachers", "doctors", "nurses", "visitors",
    "tourists", "subscribers", "viewers", "listeners", "supporters", "ministers", "lives",
}  # fmt: skip

# Plurals without a final "s".
PLURALS = {"people", "men", "women", "children", "police", "staff", "personnel", "cattle",
           "feet", "teeth", "mice", "geese", "data", "media", "criteria", "dead"}  # fmt: skip

# Function words and common verbs: a counted noun phrase stops at them.
FUNCTION_WORDS = {
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
    "but", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "that",
    "this", "these", "those", "he", "she", "they", "them", "his", "her", "their", "we",
    "our", "you", "your", "i", "not", "no", "will", "would", "could", "should", "may",
    "might", "can", "must", "has", "have", "had", "do", "does", "did", "said", "says", "say",
    "who", "whom", "whose", "which", "what", "when", "where", "while", "than", "then",
    "there", "here", "into", "onto", "over", "under", "after", "before", "since", "until",
    "ago", "about", "around", "across", "against", "among", "between", "during", "per",
    "via", "each", "every", "all", "both", "more", "most", "less", "least", "only", "just",
    "also", "so", "if", "because", "though", "although", "up", "down", "out", "off",
    "again", "still", "even", "now", "later", "earlier", "get", "got", "go", "went", "come",
    "came", "make", "made", "take", "took", "see", "saw", "tell", "told", "remain", "remains",
    "need", "needs", "want", "wants", "face", "faces", "live", "die", "according", "such",
    "other", "another", "some", "any", "many", "much", "few", "several", "very", "too",
    "like", "including", "within", "without", "through", "toward", "towards", "upon",
    "inside", "outside", "near", "beyond", "behind", "above", "below", "whether", "yet",
    "me", "my", "him", "us", "mine", "ours", "theirs", "itself", "themselves", "himself",
    "herself", "am", "become", "became", "seem", "seems", "seemed", "worth", "alone",
    "altogether", "together", "apiece", "felt", "left", "kept", "sold", "paid", "fell", "rose",
    "grew", "held", "met", "ran", "sent", "spent", "began", "stood", "thought", "brought",
    "bought", "gave", "won", "lost", "lay", "sat", "fled",
    "respectively", "old", "long", "away", "last", "next", "yesterday", "today", "tomorrow",
    "tonight", "overnight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "weekend",
}  # fmt: skip
