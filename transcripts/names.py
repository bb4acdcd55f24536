"""What a name looks like: the one home of the word lists every reader and rule shares.

Each test is small and says why in its comment. They look at one label on its own;
whether a label recurs and where it sits is weighed in `roster.py`.
"""

from __future__ import annotations

import functools
import re

from .compiled import kept, kept_regex

# The French honorifics that name an office with its article ("M. le président", "Mme
# la ministre", as French parliaments write whoever holds the chair or speaks for the
# government).
FRENCH_HONORIFICS_WRITTEN = ("M.", "Mme", "Mlle")
FRENCH_HONORIFICS = frozenset(word.casefold().rstrip(".") for word in FRENCH_HONORIFICS_WRITTEN)

# Honorifics and titles that open a name ("Mr. SMITH", "Dr. Jha", "SEN. LOPEZ"), the
# forms of address of other languages spelled out among them ("MADEMOISELLE BÉJART",
# "Frau Müller", "Señora López": a surname after them is no full name).
HONORIFICS = FRENCH_HONORIFICS | frozenset(
    """
    monsieur madame mademoiselle herr frau fräulein señor señora señorita signor signora
    signorina senhor senhora
    mr mrs ms miss mx dr prof professor sen senator rep representative gov governor gen
    general col colonel capt captain lt sgt sergeant cmdr commander rev reverend fr father
    sir dame lord lady
    hon judge justice chief president vice secretary ambassador minister prime chairman
    chairwoman chair chairperson speaker mayor commissioner director agent officer
    detective sheriff rabbi imam pastor bishop king queen prince princess dean coach
    """.split()
)

# Words that raise the honorific after them ("Right Hon. Jean Chrétien", "Rt. Hon.",
# "Most Rev."): a title only before one.
HONORIFIC_DEGREES = frozenset("right rt most very".split())

