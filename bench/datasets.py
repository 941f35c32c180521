"""Load the real datasets in ../shared/datasets/ as actorgraph graphs, for bench/render.

A stop-gap until the importer reads them (issue 12): the Correlates of War
alliance dyads (dated ties, 1816-2012) and Gephi's Les Misérables GEXF.
Rows that end before they start are left out and counted.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from actorgraph.model import Actor, Evidence, Graph, Relation, Source

DATASETS = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"
COW = DATASETS / "cow-alliance_v4.1_by_dyad.csv"
LES_MIS = DATASETS / "Les-Miserables.gexf"
STRENGTH = {"defense": 1.0, "entente": 0.6, "neutrality": 0.4, "nonaggression": 0.4}


def _date(day: str, month: str, year: str) -> str | None:
    if not year:
        return None
    if not month:
        return f"{int(year):04d}"
    if not day:
        return f"{int(year):04d}-{int(month):02d}"
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def cow_graph(path: Path = COW) -> tuple[Graph, int]:
    """COW alliances: one tie per dyad, dated, strongest pact type first; and rows left out."""
    actors: dict[str, Actor] = {}
    relations: dict[tuple[str, str, str | None, str | None], Relation] = {}
    skipped = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for row_number, row in enumerate(csv.DictReader(handle), start=2):
            ends = []
            for n in ("1", "2"):
                ident = f"c{int(row['ccode' + n])}"
                actors.setdefault(ident, Actor(ident, row["state_name" + n], "state"))
                ends.append(ident)
            since = _date(row["dyad_st_day"], row["dyad_st_month"], row["dyad_st_year"])
            until = _date(row["dyad_end_day"], row["dyad_end_month"], row["dyad_end_year"])
            if since and until and until < since:
                skipped += 1
                continue
            kinds = [k for k in STRENGTH if row.get(k) == "1"] or ["entente"]
            claim = (
                f"{', '.join(kinds)} pact (COW alliance dyad {row['version4id']}, row {row_number})"
            )
            key = (ends[0], ends[1], since, until)
            if key in relations:  # two alliances of one dyad over the same dates: one tie
                old = relations[key]
                relations[key] = dataclasses.replace(
                    old,
                    strength=max(old.strength, STRENGTH[kinds[0]]),
                    evidence=(*old.evidence, Evidence("cow-4.1", claim)),
                )
                continue
            relations[key] = Relation(
                ends[0],
                "allied_with",
                ends[1],
                STRENGTH[kinds[0]],
                "high",
                evidence=(Evidence("cow-4.1", claim),),
                since=since,
                until=until,
            )
    source = Source(
        "cow-4.1",
        "Correlates of War Formal Alliances v4.1",
        ("Douglas M. Gibler",),
        "CQ Press",
        "2009",
    )
    return Graph(
        "Correlates of War alliances, 1816-2012",
        tuple(actors.values()),
        tuple(relations.values()),
        (source,),
    ), skipped


def gexf_graph(path: Path = LES_MIS) -> Graph:
    """Gephi's Les Misérables: co-appearances as neutral ties, weight scaled to 0..1."""
    import networkx as nx

    g = nx.read_gexf(path)
    ids = {n: f"n{n}" for n in g.nodes}
    top = max((d.get("weight", 1.0) for *_, d in g.edges(data=True)), default=1.0)
    actors = tuple(Actor(ids[n], str(d.get("label", n)), "person") for n, d in g.nodes(data=True))
    relations = tuple(
        Relation(
            ids[u],
            "consults",
            ids[v],
            round(d.get("weight", 1.0) / top, 3),
            "high",
            evidence=(Evidence("knuth-1993", f"{d.get('weight', 1)} co-appearances"),),
        )
        for u, v, d in g.edges(data=True)
    )
    source = Source("knuth-1993", "The Stanford GraphBase (Les Misérables)", ("D. E. Knuth",))
    return Graph("Les Misérables co-appearances", actors, relations, (source,))
