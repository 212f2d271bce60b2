"""Hand-written judgments for the storyline evaluation (tests/storylines/storyline_eval.py).

The articles are ../shared/corpus/bbc-politics/txt/NNN.txt (BBC News, 2004–05; not copied here).
Their publication dates were set by hand from what each text says ("on Thursday", "last week",
"a day after launching") and the dates of the events they report.

An act is one thing that happened (or was said, or announced) as the texts report it: a list of
(file, snippet) mentions, each snippet a few words of the clause the engine gives as an event (or
of one of its source clauses). Mentions of one act in different articles should be one storyline
item; mentions of different acts should not. Acts with one mention are there so that a join of
them to anything else counts as wrong.
"""

ARTICLES = {
    "kilroy": [("281.txt", "2005-01-21"), ("292.txt", "2005-01-27"), ("125.txt", "2005-01-30"), ("286.txt", "2005-01-30"),
               ("288.txt", "2005-01-31"), ("111.txt", "2005-02-02"), ("293.txt", "2005-02-02"), ("333.txt", "2005-02-03"),
               ("325.txt", "2005-02-10")],
    "terror": [("224.txt", "2004-12-16"), ("040.txt", "2004-12-19"), ("221.txt", "2004-12-20"), ("097.txt", "2005-01-10"),
               ("384.txt", "2005-01-26"), ("182.txt", "2005-02-23"), ("378.txt", "2005-02-27"), ("072.txt", "2005-03-01"),
               ("014.txt", "2005-03-08")],
    "hunting": [("381.txt", "2005-02-13"), ("179.txt", "2005-02-17"), ("134.txt", "2005-02-18"), ("137.txt", "2005-02-19"),
                ("152.txt", "2005-02-20"), ("169.txt", "2005-02-23")],
    "blunkett": [("081.txt", "2004-12-14"), ("141.txt", "2004-12-15"), ("049.txt", "2004-12-17"), ("227.txt", "2004-12-18"),
                 ("112.txt", "2004-12-19"), ("102.txt", "2004-12-22"), ("206.txt", "2005-01-13")],
    "budget": [("077.txt", "2005-02-21"), ("354.txt", "2005-02-21"), ("361.txt", "2005-03-16"), ("158.txt", "2004-12-02"),
               ("375.txt", "2005-03-16"), ("362.txt", "2005-03-16")],
    "tsunami": [("191.txt", "2004-12-30"), ("135.txt", "2005-01-04"), ("208.txt", "2005-01-05"), ("017.txt", "2005-01-07"),
                ("195.txt", "2005-01-09")],
}

#: Articles that are two versions of one BBC story (most sentences alike): reported apart too.
NEAR_DUPLICATES = {frozenset(p) for p in (("111.txt", "293.txt"), ("125.txt", "286.txt"), ("077.txt", "354.txt"))}

