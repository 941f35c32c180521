/* part 3: text about actors and ties: tooltips, the side panel's cards, the table. */

var panel = find(".ag-panel");
var side = find(".ag-side");

function sourceOf(item) { return item[0] >= 0 ? data.sources[item[0]] : null; }

/* "source ¶9", "COW Formal Alliances v4.1, row 256": written in Python (Evidence.cite) */
function citation(item) { return T.citations[item[1]]; }

function evidenceList(t, full) {
  var list = el("ul", "ag-evidence-list");
  T.evidence[t].forEach(function (item) {
    var entry = el("li", "ag-evidence");
    entry.appendChild(el("span", "ag-muted", citation(item) + ": "));
    entry.appendChild(document.createTextNode(item[2]));
    var extra = item[3] || {};
    if (full) {
      if (extra.quote) entry.appendChild(el("blockquote", "ag-quote", extra.quote));
      var source = sourceOf(item);
      if (source) {
        var about = el("div", "ag-source-line");
        about.appendChild(el("cite", null, source.title));
        var by = [source.authors.join(", "), source.publisher, source.published]
          .filter(function (x) { return x; }).join(", ");
        if (by) about.appendChild(document.createTextNode(" \u2014 " + by));
        entry.appendChild(about);
        var link = safeLink(source.url, source.url);
        if (link) { var row = el("div", "ag-source-line"); row.appendChild(link); entry.appendChild(row); }
        else if (source.url) line(entry, "Address", source.url);
      }
      if (extra.url) {
        var own = safeLink(extra.url, extra.url);
        if (own) { var r2 = el("div", "ag-source-line"); r2.appendChild(own); entry.appendChild(r2); }
        else line(entry, "Address", extra.url);
      }
    }
    list.appendChild(entry);
  });
  return list;
}

function whenText(t) {
  if (!T.since || (!T.since[t] && !T.until[t])) return "";
  return (T.since[t] || "\u2026") + " \u2013 " + (T.until[t] || "\u2026");
}

function influenceText(t) {
  return INFLUENCE_WORDS[tieType(t).influence](A.name[T.from[t]], A.name[T.to[t]]);
}

/* ---- tooltips (vis-network shows a DOM element as is) --------------------- */

function actorTooltip(i) {
  var box = el("div", "ag-tip");
  box.appendChild(el("strong", null, A.name[i]));
  line(box, "Kind", data.kinds[A.kind[i]].label);
  if (A.aliases[i].length) line(box, "Also", A.aliases[i].join(", "));
  line(box, "About", A.about[i]);
  var parts = tieGroups(i).map(function (g) { return g[1].length + (g[2] ? " " + g[2] : ""); });
  line(box, "Ties", parts.join(", ") || "none");
  line(box, "Id", A.id[i]);
  return box;
}

function tieTooltip(t) {
  var box = el("div", "ag-tip");
  box.appendChild(el("strong", null, tieName(t)));
  line(box, "Polarity", tieType(t).polarity);
  line(box, "Influence", influenceText(t));
  line(box, "Strength", T.strength[t]);
  line(box, "Confidence", CONFIDENCE[T.confidence[t]]);
  line(box, "When", whenText(t));
  if (T.note) line(box, "Note", T.note[t]);
  if (T.evidence[t].length) {
    box.appendChild(el("div", "ag-muted", "Evidence (click the tie for sources):"));
    box.appendChild(evidenceList(t, false));
  }
  return box;
}

function blocTooltip(b) {
  var box = el("div", "ag-tip");
  box.appendChild(el("strong", null, blocLabel(b)));
  box.appendChild(el("div", "ag-muted", "A bloc of " + data.blocs[b].members.length +
    " actors bound by cooperative ties. Click to open it."));
  return box;
}

function tooltipFor(id, isEdge) {
  if (isEdge) return typeof id === "number" ? tieTooltip(id) : undefined;
  return typeof id === "number" ? actorTooltip(id) : blocTooltip(+id.slice(1));
}

/* ---- the side panel: one card at a time, always at the top ---------------- */

function showPanel(build) {
  panel.textContent = "";
  build(panel);
  var close = button("\u00d7", function () { clearSelection(); }, "ag-close");
  close.setAttribute("aria-label", "Close");
  panel.appendChild(close);
  panel.hidden = false;
  side.scrollTop = 0;
  openDrawer(true);
}

function tieItem(t) {
  var item = el("li");
  var head = button(tieName(t), function () { selectTie(t); }, "ag-link ag-tie-link");
  item.appendChild(head);
  item.appendChild(el("span", "ag-muted", " (strength " + T.strength[t] + ", confidence " +
    CONFIDENCE[T.confidence[t]] + (activeTie[t] ? "" : ", filtered out") + ")"));
  item.appendChild(evidenceList(t, false));
  return item;
}