# Abbreviations that end in a period inside a name ("Mr. SMITH", "Hon. Jane Stewart",
# "Martin Luther King Jr."): the period is part of the name, not the end of a label.
NAME_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sen rep gov gen col capt lt sgt rev fr hon st jr sr messrs mme
    mlle sra sr dra supt insp det cmdr adm maj cpl pvt rt esq abg
    """.split()
)

# Words that name a role rather than a person, and are speaker labels on their own.
ROLE_WORDS = frozenset(
    """
    interviewer interviewee host cohost co-host guest moderator reporter narrator
    announcer anchor correspondent panelist panellist caller audience participant
    respondent speaker q a question answer presenter voice unidentified unknown male
    female man woman crowd student teacher witness court clerk interpreter translator
    president chairman chair member members questioner attorney counsel defendant
    plaintiff prosecutor juror bailiff operator analyst customer agent doctor patient
    therapist client subject child mother father parent investigator inv int iv ie r p
    person spk officer juror jurors all both everyone several some others chorus group
    panel audience crowd voices visitor
    """.split()
)

# The roles of a chatbot conversation as its logs write them (`system:`, `user:`,
# `assistant:`, `tool:`): speakers of the log, the system prompt before the dialogue too.
CHAT_ROLES = frozenset("system developer user assistant tool".split())

# Words of a script's sound and music cues ("SOUND: Wind.", "MUSIC: Up and under.",
# "SFX: A door slams."): a radio play's directions, labelled as its speakers are.
CUE_WORDS = frozenset("sound sounds sfx fx music ambience atmos".split())

# The verbs among them, which open a note ("See also:", "Read more:", "Watch:") but
# end a sentence's opening words ("Let's see:", "You should read:").
_NOTE_VERBS = frozenset("read see watch listen share follow subscribe download".split())

# Words that mark a label as a note, a field or a heading, not a person
# ("Editor's note:", "Update:", "Agenda:", "Date:", "Question for Readers:", a log's
# "INFO:" and "ERROR:"; an e-mail's header fields, "Sent:", "Cc:", "Fwd:"; a chat app's
# line between the days, "Today", "Yesterday").
NON_SPEAKER_WORDS = (
    frozenset(
        """
    note notes nb ps update updated updates correction corrections clarification
    disclaimer source sources date dates time times location venue place agenda title
    subject summary transcript transcription tags tag keywords related photo photos
    image images caption captions video audio link links url website web email phone
    published posted written credit credits copyright warning advertisement ad sponsor
    sponsored topic topics chapter chapters part section episode break intermission
    contents index appendix attendees present absent minutes recording duration language
    format category categories status version author authors editor editors background
    context quote quotes example footnote footnotes reference references read see also
    watch listen share follow subscribe download via tl;dr tldr summary takeaway
    takeaways highlights notice announcement breaking exclusive opinion analysis review
    interview transcripts participants speakers panel attachment attachments files file
    media poll polls survey quiz tip tips fact facts factbox sidebar reminder spoiler trivia
    appearances appearing proceedings exhibit exhibits by dear subtitle subtitles
    translation translated act scene action sharing
    sent cc bcc fwd fw re
    info debug error errors warn fatal critical exception traceback
    today yesterday
    """.split()
    )
    | CUE_WORDS
    | frozenset(
        # the same fields in other languages: German ("Betr.:", "Bezug:", "Beginn: 9.03
        # Uhr" in a Bundestag record), French, Spanish, Italian, Portuguese
        """
    betr betreff bezug beginn schluss ende datum ort thema quelle anlage anlagen
    objet sujet lieu heure début
    asunto fecha lugar hora tema fuente
    oggetto luogo fonte
    assunto
    """.split()
    )
)  # (and a cue's words: "SOUND:", "MUSIC:")

# The same fields in Chinese, Japanese and Korean, which write a field's name as one word
# with no space: the noun it ends in names the field ("程序委員會意見：" is the procedure
# committee's opinion, "日時：" a meeting's date and time, "안건:" its agenda), never a
# person or a role.
CASELESS_FIELD_ENDINGS = tuple(
    """
    意見 意见 說明 说明 決定 决定 決議 决议 主旨 案由 日期 時間 时间 地點 地点 主題 主题
    備註 备注 附件 議程 议程 摘要 概要 要旨 理由 結論 结论 參考 参考
    日時 場所 議題 件名 備考 出席者 欠席者
    일시 일자 장소 안건 주제 참고
    """.split()
)

_CUE_TAILS = frozenset("cue cues effect effects".split())


def is_cue_label(label: str) -> bool:
    """A label naming a sound or music cue: "SOUND", "SFX", "MUSIC CUE", "Sound effects"."""
    words = label.casefold().split()
    return (
        1 <= len(words) <= 2
        and words[0] in CUE_WORDS
        and all(word in CUE_WORDS or word in _CUE_TAILS for word in words[1:])
    )


# Words that end the title of a song in a play or a libretto ("SONG.", "THE FAIRIES'
# SONG.", "BALLAD."), set alone over its verse like a speaker's name.
SONG_WORDS = frozenset(
    "song songs ballad hymn duet trio lullaby serenade dirge madrigal anthem".split()
)

# The sections of a song's lyrics ("Verse 1:", "Chorus:", "Bridge:", "Outro:"), labelled
# as a play labels its speakers; "Chorus" alone is a play's speaker too (Henry V's).
SONG_SECTIONS = frozenset(
    "verse chorus refrain bridge outro intro hook prechorus pre-chorus interlude coda".split()
)

# Words naming a field of a document's metadata ("Author: ...", "Release Date: ..."):
# a label ending in one is a field whatever its value, where "Mayor Interview: The
# Bridge at Last" is a title.
FIELD_WORDS = frozenset(
    """
    author authors date title language encoding editor editors translator translators
    illustrator illustrators publisher published posted updated source location venue
    duration recording format category status version copyright credit credits produced
    transcriber transcribers
    """.split()
)

# Ordinals that number people sharing a role ("First Citizen", "Second Murderer", "2nd
# Officer"): a role of a play or a record, not words of a sentence.
ORDINALS = frozenset(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 5th
    6th 7th 8th 9th 10th
    """.split()
)

# Words that open a letter's greeting, which ends in a colon like a label.
SALUTATIONS = frozenset({"dear", "hi", "hello", "greetings", "gentlemen", "sirs"})

# Lower-case words allowed inside a name ("Ludwig van Beethoven", "Mr. SMITH of New Jersey"),
# and inside a parliament's members speaking together ("Some hon. members", "An hon. Member").
NAME_PARTICLES = frozenset(
    """
    de da del della dei di du des van von der den ter ten la le bin ibn al el y e dos
    das of pro tempore st hon member members
    """.split()
)

# Lower-case words that may sit inside a label-like heading but never inside a name.
LABEL_FUNCTION_WORDS = frozenset(
    """
    for of the to and in on a an at by with from about
    """.split()
)

