"""actorgraph draft and review: proposals from text, and the review queue into a graph."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph.cli import cli
from actorgraph.io.load import parse_graph, read_graph, validate_file
from actorgraph.outputs.draft import draft_article
from actorgraph.outputs.draft.text import paragraphs, word_set
from actorgraph.vocabulary import BUILTIN
from conftest import ARTICLE, SEED

needs_article = pytest.mark.skipif(
    not ARTICLE.exists(), reason=f"the seed article is not at {ARTICLE} (shared/ is missing)"
)


def ties(text: str, graph=None) -> list[tuple[str, str, str]]:
    return [(r.source, r.type, r.target) for r in draft_article(text, graph).graph.relations]


# one sentence or more per relation type, in several voices; no graph: the gazetteer's actors
SENTENCES = [
    ("Russia controls Belarus.", ("russia", "controls", "belarus")),
    ("Belarus is controlled by Russia.", ("russia", "controls", "belarus")),
    (
        "President Vladimir Putin commands the Russian armed forces.",
        ("vladimir-putin", "commands", "russian-armed-forces"),
    ),
    (
        "Belarusian president Aleksandr Lukashenko spoke on Friday.",
        ("aleksandr-lukashenko", "leads", "belarus"),
    ),
    ("China has influence over Russia.", ("china", "influences", "russia")),
    ("Russian troops crossed the border.", ("russian-armed-forces", "part_of", "russia")),
    ("Finland joined NATO.", ("finland", "member_of", "nato")),
    ("Ambassador Xie Xiaoyong represents China.", ("xie-xiaoyong", "represents", "china")),
    ("Belarus's dependence on Russia grows.", ("belarus", "depends_on", "russia")),
    ("Russia is a lifeline for Belarus.", ("belarus", "depends_on", "russia")),
    ("Belarus, which relies on Russia, hesitates.", ("belarus", "depends_on", "russia")),
    ("Serbia courts China.", ("serbia", "courts", "china")),
    ("Russia backs Belarus.", ("russia", "supports", "belarus")),
    ("Belarus is backed by Russia.", ("russia", "supports", "belarus")),
    ("Belarus gets support from Russia.", ("russia", "supports", "belarus")),
    ("Russia and Belarus renewed their alliance.", ("russia", "allied_with", "belarus")),
    ("Belarus cooperates with Russia.", ("belarus", "cooperates_with", "russia")),
    ("Russia stationed troops in Belarus.", ("belarus", "hosts_forces", "russia")),
    ("The United States funds Ukraine.", ("united-states", "funds", "ukraine")),
    ("Hamas is funded by Iran.", ("iran", "funds", "hamas")),
    ("Chinese investment in Serbia keeps growing.", ("china", "invests_in", "serbia")),
    ("China lent money to Pakistan.", ("china", "lends_to", "pakistan")),
    ("Belarus owes Russia billions.", ("russia", "lends_to", "belarus")),
    ("Germany trades with China.", ("germany", "trades_with", "china")),
    ("Economic relations between Belarus and China deepened.", ("belarus", "trades_with", "china")),
    ("Turkey mediated between Russia and Ukraine.", ("turkey", "mediates", "ukraine")),
    ("Ukraine negotiated with Russia.", ("ukraine", "negotiates_with", "russia")),
    ("France consulted Germany.", ("france", "consults", "germany")),
    ("NATO monitors Russia.", ("nato", "monitors", "russia")),
    ("France withdrew from Mali.", ("france", "withdraws_from", "mali")),
    ("The United States pressured Turkey.", ("united-states", "pressures", "turkey")),
    ("Hungary criticised the European Union.", ("hungary", "opposes", "european-union")),
    ("Georgians protested against Russia.", ("georgia", "protests_against", "russia")),
    ("Iran was sanctioned by the EU.", ("european-union", "sanctions", "iran")),
    ("Western sanctions on Belarus are biting.", ("the-west", "sanctions", "belarus")),
    ("North Korea threatened South Korea.", ("north-korea", "threatens", "south-korea")),
    ("Russia invaded Ukraine.", ("russia", "fights", "ukraine")),
    ("Russia's invasion of Ukraine continues.", ("russia", "fights", "ukraine")),
    ("Ukraine was attacked by Russia.", ("russia", "fights", "ukraine")),
]


ROLES = [
    ("Russia deployed troops to Belarus.", [("belarus", "hosts_forces", "russia")]),
    ("NATO met on Friday. Its members back Ukraine.", [("nato", "supports", "ukraine")]),
    ("Hezbollah, Iran's proxy, struck Israel.", [
        ("iran", "controls", "hezbollah"), ("hezbollah", "fights", "israel")]),
    ("The war between Russia and Ukraine drags on.", [("russia", "fights", "ukraine")]),
    ("Serbia has close ties with Russia.", [("serbia", "cooperates_with", "russia")]),
    ("Moldova is under pressure from Russia.", [("russia", "pressures", "moldova")]),
    ("Sergei Lavrov, Russia's foreign minister, met Chinese officials.", [
        ("sergei-lavrov", "represents", "russia"), ("sergei-lavrov", "consults", "china")]),
    ("Russia's foreign minister, Sergei Lavrov, warned Ukraine.", [
        ("sergei-lavrov", "represents", "russia"), ("sergei-lavrov", "threatens", "ukraine")]),
    ("Antony Blinken, the US secretary of state, criticised China.", [
        ("antony-blinken", "represents", "united-states"), ("antony-blinken", "opposes", "china")]),
    ("The Iran-backed Houthis attacked Saudi Arabia.", [
        ("iran", "supports", "houthis"), ("houthis", "fights", "saudi-arabia")]),
    ("Turkey, Azerbaijan's closest ally, supplied drones.", [
        ("turkey", "allied_with", "azerbaijan")]),
    ("In March, the EU sanctioned Russia, and Iran condemned it.", [
        ("european-union", "sanctions", "russia")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), ROLES)
def test_roles_appositions_and_compounds(sentence, expected):
    assert sorted(ties(sentence)) == sorted(expected)


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentence_gives_the_tie(sentence, expected):
    assert expected in ties(sentence)


def test_every_builtin_type_has_triggers_and_a_sentence():
    covered = {expected[1] for _, expected in SENTENCES}
    assert covered == set(BUILTIN.relation_types)
    assert all(t.triggers for t in BUILTIN.relation_types.values())


def test_negation_is_kept_and_flagged():
    [relation] = draft_article("Serbia refused to sanction Russia.").graph.relations
    assert (relation.type, relation.note) == ("sanctions", "drafted from 'not sanction'")


def test_no_tie_without_two_actors_or_a_trigger():
    assert ties("Belarus was dragged into the war.") == []  # passive, no one named
    assert ties("Russia and Belarus are neighbours.") == []
    assert ties("The conflict will lead to more trouble for Russia.") == []


def test_graph_names_aliases_possessives_demonyms_and_pronouns():
    graph = read_graph(SEED).with_relations(())
    text = (
        "The Kremlin props up Lukashenko's regime. Lukashenko's support of Putin is costly. "
        "\n\nLukashenko is cornered. He must balance his dependence on Russia."
        "\n\nBelarusian troops train with Russian forces."
    )
    found = ties(text, graph)
    assert ("russia", "supports", "belarusian-regime") in found
    assert ("lukashenko", "leads", "belarusian-regime") in found
    assert ("lukashenko", "supports", "putin") in found
    assert ("lukashenko", "depends_on", "russia") in found
    assert ("belarusian-military", "part_of", "belarus") in found
    assert ("russian-forces", "part_of", "russia") in found  # "Russian forces" is its name


def test_a_graphs_own_type_brings_its_triggers(write):
    graph = read_graph(
        write(
            """\
            title: t
            vocabulary:
              relation_types:
                - id: bribes
                  polarity: hostile
                  influence: forward
                  triggers: [bribe, "{b} took money from {a}"]
            actors:
              - {id: alpha, name: Alpha Corp, kind: business}
              - {id: beta, name: Beta, kind: person, aliases: [Minister Beta]}
            relations: []
            """
        )
    )
    assert ties("Alpha Corp bribed Minister Beta.", graph) == [("alpha", "bribes", "beta")]
    assert ties("Beta took money from Alpha Corp.", graph) == [("alpha", "bribes", "beta")]


def test_a_bad_trigger_is_reported_with_its_line(write):
    problems = validate_file(
        write(
            """\
            title: t
            vocabulary:
              relation_types:
                - {id: bribes, polarity: hostile, influence: forward, triggers: ["{a} paid"]}
            actors: []
            relations: []
            """
        )
    )
    assert [str(p) for p in problems] == [
        f"{problems[0].file}:4: trigger '{{a}} paid': a pattern with {{a}} needs {{b}} too "
        "(and the other way round)"
    ]


def test_paragraphs_are_numbered_like_the_evidence():
    blank = "First para,\nwrapped.\r\n\r\n  \nSecond.\n\n\nThird.\n"
    assert [(p.number, p.text) for p in paragraphs(blank)] == [
        (1, "First para, wrapped."),
        (2, "Second."),
        (3, "Third."),
    ]
    lines = "\ufeffOne.\nTwo.\n  Three.  \n"
    assert [(p.number, p.text) for p in paragraphs(lines)] == [
        (1, "One."),
        (2, "Two."),
        (3, "Three."),
    ]
    made = draft_article("Intro.\n\nRussia backs Belarus.", source_id="s").graph
    assert made.relations[0].evidence[0].paragraph == 2
    assert made.relations[0].evidence[0].quote == "Russia backs Belarus."


@needs_article
def test_seed_article_draft_validates_and_stays_out_of_analyses(runner, in_project):
    result = runner.invoke(
        cli,
        ["draft", str(ARTICLE), "-o", "graph/drafts/belarus.yaml", "-g", "graph/belarus-2022.yaml",
         "--source-id", "wolff-bayok-2022", "--published", "2022-03"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert validate_file("graph/drafts/belarus.yaml") == []
    drafted = read_graph("graph/drafts/belarus.yaml")
    assert len(drafted.relations) > 20
    assert {r.status for r in drafted.relations} == {"proposed"}
    assert {r.confidence for r in drafted.relations} == {"low"}
    assert all(e.quote and not e.claim for r in drafted.relations for e in r.evidence)
    assert {"russia", "lukashenko", "putin"} <= {a.id for a in drafted.actors}
    assert all(a.status == "proposed" for a in drafted.actors if a.id not in {"russia"} and
               a.id not in read_graph(SEED).actors_by_id)  # fmt: skip
    path = runner.invoke(cli, ["path", "putin", "belarus", "-g", "graph/drafts/belarus.yaml"])
    assert path.exit_code == 1 and "no influence path" in path.output


def test_draft_prints_proposals_and_json(runner, in_project):
    (in_project / "note.txt").write_text(
        "Russia backs Belarus.\n\nIran was sanctioned by the EU.\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["draft", "note.txt", "-o", "drafts/note.yaml"])
    assert result.exit_code == 0
    assert result.output == (
        "wrote drafts/note.yaml: 2 proposed ties among 4 actors (4 new), from 2 paragraphs\n"
        "  ¶1        russia supports belarus        (back)\n"
        "  ¶2        european-union sanctions iran  (sanction)\n"
        "new actors: russia (state), belarus (state), iran (state), european-union (organisation)\n"
        "next: actorgraph review drafts/note.yaml --into GRAPH\n"
    )
    assert runner.invoke(cli, ["validate", "drafts/note.yaml"]).output == (
        "drafts/note.yaml: ok (4 actors, 2 relations, of which 2 proposed: "
        "analyses leave them out)\n"
    )
    data = json.loads(runner.invoke(cli, ["draft", "note.txt", "--format", "json"]).output)
    assert data["proposals"][1] == {
        "source": "european-union",
        "type": "sanctions",
        "target": "iran",
        "triggers": ["sanction"],
        "evidence": [{"source": "note", "paragraph": 2, "quote": "Iran was sanctioned by the EU."}],
    }


def test_draft_bad_input(runner, in_project):
    (in_project / "bad.txt").write_bytes(b"caf\xe9")
    (in_project / "ok.txt").write_text("Russia backs Belarus.", encoding="utf-8")
    result = runner.invoke(cli, ["draft", "bad.txt", "-o", "d.yaml"])
    assert (result.exit_code, result.output) == (
        2,
        "Error: bad.txt: not UTF-8 text (byte 3); save it as UTF-8\n",
    )
    result = runner.invoke(cli, ["draft", "ok.txt", "-o", "d.yaml", "--published", "2022-13"])
    assert (result.exit_code, result.output) == (
        2,
        "Error: invalid date '2022-13' for --published; use YYYY, YYYY-MM or YYYY-MM-DD\n",
    )
    result = runner.invoke(cli, ["draft", "ok.txt"])
    assert result.exit_code == 2 and "name the draft file with -o" in result.output


GRAPH = """\
# The desk's graph: this comment must survive review.
title: Desk
sources:
  - {id: desk, title: Desk notes}
