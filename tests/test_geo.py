"""Country gazetteer and place gazetteer (geo.py): pure, no spaCy model."""

from __future__ import annotations

import pytest

from migration_extract.geo import country_gazetteer, cue_places, fold_place, place_gazetteer


def found(text: str) -> list[tuple[str, str]]:
    out = []
    for c in country_gazetteer().find(text):
        assert text[c.start : c.end] == c.text  # spans exact
        out.append((c.text, c.code))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia's border", [("Russia", "RU")]),
        ("the Afghans' plight", [("Afghans", "AF")]),
        ("Kazakhstan’s interior ministry", [("Kazakhstan", "KZ")]),
        ("Georgian officials", [("Georgian", "GE")]),
        ("ethnic Armenians", [("Armenians", "AM")]),
        ("Mongols and Kazakhs", [("Mongols", "MN"), ("Kazakhs", "KZ")]),
        ("the Polish Border Guard", [("Polish", "PL")]),
        ("US Customs and Border Protection", [("US", "US")]),
        ("the Norwegian Refugee Council", [("Norwegian", "NO")]),
        ("Russian-Georgian border", [("Russian", "RU"), ("Georgian", "GE")]),
        ("in the Islamic Republic", [("the Islamic Republic", "IR")]),
        ("Sri  Lanka", [("Sri  Lanka", "LK")]),
        ("Côte d'Ivoire's exports", [("Côte d'Ivoire", "CI")]),
        ("South Sudan and Sudan", [("South Sudan", "SS"), ("Sudan", "SD")]),
    ],
)
def test_names_demonyms_possessives(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_the_only_with_united_states() -> None:
    assert found("in the United States") == [("the United States", "US")]
    assert found("The United States said") == [("The United States", "US")]
    assert found("the US and the UK") == [("US", "US"), ("UK", "GB")]
    assert found("the Czech Republic") == [("Czech Republic", "CZ")]


@pytest.mark.parametrize(
    "text",
    [
        "Atlanta, Georgia",
        "Georgia Gov. Brian Kemp",
        "Alabama, Georgia and Florida",
        "a Georgia Tech study",
        "the state of Georgia",
        "Savannah, Georgia, USA",
    ],
)
def test_georgia_the_us_state_is_no_mention(text: str) -> None:
    assert [c for c in found(text) if c[0] == "Georgia"] == []


@pytest.mark.parametrize(
    "text",
    ["fled to Georgia and Armenia", "Tbilisi, Georgia", "Georgia's interior ministry"],
)
def test_georgia_the_country(text: str) -> None:
    assert ("Georgia", "GE") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the form is in French",
        "she speaks Russian and English",
        "lessons in Kazakh.",
        "Russian-language media",
        "written in broken English",
    ],
)
def test_language_names_are_not_countries(text: str) -> None:
    assert found(text) == []


def test_demonym_after_in_stays_an_adjective() -> None:
    assert found("in Russian cities") == [("Russian", "RU")]


@pytest.mark.parametrize(
    "text",
    [
        "migrants from South and Central America",
        "Latin America",
        "across Central Asia and Eastern Europe",
        "sub-Saharan African countries",
        "Mexico City",
        "New Mexico",
        "Rohingya refugees",
    ],
)
def test_regions_cities_and_stateless_groups_are_not_countries(text: str) -> None:
    assert found(text) == []


def test_capitals_and_metonyms_are_not_mentions_but_resolve() -> None:
    gaz = country_gazetteer()
    assert found("the Kremlin said Moscow would") == []
    assert gaz.metonym("the Kremlin") == "RU"
    assert gaz.metonym("White House") == "US"
    assert gaz.code("Russia's") == "RU"
    assert gaz.code("the United States") == "US"


# ------------------------------------------------------------------ places (gazetteer)


