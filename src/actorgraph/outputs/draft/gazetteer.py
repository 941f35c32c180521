"""A small built-in gazetteer: states, blocs and international organisations.

Each entry gives a name, the other names news use for it (capitals and seats of
power stand for their state: "Moscow", "the Kremlin"), its adjective
("Russian") and its people ("Russians"). ``actorgraph draft`` uses it to find
candidate actors, and to give a graph's own states their adjectives.

Our own list (pycountry has no adjectives and is 40 times bigger): the states
news write about most, the main organisations and blocs.

>>> ENTRIES["russia"].adjectives
('Russian',)
>>> lookup("the Kremlin").id
'russia'
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.text import slug


@dataclass(frozen=True)
class Place:
    """A state, bloc or organisation, with every name news use for it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# name | other names | adjective(s) | people ; one state a line
_STATES = """\
Afghanistan | Kabul | Afghan | Afghans
Albania | Tirana | Albanian | Albanians
Algeria | Algiers | Algerian | Algerians
Angola | Luanda | Angolan | Angolans
Argentina | Buenos Aires | Argentine, Argentinian | Argentines
Armenia | Yerevan | Armenian | Armenians
Australia | Canberra | Australian | Australians
Austria | Vienna | Austrian | Austrians
Azerbaijan | Baku | Azerbaijani, Azeri | Azerbaijanis
Bahrain | Manama | Bahraini | Bahrainis
Bangladesh | Dhaka | Bangladeshi | Bangladeshis
Belarus | Minsk, Republic of Belarus | Belarusian, Belarussian, Byelorussian | Belarusians
Belgium | | Belgian | Belgians
Bolivia | La Paz | Bolivian | Bolivians
Bosnia and Herzegovina | Bosnia, Sarajevo | Bosnian | Bosnians
Brazil | Brasilia, Brasília | Brazilian | Brazilians
Bulgaria | Sofia | Bulgarian | Bulgarians
Burkina Faso | Ouagadougou | Burkinabe |
Cambodia | Phnom Penh | Cambodian | Cambodians
Cameroon | Yaounde | Cameroonian | Cameroonians
Canada | Ottawa | Canadian | Canadians
Chad | N'Djamena | Chadian | Chadians
Chile | Santiago | Chilean | Chileans
China | Beijing, People's Republic of China, PRC | Chinese |
Colombia | Bogota, Bogotá | Colombian | Colombians
Croatia | Zagreb | Croatian | Croats
Cuba | Havana | Cuban | Cubans
Cyprus | Nicosia | Cypriot | Cypriots
Czech Republic | Czechia, Prague | Czech | Czechs
Denmark | Copenhagen | Danish | Danes
Democratic Republic of the Congo | DR Congo, DRC, Kinshasa | Congolese |
Egypt | Cairo | Egyptian | Egyptians
Eritrea | Asmara | Eritrean | Eritreans
Estonia | Tallinn | Estonian | Estonians
Ethiopia | Addis Ababa | Ethiopian | Ethiopians
Finland | Helsinki | Finnish | Finns
France | Paris, Elysee, Élysée | French |
Georgia | Tbilisi | Georgian | Georgians
Germany | Berlin | German | Germans
Ghana | Accra | Ghanaian | Ghanaians
Greece | Athens | Greek | Greeks
Hungary | Budapest | Hungarian | Hungarians
India | New Delhi | Indian | Indians
Indonesia | Jakarta | Indonesian | Indonesians
Iran | Tehran, Islamic Republic | Iranian | Iranians
Iraq | Baghdad | Iraqi | Iraqis
Ireland | Dublin | Irish |
Israel | Jerusalem | Israeli | Israelis
Italy | Rome | Italian | Italians
Japan | Tokyo | Japanese |
Jordan | Amman | Jordanian | Jordanians
Kazakhstan | Astana, Nur-Sultan | Kazakh | Kazakhs
Kenya | Nairobi | Kenyan | Kenyans
Kosovo | Pristina | Kosovar | Kosovars
Kuwait | | Kuwaiti | Kuwaitis
Kyrgyzstan | Bishkek | Kyrgyz |
Latvia | Riga | Latvian | Latvians
Lebanon | Beirut | Lebanese |
Libya | Tripoli | Libyan | Libyans
Lithuania | Vilnius | Lithuanian | Lithuanians
Mali | Bamako | Malian | Malians
Mexico | Mexico City | Mexican | Mexicans
Moldova | Chisinau, Chișinău | Moldovan | Moldovans
Mongolia | Ulaanbaatar | Mongolian | Mongolians
Montenegro | Podgorica | Montenegrin | Montenegrins
Morocco | Rabat | Moroccan | Moroccans
Myanmar | Burma, Naypyidaw | Burmese |
Netherlands | the Hague, Holland | Dutch |
Niger | Niamey | Nigerien | Nigeriens
Nigeria | Abuja | Nigerian | Nigerians
North Korea | Pyongyang, DPRK | North Korean | North Koreans
North Macedonia | Skopje | Macedonian | Macedonians
Norway | Oslo | Norwegian | Norwegians
Oman | Muscat | Omani | Omanis
Pakistan | Islamabad | Pakistani | Pakistanis
Palestine | Palestinian Authority, Ramallah | Palestinian | Palestinians
Peru | Lima | Peruvian | Peruvians
Philippines | Manila | Filipino, Philippine | Filipinos
Poland | Warsaw | Polish | Poles
Portugal | Lisbon | Portuguese |
Qatar | Doha | Qatari | Qataris
Romania | Bucharest | Romanian | Romanians
Russia | Moscow, Kremlin, Russian Federation | Russian | Russians
Rwanda | Kigali | Rwandan | Rwandans
Saudi Arabia | Riyadh | Saudi | Saudis
Serbia | Belgrade | Serbian | Serbs
Slovakia | Bratislava | Slovak | Slovaks
Slovenia | Ljubljana | Slovenian, Slovene | Slovenians
Somalia | Mogadishu | Somali | Somalis
South Africa | Pretoria | South African | South Africans
South Korea | Seoul, Republic of Korea | South Korean | South Koreans
South Sudan | Juba | South Sudanese |
Spain | Madrid | Spanish | Spaniards
Sudan | Khartoum | Sudanese |
Sweden | Stockholm | Swedish | Swedes
Switzerland | Bern, Berne | Swiss |
Syria | Damascus | Syrian | Syrians
Taiwan | Taipei | Taiwanese |
Tajikistan | Dushanbe | Tajik | Tajiks
Thailand | Bangkok | Thai |
Tunisia | Tunis | Tunisian | Tunisians
Turkey | Türkiye, Ankara | Turkish | Turks
Turkmenistan | Ashgabat | Turkmen |
Uganda | Kampala | Ugandan | Ugandans
Ukraine | Kyiv, Kiev | Ukrainian | Ukrainians
United Arab Emirates | UAE, Abu Dhabi | Emirati | Emiratis
United Kingdom | UK, Britain, Great Britain, London, Downing Street, Whitehall | British | Britons
United States | US, USA, U.S., United States of America, America, Washington, White House \
| American, US | Americans
Uzbekistan | Tashkent | Uzbek | Uzbeks
Venezuela | Caracas | Venezuelan | Venezuelans
Vietnam | Hanoi | Vietnamese |
Yemen | Sanaa | Yemeni | Yemenis
"""