/* an actor's ties as [heading, ties, word], grouped as `actorgraph show` groups them: ties
 * with no direction (\u2194) apart, then out and in, which only the types that read one way
 * have (else they would only say which column of a file named the actor) */
function tieGroups(i) {
  var both = [], out = [], into = [];
  tiesOf[i].forEach(function (t) {
    if (tieType(t).symmetric) both.push(t);
    else if (T.from[t] === i) out.push(t);
    else into.push(t);
  });
  var groups = both.length ? [["Ties", both, out.length || into.length ? "\u2194" : ""]] : [];
  if (out.length || into.length || !both.length) groups.push(["Ties out", out, "out"], ["Ties in", into, "in"]);
  return groups;
}

function actorCard(i) {
  showPanel(function (box) {
    box.appendChild(el("h3", null, A.name[i]));
    line(box, "Kind", data.kinds[A.kind[i]].label);
    if (A.aliases[i].length) line(box, "Also", A.aliases[i].join(", "));
    line(box, "About", A.about[i]);
    if (blocOf(i) >= 0 && !data.blocs[blocOf(i)].loose) line(box, "Bloc", blocLabel(blocOf(i)));
    tieGroups(i).forEach(function (part) {
      box.appendChild(el("h2", null, part[0] + " (" + part[1].length + ")"));
      var list = el("ul");
      part[1].slice(0, 40).forEach(function (t) { list.appendChild(tieItem(t)); });
      if (part[1].length > 40) list.appendChild(el("li", "ag-muted", "\u2026and " + (part[1].length - 40) + " more (see Table)"));
      box.appendChild(list);
    });
  });
}