@pytest.fixture(scope="module")
def places():
    return place_gazetteer()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Tbilisi", "GE"),
        ("Upper Lars", "RU"),
        ("Borno state", "NG"),
        ("Aleppo governorate", "SY"),
        ("Ouham Pende", "CF"),
        ("Nghe An", "VN"),
        ("Fujian province", "CN"),
        ("Cox's Bazar", "BD"),
        ("Cox’s  Bazar", "BD"),
        ("Khabarovsk region", "RU"),
        ("Texas", "US"),
    ],
)
def test_place_lookup(places, name: str, code: str) -> None:
    hit = places.lookup(name)
    assert hit is not None and hit[1] == code


def test_place_stoplist_and_countries(places) -> None:
    assert places.lookup("Monday") is None
    assert places.lookup("South") is None
    assert places.lookup("Asia") is None


def test_place_context_picks_the_reading(places) -> None:
    # Rivera is a larger city in Uruguay; Huila is a department of Colombia (and of Angola)
    assert places.resolve(["Rivera", "Huila"]) == [("Rivera", "CO"), ("Huila", "CO")]
    assert places.lookup("Punjab", prefer={"PK"}) == ("Punjab", "PK")


def test_cue_places_spans() -> None:
    t = "in Nghe An and Quang Binh provinces, Borno state and the town of Chibok"
    spans = [t[a:b] for a, b in cue_places(t)]
    assert spans == ["Nghe An", "Quang Binh", "Borno", "Chibok"]


def test_fold_place() -> None:
    assert fold_place("Ouham-Pendé") == "ouham pende"
    assert fold_place("Cox’s  Bazar") == "coxs bazar"


def test_packaged_place_index_is_fresh_and_equal_to_a_build():
    """data/place_index.json.gz (scripts/build_place_index.py) must match the rules."""
    from migration_extract import geo

    rules = geo._data("geo_rules.json")
    packaged = geo.place_gazetteer()
    built = geo.PlaceGazetteer.build(rules)
    assert packaged.index == built.index
    assert (packaged.direct, packaged.hand, packaged.stoplist) == (
        built.direct,
        built.hand,
        built.stoplist,
    )


def test_place_the_tagger_took_for_a_person(nlp) -> None:
    """'camps around Goma', 'GOMA, Democratic Republic of Congo –': a place name tagged
    PERSON is still a place after a locative word or as the dateline."""
    from migration_extract import extract

    text = (
        "GOMA, Democratic Republic of Congo, May 8 – Close to 700,000 people displaced by "
        "fighting are now crowded into camps around Goma, the IOM said on Tuesday."
    )
    x = extract(text, published="2024-05-08")
    goma = [p for p in x.places if p.text == "Goma"]
    assert goma and all(p.code == "CD" for p in goma)
    assert all(text[p.start : p.end] == p.text for p in x.places)


def test_a_dateline_says_which_country_its_city_is_in(nlp) -> None:
    """'TORKHAM, Pakistan, Nov 14 (AP) —': the index lists Torkham in Afghanistan first;
    the article's own dateline decides for every mention of the city."""
    from migration_extract import extract

    text = (
        "TORKHAM, Pakistan, Nov 14 (AP) — About 327,000 Afghans have returned to their "
        "country from Pakistan since September 15. More than 70% of them crossed at the "
        "Torkham border post."
    )
    x = extract(text, published="2023-11-14")
    torkham = [p for p in x.places if p.text == "Torkham"]
    assert torkham and all(p.code == "PK" for p in torkham)


def test_a_languages_initials_are_no_country() -> None:
    # "known by its Spanish initials DGME": the language a name is written in
    assert found("The directorate, known by its Spanish initials DGME, said so.") == []
    assert found("Spanish police said so.") == [("Spanish", "ES")]


def test_a_world_language_speaking_region_is_no_country() -> None:
    assert found("their country's English-speaking regions") == []
    assert found("Russian-speaking towns") == [("Russian", "RU")]


@pytest.mark.parametrize(
    ("name", "code"),
    [("Khazer", "IQ"), ("Al Udeid", "QA"), ("Nyakabande", "UG"), ("Dorohusk", "PL"),
     ("Hamid Karzai International Airport", "AF"), ("Roxham Road", "CA")],
)
def test_hand_table_knows_camps_crossings_and_bases(name: str, code: str) -> None:
    assert place_gazetteer().lookup(name) == (name, code)