_WORD = kept_regex(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*")
_CAPITALISED = kept_regex(r"^[\p{Lu}\p{Lt}][\p{L}\p{M}'’\-]*\.?$")
_ALL_CAPS = kept_regex(r"^[\p{Lu}\p{M}'’.\-]*\p{Lu}[\p{Lu}\p{M}'’.\-]*$")
_ALL_CAPS_NAME = kept_regex(r"^[\p{Lu}\p{M}'’.\-]{2,}(?:\s+(?:[\p{Lu}\p{M}'’.\-]+|#?\d{1,3}))*$")
_INITIAL = kept_regex(r"^\p{Lu}\.?$")
# Initials written onto the surname, as Russian transcripts do: "В.Путин", "В.В.Путин".
_INITIALS_AND_SURNAME = kept_regex(r"^(?:\p{Lu}\.){1,2}\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*$")
_NUMBER = kept_regex(r"^#\d{1,3}$")  # "UNIDENTIFIED REPORTER #1" ("Count 1" is no name)
# A word of a script without case (Chinese, Japanese, Arabic, Hebrew, Thai ...): "李雷",
# "ジョン・スミス", or its abbreviation as an honorific is written ("डॉ." for doctor).
# What follows the first letter of a word in a script without case: letters, marks, the
# middle dot of a Japanese name (ジョン・スミス), and Hebrew's acronym marks between letters
# (היו"ר, the chair). The label grammar (`readers/text/shapes.py`) reads such words so too.
CASELESS_LETTER = r"(?:[\p{Lo}\p{M}・·]|[\"״׳](?=\p{Lo}))"
_CASELESS = kept_regex(r"^\p{Lo}" + CASELESS_LETTER + r"*\.?$")
_NUMBERED = kept_regex(r"^(?P<role>[\p{L}][\p{L}\-]*)[\s_]*(?P<number>\d{1,9})$")
_PARTICIPANT_CODE = kept_regex(r"^\p{Lu}{1,2}\d{1,3}$")
# A trailing role or affiliation after a comma ("WOLF BLITZER, CNN ANCHOR"), a parenthesis
# ("SEN. MARIA LOPEZ (D-NM)", "Hon. Jane Stewart (Minister of ..., Lib.)", "SEN. MARK
# RIVERA (D), NEW MEXICO"), brackets ("John Park [Interviewer]"), or a dash ("Jane Roe -
# Acme Corp - Vice President, Investor Relations", "SMITH--Chairman"): the affiliations
# of the label grammar (`shapes.py`).
# A list ending in "and" ("BLAND, DE CASTRO, AND ROPER") names a group, not a role.
_SUFFIX = kept_regex(
    r"^(?P<name>[^,(\[（]+?)\s*(?:"
    r",\s*(?P<role>[^,()]{1,80}(?:,(?!\s*(?i:and|&)\s)\s*[^,()]{1,80}){0,2})"
    r"|\((?P<paren>[^()]{1,120})\)(?:\s*\([^()]{1,40}\))?(?:\s*,\s*[^()]{1,160})?"
    r"|\[(?P<bracket>[^\[\]]{1,60})\]"
    r"|（(?P<wide>[^（）]{1,40})）"
    r"|(?:\s+[-–—]\s+|\s*--\s*)(?P<dash>[^()]{1,160})"
    r"|\s+(?P<doing>reporting)"  # "CARRIE KAHN reporting" (NPR's reporter, first heard)
    r")$"
)


def _key(word: str) -> str:
    return word.casefold().strip(".’'-")


@functools.lru_cache(maxsize=4096)
def split_name(label: str) -> tuple[str, str | None]:
    """The name part of a label and its trailing role or parenthesis, if any. (A team's
    or a site's letters before a dash and a name, as meeting tools show display names,
    "ATL - WonderFrog", name no one alone: the whole label is the name.)"""
    match = _SUFFIX.match(label)
    if match:
        dash = match["dash"]
        if (
            dash is not None
            and is_acronym(match["name"])
            and dash[:1].isalpha()
            and not dash.isupper()
        ):
            return label, None
        return match["name"], (
            match["role"]
            or match["paren"]
            or match["bracket"]
            or match["wide"]
            or match["dash"]
            or match["doing"]
        )
    return label, None


def is_numbered_voice(label: str) -> bool:
    """A voice a diarisation tool numbered (`is_numbered_role`: "SPEAKER_00", "Speaker
    1", "spk_0"), or such a voice after a role word, as a WhisperX script writes it
    ("Speaker SPEAKER_00")."""
    if is_numbered_role(label):
        return True
    role, _, voice = label.partition(" ")
    return bool(voice) and " " not in voice and is_role(role) and is_numbered_role(voice)


@functools.lru_cache(maxsize=4096)
def is_numbered_role(label: str) -> bool:
    """`Speaker 1`, `Speaker4`, `SPEAKER_00`, `Guest 2`: anonymised diarisation labels (a
    role word and a number; "Count 1" and "Chapter 3" are not); and the participant codes
    of anonymised interviews and focus groups, a capital or two and a number (`S1`, `P01`,
    `M3`, `FG2`)."""
    if _PARTICIPANT_CODE.match(label) is not None:
        return True
    match = _NUMBERED.match(label)
    return match is not None and _key(match["role"]) in ROLE_WORDS


def numbered_role_of(label: str) -> str | None:
    """The role a numbered role numbers, folded (`speaker` for `Speaker 5` and
    `SPEAKER_05`, `p` for `P3`), or None for a label that is no numbered role."""
    if not is_numbered_role(label):
        return None
    match = _NUMBERED.match(label)
    return _key(match["role"]) if match is not None else None


_NICKNAME_QUOTES = "‘’“”'\""


@functools.lru_cache(maxsize=4096)
def name_words(label: str) -> list[str] | None:
    """The words of a name-shaped label, or None when the label cannot be a name.

    A name is one to six words, each capitalised, ALL-CAPS, an initial (or initials
    written onto the surname: "В.Путин"), an honorific or (not first) a name particle: no
    sentence words, digits, URLs or symbols.
    """
    name, _ = split_name(label)
    tokens = name.split()
    if not 1 <= len(tokens) <= 6:
        return None
    if len(tokens) > 2:  # a nickname in quotes ("Andrew ‘Boz’ Bosworth"): its words
        tokens = [tokens[0], *(token.strip(_NICKNAME_QUOTES) for token in tokens[1:])]
    if all(_key(token) in LABEL_FUNCTION_WORDS for token in tokens):
        return None  # "And:" before a list is no name
    if all(_key(token) in NAME_PARTICLES and not token.isupper() for token in tokens) and not (
        len(tokens) == 1 and is_abbreviated(tokens[0])
    ):
        # "de la", "Van": particles of no name ("ST.", a name cut short, is one; so are
        # initials in capitals, "DE:" in a meeting's notes)
        return None
    for index, token in enumerate(tokens):
        parts = token.split("-")
        if any(part in LABEL_FUNCTION_WORDS for part in parts[1:-1]) and (
            _key(parts[0]) not in HONORIFICS
        ):
            # "Question-and-Answer Session", "Face-to-Face": words, no name; but a title's
            # compound names one ("Sergeant-at-Arms", "Commander-in-Chief")
            return None
        if (
            _CAPITALISED.match(token)
            or _ALL_CAPS.match(token)
            or _INITIAL.match(token)
            or _INITIALS_AND_SURNAME.match(token)
            or _CASELESS.match(token)
        ):
            continue
        if (index > 0 or len(tokens) > 1) and (
            _key(token) in NAME_PARTICLES
            or (index > 0 and _NUMBER.match(token))
            or (index == 0 and token[:1].isdigit() and _key(token) in ORDINALS)
        ):
            continue  # "SMITH of New Jersey", "UNIDENTIFIED REPORTER #1", "1ST GIRL"
        return None
    return tokens


@functools.lru_cache(maxsize=4096)
def is_non_speaker_label(label: str) -> bool:
    """A label that names a field or note ("Editor's note", "Update", "Agenda")."""
    words = [_key(word) for word in _WORD.findall(label)]
    if not words:
        return False
    # "Editor's note", "Mayor Interview", "Photo credit", "Read more"; but a leading
    # word that is also an honorific ("Speaker Pelosi") still names a person, and a
    # note's verb ends no note ("Let's see:" opens a sentence; "See also:" is a note).
    last = words[-1]
    return (
        (last in NON_SPEAKER_WORDS and (len(words) == 1 or last not in _NOTE_VERBS))
        or (words[0] in NON_SPEAKER_WORDS and words[0] not in HONORIFICS)
        or (last.endswith(CASELESS_FIELD_ENDINGS) and _CASELESS.match(last) is not None)
    )


def is_field_name(label: str) -> bool:
    """A label of one to three words naming a metadata field ("Release Date", "Author")."""
    words = [_key(word) for word in _WORD.findall(label)]
    return 1 <= len(words) <= 3 and words[-1] in FIELD_WORDS


@functools.lru_cache(maxsize=4096)
def is_role(label: str) -> bool:
    """A label that is a role word ("Interviewer", "Q", "THE COURT", "AUDIENCE MEMBER")."""
    if is_numbered_role(label):
        return True
    words = [_key(word) for word in label.split()]
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]  # "THE COURT", "An hon. Member" (but "A" answers)
    # a parliament's "Some hon. members", "An hon. Member": the honorific is no role
    words = [w for w in words if w not in HONORIFICS] if len(words) > 1 else words
    return bool(words) and len(words) <= 3 and all(w in ROLE_WORDS for w in words)