actors:
  - {id: russia, name: Russia, kind: state, aliases: [Moscow]}
  - {id: belarus, name: Belarus, kind: state}  # a trailing comment too
relations: []
"""
ARTICLE_TEXT = (
    "Russia backs Belarus.\n\nIran was sanctioned by the EU.\n\nBelarus relies on Moscow.\n"
)


def test_review_accept_retype_reject_quit_and_resume(runner, in_project):
    (in_project / "desk.yaml").write_text(GRAPH, encoding="utf-8")
    (in_project / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "d.yaml", "-g", "desk.yaml"]).exit_code == 0
    # accept the first as "controls" (retyped), reject the second, quit at the third
    first = runner.invoke(
        cli,
        ["review", "d.yaml", "--into", "desk.yaml"],
        input="t\ncontrols\na\nMoscow runs Minsk.\nr\nq\n",
    )
    assert first.exit_code == 0, first.output
    assert first.output == (
        "\n"
        "[1/3] russia supports belarus (strength 0.5; drafted from 'back')\n"
        "  ¶1: [Russia] backs [Belarus].\n"
        "a accept, t type, d direction, s strength, k skip, r reject, q quit: t\n"
        "type: controls\n"
        "[1/3] russia controls belarus (strength 0.5; drafted from 'back')\n"
        "  ¶1: [Russia] backs [Belarus].\n"
        "a accept, t type, d direction, s strength, k skip, r reject, q quit: a\n"
        "claim, in your words: Moscow runs Minsk.\n"
        "\n"
        "[2/3] european-union sanctions iran (strength 0.5; drafted from 'sanction')\n"
        "  ¶2: [Iran] was sanctioned by the [EU].\n"
        "a accept, t type, d direction, s strength, k skip, r reject, q quit: r\n"
        "\n"
        "[3/3] belarus depends_on russia (strength 0.5; drafted from 'rely on')\n"
        "  ¶3: [Belarus] relies on [Moscow].\n"
        "a accept, t type, d direction, s strength, k skip, r reject, q quit: q\n"
        "\n"
        "desk.yaml: 1 tie added, 0 merged as evidence, 1 rejected, 0 skipped\n"
        "stopped with 1 left; run the same command to resume\n"
    )
    text = (in_project / "desk.yaml").read_text(encoding="utf-8")
    assert text.startswith("# The desk's graph: this comment must survive review.\n")
    assert "  - {id: belarus, name: Belarus, kind: state}  # a trailing comment too\n" in text
    graph = read_graph(in_project / "desk.yaml")
    assert [(r.source, r.type, r.target, r.status) for r in graph.relations] == [
        ("russia", "controls", "belarus", None)
    ]
    evidence = graph.relations[0].evidence[0]
    assert (evidence.source, evidence.paragraph, evidence.claim, evidence.quote) == (
        "a", 1, "Moscow runs Minsk.", "Russia backs Belarus."
    )  # fmt: skip
    assert [s.id for s in graph.sources] == ["desk", "a"]
    statuses = [r.status for r in read_graph(in_project / "d.yaml").relations]
    assert statuses == ["accepted", "rejected", "proposed"]
    # the end of the input is "quit", not "Aborted!" with exit 1
    ended = runner.invoke(cli, ["review", "d.yaml", "--into", "desk.yaml"], input="")
    assert ended.exit_code == 0, ended.output
    assert ended.output.endswith(
        "desk.yaml: 0 ties added, 0 merged as evidence, 0 rejected, 0 skipped\n"
        "stopped with 1 left; run the same command to resume\n"
    )
    # resume: only the third is asked; swap its direction, set its strength, accept
    second = runner.invoke(
        cli,
        ["review", "d.yaml", "--into", "desk.yaml"],
        input="d\ns\n0.8\nd\na\nBelarus leans on Russia.\n",
    )
    assert second.exit_code == 0, second.output
    assert second.output.count("[1/1] ") == 4
    assert second.output.endswith(
        "desk.yaml: 1 tie added, 0 merged as evidence, 0 rejected, 0 skipped\n"
    )
    graph = read_graph(in_project / "desk.yaml")
    assert [(r.source, r.type, r.target, r.strength) for r in graph.relations] == [
        ("russia", "controls", "belarus", 0.5),
        ("belarus", "depends_on", "russia", 0.8),
    ]
    third = runner.invoke(cli, ["review", "d.yaml", "--into", "desk.yaml"])
    assert (
        third.output == "\ndesk.yaml: 0 ties added, 0 merged as evidence, 0 rejected, 0 skipped\n"
    )
    summary = runner.invoke(cli, ["review", "d.yaml", "--into", "desk.yaml", "--format", "json"])
    assert json.loads(summary.output)["left"] == 0 and summary.exit_code == 0


def test_review_adds_new_actors_when_first_used_and_merges_known_ties(runner, in_project):
    (in_project / "desk.yaml").write_text(GRAPH, encoding="utf-8")
    (in_project / "a.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    runner.invoke(cli, ["draft", "a.txt", "-o", "d.yaml", "-g", "desk.yaml"])
    result = runner.invoke(
        cli, ["review", "d.yaml", "--into", "desk.yaml"], input="k\na\nEU sanctions.\nk\n"
    )
    assert "new actors: european-union, iran\n" in result.output
    graph = read_graph(in_project / "desk.yaml")
    assert {a.id: a.status for a in graph.actors}["iran"] is None
    # a second draft of the same text: the tie exists, so its evidence is merged
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "d2.yaml", "-g", "desk.yaml"]).exit_code == 0
    result = runner.invoke(
        cli, ["review", "d2.yaml", "--into", "desk.yaml"], input="k\na\nAgain.\nq\n"
    )
    assert "0 ties added, 1 merged as evidence" in result.output
    assert len(read_graph(in_project / "desk.yaml").relations[0].evidence) == 2
    refused = runner.invoke(cli, ["draft", "a.txt", "-o", "d2.yaml", "-g", "desk.yaml"])
    assert refused.exit_code == 2
    assert "records 1 review decision(s); give --force to replace it" in refused.output


def test_draft_never_replaces_a_graph_or_another_file_unasked(runner, in_project):
    (in_project / "a.txt").write_text("Russia backs Belarus.\n", encoding="utf-8")
    seed = in_project / "graph" / "belarus-2022.yaml"
    before = seed.read_bytes()
    same = runner.invoke(cli, ["draft", "a.txt", "-o", str(seed), "-g", str(seed), "--force"])
    assert same.exit_code == 2
    assert "Invalid value for '-o': names the graph the draft reads (-g)" in same.output
    graph = runner.invoke(cli, ["draft", "a.txt", "-o", str(seed)])
    assert graph.exit_code == 2
    assert "exists and is not a draft (its ties are not proposals); give --force" in graph.output
    (in_project / "notes.yaml").write_text("my notes: [1, 2]\n", encoding="utf-8")
    other = runner.invoke(cli, ["draft", "a.txt", "-o", "notes.yaml"])
    assert other.exit_code == 2 and "notes.yaml exists and is not a graph file" in other.output
    assert seed.read_bytes() == before
    assert (in_project / "notes.yaml").read_text(encoding="utf-8") == "my notes: [1, 2]\n"
    # a fresh draft is replaced by the next one without asking
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "d.yaml"]).exit_code == 0
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "d.yaml"]).exit_code == 0
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "notes.yaml", "--force"]).exit_code == 0
    # a draft that found no ties is a draft too
    (in_project / "none.txt").write_text("Nothing happened.\n", encoding="utf-8")
    assert runner.invoke(cli, ["draft", "none.txt", "-o", "n.yaml"]).exit_code == 0
    assert runner.invoke(cli, ["draft", "none.txt", "-o", "n.yaml"]).exit_code == 0


def test_proposed_ties_are_drawn_apart():
    from actorgraph.outputs.render.data import page_data
    from actorgraph.vocabulary import PROPOSED_STYLE

    graph = parse_graph(
        """\
        title: t
        sources: [{id: s, title: s}]
        actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
        relations:
          - {source: a, type: supports, target: b, strength: 0.5, confidence: low,
             status: proposed, evidence: [{source: s, paragraph: 1, quote: A backs B.}]}
        """.replace("        ", "")
    )
    data = page_data(graph)  # the page draws a tie marked proposed in the proposed style
    assert (data["ties"]["proposed"], data["ties"]["status"]) == ([1], ["proposed"])
    assert data["polarities"][-1] == {"id": "proposed", **PROPOSED_STYLE}
    [[_source, _paragraph, statement, extras]] = data["ties"]["evidence"][0]
    assert extras["quote"] == "A backs B." and "A backs B." in statement
    assert graph.reviewed().relations == ()


def test_readme_review_transcript_is_real(runner, in_project):
    """The review transcript in README.md, replayed with the answers it shows."""
    import re
    import shutil

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- review transcript[^\n]*\n```text\n(.*?)```", readme, re.S).group(1)
    command, _, expected = block.partition("\n")
    answers = re.findall(r"(?:quit|claim, in your words|strength \(0\.\.1\)|type): (.*)", expected)
    (in_project / "docs" / "examples").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "examples" / "desk-note.txt", in_project / "docs" / "examples")
    drafted = runner.invoke(
        cli,
        ["draft", "docs/examples/desk-note.txt", "-o", "graph/drafts/desk-note.yaml", "-g",
         "graph/belarus-2022.yaml", "--title", "Desk note, March 2022", "--published",
         "2022-03-25"],
    )  # fmt: skip
    assert drafted.exit_code == 0
    draft_text = (in_project / "graph" / "drafts" / "desk-note.yaml").read_text(encoding="utf-8")
    shown = readme.split("In the draft file, a new actor and a proposal look like this:")[1]
    for snippet in re.findall(r"```yaml\n(.*?)```", shown, re.S)[:2]:
        assert snippet in draft_text
    args = command.removeprefix("$ actorgraph ").split()
    result = runner.invoke(cli, args, input="".join(a + "\n" for a in answers))
    assert (result.exit_code, result.output) == (0, expected)
    text = (in_project / "graph" / "belarus-2022.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Actors and ties from Wolff & Bayok's analysis (March 2022)")
    assert "  # --- dependence and support ----" in text


def test_forces_reuse_the_graphs_military_actor():
    graph = parse_graph(
        "title: t\nactors:\n  - {id: ru, name: Russia, kind: state}\n"
        "  - {id: ru-mil, name: Russian military, kind: military}\n"
        "  - {id: ua, name: Ukraine, kind: state}\nrelations: []\n"
    )
    made = draft_article(
        "Russian troops shelled Ukraine.\n\nRussian soldiers attacked Kyiv.", graph
    )
    assert [(r.source, r.type, r.target) for r in made.graph.relations] == [
        ("ru-mil", "part_of", "ru"),
        ("ru-mil", "fights", "ua"),
    ]
    assert [e.paragraph for e in made.graph.relations[1].evidence] == [1, 2]


WORDS = word_set(
    "Russia Belarus the EU Putin's Lukashenko 's backs is backed by , and who which while "
    "alliance between sanctions on US$ Minister President Ambassador Institute of troops "
    "Belarusian his her - ( ) – ; ."
) | {"\n\n", "\n"}


@given(st.lists(st.sampled_from(sorted(WORDS)), max_size=60))
@settings(max_examples=60, deadline=None)
def test_any_text_gives_a_valid_draft(words):
    from actorgraph.outputs.draft import DraftError, draft_text

    graph = read_graph(SEED).with_relations(())
    try:
        made = draft_article(" ".join(words), graph)
    except DraftError:
        assert not " ".join(words).strip()
        return
    assert draft_text(made).startswith("# Drafted by `actorgraph draft`")


def test_show_export_and_report_carry_proposals(runner, in_project):
    (in_project / "note.txt").write_text("Russia backs Belarus.\n", encoding="utf-8")
    runner.invoke(cli, ["draft", "note.txt", "-o", "d.yaml"])
    shown = runner.invoke(cli, ["show", "russia", "-g", "d.yaml"]).output
    assert "Russia supports Belarus · strength 0.5 · confidence low · proposed\n" in shown
    assert "      evidence: note ¶1: “Russia backs Belarus.”\n" in shown
    for target in ("csv", "dot", "mermaid", "graphml"):
        result = runner.invoke(cli, ["export", "--to", target, "-g", "d.yaml"])
        assert result.exit_code == 0, result.output
    assert "#9aa0a6" in (in_project / "output" / "d.dot").read_text(encoding="utf-8")
    assert runner.invoke(cli, ["report", "-g", "d.yaml", "-o", "out/r.md"]).exit_code == 0


def test_json_graphs_stay_json(runner, in_project):
    graph = read_graph(in_project / "graph" / "belarus-2022.yaml")
    from actorgraph.io.load import graph_to_data

    (in_project / "g.json").write_text(json.dumps(graph_to_data(graph.with_relations(()))))
    (in_project / "a.txt").write_text("Russia backs Belarus.\n", encoding="utf-8")
    assert runner.invoke(cli, ["draft", "a.txt", "-o", "d.json", "-g", "g.json"]).exit_code == 0
    json.loads((in_project / "d.json").read_text(encoding="utf-8"))
    result = runner.invoke(
        cli, ["review", "d.json", "--into", "g.json"], input="a\nMoscow backs Minsk.\n"
    )
    assert result.exit_code == 0, result.output
    data = json.loads((in_project / "g.json").read_text(encoding="utf-8"))
    assert data["relations"][0]["evidence"][0]["claim"] == "Moscow backs Minsk."


def test_review_keeps_the_blank_line_between_relations_and_views(runner, in_project):
    # Regression (user trial): accepted ties went after the blank line that ended the list.
    (in_project / "a.txt").write_text("Russia backs Belarus.\n", encoding="utf-8")
    seed = "graph/belarus-2022.yaml"
    runner.invoke(cli, ["draft", "a.txt", "-o", "d.yaml", "-g", seed])
    runner.invoke(cli, ["review", "d.yaml", "--into", seed], input="a\nMoscow backs Minsk.\n")
    text = (in_project / seed).read_text(encoding="utf-8")
    assert "        quote: Russia backs Belarus.\n\nviews:\n" in text
    assert "new offensives.\n  - source: russia\n" in text