function tieCard(t) {
  showPanel(function (box) {
    box.classList.add("ag-tie-card");
    box.appendChild(el("h3", null, tieName(t)));
    var type = tieType(t);
    line(box, "Type", type.label);
    line(box, "Polarity", type.polarity);
    line(box, "Influence", influenceText(t));
    line(box, "Strength", T.strength[t]);
    line(box, "Confidence", CONFIDENCE[T.confidence[t]]);
    line(box, "When", whenText(t));
    if (T.note) line(box, "Note", T.note[t]);
    if (T.proposed && T.proposed[t]) {
      line(box, "Status", T.status[t] + " (awaiting review: drawn grey, carries no influence)");
    }
    line(box, "Handle", tieKey(t));
    box.appendChild(el("h2", null, "Evidence (" + T.evidence[t].length + ")"));
    box.appendChild(evidenceList(t, true));
    var others = tiesOf[T.from[t]].filter(function (o) {
      return o !== t && ((T.from[o] === T.from[t] && T.to[o] === T.to[t]) ||
        (T.from[o] === T.to[t] && T.to[o] === T.from[t]));
    });
    if (others.length) {
      box.appendChild(el("h2", null, "Other ties between them (" + others.length + ")"));
      var list = el("ul");
      others.forEach(function (o) {
        var li = el("li");
        li.appendChild(button(tieName(o), function () { selectTie(o); }));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    var ends = el("div", "ag-actions");
    ends.appendChild(button("Focus " + A.name[T.from[t]], function () { selectActor(T.from[t], true); }, "ag-small"));
    ends.appendChild(button("Focus " + A.name[T.to[t]], function () { selectActor(T.to[t], true); }, "ag-small"));
    box.appendChild(ends);
  });
}

function blocCard(b) {
  var bloc = data.blocs[b];
  showPanel(function (box) {
    box.appendChild(el("h3", null, blocLabel(b)));
    box.appendChild(el("p", "ag-muted", bloc.loose ? "Actors with no cooperative tie to a bloc."
      : "A bloc: actors bound by cooperative ties (the same seeded communities as `actorgraph analyze`)."));
    if (blocMap()) {
      box.appendChild(button(S.open.has(b) ? "Close bloc" : "Open bloc", function () {
        setBloc(b, !S.open.has(b));
        blocCard(b);
      }, "ag-small"));
    }
    var list = el("ul");
    bloc.members.slice().sort(function (x, y) { return A.size[y] - A.size[x] || x - y; })
      .slice(0, 50).forEach(function (i) {
        var li = el("li");
        li.appendChild(button(A.name[i], function () { selectActor(i, true); }));
        list.appendChild(li);
      });
    if (bloc.members.length > 50) list.appendChild(el("li", "ag-muted", "\u2026and " + (bloc.members.length - 50) + " more"));
    box.appendChild(list);
  });
}

/* ---- the table: every actor and tie as text, sortable, keyboard-reachable ---- */

var tableBox = find(".ag-table");
var tableSort = { actors: ["name", 1], ties: ["from", 1] };
var tableRows = { actors: 100, ties: 100 };

function actorColumns() {
  var cols = [["name", "Actor", function (i) { return A.name[i]; }],
    ["kind", "Kind", function (i) { return data.kinds[A.kind[i]].label; }],
    ["bloc", "Bloc", function (i) { return blocOf(i) < 0 || data.blocs[blocOf(i)].loose ? "" : blocOf(i) + 1; }]];
  Object.keys(data.metrics).forEach(function (name) {
    cols.push([name, name.replace(/_/g, " "), function (i) { return data.metrics[name][i]; }]);
  });
  return cols;
}
function tieColumns() {
  return [["from", "From", function (t) { return A.name[T.from[t]]; }],
    ["type", "Relation", function (t) { return tieType(t).label; }],
    ["to", "To", function (t) { return A.name[T.to[t]]; }],
    ["strength", "Strength", function (t) { return T.strength[t]; }],
    ["confidence", "Confidence", function (t) { return T.confidence[t]; }, function (t) { return CONFIDENCE[T.confidence[t]]; }],
    ["when", "When", function (t) { return whenText(t); }],
    ["evidence", "Evidence", function (t) { return T.evidence[t].length; }, null]];
}

function sortedRows(which, count, columns) {
  var key = tableSort[which], col = columns.filter(function (c) { return c[0] === key[0]; })[0];
  var rows = [];
  for (var i = 0; i < count; i++) rows.push(i);
  var values = rows.map(col[2]);
  rows.sort(function (a, b) {
    var x = values[a], y = values[b];
    var d = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return d * key[1] || a - b;
  });
  return rows;
}

function drawTable(which) {
  var columns = which === "actors" ? actorColumns() : tieColumns();
  var count = which === "actors" ? actorCount : tieCount;
  var section = el("section", "ag-table-" + which);
  section.appendChild(el("h2", null, (which === "actors" ? "Actors" : "Ties") + " (" + count + ")"));
  var table = el("table");
  var head = el("tr");
  columns.forEach(function (c) {
    var th = el("th");
    th.setAttribute("scope", "col");
    var sorted = tableSort[which][0] === c[0];
    if (sorted) th.setAttribute("aria-sort", tableSort[which][1] > 0 ? "ascending" : "descending");
    if (c[3] === null) th.textContent = c[1];
    else th.appendChild(button(c[1] + (sorted ? (tableSort[which][1] > 0 ? " \u25b2" : " \u25bc") : ""), function () {
      tableSort[which] = [c[0], sorted ? -tableSort[which][1] : (which === "actors" && c[0] !== "name" && c[0] !== "kind" ? -1 : 1)];
      redrawTable();
    }, "ag-sort"));
    head.appendChild(th);
  });
  var thead = el("thead");
  thead.appendChild(head);
  table.appendChild(thead);
  var body = el("tbody");
  var rows = sortedRows(which, count, columns);
  rows.slice(0, tableRows[which]).forEach(function (r) {
    var tr = el("tr");
    columns.forEach(function (c, n) {
      var td = el("td");
      if (n === 0 && which === "actors") td.appendChild(button(A.name[r], function () { showGraph(); selectActor(r, true); }));
      else if (c[0] === "evidence") td.appendChild(evidenceList(r, false));
      else if (c[0] === "type") td.appendChild(button(tieType(r).label, function () { selectTie(r); }));
      else {
        var v = (c[3] || c[2])(r);
        td.textContent = typeof v === "number" && !Number.isInteger(v) ? v.toFixed(3) : String(v);
        if (typeof v === "number") td.className = "ag-num";
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  section.appendChild(table);
  if (count > tableRows[which]) {
    section.appendChild(button("Show " + Math.min(500, count - tableRows[which]) + " more of " + count, function () {
      tableRows[which] += 500;
      redrawTable();
    }, "ag-small"));
  }
  return section;
}

function redrawTable() {
  tableBox.textContent = "";
  tableBox.appendChild(drawTable("actors"));
  tableBox.appendChild(drawTable("ties"));
}

function showTable() {
  S.table = true;
  redrawTable();
  tableBox.hidden = false;
  container.hidden = true;
  find(".ag-table-toggle").setAttribute("aria-pressed", "true");
  saveState();
}
function showGraph() {
  if (!S.table) return;
  S.table = false;
  tableBox.hidden = true;
  tableBox.textContent = "";
  container.hidden = false;
  find(".ag-table-toggle").setAttribute("aria-pressed", "false");
  network.redraw();
  saveState();
}