def is_role_or_title(word: str) -> bool:
    """Is the word a role ("host", "guest") or a title ("director", "minister")?"""
    key = _key(word)
    return key in ROLE_WORDS or key in HONORIFICS


@functools.lru_cache(maxsize=4096)
def is_song_title(label: str) -> bool:
    """A song's title ("SONG", "THE FAIRIES' SONG", "Ballad"): its last word names a song,
    and no honorific opens it ("Mr. Song" and "Dr. Song" are people)."""
    words = label.split()
    return bool(words) and _key(words[-1]) in SONG_WORDS and not has_honorific(label)


def is_song_section(label: str) -> bool:
    """A section of a song's lyrics ("Verse 2", "Chorus", "Outro"): a section's word,
    perhaps numbered."""
    words = label.split()
    return (
        0 < len(words) <= 2
        and _key(words[0]) in SONG_SECTIONS
        and (len(words) == 1 or words[1].isdigit())
    )


# The titles of who presides over a sitting, in the languages of the parliaments and
# committees whose records name the chair by title ("Präsident Dr. Ehlers:",
# "Vizepräsident Dr. Jaeger:", "主席：", "ГОЛОВУЮЧИЙ.", "Marszałek:").
CHAIR_TITLES = frozenset(
    """
    president vice-president chair chairman chairwoman chairperson speaker presiding
    präsident präsidentin vizepräsident vizepräsidentin alterspräsident
    président présidente vice-président vice-présidente presidente presidenta
    vicepresidente vicepresidenta voorzitter ordförande formand puhemies
    marszałek przewodniczący przewodnicząca předseda předsedající
    председатель председательствующий головуючий голова
    主席 議長 议长 委員長 委员长 의장 위원장
    """.split()
)