ACTS: dict[str, list[tuple[str, str]]] = {
    # ---- Kilroy-Silk, UKIP and Veritas
    "kilroy quits UKIP": [
        ("281.txt", "has quit the UK Independence Party"), ("111.txt", "who recently quit the UK Independence Party"),
        ("111.txt", "announced his decision to quit UKIP"), ("293.txt", "who recently quit the UK Independence Party"),
        ("333.txt", "who quit the UK Independence Party"), ("325.txt", "after he quit UKIP following"),
        ("293.txt", "quit UKIP last week after months"), ("333.txt", "quit UKIP last week after months"),
    ],
    "kilroy resigns UKIP whip": [("292.txt", "to resign the UKIP whip")],
    "kilroy should resign from the parliament": [
        ("293.txt", "should resign from the European Parliament"),
        # another reader's letter making the same demand (found by the engine in the 21st round)
        ("111.txt", "he and the two assembly members should resign"), ("293.txt", "he and the two assembly members should resign"),
    ],
    "kilroy launches Veritas": [("111.txt", "Kilroy launches 'Veritas' party"), ("293.txt", "Kilroy launches 'Veritas' party")],
    "UKIP suspends Houston": [
        ("125.txt", "have suspended a candidate"), ("125.txt", "he had suspended Mr Houston on Friday night"),
        ("125.txt", "We have suspended him as a member"), ("125.txt", "he was suspended after his reported views"),
        ("286.txt", "have suspended a candidate"), ("286.txt", "he was suspended after his reported views"),
        ("286.txt", "he had suspended Mr Houston on Friday night"), ("286.txt", "We have suspended him as a member"),
        ("288.txt", "after UKIP suspended a candidate"),
    ],
    "UKIP calls on Hockney to quit the Assembly": [
        ("288.txt", "called on Mr Hockney to quit the London Assembly"),
        ("111.txt", "called on Mr Hockney to quit the London Assembly"),
        ("293.txt", "called on Mr Hockney to quit the London Assembly"),
    ],
    "Holdsworth urges the two to step down": [("325.txt", "urged the men to step down from the GLA")],
    "Hockney: Kilroy would deliver better": [
        ("288.txt", "would \"deliver better\""), ("111.txt", "would \"deliver better\""), ("293.txt", "would \"deliver better\""),
    ],
    "Veritas would avoid lies and spin": [
        ("111.txt", "would avoid the old parties"), ("293.txt", "would avoid the old parties"), ("333.txt", "would avoid the old parties"),
    ],
    "Veritas to announce detailed policies": [
        ("111.txt", "announce detailed policies"), ("293.txt", "announce detailed policies"), ("333.txt", "announce detailed policies"),
    ],
    "Holdsworth: a parody": [
        ("111.txt", "Petrina Holdsworth has said"), ("293.txt", "Petrina Holdsworth has said"), ("333.txt", "Petrina Holdsworth has said"),
    ],
    "Kemp: a crowded field": [
        ("293.txt", "Fraser Kemp said"), ("333.txt", "Fraser Kemp said"),
    ],
    "Veritas joining a crowded field": [
        ("293.txt", "already crowded field"), ("333.txt", "already crowded field"),
    ],
    "kilroy promises a firm but fair policy": [("111.txt", "firm but fair"), ("293.txt", "firm but fair"),
                                                ("333.txt", "firm but fair")],  # (333: found in the 21st round)
    "UKIP's third place last June": [
        ("111.txt", "offered by its third place"), ("293.txt", "offered by its third place"), ("333.txt", "offered by its third place"),
    ],
    # ---- the law lords and the detainees; the Prevention of Terrorism Bill
    "law lords rule detention unlawful": [
        ("224.txt", "the UK's highest court has ruled"), ("224.txt", "the House of Lords law lords ruled"),
        ("040.txt", "The House of Lords ruled by an eight to one"), ("221.txt", "ruled against the detention measures last week"), ("384.txt", "ruling"),
    ],
    "commission ruled in 2002": [("224.txt", "The commission ruled on 30 July, 2002")],
    "government opted out of the convention": [
        ("224.txt", "The government opted out of part"), ("040.txt", "The government opted out of part"),
    ],
    "Court of Appeal backed the powers": [
        ("224.txt", "Court of Appeal backed the Home Office"), ("040.txt", "Court of Appeal backed the Home Office"),
        ("221.txt", "Court of Appeal backed the Home Office"),
    ],
    "Clarke will ask Parliament to renew": [
        ("040.txt", "asking Parliament to renew this legislation"), ("221.txt", "asking Parliament to renew this legislation"),
    ],
    "government will act on the decision": [
        ("224.txt", "the government will act upon this decision"), ("040.txt", "the government will act upon this decision"),
    ],
    "Lib Dems will vote against renewal": [("097.txt", "Liberal Democrats will vote against this measure")],
    "opponents poised to vote against the plans": [("182.txt", "to vote against the plans")],
    "32 Labour MPs voted against last week": [("378.txt", "32 Labour MPs voted against")],
    "MPs voted 272-219 for the Bill": [("072.txt", "MPs voted 272-219")],
    "Tories will vote against unless": [("014.txt", "they will vote against it unless")],
    "Blair rejects the Tory offer": [
        ("014.txt", "has rejected a Conservative compromise offer"), ("014.txt", "refusal to accept the Tories' sunset clause"),
    ],
    # ---- Blunkett's resignation and the ID cards bill
    "Blunkett resigns": [
        ("224.txt", "David Blunkett's resignation"), ("040.txt", "David Blunkett's resignation"),
        ("221.txt", "David Blunkett's resignation"), ("049.txt", "David Blunkett's resignation"),
        ("112.txt", "Mr Blunkett resigned as Home Secretary on Wednesday"), ("112.txt", "David Blunkett's resignation and 601"),
        ("102.txt", "Mr Blunkett quit as home secretary last week"), ("206.txt", "Mr Blunkett quit in December"),
        ("206.txt", "David Blunkett's resignation"), ("227.txt", "after David Blunkett quit"),
    ],
    "Clare Short resigned over Iraq": [("191.txt", "Ms Short resigned as international development secretary")],
    "Tories decide to back ID cards": [
        ("081.txt", "to back controversial government plans to introduce ID cards"),
        ("141.txt", "announced their support for the government plans on Monday evening"),
        ("141.txt", "its decision to back controversial Labour plans"), ("141.txt", "He had decided to support the plans"),
        ("227.txt", "deciding to back identity cards"), ("227.txt", "He had decided to support the plans"),
        # missed when this act was first judged: "Earlier this week the Tories announced they would back the
        # government's plans" (049.txt), found once the engine read "they" as the Tories
        ("049.txt", "they would back the government's plans"),
    ],
    "Clarke presses on with ID cards": [
        ("049.txt", "has vowed to plough on with plans for ID cards"), ("049.txt", "Clarke to press on with ID cards"),
        ("227.txt", "has rejected calls to"),
    ],
    "Lib Dems oppose ID cards": [
        ("081.txt", "to be opposed by the Liberal Democrats"), ("227.txt", "The Liberal Democrats oppose the plans"),
        ("141.txt", "The Lib Dems have pledged to oppose the bill"),
    ],
    "Lib Dems oppose the terror plans": [("014.txt", "The Lib Dems also oppose the plans")],
    "ID cards bill debated next Monday": [
        ("141.txt", "when it is debated next Monday"), ("049.txt", "would be debated in Parliament next Monday"),
    ],
    "Howard wanted to introduce ID cards": [
        ("081.txt", "to introduce them when he was Home Secretary"), ("141.txt", "to introduce them when he was Home Secretary"),
    ],
    "Tories insisted on holding ministers to account": [("081.txt", "the Conservatives insisted"), ("141.txt", "the Tories insisted")],
    "Bar Council chairman warned": [
        ("081.txt", "Guy Mansfield QC warned"), ("141.txt", "Guy Mansfield QC warned"), ("049.txt", "Guy Mansfield QC has warned"),
    ],
    "Clarke vowed the men would stay in prison": [("040.txt", "vowed the nine men would remain in prison")],
    # ---- the Budget of 16 March 2005
    "Brown delivers the Budget on 16 March": [
        ("077.txt", "will deliver his Budget to the House of Commons"), ("354.txt", "will deliver his Budget to the House of Commons"),
        ("361.txt", "delivers his ninth Budget"),
    ],
    "Ernst & Young urged Brown": [("077.txt", "Ernst & Young urged him"), ("354.txt", "Ernst & Young urged him")],
    "taxes cut by the incumbent chancellor": [("077.txt", "taxes were cut by the incumbent"), ("354.txt", "taxes were cut by the incumbent")],
    "Brown doubled the stamp duty threshold": [("375.txt", "has doubled the level at which house buyers pay stamp duty")],
    "Brown froze fuel duty in the pre-budget report": [("158.txt", "announced a freeze on fuel duty")],
    "the chancellor expected to freeze petrol duty": [("361.txt", "to freeze petrol duty")],
    # ---- the tsunami
    "Germany proposed a debt freeze": [("135.txt", "Germany proposed a freeze last week"), ("017.txt", "Germany also proposed a freeze")],
    "Brown backed the debt freeze": [("135.txt", "Brown earlier backed a plan to freeze")],
    "Short criticised the US-led coalition": [("191.txt", "has criticised the US-led tsunami aid")],
    "Britain offered Gurkhas": [
        ("208.txt", "has offered to send a company of 120 Gurkhas"), ("208.txt", "We have offered the Gurkhas"),
    ],
    # ---- the hunting ban
    "the Appeal Court rejected the Alliance's challenge": [
        ("179.txt", "when the Appeal Court ruled"), ("179.txt", "the Countryside Alliance failed"),
    ],
    "police arrested four men under the new law": [("137.txt", "police arrested four men")],
}

#: Disagreements the texts really have, by act: a conflict on these fields is not a false one.
REAL_CONFLICTS: dict[str, tuple[str, ...]] = {}