# name | other names | adjective(s) | kind
_GROUPS = """\
European Union | EU, Brussels | | organisation
NATO | Nato, North Atlantic Treaty Organization, North Atlantic Alliance | | organisation
United Nations | UN, U.N. | | organisation
UN Security Council | Security Council | | organisation
Organization for Security and Co-operation in Europe | OSCE | | organisation
Collective Security Treaty Organization | CSTO | | organisation
Eurasian Economic Union | EAEU | | organisation
Shanghai Cooperation Organisation | SCO | | organisation
Commonwealth of Independent States | CIS | | organisation
African Union | AU | | organisation
Arab League | League of Arab States | | organisation
ASEAN | Association of Southeast Asian Nations | | organisation
Council of Europe | | | organisation
International Monetary Fund | IMF | | organisation
World Bank | | | organisation
World Trade Organization | WTO | | organisation
International Criminal Court | ICC | | organisation
International Atomic Energy Agency | IAEA | | organisation
World Health Organization | WHO | | organisation
International Committee of the Red Cross | ICRC, Red Cross | | organisation
OPEC | | | organisation
G7 | Group of Seven | | bloc
G20 | Group of 20 | | bloc
BRICS | | | bloc
The West | West | western, Western | bloc
Global South | | | bloc
Hamas | | | armed_group
Hezbollah | | | armed_group
Taliban | | | armed_group
Islamic State | ISIS, ISIL, Daesh | | armed_group
al-Qaeda | Al-Qaeda, al Qaeda | | armed_group
Wagner Group | Wagner | | armed_group
Houthis | Houthi movement, Ansar Allah | Houthi | armed_group
"""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


def _entries() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for line in _STATES.splitlines():
        name, others, adjectives, people = (cell.strip() for cell in line.split("|"))
        place = Place(slug(name), name, "state", _split(others), _split(adjectives), _split(people))
        places[place.id] = place
    for line in _GROUPS.splitlines():
        name, others, adjectives, kind = (cell.strip() for cell in line.split("|"))
        place = Place(slug(name), name, kind, _split(others), _split(adjectives))
        places[place.id] = place
    return places


ENTRIES: dict[str, Place] = _entries()
"""Every built-in place by id."""

_BY_NAME = {
    name.casefold().removeprefix("the "): place
    for place in ENTRIES.values()
    for name in place.names()
}


def lookup(name: str) -> Place | None:
    """The place a name (not an adjective) stands for, ignoring case and a leading "the"."""
    return _BY_NAME.get(name.strip().casefold().removeprefix("the "))