# The heading over a play's cast list, in the languages of the plays users hold:
# "Dramatis Personæ", "Persons Represented", "Characters", "Personnages", "Personen",
# "Personajes", "Personaggi", "Действующие лица", "登場人物".
_CAST_HEADING = kept_regex(
    r"\s*(?:#+\s*)?[*_]*\s*(?:(?i:dramatis\s+person(?:ae|æ|e)"
    r"|persons?\s+(?:of\s+the\s+(?:play|drama)|represented|in\s+the\s+play)"
    r"|(?:the\s+)?characters(?:\s+in\s+the\s+play)?|cast(?:\s+of\s+characters)?"
    r"|personnages|personen(?:\s+der\s+handlung)?|personajes|personaggi|interlocutori"
    r"|действующие\s+лица|dramatis)|登場人物)"
    r"\s*[*_]*\s*[.:：]?\s*"
)


def is_cast_heading(line: str) -> bool:
    """Is the line the heading over a play's cast list ("Dramatis Personæ")?"""
    return _CAST_HEADING.fullmatch(line.rstrip("\r\n")) is not None


def is_chair(label: str) -> bool:
    """A label naming the sitting's chair by title, with or without a name after it."""
    words = label.split()
    return bool(words) and _key(words[0]) in CHAIR_TITLES


@functools.lru_cache(maxsize=4096)
def has_honorific(label: str) -> bool:
    """A name opened by an honorific ("Mr. COOPER", "Dr. Jha")."""
    words = label.split()
    if len(words) >= 3 and _key(words[0]) in HONORIFIC_DEGREES:
        words = words[1:]  # "Right Hon. Jean Chrétien"
    return len(words) >= 2 and _key(words[0]) in HONORIFICS


_ACRONYM = kept_regex(r"^\p{Lu}{2,6}$")


def is_acronym(label: str) -> bool:
    """A label of two to six capitals ("EPS", "ARR"): perhaps an abbreviation."""
    return _ACRONYM.match(label) is not None


def is_expansion(label: str, text: str) -> bool:
    """Does `text` open by spelling out the abbreviation `label` ("EPS: earnings per
    share", "ARR: Annual Recurring Revenue"), or the label spell itself out in
    parentheses ("ARR (Annual Recurring Revenue): The annualized value ...", as a
    call's glossary writes it)? A glossary's entry, not a speaker's turn."""
    name, note = split_name(label)
    if note is not None and name != label and _spells(name, note):
        return True
    return _spells(label, text)


def _spells(label: str, text: str) -> bool:
    """Does `text` open with words whose initials are the abbreviation `label`'s letters?"""
    if not is_acronym(label):
        return False
    letters = label.casefold()
    words = [w for w in _WORD.findall(text[:120]) if _key(w) not in LABEL_FUNCTION_WORDS]
    initials = "".join(word[0] for word in words[: len(letters)]).casefold()
    return initials == letters


def is_numbered_section(label: str) -> bool:
    """A part of a document by its number: "SCENE III", "ACT 2", "Chapter IV", "Part 3"
    (a word of a heading, then a Roman or Arabic numeral)."""
    words = label.split()
    return (
        len(words) == 2
        and _key(words[0]) in NON_SPEAKER_WORDS
        and _SECTION_NUMBER.fullmatch(words[1]) is not None
    )


_SECTION_NUMBER = kept(r"\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7}")


def is_ordinal_role(label: str) -> bool:
    """A role numbered by an ordinal: "First Citizen", "Second Murderer"."""
    words = label.split()
    return len(words) >= 2 and _key(words[0]) in ORDINALS


@functools.lru_cache(maxsize=4096)
def is_marked(label: str) -> bool:
    """A label that announces a speaker by itself: a role (an ordinal one too), an
    honorific, capitals or an office ("The SPEAKER pro tempore (Mr. Mica)"). A code of a
    letter or two and a number does not: it names a participant only where it recurs
    (`S1`), and before the dialogue it is as often a quarter or a year ("Q3:", "FY25:")."""
    name, _ = split_name(label)
    if _PARTICIPANT_CODE.match(name) is not None:
        return False
    return (
        is_role(label)
        or has_role_after(label)
        or is_ordinal_role(name)
        or has_honorific(name)
        or bool(_ALL_CAPS_NAME.match(name))
        or office_of(label) is not None
    )


