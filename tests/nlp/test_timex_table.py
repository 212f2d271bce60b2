"""Expressions x publication dates x tense, parsed by the real model, with the TIMEX3 value a careful reader gives."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.nlp.timex import extract_dates

D = dt.date
PUB = D(2025, 5, 22)  # a Thursday

# (sentence, published, expression as written, type, value, mod)
CASES = [
    ("Istanbul hosted talks on 15 May.", PUB, "15 May", "DATE", "2025-05-15", None),
    ("The chancellor will deliver his Budget on 16 March.", PUB, "16 March", "DATE", "2026-03-16", None),
    ("The chancellor delivered his Budget on 16 March.", PUB, "16 March", "DATE", "2025-03-16", None),
    ("Turkey hosted the direct talks in March and April 2022.", PUB, "March", "DATE", "2022-03", None),
    ("Turkey hosted the direct talks in March and April 2022.", PUB, "April 2022", "DATE", "2022-04", None),
    ("The 15 May negotiations were held amid a changing landscape.", PUB, "15 May", "DATE", "2025-05-15", None),
    ("The talks, which lasted less than two hours, failed.", PUB, "less than two hours", "DURATION", "PT2H", "LESS_THAN"),
    ("Prices rose sharply last week.", PUB, "last week", "DATE", "2025-W20", None),
    ("Sales fell in the third quarter.", D(2025, 10, 28), "third quarter", "DATE", "2025-Q3", None),
    ("Output has grown over the past three years.", PUB, "three years", "DURATION", "P3Y", None),
    ("The company is now profitable.", PUB, "now", "DATE", "PRESENT_REF", None),
    ("The company currently employs 300 people.", PUB, "currently", "DATE", "PRESENT_REF", None),
    ("The minister recently resigned.", PUB, "recently", "DATE", "PAST_REF", None),
    ("A year ago, the party was in power.", PUB, "A year ago", "DATE", "2024", None),
    ("The movement grew in the 1990s.", PUB, "1990s", "DATE", "199", None),
    # "since" points back whatever the verb it hangs on: a participle here has no tense of its own
    ("Investors sold bonds on Monday, pushing yields to their highest level since October.", D(2024, 7, 10), "October",
     "DATE", "2023-10", None),
    # a deadline lies where its verb points: ahead for a forecast or a modal, behind for a past tense
    ("Inflation is forecast to ease to 3.1% by December.", D(2024, 4, 26), "December", "DATE", "2024-12", None),
    ("The ministry decided the boy should go home by January.", D(2024, 4, 26), "January", "DATE", "2025-01", None),
    ("Inflation had fallen to 3.1% by December.", D(2024, 4, 26), "December", "DATE", "2023-12", None),
    # a date after the gathering someone is invited to is the gathering's, which the inviting's tense does not move
    ("Washington has invited both to new negotiations in Geneva on August 14th.", D(2024, 7, 1), "August 14th", "DATE",
     "2024-08-14", None),
    ("The king summoned the leaders to a meeting on June 3rd.", D(2024, 7, 1), "June 3rd", "DATE", "2024-06-03", None),
    # "for" a date names when the thing called or booked is, which the calling's tense does not say
    ("Trade unions called a general strike for 3 April.", D(2024, 3, 14), "3 April", "DATE", "2024-04-03", None),
    ("The board reported a loss for February.", D(2024, 3, 14), "February", "DATE", "2024-02", None),
    # with no lean to the past: what is called for a day five months ahead is not last year's
    ("Faye dissolved the assembly and called an election for 17 November.", D(2024, 6, 12), "17 November", "DATE",
     "2024-11-17", None),
    ("The ministry released its inflation forecast for November.", D(2024, 6, 12), "November", "DATE", "2024-11", None),
    ("Unions have called a strike for Monday.", D(2024, 6, 12), "Monday", "DATE", "2024-06-17", None),
    # a date on the object of a verb takes the verb's tense: the weekend already gone, or the one to come
    ("Norland and Vestland held talks over the weekend.", D(2024, 5, 15), "the weekend", "DATE", "2024-W19-WE", None),
    ("Norland and Vestland will hold talks over the weekend.", D(2024, 5, 15), "the weekend", "DATE", "2024-W20-WE", None),
    # a month naming an occasion the clause tells as done is the last one, as to come the next one
    ("Karl Lund won the March election.", D(2025, 1, 20), "March", "DATE", "2024-03", None),
    ("Anna Berg was sworn in on October 20th, after winning the February election.", D(2025, 1, 20), "February",
     "DATE", "2024-02", None),
    ("Karl Lund was elected in the March election.", D(2025, 1, 20), "March", "DATE", "2024-03", None),
    ("Anna Berg will contest the March election.", D(2025, 1, 20), "March", "DATE", "2025-03", None),
    # "said on Thursday it would ...": the parser hangs the day on what was said; it is the saying's
    ("Norland Steel said on Thursday it would close two plants.", D(2005, 3, 2), "Thursday", "DATE", "2005-02-24", None),
    # when a thing falls due is not told by the tense of "be": the nearest June, not last year's
    ("The IMF postponed a loan tranche that had been due in June.", D(2024, 5, 8), "June", "DATE", "2024-06", None),
    ("The payment was due in March.", D(2024, 5, 8), "March", "DATE", "2024-03", None),
    # a subjunctive looks ahead of the demand it hangs on
    ("The opposition demanded that the vote be held in January.", D(2024, 11, 7), "January", "DATE", "2025-01", None),
    ("The opposition demanded that he resign in January.", D(2024, 11, 7), "January", "DATE", "2025-01", None),
    # a main verb the tagger gave its base form is a present, not a subjunctive: the participle's day is past
    ("The party's four new posters, launched on Tuesday, attack the Tory leader.", D(2024, 12, 5), "Tuesday", "DATE",
     "2024-12-03", None),
    ("The minister spoke on Monday.", PUB, "Monday", "DATE", "2025-05-19", None),
    ("The minister will speak on Monday.", PUB, "Monday", "DATE", "2025-05-26", None),
    ("The bill goes to parliament next month.", D(2004, 12, 15), "next month", "DATE", "2005-01", None),
    ("Markets fell yesterday.", PUB, "yesterday", "DATE", "2025-05-21", None),
    ("Talks resumed in 2022.", PUB, "2022", "DATE", "2022", None),
    ("The shop reopened on 7/8/07 after the flood.", PUB, "7/8/07", "DATE", "2007-07-08", None),
    ("The envoys met on 12 and 13 May.", PUB, "12", "DATE", "2025-05-12", None),
    ("The envoys met on May 12 and 13.", PUB, "May 12", "DATE", "2025-05-12", None),
    ("The shop reopened on 7/8/2007 after the flood.", PUB, "7/8/2007", "DATE", "2007-07-08", None),
    ("The vote took place on 15 May.", None, "15 May", "DATE", "XXXX-05-15", None),
    ("The accord was signed on 15 May.", D(2030, 1, 1), "15 May", "DATE", "2029-05-15", None),
    ("The budget for 2025/26 was approved.", PUB, "2025/26", "DATE", "2025", None),
    ("Profits for FY2024 rose.", PUB, "FY2024", "DATE", "2024", None),
    ("Revenue in Q3 was flat.", PUB, "Q3", "DATE", "2025-Q3", None),
    # a range of two years is two dates; "every morning" is a set
    ("The pandemic of 2009-2010 killed many.", PUB, "2009", "DATE", "2009", None),
    ("The pandemic of 2009-2010 killed many.", PUB, "2010", "DATE", "2010", None),
    ("She walks every morning.", PUB, "every morning", "SET", "XXXX-XX-XXTMO", None),
    # the model's date entity may leave the unit out: "rose in the fourth quarter" is still past
    ("Foreclosures in the US rose in the fourth quarter.", D(2007, 3, 13), "the fourth quarter", "DATE", "2006-Q4", None),
    # a possessive weekday follows its clause's tense (PUB is a Thursday)
    ("Friday's summit is being hosted by Portugal.", PUB, "Friday", "DATE", "2025-05-23", None),
    ("Friday's summit was hosted by Portugal.", PUB, "Friday", "DATE", "2025-05-16", None),
    # a reduced relative takes the tense of the clause it sits in
    ("The minister will attend the conference called in Lisbon on Monday.", PUB, "Monday", "DATE", "2025-05-26", None),
    ("The minister attended the conference called in Lisbon on Monday.", PUB, "Monday", "DATE", "2025-05-19", None),
    # a date before a past planning verb's subject dates the planning
    ("The army said in January it planned to double its strength.", PUB, "January", "DATE", "2025-01", None),
    ("The army said it planned to double its strength in January.", PUB, "January", "DATE", "2026-01", None),
    ("He said: \u201cWe will meet again on 3 June.\u201d", PUB, "3 June", "DATE", "2025-06-03", None),
    ("The ministry publishes figures every week.", PUB, "every week", "SET", "P1W", None),
    ("This summer the party will campaign hard.", PUB, "summer", "DATE", "2025-SU", None),
    ("The plant will close early next year.", PUB, "next year", "DATE", "2026", "START"),
    ("The session opens at 2 p.m. on Friday.", D(2025, 5, 20), "2 p.m.", "TIME", "2025-05-23T14:00", None),
    ("The war broke out in February 2022.", PUB, "February 2022", "DATE", "2022-02", None),
    ("Trump sought a peace agreement in February.", PUB, "February", "DATE", "2025-02", None),
    ("The agreement was reached on Christmas Eve.", D(2025, 1, 10), "Christmas Eve", "DATE", "2024-12-24", None),
    ("The ceasefire held for 48 hours.", PUB, "48 hours", "DURATION", "PT48H", None),
    ("Negotiators met for about two weeks.", PUB, "two weeks", "DURATION", "P2W", "APPROX"),
    ("The country was ruled by the party for 15 years.", PUB, "15 years", "DURATION", "P15Y", None),
    ("The ministry publishes figures daily.", PUB, "daily", "SET", "P1D", None),
    ("Growth slowed in the late 1980s.", PUB, "1980s", "DATE", "198", "END"),
    ("Talks were held on 3 June and 5 July 2021.", PUB, "3 June", "DATE", "2021-06-03", None),
    ("The fund pays $5 million a year.", PUB, "a year", "SET", "P1Y", None),
    ("Profit fell in the quarter ended Sept. 30.", D(2025, 11, 5), "the quarter", "DATE", "2025-Q3", None),
    ("Parliament is to vote on Tuesday.", PUB, "Tuesday", "DATE", "2025-05-27", None),
    ("The vote is on 15.05.2025 and polls close at 22:00.", PUB, "22:00", "TIME", "2025-05-15T22:00", None),
    ("Saturday 12 February at 2005 GMT is the slot.", D(2005, 3, 1), "Saturday 12 February", "TIME", "2005-02-12T20:05Z", None),
    ("Ratification began in February this year.", PUB, "February this year", "DATE", "2025-02", None),
    ("Sales rose in February compared to the same period last year.", D(2010, 3, 3), "the same period", "DATE", "2009-02", None),
    ("Last year the deficit grew; the previous year it fell.", D(2010, 3, 3), "the previous year", "DATE", "2008", None),
    ("The party won the 2019 election in the twentieth century's shadow.", PUB, "2019", "DATE", "2019", None),
]


def mention_for(dates, expression):
    hits = [d for d in dates if expression in d.text or d.text in expression]
    assert hits, f"{expression!r} not found in {[d.text for d in dates]}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "published", "expression", "type_", "value", "mod"), CASES)
def test_value(engine, sentence, published, expression, type_, value, mod):
    dates = extract_dates(engine.nlp(sentence), published)
    found = mention_for(dates, expression)
    assert (found.type, found.value) == (type_, value), found
    if mod is not None:
        assert found.mod == mod, found


NARRATIVE = D(2024, 7, 23)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("In 2016 the court ruled against China. In March of that year Manila protested.", "March of that year", "2016-03"),
        ("The party won the election in 2010. The following year it lost its majority.", "The following year", "2011"),
        ("The tribunal ruled on July 12, 2016. The week before, both sides had met.", "The week before", "2016-W27"),
        ("The deal was signed in 2019. On June 12 the two leaders met again.", "June 12", "2019-06-12"),
        # a date that describes a thing does not move the story: "the August 1988 cease-fire"
        ("Iraq accepted the August 1988 cease-fire. Iran condemned the invasion of Kuwait on June 2.", "June 2", "2024-06-02"),
        # with no narrative year, a yearless day in the past, or after "since", is the most recent one
        ("Tensions have risen since June 17.", "June 17", "2024-06-17"),
    ],
)
def test_dates_in_narrative_time(engine, text, expression, value):
    assert mention_for(extract_dates(engine.nlp(text), NARRATIVE), expression).value == value


def test_a_clock_that_ends_a_range_leaves_the_weekday_a_day(engine):
    dates = extract_dates(engine.nlp("It will be shown from 1130 to 1215 GMT on Wednesday."), PUB)
    assert (mention_for(dates, "Wednesday").type, mention_for(dates, "Wednesday").value) == ("DATE", "2025-05-28")
    single = extract_dates(engine.nlp("The session opens at 2 p.m. on Friday."), PUB)
    assert [d.value for d in single] == ["2025-05-23T14:00"]


def test_eve_of_the_talks_leans_on_the_dated_negotiations(engine):
    text = "Negotiations opened in Istanbul on 15 May. On the eve of the talks, Russia announced new gains."
    dates = extract_dates(engine.nlp(text), PUB)
    assert mention_for(dates, "the eve of the talks").value == "2025-05-14"


def test_the_next_day_follows_the_text_not_the_publication_date(engine):
    text = "The summit opened on 3 June. The next day, the leaders signed a deal. Two days later they went home."
    dates = extract_dates(engine.nlp(text), D(2025, 6, 20))
    assert mention_for(dates, "The next day").value == "2025-06-04"
    assert mention_for(dates, "Two days later").value == "2025-06-06"


def test_hours_earlier_or_minutes_later_is_the_day_the_text_last_gave(engine):
    text = "Troops fired on the depot on 3 June.\n\nHours earlier, the president signed the decree. Minutes later he left."
    dates = extract_dates(engine.nlp(text), D(2025, 6, 20))
    assert mention_for(dates, "Hours earlier").value == mention_for(dates, "Minutes later").value == "2025-06-03"
    # not a span of hours, nor hours measured against something other than the day
    text = "The talks lasted for hours. They ended hours later than planned. Hours after the attack, police arrived."
    assert not [d for d in extract_dates(engine.nlp(text), D(2025, 6, 20)) if d.type == "DATE"]


@pytest.mark.parametrize("text", [
    "Nothing happened on 32 May.",
    "The figure rose to 2025 points, or 32 May.",
    "",
    "   \n\n",
    "On 31 February 2025 and 0 March the Q9 results were out in FY.",
    "He may march in May, or may not, said Sun.",
    "The DAX dropped 19.69 points to 1462.93 while he was in his 30s.",
])
def test_odd_input_stays_calm(engine, text):
    dates = extract_dates(engine.nlp(text), PUB)
    assert all("32" not in d.value and "-02-31" not in d.value for d in dates)
    assert all(d.value not in ("1462", "193") for d in dates)


def test_without_a_publication_date_the_next_day_keeps_month_and_day(engine):
    dates = extract_dates(engine.nlp("The summit opened on 15 May. The next day, the leaders met."), None)
    assert mention_for(dates, "The next day").value == "XXXX-05-16"


def test_the_day_before_the_vote(engine):
    text = "The election was held on 4 May. The day before the vote, turnout was predicted to fall."
    dates = extract_dates(engine.nlp(text), PUB)
    assert mention_for(dates, "The day before the vote").value == "2025-05-03"


def test_a_publication_timestamp_counts_as_its_day(engine):
    dates = extract_dates(engine.nlp("Markets fell yesterday."), dt.datetime(2025, 5, 22, 23, 30))
    assert mention_for(dates, "yesterday").value == "2025-05-21"


def test_may_the_verb_is_not_a_month(engine):
    dates = extract_dates(engine.nlp("Officials said the talks may resume soon."), PUB)
    assert not [d for d in dates if d.text == "may"]


def test_mentions_are_sorted_inside_the_text_and_do_not_overlap(engine):
    text = ("On 11 May, after a call on Sunday, Erdogan said talks could resume within two weeks, "
            "perhaps on 15 May at 10:00 GMT, a year after the last round in 2024. Every Monday since March 2022 "
            "the envoys have met; the talks lasted less than two hours. Recently, three days later, now.")
    doc = engine.nlp(text)
    dates = extract_dates(doc, PUB)
    assert len(dates) >= 8
    last_end = -1
    for d in dates:
        assert d.start >= last_end
        assert doc.text[d.start : d.end] == d.text
        assert d.type in ("DATE", "TIME", "DURATION", "SET")
        last_end = d.end


def test_a_season_inside_a_name_is_no_date(engine):
    text = 'Before the "Winter of Discontent" the unions struck. The Arab Spring changed the region.'
    assert extract_dates(engine.nlp(text), PUB) == []
    dates = extract_dates(engine.nlp("Elections are due in the spring of 2026. Last winter was mild."), PUB)
    assert [d.text for d in dates] == ["the spring of 2026", "Last winter"]


def test_fall_as_a_noun_of_falling_is_no_season(engine):
    text = "Turkey welcomed the fall of the regime. Markets cheered a fall in prices after the fall from power."
    assert extract_dates(engine.nlp(text), PUB) == []
    dates = extract_dates(engine.nlp("The vote is due in the fall. Talks began in the fall of 2023."), PUB)
    assert [d.text for d in dates] == ["the fall", "the fall of 2023"]


def test_a_weekday_at_the_head_of_a_name_is_no_date(engine):
    text = ("The Sunday Times reported the deal. The Sunday Telegraph said so. "
            "He told BBC Radio Scotland's Sunday Live programme the plan was dead.")
    assert extract_dates(engine.nlp(text), PUB) == []
    dates = extract_dates(engine.nlp("The minister spoke on Sunday. Talks resume next Monday morning."), PUB)
    assert [d.text for d in dates] == ["Sunday", "next Monday morning"]


def test_an_untagged_weekday_after_a_place_takes_its_verbs_tense(engine):
    """The model leaves "Monday" untagged after "in the Commons"; the future still points ahead."""
    pub = dt.date(2005, 3, 1)  # a Tuesday
    dates = extract_dates(engine.nlp("The Bill will be debated in the Commons on Monday."), pub)
    assert [(d.text, d.value) for d in dates] == [("Monday", "2005-03-07")]
    dates = extract_dates(engine.nlp("He spoke in the Commons on Monday."), pub)
    assert [(d.text, d.value) for d in dates] == [("Monday", "2005-02-28")]


def test_a_month_heading_a_name_is_no_date(engine):
    text = "Agents watched the annual March for Life on Capitol Hill. The March of Dimes raised funds."
    assert extract_dates(engine.nlp(text), PUB) == []
    dates = extract_dates(engine.nlp("In March of 2005 they met."), PUB)
    assert [d.value for d in dates] == ["2005-03"]


def test_the_period_of_a_figure_is_not_the_year_a_story_is_at(engine):
    """A yearless day after "grew by 5% in 2023" is in the publication's year; after "the deal was
    signed in 2019" it is in the story's."""
    pub = dt.date(2024, 7, 20)
    text = "The economy grew by 5% in 2023. The central bank cut its policy rate on July 18th."
    assert [d.value for d in extract_dates(engine.nlp(text), pub)] == ["2023", "2024-07-18"]
    text = "The deal was signed in 2019. On June 12 the leaders met again."
    assert [d.value for d in extract_dates(engine.nlp(text), pub)] == ["2019", "2019-06-12"]
