"""Officials resolver (officials.py) on hand-given person spans; one model-backed test."""

from __future__ import annotations

from migration_extract.officials import (
    find_known_names,
    find_officials,
    find_titled_names,
    home_country,
    role_rules,
)
from migration_extract.records import Country


def spans(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for n in names:
        i = text.index(n)
        out.append((i, i + len(n)))
    return out


def one(text: str, *names: str, home: str | None = None):
    offs = spans(text, *names) + find_titled_names(text)
    res = find_officials(text, offs, home=home)
    return {o.name: o for o in res}


def test_title_before_with_demonym() -> None:
    t = "“About ten thousand,” Georgian Interior Minister Vakhtang Gomelauri told reporters."
    o = one(t, "Vakhtang Gomelauri")["Vakhtang Gomelauri"]
    assert (o.role, o.country, o.organization) == ("Interior Minister", "GE", None)
    assert t[o.start : o.end] == "Vakhtang Gomelauri"


def test_metonym_before_role() -> None:
    t = "White House press secretary Karine Jean-Pierre said the US welcomes them."
    o = one(t, "Karine Jean-Pierre")["Karine Jean-Pierre"]
    assert (o.role, o.country) == ("press secretary", "US")


def test_role_of_country_comma_name() -> None:
    t = "Over the weekend, the President of Mongolia, Tsakhiyagin Elbegdorj, appealed."
    o = one(t, "Tsakhiyagin Elbegdorj")["Tsakhiyagin Elbegdorj"]
    assert (o.role, o.country) == ("President", "MN")


def test_rank_gives_way_to_the_stated_role() -> None:
    t = ("The head of the Migration Service of Kazakhstan, Colonel Aslan Atalikov, said "
         "arrivals rose.")  # fmt: skip
    o = one(t, "Aslan Atalikov")["Aslan Atalikov"]
    assert (o.role, o.country) == ("head of the Migration Service", "KZ")
    t2 = "General Kenneth McKenzie, head of US Central Command, said 6,000 were evacuated."
    o2 = one(t2, "Kenneth McKenzie")["Kenneth McKenzie"]
    assert (o2.role, o2.country) == ("head of US Central Command", "US")


def test_possessive_owner_and_comma() -> None:
    t = "Peru's migration superintendent, Roxana del Águila, said her office had done it."
    names = find_titled_names(t)
    assert [t[a:b] for a, b in names] == ["Roxana del Águila"]
    o = one(t)["Roxana del Águila"]
    assert (o.role, o.country) == ("migration superintendent", "PE")


def test_the_agency_is_the_body_named_before() -> None:
    t = (
        "Colombia hosts 2.5 million Venezuelans, the agency Migración Colombia said. "
        "The figure rose, the agency's director, Fernando García, told reporters."
    )
    o = one(t, "Fernando García")["Fernando García"]
    assert (o.role, o.country, o.organization) == ("director", "CO", "Migración Colombia")


def test_a_regional_body_takes_its_country_from_the_place_index() -> None:
    t = ("Some 640 Rohingya came ashore, said Oki Kurniawan, a spokesman for the Aceh "
         "provincial government.")  # fmt: skip
    o = one(t, "Oki Kurniawan", home="BD")["Oki Kurniawan"]
    assert (o.role, o.country, o.organization) == ("spokesman", "ID", "Aceh provincial government")
    t2 = "Tomasz Zając, a spokesman for the governor of Podkarpackie province, said so."
    o2 = one(t2, "Tomasz Zając", home="UA")["Tomasz Zając"]
    assert (o2.role, o2.country) == ("spokesman", "PL")
    # without a regional word a capitalised body is not looked up as a place
    t3 = "Ana Ruiz, a spokeswoman for the Aurora Project, said so."
    assert one(t3, "Ana Ruiz", home="MX")["Ana Ruiz"].country == "MX"


def test_the_force_is_the_national_body_named_before() -> None:
    t = ("On the other side of the Strait of Sicily, Tunisia's National Guard says it is "
         "stopping more boats. Mourad Turki, a spokesman for the force, said so.")  # fmt: skip
    o = one(t, "Mourad Turki", home="IT")["Mourad Turki"]
    assert (o.role, o.country, o.organization) == ("spokesman", "TN", "National Guard")
    # a bare title after a national body takes that body's country, not the home country
    t2 = ("About 350,000 Ukrainians have valid status, the Czech interior ministry said. "
          "Radek Horák, a deputy interior minister, told Czech Radio on Monday.")  # fmt: skip
    assert one(t2, "Radek Horák", home="SK")["Radek Horák"].country == "CZ"
    # a clause is not a body: "Belarus since the government ..."
    t3 = ("Latvia declared an emergency on its border with Belarus since the government "
          "feared more crossings. Tomas Jankauskas, the deputy commander, spoke.")  # fmt: skip
    assert one(t3, "Tomas Jankauskas", home="LT")["Tomas Jankauskas"].country == "LT"


def test_adviser_to_and_an_international_body_begun_before_the_role() -> None:
    t = "Khalid al-Mansouri, an adviser to Qatar's foreign minister, told a news conference."
    assert one(t, "Khalid al-Mansouri", home="DE")["Khalid al-Mansouri"].country == "QA"
    t2 = "Tsipras met European Commission President Jean-Claude Juncker on Sunday."
    o = one(t2, "Jean-Claude Juncker", home="GR")["Jean-Claude Juncker"]
    assert (o.country, o.organization) == (None, "European Commission")


def test_said_name_then_role_is_a_name_the_ner_missed() -> None:
    t = ("About a third plan to travel on, said Nino Lomidze, a spokeswoman for the Public "
         "Service Hall in Tbilisi.")  # fmt: skip
    names = [t[a:b] for a, b in find_titled_names(t)]
    assert "Nino Lomidze" in names
    o = one(t, home="GE")["Nino Lomidze"]
    assert o.role == "spokeswoman"


def test_international_body_has_no_country() -> None:
    t = "“No refugee should be forced back,” said Ayaki Ito, the UNHCR representative in Lebanon."
    o = one(t, "Ayaki Ito")["Ayaki Ito"]
    assert (o.country, o.organization) == (None, "UNHCR")
    t2 = "said Jan Egeland, NRC's secretary general, after a visit."
    o2 = one(t2, "Jan Egeland")["Jan Egeland"]
    assert (o2.role, o2.country, o2.organization) == (
        "secretary general",
        None,
        "Norwegian Refugee Council",
    )
    t3 = "said Peter Van der Auweraert, the acting humanitarian coordinator for South Sudan."
    o3 = one(t3, "Peter Van der Auweraert")["Peter Van der Auweraert"]
    assert (o3.role, o3.country, o3.organization) == ("acting humanitarian coordinator", None, "UN")


def test_apposition_with_org_in_role() -> None:
    t = "Chris Magnus, the CBP commissioner, said the numbers reflected failing regimes."
    o = one(t, "Chris Magnus")["Chris Magnus"]
    assert o.country == "US" and "commissioner" in (o.role or "")


def test_home_country_fills_a_bare_title() -> None:
    t = "BUCHAREST – Arrivals fell. Interior Minister Lucian Bode said aid groups helped."
    assert home_country(t) == "RO"
    o = one(t, "Lucian Bode", home=home_country(t))["Lucian Bode"]
    assert (o.role, o.country) == ("Interior Minister", "RO")
    assert home_country("CHAMAN, Pakistan – Thousands of Afghans crossed.") == "PK"
    cs = [Country("Kazakh", 0, 6, "KZ"), Country("Kazakhstan", 20, 30, "KZ"),
          Country("Russia", 40, 46, "RU")]  # fmt: skip
    assert home_country("no dateline here", cs) == "KZ"


def test_home_country_reads_a_dateline_with_day_month_year() -> None:
    # "ATYRAU, 4 October 2022 -": the dateline's city, not the country named most
    cs = [Country("Russia", 40, 46, "RU"), Country("Russian", 60, 67, "RU")]
    t = "ATYRAU, 4 October 2022 - Russians keep crossing from Russia, officials said."
    def look(c: str) -> tuple[str, str] | None:
        return ("Atyrau", "KZ") if c == "Atyrau" else None

    assert home_country(t, cs, place_lookup=look) == "KZ"
    t2 = "LONDON, October 4, 2022 - Arrivals rose."
    assert home_country(t2) == "GB"


def test_home_country_reads_a_web_byline() -> None:
    # the place a bar-separated byline files from, before the country named most
    cs = [Country("Russians", 60, 68, "RU"), Country("Russian", 80, 87, "RU")]
    def look(c: str) -> tuple[str, str] | None:
        return {"Tapachula": ("Tapachula", "MX"), "Belgrade": ("Belgrade", "RS")}.get(c)

    t = "Headline\n\nBy Jelena Pavlović | Balkan Wire | Belgrade | 24 November 2022\n\nText."
    assert home_country(t, cs, place_lookup=look) == "RS"
    t2 = "Headline\nBy Correspondent in Tapachula | Published 8 Nov 2023, 09:12\n\nText."
    assert home_country(t2, cs, place_lookup=look) == "MX"
    # an outlet's name is no place; the author's name is never read as one
    t3 = "Headline\nBy Tomáš Novák | Prague Today | 10 May 2022\n\nText."
    assert home_country(t3, cs, place_lookup=look) == "RU"
    assert home_country("By Georgia Smith | Staff | 1 May 2022\nText.", cs) == "RU"


def test_known_officials_give_country_not_role() -> None:
    t = "Tens of thousands fled to avoid Putin's mobilization."
    o = one(t, "Putin")["Putin"]
    assert (o.role, o.country) == (None, "RU")
    assert role_rules().known_country("Meloni") == (True, "IT")
    t2 = "Read more: Meloni calls for naval blockade"
    assert [t2[a:b] for a, b in find_known_names(t2)] == ["Meloni"]


def test_a_shared_surname_does_not_make_a_stranger_a_known_official() -> None:
    # "Sharif" alone is a known office holder (Pakistan); a named council head is not him
    t = (
        "MISRATA, Libya - The number of displaced people registered in the city has "
        "doubled, said Mohammed al-Sharif, who heads the council's crisis committee. "
        "Sharif said more buses were expected."
    )
    offs = spans(t, "Mohammed al-Sharif", "Sharif") + find_titled_names(t)
    res = {o.name: o for o in find_officials(t, offs, home="LY")}
    assert res["Mohammed al-Sharif"].country == "LY"


def test_private_people_are_not_officials() -> None:
    t = (
        "Igor, a 27-year-old programmer, said he left. Market analyst Anna Petrova said "
        "prices rose. The Rev. John Smith said the shelter was full."
    )
    res = one(t, "Igor", "Anna Petrova", "John Smith")
    assert res == {}


def test_mentions_fold_and_misspellings() -> None:
    t = (
        "President Vladimir Putin’s spokesman Dmitry Peksov said the borders stay open. "
        "Peskov added that no decision had been made. Putin did not comment."
    )
    last = t.rindex("Putin")
    offs = [*spans(t, "Vladimir Putin", "Dmitry Peksov", "Peskov"), (last, last + 5)]
    res = {o.name: o for o in find_officials(t, offs)}
    assert set(res) == {"Vladimir Putin", "Dmitry Peksov"}
    pes = res["Dmitry Peksov"]
    assert len(pes.mentions) == 2 and pes.role == "spokesman" and pes.country == "RU"
    assert len(res["Vladimir Putin"].mentions) == 2


def test_left_extension_of_a_cut_name() -> None:
    t = (
        "about 4,000 crossed, Matti Pitkäniitty, a head of international affairs at the "
        "Border Guard, said."
    )
    o = one(t, "Pitkäniitty", home="FI")
    assert list(o) == ["Matti Pitkäniitty"]
    assert o["Matti Pitkäniitty"].role == "head of international affairs"
    assert o["Matti Pitkäniitty"].country == "FI"


def test_football_league_is_not_a_name() -> None:
    t = "Arsenal moved clear at the top of the Premier League with a 3-0 win."
    assert find_titled_names(t) == []


def test_pipeline_officials(nlp) -> None:
    from migration_extract import extract

    t = (
        "ALMATY, Sept 29 – Nearly 100,000 Russians have crossed into Kazakhstan, the Kazakh "
        "interior ministry said.\n\nInterior Minister Marat Akhmetzhanov told reporters that "
        "98,000 had entered. The head of the Migration Service, Aslan Atalikov, said 40,000 "
        "had moved on."
    )
    res = {o.name: o for o in extract(t).officials}
    assert res["Marat Akhmetzhanov"].country == "KZ"
    assert res["Marat Akhmetzhanov"].role == "Interior Minister"
    assert res["Aslan Atalikov"].role == "head of the Migration Service"
    assert res["Aslan Atalikov"].country == "KZ"


def test_particles_inside_a_name_and_the_longest_span_wins() -> None:
    t = "European Commission President Ursula von der Leyen said Italy would open new centres."
    # the NER's cut "Ursula von der" must yield to the titled name
    res = find_officials(t, spans(t, "Ursula von der") + find_titled_names(t))
    assert [o.name for o in res] == ["Ursula von der Leyen"]
    assert (res[0].role, res[0].organization) == ("President", "European Commission")


def test_a_title_stops_at_a_quote_before_it() -> None:
    t = ('"Mauritania cannot be the border guard," Interior Minister Mohamed Ahmed Ould '
         "Mohamed Lemine told reporters.")
    o = one(t)["Mohamed Ahmed Ould Mohamed Lemine"]
    assert o.role == "Interior Minister"


def test_plain_words_inside_an_apposition_title() -> None:
    t = '"They arrive with nothing," said Ahmed Osman, a UNHCR field officer in Renk.'
    o = one(t, "Ahmed Osman")["Ahmed Osman"]
    assert (o.role, o.organization, o.country) == ("field officer", "UNHCR", None)
    t = "Mohamed Abdi, the Garissa county commissioner, told reporters that 50,000 were waiting."
    o = one(t)["Mohamed Abdi"]
    assert o.role == "Garissa county commissioner"


def test_who_heads_a_public_body_but_not_a_hostel() -> None:
    t = "Arrivals climbed to 1,800 a day, said Rania Haddad, who heads IOM's operations in Renk."
    o = one(t, "Rania Haddad")["Rania Haddad"]
    assert (o.role, o.organization) == ("head of operations", "IOM")
    t = '"They come alone," said Milica Jovanović, who runs a hostel near the airport.'
    assert one(t, "Milica Jovanović") == {}


def test_a_name_opening_its_sentence_with_its_role_in_apposition() -> None:
    t = ("Othman Abduljaleel, the health minister in the eastern-based government, said on "
         "Sunday that more than 3,000 had died.")
    assert one(t)["Othman Abduljaleel"].role == "health minister"


def test_an_indefinite_speaker_after_a_place_is_not_its_apposition() -> None:
    t = "Fighters overran posts at Khawmawi and Rihkhawdar, an Assam Rifles officer told reporters."
    assert one(t, "Rihkhawdar") == {}


def test_dateline_with_an_agency_tag_and_a_shared_dateline() -> None:
    from migration_extract.officials import dateline_countries

    t = ("Finland shuts crossings\n\nHELSINKI, Nov 23 (Reuters) - Finland will close the "
         "border with Russia.")
    assert home_country(t) == "FI"
    lookup = {"Valletta": ("Valletta", "MT"), "Rome": ("Rome", "IT")}.get
    t = ("Malta rescues 468\n\nVALLETTA/ROME, April 12 - Malta's army rescued 468 people. "
         "Italy is struggling far more. Interior Minister Matteo Piantedosi blamed Libya.")
    homes = dateline_countries(t, None, lookup)
    assert homes == ["MT", "IT"]
    countries = [Country("Malta", t.index("Malta's"), t.index("Malta's") + 5, "MT"),
                 Country("Italy", t.index("Italy"), t.index("Italy") + 5, "IT")]
    res = {o.name: o for o in find_officials(
        t, find_titled_names(t), countries, home="MT", homes=homes)}
    assert res["Matteo Piantedosi"].country == "IT"


def test_a_regional_role_takes_the_country_of_its_region() -> None:
    t = ("ALMATY, Sept 29 - Orenburg governor Denis Pasler said the region would call up "
         "4,500 men. Sergei Menyaylo, the head of North Ossetia, asked Moscow for help.")
    places = [(t.index("Orenburg"), t.index("Orenburg") + 8, "RU"),
              (t.index("North Ossetia"), t.index("North Ossetia") + 13, "RU")]
    offs = spans(t, "Denis Pasler", "Sergei Menyaylo")
    without = {o.name: o for o in find_officials(t, offs, home="KZ")}
    assert without["Denis Pasler"].country == "KZ"  # the dateline's country, for want of any
    res = {o.name: o for o in find_officials(t, offs, home="KZ", places=places)}
    assert res["Denis Pasler"].country == "RU"
    assert res["Sergei Menyaylo"].country == "RU"
    assert res["Sergei Menyaylo"].organization == "North Ossetia"


def test_a_body_of_another_paragraph_titles_no_one() -> None:
    t = (
        "CIUDAD JUÁREZ, Mexico – Migrants died in a fire.\n\nVenezuela's foreign ministry said "
        "it would repatriate the bodies.\n\nCiudad Juárez has become a bottleneck. Mayor Cruz "
        "Pérez Cuéllar said the shelters were full."
    )
    o = one(t, "Cruz Pérez Cuéllar", home=home_country(t))["Cruz Pérez Cuéllar"]
    assert o.country == "MX"


def test_dateline_with_extended_capitals_a_region_and_after_a_web_header() -> None:
    cs = [Country("Afghans", 0, 7, "AF"), Country("Afghan", 10, 16, "AF")]
    # capitals outside Latin-1 in the city ("ŽILINA", "ŁÓDŹ")
    assert home_country("ŁÓDŹ, Poland – Afghans arrived by train.", cs) == "PL"
    assert home_country("ŽILINA – Afghans arrived by train.", cs,
                        place_lookup={"Žilina": ("Žilina", "SK")}.get) == "SK"  # fmt: skip
    # the region after the city, known to the place index only
    look = {"Oregon": ("Oregon", "US")}.get
    assert home_country("BEND, Oregon (AP) — Afghans arrived.", cs, place_lookup=look) == "US"
    # a dateline below a long web header of menus and notices
    header = "Home > World > Europe\n\n" + "Accept all cookies. " * 40 + "\n\n"
    assert len(header) > 600
    assert home_country(header + "VIENNA, Austria - Afghans arrived.", cs) == "AT"


def test_a_body_without_a_country_takes_the_one_written_with_it() -> None:
    # the lexicon gives "Border Guard" / "Migration Service" no country: the possessive or
    # demonym before the body gives it, else the place that ends the description
    t = ("KYIV – Traffic rose. Olena Kravets, a spokeswoman for Moldova's State Border "
         "Guard Service, said queues grew. Petr Dvorak, a spokesman for the Border Guard in "
         "Przemyśl, said the same. Ivo Marek, spokesman for the border police in Bratislava, "
         "agreed.")
    res = {o.name: o for o in find_officials(
        t, spans(t, "Olena Kravets", "Petr Dvorak", "Ivo Marek"), home="UA")}
    assert res["Olena Kravets"].country == "MD"
    assert res["Petr Dvorak"].country == "PL"
    assert res["Ivo Marek"].country == "SK"


def test_a_region_or_city_owner_gives_its_country() -> None:
    # "Saratov's governor, X" / "In Chicago, Mayor X": a region or a city the place index
    # knows, not the home country
    t = ("ALMATY – Russians kept crossing. Later Saratov's governor, Pavel Orlov, said 900 "
         "men were called up.\n\nIn Chicago, Mayor Anna Reyes said shelters were full.")
    res = {o.name: o for o in find_officials(
        t, spans(t, "Pavel Orlov", "Anna Reyes"), home="KZ")}
    assert (res["Pavel Orlov"].role, res["Pavel Orlov"].country) == ("governor", "RU")
    assert (res["Anna Reyes"].role, res["Anna Reyes"].country) == ("Mayor", "US")


def test_the_agency_and_its_refer_to_the_nearest_body() -> None:
    # "its" / "the agency's" name the body named last before, across paragraphs, a
    # known organisation or a national one, whichever is nearer
    t = ("KABUL – UNHCR said 3,000 people returned.\n\nLatvia's State Border Guard said it "
         "turned back 40 people.\n\nOn Monday 12 more were stopped, the agency's spokesman, "
         "Colonel Janis Ozols, said. Peru's Government of National Unity asked for help. "
         "Its interior minister, Rafael Soto, said more would come.\n\nLater IOM flew 200 "
         "home, said Mara Lind, its chief of mission in Chad.")
    res = {o.name: o for o in find_officials(
        t, spans(t, "Janis Ozols", "Rafael Soto", "Mara Lind"), home="AF")}
    assert res["Janis Ozols"].country == "LV"
    assert res["Rafael Soto"].country == "PE"
    assert (res["Mara Lind"].country, res["Mara Lind"].organization) == (None, "IOM")
    # a government is no agency: "the agency's" skips it for the UN body before
    t2 = ("UNHCR said it was preparing, with the Latvian government, for arrivals. Ana "
          "Berg, the agency's representative in Latvia, said tents were sent.")
    o = {o.name: o for o in find_officials(t2, spans(t2, "Ana Berg"))}["Ana Berg"]
    assert (o.country, o.organization) == (None, "UNHCR")


def test_a_bare_title_without_a_dateline_takes_its_sentence_country() -> None:
    # no dateline: the country the sentence (or the one before) is about, not the people
    # on the move nor where they go, before the article's most mentioned country
    t = ("Arrivals rise\n\nSerbia, a country of 6.6 million, has tightened its border. "
         "Interior Minister Ivan Petrovic said Afghans were being sent back to Bulgaria.\n\n"
         "Finance Minister Goran Jovic said 4,000 Syrians had crossed from Hungary. "
         "Health Minister Zoran Ilic visited Greece on Monday.")
    cs = [Country(w, t.index(w), t.index(w) + len(w), c)
          for w, c in (("Serbia", "RS"), ("Afghans", "AF"), ("Bulgaria", "BG"),
                       ("Syrians", "SY"), ("Hungary", "HU"), ("Greece", "GR"))]  # fmt: skip
    offs = spans(t, "Ivan Petrovic", "Goran Jovic", "Zoran Ilic")
    res = {o.name: o for o in find_officials(t, offs, cs, home="AF")}
    assert res["Ivan Petrovic"].country == "RS"
    assert res["Goran Jovic"].country == "AF"  # nothing to go by: the home country
    # a dateline's country stands
    dated = {o.name: o for o in find_officials(t, offs, cs, home="BG", dated=True)}
    assert res["Zoran Ilic"].country == "GR"
    assert dated["Zoran Ilic"].country == "BG"


def test_the_most_mentioned_country_leaves_out_people_on_the_move() -> None:
    # "Ukrainians" thrice and "Slovakia" twice: the host country is home
    t = "Headline\n\nText without a dateline."
    cs = [Country("Ukrainians", 10, 20, "UA"), Country("Slovakia", 30, 38, "SK"),
          Country("Ukrainians", 40, 50, "UA"), Country("Slovakia", 60, 68, "SK"),
          Country("Ukrainians", 70, 80, "UA")]  # fmt: skip
    assert home_country(t, cs) == "SK"
    # a country's name that ends like a plural demonym still counts
    cs2 = [Country("Philippines", 0, 11, "PH"), Country("Philippines", 20, 31, "PH"),
           Country("Japan", 40, 45, "JP")]  # fmt: skip
    assert home_country(t, cs2) == "PH"


def test_a_bare_title_takes_the_country_its_sentence_is_plainly_about() -> None:
    # even against the dateline: the subject of what the person said, or the country
    # opening the person's sentence (with its verb) or the sentence before (with a comma)
    t = ("VIENNA, Austria – Arrivals rose. Government spokesman Tibor Nagy said Hungary "
         "would close its border. Moldova, one of Europe's poorest countries, has asked for "
         "help. Prime Minister Ion Rusu thanked donors. Chile is still mourning the death "
         "of President Pedro Soto. Chile has funded it; Interior Minister Karl Bauer "
         "agreed. Tariq Ali said 300 Syrians came. Labour Minister Anna Weber said that "
         "Syria would not take them back.")
    names = ("Tibor Nagy", "Ion Rusu", "Pedro Soto", "Karl Bauer", "Anna Weber")
    cs = [Country(w, t.index(w), t.index(w) + len(w), c)
          for w, c in (("Austria", "AT"), ("Hungary", "HU"), ("Moldova", "MD"),
                       ("Chile", "CL"), ("Syria ", "SY"))]  # fmt: skip
    cs = [Country(c.text.strip(), c.start, c.start + len(c.text.strip()), c.code) for c in cs]
    res = {o.name: o for o in find_officials(t, spans(t, *names), cs, home="AT", dated=True)}
    assert res["Tibor Nagy"].country == "HU"
    assert res["Ion Rusu"].country == "MD"
    assert res["Pedro Soto"].country == "CL"
    # the sentence before opens with a country but no comma: the dateline stands
    assert res["Karl Bauer"].country == "AT"
    assert res["Anna Weber"].country == "SY"


def test_the_place_of_a_war_is_not_the_office_country() -> None:
    # "people who fled the war in Ukraine ..., Poland's ministry said": the spokesman's
    # country is the ministry's, not the war's
    t = ("WARSAW - More than 920,000 people who fled the war in Ukraine have been given a "
         "PESEL number, Poland's Ministry of Digital Affairs said on Thursday.\n\n"
         "Children account for about 46% of those registered, ministry spokesman Michal "
         "Rzepecki told a news conference.")
    cs = [Country(w, t.index(w), t.index(w) + len(w), c)
          for w, c in (("Ukraine", "UA"), ("Poland", "PL"))]  # fmt: skip
    res = {o.name: o for o in find_officials(t, spans(t, "Michal Rzepecki"), cs, home="UA")}
    assert res["Michal Rzepecki"].country == "PL"