def has_role_after(label: str) -> bool:
    """A name with its role after it ("A MARTÍNEZ, HOST", "CLARISSA WARD, CNN
    CORRESPONDENT"): the affiliation ends in a role word."""
    _, affiliation = split_name(label)
    words = (affiliation or "").split()
    return bool(words) and _key(words[-1]) in ROLE_WORDS


@functools.lru_cache(maxsize=4096)
def is_lower_case_name(label: str) -> bool:
    """Could a label in lower case name a speaker ("agent", "user", "participant 2")? One
    word, and a number, that is neither a small word of a sentence ("and", "for") nor a
    note's or a field's ("note", "update"). Whether it does is the document's to say: a
    cast of such names taking turns (`readers/text/conventions.py`)."""
    words = label.split()
    if not 1 <= len(words) <= 2 or not label.islower():
        return False
    if len(words) == 2 and not words[1].isdigit():
        return False
    word = _key(words[0])
    return word not in LABEL_FUNCTION_WORDS and not is_non_speaker_label(label)


def is_speaker_shaped(label: str) -> bool:
    """Could this label name a speaker at all (before weighing recurrence and position)?
    A group speaking together ("BLAND, DE CASTRO, AND ROPER") is, when each member is."""
    if not label or len(label) > 120 or is_non_speaker_label(label):
        return False
    if is_role(label) or name_words(label) is not None or is_group(label):
        return True
    if is_numbered_voice(label):
        return True  # "Speaker SPEAKER_00": WhisperX's voice after a role word
    # "The Minister for Security (Tom Tugendhat)"; "Mme la présidente", an honorific
    # addressing whoever holds the office
    office = office_of(label)
    return office is not None and (office[1] is not None or has_honorific(label))


@functools.lru_cache(maxsize=4096)
def is_group(label: str) -> bool:
    """Does the label name several people speaking together, each by a name or a role?"""
    members = group_members(label)
    return members is not None and all(
        is_role(member) or name_words(member) is not None for member in members
    )


_DASHED = kept_regex(r"\s[-–—]\s|--")  # a dash between a name and its company or title
# (`re.I`: the `regex` module's flags are `re`'s, and `regex` is not imported here.)
_GROUP = kept_regex(r"^(?P<list>[^,]+(?:,\s*[^,]+){0,4}),?\s+(?:and|&)\s+(?P<last>[^,]+)$", re.I)


def group_members(label: str) -> list[str] | None:
    """The names of a label naming several people speaking together ("BLAND, DE CASTRO,
    AND ROPER", "Ana and Ben"), or None when the label is no such list."""
    found = _GROUP.match(label)
    if found is None or _DASHED.search(label):
        return None  # "Tim Cook, Apple Inc. - CEO & Director": a name and its titles
    return [part.strip() for part in found["list"].split(",")] + [found["last"].strip()]


# The most words a note's name has where its other words say nothing of a note
# ("Photo credit", "Editor's note", "Read more").
_NOTE_NAME_WORDS = 3


@functools.lru_cache(maxsize=4096)
def is_label_shaped(label: str) -> bool:
    """A non-speaker label worth keeping as a label: "Question for Readers", "Editor's note".

    One to six words, opened by a capital, where every other word is capitalised, a
    function word or a known note word: a heading-like label, not a clause of a sentence;
    or a note's name in up to three words ("Photo credit", "Read more"). A longer clause
    ending in a note word is a sentence's ("The problems arise in this context:").
    """
    tokens = label.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if _CASELESS.match(tokens[0]) is not None:  # a script without case: its notes only
        return len(tokens) <= _NOTE_NAME_WORDS and is_non_speaker_label(label)  # "日時"
    if not tokens[0][:1].isupper():
        return False
    if _key(tokens[0]) in SALUTATIONS:  # "Dear Ms. Secretary:" opens a letter's text
        return False
    if len(tokens) <= _NOTE_NAME_WORDS and is_non_speaker_label(label):
        return True
    for token in tokens[1:]:
        key = _key(token)
        if (
            token[:1].isupper()
            or key in LABEL_FUNCTION_WORDS
            or (key in NON_SPEAKER_WORDS and key not in _NOTE_VERBS)
        ):
            continue
        return False
    return True


@functools.lru_cache(maxsize=8192)
def normalise(label: str) -> str:
    """The form labels are compared in: case-folded, single-spaced, initials written
    together ("P. A. SYSTEM" is "P.A. SYSTEM"), and "Speaker4" read as "Speaker 4"
    (diarisation exports drop the space now and then)."""
    key = " ".join(label.split()).casefold()
    if ". " in key:
        key = _SPACED_INITIALS.sub("", key)
    numbered = _NUMBERED.match(key)
    if numbered and " " not in key:
        key = f"{numbered['role']} {numbered['number']}"
    return key


