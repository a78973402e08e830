"""Word lists the next-steps stage reads grammar with: English function words, not article phrases.

Each list names a grammatical class (modal verbs, reporting verbs, time nouns ...). Adding a
word here widens a rule for every article; nothing here is taken from a particular article.
"""

from __future__ import annotations

from briefing.dates import MONTH_NAMES, WEEKDAY_NAMES


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Verbs (and a few nouns) that introduce reported speech or thought: "X said (that) ...".
# A "would" after one of them is a reported future ("said he would resign").
REPORTING = _split(
    "said says say saying told tells tell telling added adds announced announces announcing "
    "stated states stressed stresses warned warns warning insisted insists indicated indicates "
    "confirmed confirms claimed claims claim claiming argued argues noted notes explained "
    "explains specified specifies revealed reveals reported reports suggested suggests "
    "believes believe believed thinks think thought expects expect expected hopes hope hoped "
    "fears fear feared feels feel felt predicted predicts predict promised promises pledged "
    "pledges vowed vows threatened threatens declared declares signalled signaled signals "
    "acknowledged admitted admits agreed agrees conceded wrote writes tweeted "
    "worried concerned convinced sure confident certain aware according"
)

# Verbs that take a to-infinitive of intention: "plans to", "vowed to", "wants to".
INTENT_VERBS = _split(
    "plan plans planning intend intends intending aim aims aiming want wants wanting "
    "hope hopes hoping seek seeks seeking vow vows vowed pledge pledges pledged promise promises "
    "promised threaten threatens threatened decide decides decided agree agrees agreed "
    "prepare prepares preparing propose proposes proposed expect expects "
    "mean means wish wishes"
)

# Nouns of intention or proposal that point forward: "plans for", "a bid to", "a decision to".
INTENT_NOUNS = _split(
    "plan plans decision bid intention intentions pledge pledges promise promises threat threats "
    "proposal proposals campaign proposal attempt attempts effort efforts move push drive"
)

# "is ___ to <verb>": expectations and schedules.
EXPECT_ADJ = _split(
    "expected due set scheduled slated likely unlikely certain sure poised about bound "
    "going planning preparing hoping aiming intending looking seeking "
    "determined ready willing"
)

# Verbs of deliberation in the progressive: "is considering", "are looking at".
DELIBERATE = _split(
    "considering weighing mulling exploring reviewing discussing debating studying "
    "examining assessing planning preparing negotiating investigating"
)

# Verbs that make an open call on someone: "urged fans to", "called on X to".
CALL_VERBS = _split("urge urges urged urging call calls called calling appeal appeals appealed")
ASK_VERBS = _split("ask asks asking demand demands demanding")

# Proceedings that are open once started: "opened an investigation".
PROCEEDINGS = _split(
    "investigation investigations inquiry inquiries probe probes review trial hearing "
    "hearings inquest"
)
START_VERBS = _split("opened launched began begun started ordered announced set")

# Words that mark a time to come when they follow "next", "this", "later", "coming".
TIME_NOUNS = _split(
    "week weekend month year season summer winter spring autumn fall quarter term session "
    "election meeting summit round decade century morning afternoon evening night"
)

WEEKDAYS = tuple(WEEKDAY_NAMES)
MONTHS = tuple(MONTH_NAMES)

# Capitalised words that begin a sentence or a phrase but do not name anyone.
NOT_NAMES = _split(
    "The A An And But Or So If When While As After Before Since Because Although Though "
    "However Meanwhile Also Then Yet Still This That These Those It Its He She They We I You "
    "His Her Their Our My Your There Here In On At By For From With Without Of To "
    "Mr Mrs Ms Dr Speaking According Asked Last Next Earlier Later On Under Over Some Many "
    "Most All Both Each Every Any No Not One Two Three"
)