# The space between two initials ("p. a."), which some labels of a name write and others
# do not.
_SPACED_INITIALS = kept_regex(r"(?<=(?:^|[\s.])\p{L}\.)[ ](?=\p{L}\.)")


def capitalised_runs(text: str) -> list[str]:
    """The names a phrase may hold: each run of capitalised words, and each word of a
    run ("Enter LADY MACBETH, with a letter" holds "LADY MACBETH", "LADY", "MACBETH"),
    without the period that may end a sentence after it."""
    found: list[str] = []
    for run in _CAPITALISED_RUN.findall(text):
        words = [word.rstrip(".") for word in run.split()]
        found.append(" ".join(words))
        if len(words) > 1:
            found.extend(words)
    return found


_CAPITALISED_RUN = kept_regex(
    r"[\p{Lu}\p{Lt}][\p{L}\p{M}'’.\-]*(?:[ ]+[\p{Lu}\p{Lt}][\p{L}\p{M}'’.\-]*)*"
)


def is_caps(label: str) -> bool:
    """Written in capitals ("MS. JEAN-PIERRE", "THE COURT"), a surname's own small letter
    or a typist's stray one in a word of capitals included ("McCARTHY", "DeVITO",
    "FRöKEN"), and the place a member is "of" ("MR. BROWN of Ohio"); not a short word in
    title case ("Mr. SMITH")."""
    if label.isupper():
        return True
    if label.istitle() or label.islower():  # (most names that are not: at once)
        return False
    name = label.split(" of ", 1)[0]
    return any(c.isupper() for c in name) and all(map(_word_in_capitals, name.split()))


def _word_in_capitals(word: str) -> bool:
    """A word of capitals (`is_surname_in_capitals`: "McHENRY", "MacDONALD"), or one with
    a single small letter among at least three capitals; a word with no small letter
    (digits, "&") is one too."""
    small = sum(1 for c in word if c.islower())
    if small == 0 or is_surname_in_capitals(word):
        return True
    return small == 1 and sum(1 for c in word if c.isupper()) >= 3


def is_surname_in_capitals(word: str) -> bool:
    """A surname set in capitals as the Congressional Record and Hansard set them:
    "WATERS", "O'BRIEN", and with its Mc or Mac in their usual case, "McHENRY"."""
    return word.isupper() or _MC_IN_CAPITALS.fullmatch(word) is not None


_MC_IN_CAPITALS = kept_regex(r"Ma?c\p{Lu}[\p{Lu}'’\-]+")


# A label naming who holds an office: "The SPEAKER pro tempore (Mr. Mica)",
# "The Acting CHAIRMAN (during the vote)".
_OFFICE = kept(r"(?P<office>The\s[^()]+?)\s*\((?P<holder>[^()]+)\)", re.I)


@functools.lru_cache(maxsize=4096)
def office_of(label: str) -> tuple[str, str | None] | None:
    """(office, its holder or None) for a label naming an office ("The Acting CHAIRMAN"
    alone, or with its holder in brackets: "The Acting CHAIRMAN (Mr. Shaw)", "The Prime
    Minister (Rishi Sunak)"); None for any other label."""
    found = _OFFICE.fullmatch(label)
    if found:
        holder = found["holder"].strip()
        return found["office"], holder if _holds_office(holder) else None
    words = label.split()
    if len(words) >= 2 and words[0].casefold() == "the":
        return label, None
    if len(words) >= 2 and _key(words[0]) in FRENCH_HONORIFICS and _is_article(words[1]):
        return label, None  # "M. le président", "Mme la ministre"
    return None


def _is_article(word: str) -> bool:
    """Is the word a French definite article ("le", "la", "l'" on the word after)?"""
    return word in ("le", "la") or word[:2] in ("l'", "l’")


def _holds_office(holder: str) -> bool:
    """Is the parenthesis after an office the person holding it ("Mr. Mica"; "Rishi
    Sunak", as the UK Hansard names a minister), not a note ("spoke in French", "Through
    Interpreter")?"""
    if has_honorific(holder):
        return True
    words = name_words(holder)
    return (
        words is not None
        and 2 <= len(words) <= 4
        and not any(_key(word) in ROLE_WORDS or _key(word) in NON_SPEAKER_WORDS for word in words)
    )


@functools.lru_cache(maxsize=4096)
def person_name(label: str) -> str | None:
    """The name a person's label gives, without the role or affiliation that follows it
    ("WOLF BLITZER, CNN ANCHOR" -> "WOLF BLITZER", "SEN. MARIA LOPEZ (D-NM)" -> "SEN.
    MARIA LOPEZ"); None when the label is a role, an office, a group or a numbered
    speaker."""
    if is_numbered_role(label) or office_of(label) is not None or is_group(label):
        return None
    name, _ = split_name(label)
    if is_role(name) or name_words(name) is None:
        return None
    return name


def split_titles(name: str) -> tuple[list[str], list[str]]:
    """The honorifics and titles opening a person's name, and the rest of its words, as
    compared (case folded, end dots dropped): "Sir Keir Starmer" -> (["sir"], ["keir",
    "starmer"])."""
    words = [_key(word) for word in name.split()]
    first = 0
    while first < len(words) and words[first] in HONORIFICS:
        first += 1
    return words[:first], words[first:]


# A name cut short to a few capitals and a period ("SL.", "MNG."): a play's way of naming
# a character it has introduced in full ("SLENDER CROW:", then "SL.:").
_ABBREVIATED = kept_regex(r"^\p{Lu}{2,5}\.$")


def is_abbreviated(name: str) -> bool:
    """Is the name one word in capitals cut short with a period ("SL.", "MNG.")? An
    honorific ("MR.", "DR.") is no name cut short."""
    return _ABBREVIATED.match(name) is not None and _key(name) not in HONORIFICS


def abbreviates(short: str, full: str) -> bool:
    """Is `short` ("SL.", "MNG.", "CWK.") a shortening of the longer name `full`
    ("SLENDER CROW", "THE MANAGER", "COWORKER"): its letters, in order, among the
    name's, the first of them the name's first letter ("THE" aside)? Whether the two
    name one person is for the roster to weigh (the full name must come first, and be
    the only one that fits)."""
    letters = _key(short)
    words = [_key(word) for word in full.split()]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    joined = "".join(words)
    if len(joined) <= len(letters) or not letters or joined[0] != letters[0]:
        return False
    rest = iter(joined)
    return all(letter in rest for letter in letters)


def is_first_letters(short: str, full: str) -> bool:
    """Is the one-word name `short` the first letters of the longer one-word name `full`
    ("Bar" of "Barnardo", "Fran" of "Francisco"), as the First Folio cuts its speakers'
    names? It keeps two letters at least ("Qu" for "Queen"; an examination's "A" is an
    answer) and six at most. Whether the two name one person is for the roster to weigh
    ("Ann" and "Anna" may be two)."""
    return (
        _FIRST_LETTERS_LEAST <= len(short) <= _FIRST_LETTERS_MOST
        and len(short) < len(full)
        and short.isalpha()
        and full.isalpha()
        and full.casefold().startswith(short.casefold())
    )


_FIRST_LETTERS_LEAST = 2
_FIRST_LETTERS_MOST = 6


def initials_of(name: str) -> str | None:
    """The initials of a person's name of two to four words, honorifics aside, as compared
    ("gs" for "GABRIEL STONE", "jdr" for "Dr. Jane D. Roe"); None for a shorter or longer
    name."""
    words = split_titles(name)[1]
    if not _INITIALS_LEAST <= len(words) <= _INITIALS_MOST:
        return None
    return "".join(word[0] for word in words if word)


def is_initials(label: str) -> bool:
    """Is the label two to four capitals and nothing else ("GS", "JDR"), as a Q&A names
    a person it has introduced in full? A role or a group in capitals ("ALL", "BOTH") is
    no one's initials."""
    return (
        _INITIALS_LEAST <= len(label) <= _INITIALS_MOST
        and label.isalpha()
        and label.isupper()
        and not is_role(label)
        and not is_group(label)
    )


_INITIALS_LEAST = 2
_INITIALS_MOST = 4


def is_delivery_note(note: str) -> bool:
    """Is a parenthesis after a name a note on how the line is said ("aside", "pointing
    to a purple cable", "after a pause") rather than who says it ("Minister of ...,
    Lib.", "D-NM", "Mr. Mica")? A stage note is written in lower case."""
    return note[:1].islower()


@functools.lru_cache(maxsize=4096)
def surname_of(name: str) -> tuple[str, int] | None:
    """The last word of a person's name and how many words (honorifics aside) the name
    has: ("blitzer", 2) for "WOLF BLITZER", ("cooper", 1) for "MR. COOPER"."""
    words = split_titles(name)[1]
    if not words or not words[-1].isalpha() or len(words[-1]) < 2:
        return None
    return words[-1], len(words)


def short_form(label: str) -> str | None:
    """The short form a label declares in parentheses after the name, compared as keys
    are ("Jane Doe (JD)" -> "jd"): one word of at most four letters."""
    _, role = split_name(label)
    if role is None or not label.rstrip().endswith(")"):
        return None
    word = role.strip()
    if " " in word or not 1 <= len(word) <= _SHORT_FORM_WIDTH or not word.isalpha():
        return None
    return normalise(word)


_SHORT_FORM_WIDTH = 4
