/* part 4: selection, search, filters, time, legend, drawer and the URL hash. */

/* ---- selecting actors, ties and blocs ------------------------------------- */

function setBloc(b, open) {
  if (!blocMap() || open === S.open.has(b)) return;
  if (open) S.open.add(b); else S.open.delete(b);
  rebuild();
  drawBlocList();
  saveState();
}

/* open the blocs of these actors; returns whether anything had to be added */
function openBlocsOf(actorIds, first) {
  if (!blocMap()) return false;
  var changed = false;
  actorIds.forEach(function (i) {
    var b = blocOf(i);
    if (b >= 0 && !S.open.has(b)) { S.open.add(b); changed = true; }
  });
  if (changed) { rebuild(first || actorIds); drawBlocList(); }
  return changed;
}

/* the card is built in a task of its own after a bloc opens: two shorter tasks, not one */
function later(opened, work) { if (opened) setTimeout(work, 0); else work(); }

function selectActor(i, move) {
  var keep = [i], ties = [];
  tiesOf[i].forEach(function (t) {
    if (!activeTie[t]) return;
    ties.push(t);
    keep.push(T.from[t] === i ? T.to[t] : T.from[t]);
  });
  var opened = openBlocsOf([i], [i]);
  S.focus = i; S.tie = null; S.bloc = null;
  emphasise(keep, ties);
  network.selectNodes([i]);
  if (move) network.focus(i, { scale: Math.max(network.getScale(), 1.0), locked: false,
    animation: opened ? false : { duration: 300, easingFunction: "easeInOutQuad" } });
  later(opened, function () { if (S.focus === i) actorCard(i); });
  saveState();
}

function selectTie(t) {
  var opened = openBlocsOf([T.from[t], T.to[t]]);
  if (opened) drain(true);  /* the tie itself must be drawn to be selected */
  S.tie = t; S.focus = null; S.bloc = null;
  emphasise([T.from[t], T.to[t]], [t]);
  if (edges.get(t)) network.setSelection({ nodes: [], edges: [t] }, { unselectAll: true, highlightEdges: false });
  later(opened, function () { if (S.tie === t) tieCard(t); });
  saveState();
}

function selectBloc(b) {
  S.bloc = b; S.focus = null; S.tie = null;
  emphasise(data.blocs[b].members, []);
  blocCard(b);
  saveState();
}

function clearSelection() {
  S.focus = S.tie = S.bloc = null;
  clearEmphasis();
  panel.hidden = true;
  panel.textContent = "";
  network.unselectAll();
  saveState();
}

/* ---- finding actors by name or alias: exact first, else every partial match ---- */

var listId = "ag-names-" + instance;
var names = el("datalist");
names.id = listId;
var seenNames = new Set();
/* suggestions only for graphs a list can hold: Chromium filters a datalist on every key */
for (var n0 = 0; n0 < actorCount && actorCount <= 1500; n0++) {
  [A.name[n0]].concat(A.aliases[n0]).forEach(function (name) {
    if (seenNames.has(name)) return;
    seenNames.add(name);
    var option = el("option");
    option.value = name;
    names.appendChild(option);
  });
}
root.appendChild(names);
["ag-search", "ag-path-from", "ag-path-to"].forEach(function (cls) {
  find("." + cls).setAttribute("list", listId);
});

/* {exact: [...]} or {partial: [...]}: actor indices whose id, name or alias match */
function matches(text) {
  var wanted = String(text || "").trim().toLowerCase();
  var exact = [], partial = [];
  if (!wanted) return exact;
  for (var i = 0; i < actorCount; i++) {
    var all = [A.id[i], A.name[i]].concat(A.aliases[i]).map(function (x) { return x.toLowerCase(); });
    if (all.indexOf(wanted) >= 0) exact.push(i);
    else if (all.some(function (x) { return x.indexOf(wanted) >= 0; })) partial.push(i);
  }
  return exact.length ? exact : partial;
}

function resolve(text) { var m = matches(text); return m.length === 1 ? m[0] : null; }

function describeMatches(box, text, found, pick) {
  box.textContent = "";
  var wanted = String(text || "").trim();
  if (!wanted) return;
  if (!found.length) { box.textContent = "No actor matches \u201c" + wanted + "\u201d"; return; }
  box.appendChild(el("span", null, found.length + " actors match \u201c" + wanted + "\u201d: "));
  found.slice(0, 8).forEach(function (i) {
    box.appendChild(button(A.name[i], function () { pick(i); }, "ag-link ag-match"));
  });
  if (found.length > 8) box.appendChild(el("span", "ag-muted", " \u2026and " + (found.length - 8) + " more"));
}

var searchBox = find(".ag-search"), searchStatus = find(".ag-search-result");
function search(text) {
  var found = matches(text);
  if (found.length === 1) {
    searchStatus.textContent = A.name[found[0]];
    selectActor(found[0], true);
    return found[0];
  }
  describeMatches(searchStatus, text, found, function (i) {
    searchBox.value = A.name[i];
    search(A.name[i]);
  });
  return null;
}
/* Enter searches, and the "change" that follows it must not search again: two focus
 * animations started in one frame leave vis-network running the first one for ever, which
 * pulls the camera back to the actor after every later move (a path's fit included) */
var searched = null;
searchBox.addEventListener("change", function () {
  if (searchBox.value !== searched) search(searchBox.value);
  searched = null;
});
searchBox.addEventListener("keydown", function (event) {
  if (event.key === "Enter") { searched = searchBox.value; search(searchBox.value); }
});
searchBox.addEventListener("input", function () { searched = null; });

/* ---- filters: kinds, types, strength, confidence, time -------------------- */

function applyFilters() {
  computeActive();
  if (data.large) fitLabels();
  paint();
  if (S.focus !== null) selectActor(S.focus, false);
  else if (S.tie !== null) { emphasise([T.from[S.tie], T.to[S.tie]], [S.tie]); }
  if (S.path) showPaths(true);
  showDate();
  saveState();
}

var strengthBox = find(".ag-min-strength"), confidenceBox = find(".ag-min-confidence");
strengthBox.addEventListener("input", function () {
  S.minStrength = +strengthBox.value;
  find(".ag-min-strength-text").textContent = strengthBox.value;
  applyFilters();
});
confidenceBox.addEventListener("change", function () {
  S.minConfidence = +confidenceBox.value;
  applyFilters();
});

var timeBar = find(".ag-time"), asOfBox = find(".ag-asof"), playButton = find(".ag-play");
var playing = null;
timeBar.hidden = false;
if (time) {
  asOfBox.min = valueOf(time.min);
  asOfBox.max = valueOf(time.max);
  asOfBox.value = asOfBox.max;
} else {
  [playButton, find(".ag-time-label"), find(".ag-asof-text"), find(".ag-asof-means")].forEach(function (x) { x.hidden = true; });
}
/* the date given to `render`, exactly as given (a day stays a day on a slider of years) */
function startAt() {
  S.when = time && time.start ? dateWhen(time.start, time.startDays) : null;
  S.asOf = S.when ? valueOf(S.when.first) : null;
}
function setAsOf(value) {
  S.asOf = value;
  S.when = value === null ? null : sliderWhen(value);
  if (value !== null) asOfBox.value = value;
  applyFilters();
}
asOfBox.addEventListener("input", function () { setAsOf(+asOfBox.value); });
function stopPlaying() {
  if (playing) clearInterval(playing);
  playing = null;
  playButton.textContent = "\u25b6";
  playButton.setAttribute("aria-label", "Play through time");
}
playButton.addEventListener("click", function () {
  if (playing) { stopPlaying(); return; }
  var max = +asOfBox.max, span = max - +asOfBox.min;
  var step = time.step === "day" ? Math.max(1, Math.round(span / 120)) : 1;
  if (S.asOf === null || S.asOf >= max) setAsOf(+asOfBox.min);
  playButton.textContent = "\u23f8";
  playButton.setAttribute("aria-label", "Pause");
  playing = setInterval(function () {
    if (S.asOf >= max) { stopPlaying(); return; }
    setAsOf(Math.min(max, S.asOf + step));
  }, 400);
});
function showDate() {
  var text = S.asOf === null || !S.when ? "" : S.when.text;
  if (time) {
    find(".ag-asof-text").textContent = text || "all dates";
    find(".ag-asof-means").textContent = text ? "(" + whenMeans(S.when) + ")" : "";
    asOfBox.setAttribute("aria-valuetext", text ? text + ", " + whenMeans(S.when) : "all dates");
  }
  var meta = find(".ag-date");
  if (text) meta.textContent = " \u00b7 as of " + text;
  else meta.textContent = data.asOfText ? " \u00b7 as of " + data.asOfText : "";
}

/* ---- legend: the graph's own shapes, filters, and how to read it ---------- */

var SVG = "http://www.w3.org/2000/svg";
function shapeIcon(shape, colour) {
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("class", "ag-shape");
  svg.setAttribute("aria-hidden", "true");
  var points = {
    triangle: "10,2 18,17 2,17", triangleDown: "2,3 18,3 10,18", diamond: "10,1 19,10 10,19 1,10",
    hexagon: "5,2 15,2 19.5,10 15,18 5,18 0.5,10",
    star: "10,1 12.4,7.2 19,7.2 13.7,11.2 15.7,18 10,14 4.3,18 6.3,11.2 1,7.2 7.6,7.2"
  };
  var shapeEl;
  if (points[shape]) { shapeEl = document.createElementNS(SVG, "polygon"); shapeEl.setAttribute("points", points[shape]); }
  else if (shape === "square") { shapeEl = document.createElementNS(SVG, "rect"); [["x", 2], ["y", 2], ["width", 16], ["height", 16]].forEach(function (a) { shapeEl.setAttribute(a[0], a[1]); }); }
  else if (shape === "ellipse") { shapeEl = document.createElementNS(SVG, "ellipse"); [["cx", 10], ["cy", 10], ["rx", 9], ["ry", 6]].forEach(function (a) { shapeEl.setAttribute(a[0], a[1]); }); }
  else { shapeEl = document.createElementNS(SVG, "circle"); [["cx", 10], ["cy", 10], ["r", 8]].forEach(function (a) { shapeEl.setAttribute(a[0], a[1]); }); }
  shapeEl.setAttribute("fill", colour);
  /* the page's border colour (light on a dark page), wider where the fill is near the page's */
  shapeEl.style.stroke = "var(--ag-node-border)";
  shapeEl.style.strokeWidth = contrast(colour, cssVar("--ag-panel", "#ffffff")) < 3 ? "2" : "1.2";
  svg.appendChild(shapeEl);
  svg.dataset.shape = shape;
  return svg;
}

function lineSample(polarity, opacity) {
  var style = polarityStyle.get(polarity);
  var sample = el("span", "ag-line");
  sample.style.borderTopColor = style.color;
  sample.style.borderTopStyle = style.dashes === false ? "solid" : (style.dashes[0] > 4 ? "dashed" : "dotted");
  if (opacity) sample.style.opacity = opacity;
  sample.setAttribute("aria-hidden", "true");
  return sample;
}

function filterRow(label, count, hiddenSet, key, sample, note) {
  var row = el("li");
  var lab = el("label");
  var box = el("input");
  box.type = "checkbox";
  box.checked = !hiddenSet.has(key);
  box.dataset.key = String(key);
  box.addEventListener("change", function () {
    if (box.checked) hiddenSet.delete(key); else hiddenSet.add(key);
    applyFilters();
  });
  lab.appendChild(box);
  lab.appendChild(sample);
  lab.appendChild(el("span", null, label));
  lab.appendChild(el("span", "ag-count", "(" + count + ")"));
  if (note) lab.appendChild(el("span", "ag-count", note));
  row.appendChild(lab);
  return row;
}

var INFLUENCE_NOTE = { forward: "", reverse: " influence \u2190", both: " influence \u2194", none: " no influence" };
function influenceNote(t) { return t.symmetric ? " \u2194 no arrow" : INFLUENCE_NOTE[t.influence]; }
function drawLegend() {
  var legend = find(".ag-legend");
  legend.textContent = "";
  var kindCounts = new Map(), typeCounts = new Map();
  A.kind.forEach(function (k) { kindCounts.set(k, (kindCounts.get(k) || 0) + 1); });
  T.type.forEach(function (k) { typeCounts.set(k, (typeCounts.get(k) || 0) + 1); });
  legend.appendChild(el("h2", null, "Actors"));
  var kinds = el("ul", "ag-kinds");
  data.kinds.forEach(function (kind, k) {
    if (!kindCounts.has(k)) return;
    kinds.appendChild(filterRow(kind.label, kindCounts.get(k), S.hiddenKinds, k, shapeIcon(kind.shape, kind.color)));
  });
  legend.appendChild(kinds);
  legend.appendChild(el("h2", null, "Ties"));
  var polarities = el("ul");
  data.polarities.forEach(function (p) {
    var row = el("li");
    row.appendChild(lineSample(p.id));
    row.appendChild(el("span", null, p.id));
    polarities.appendChild(row);
  });
  legend.appendChild(polarities);
  legend.appendChild(el("h2", null, "Relation types"));
  var types = el("ul", "ag-types");
  data.types.forEach(function (t, k) {
    if (!typeCounts.has(k)) return;
    types.appendChild(filterRow(t.label, typeCounts.get(k), S.hiddenTypes, k, lineSample(t.polarity), influenceNote(t)));
  });
  legend.appendChild(types);
  legend.appendChild(el("h2", null, "Reading the graph"));
  var read = el("ul", "ag-reading");
  [["Width", "a tie's strength (0 to 1)"], ["Size", "an actor's influence rank"],
   ["Arrow", "points from the tie's source to its target as stated (\u201cA sanctions B\u201d); " +
    "a tie without one reads the same both ways (\u201cA allied with B\u201d, \u2194)"],
   ["Influence", "runs along the arrow unless the type says \u2190 (against it), \u2194 (both ways) or none"],
   ["Confidence", "shown by how solid a tie is: low, medium, high"]].forEach(function (item, n) {
    var li = el("li");
    if (n === 4) [0, 1, 2].forEach(function (c) { li.appendChild(lineSample("cooperative", CONFIDENCE_OPACITY[c])); });
    li.appendChild(el("strong", null, item[0] + ": "));
    li.appendChild(document.createTextNode(item[1]));
    read.appendChild(li);
  });
  legend.appendChild(read);
  legend.appendChild(el("p", "ag-muted", "Hover for details; click an actor or a tie for its card. " +
    "Untick a kind or type to hide it."));
}

/* blocs: colours for "colour by bloc", and on the bloc map which are open */
function drawBlocList() {
  var box = find(".ag-blocs");
  box.hidden = !(blocMap() || S.colour === "bloc") || !data.blocs.length;
  box.textContent = "";
  if (box.hidden) return;
  box.appendChild(el("h2", null, "Blocs (" + data.blocs.length + ")"));
  var list = el("ul");
  data.blocs.slice(0, 60).forEach(function (bloc, b) {
    var li = el("li");
    var swatch = el("span", "ag-swatch");
    swatch.style.background = blocColour(b);
    li.appendChild(swatch);
    if (blocMap()) {
      var lab = el("label");
      var box2 = el("input");
      box2.type = "checkbox";
      box2.className = "ag-bloc-open";
      box2.checked = S.open.has(b);
      box2.addEventListener("change", function () { setBloc(b, box2.checked); });
      lab.appendChild(box2);
      lab.appendChild(el("span", null, blocLabel(b)));
      li.appendChild(lab);
    } else {
      li.appendChild(button(blocLabel(b), function () { selectBloc(b); }));
    }
    list.appendChild(li);
  });
  box.appendChild(list);
  if (blocMap()) box.appendChild(el("p", "ag-muted", "Click a bloc to open it; tick or untick to open or close."));
}

var colourBox = find(".ag-colour");
colourBox.addEventListener("change", function () {
  S.colour = colourBox.value;
  paint();
  drawBlocList();
  saveState();
});

/* ---- the drawer (narrow screens) ------------------------------------------- */

var drawerButton = find(".ag-drawer-toggle");
function narrow() { return root.getBoundingClientRect().width < 700; }
function openDrawer(open) {
  if (open && !narrow()) return;
  root.classList.toggle("ag-drawer-open", open);
  drawerButton.setAttribute("aria-expanded", open ? "true" : "false");
}
drawerButton.addEventListener("click", function () {
  openDrawer(!root.classList.contains("ag-drawer-open"));
});

/* ---- state in the URL hash ------------------------------------------------ */

var restoring = false, hashTimer = null;
function stateText() {
  var p = new URLSearchParams();
  if (S.focus !== null) p.set("focus", A.id[S.focus]);
  if (S.tie !== null) p.set("tie", tieKey(S.tie));
  if (S.bloc !== null) p.set("bloc", String(S.bloc + 1));
  if (S.hiddenKinds.size) p.set("hide-kinds", Array.from(S.hiddenKinds).map(function (k) { return data.kinds[k].id; }).join(","));
  if (S.hiddenTypes.size) p.set("hide-types", Array.from(S.hiddenTypes).map(function (k) { return data.types[k].id; }).join(","));
  if (S.minStrength) p.set("min-strength", String(S.minStrength));
  if (S.minConfidence) p.set("min-confidence", CONFIDENCE[S.minConfidence]);
  if (S.asOf !== null && S.when) p.set("as-of", S.when.text);
  if (S.open.size) p.set("open", Array.from(S.open).sort(function (a, b) { return a - b; }).map(function (b) { return b + 1; }).join(","));
  if (S.colour !== "kind") p.set("colour", S.colour);
  if (S.path) { p.set("from", S.path.from); p.set("to", S.path.to); p.set("k", String(S.path.k)); }
  if (S.table) p.set("table", "1");
  return p.toString();
}
function saveState() {
  if (!data.useHash || restoring) return;
  clearTimeout(hashTimer);
  hashTimer = setTimeout(writeHash, 50);
}
function writeHash() {
  var text = stateText();
  var url = location.href.split("#")[0] + (text ? "#" + text : "");
  try { history.replaceState(null, "", url); }
  catch (e) { try { location.replace(text ? "#" + text : "#"); } catch (e2) { /* an opaque frame */ } }
  view.hash = text;
}

function tieByKey(key) {
  for (var t = 0; t < tieCount; t++) if (tieKey(t) === key) return t;
  return null;
}

function restoreState(text) {
  var p = new URLSearchParams(text);
  restoring = true;
  try {
    (p.get("hide-kinds") || "").split(",").forEach(function (id) { if (kindIndex.has(id)) S.hiddenKinds.add(kindIndex.get(id)); });
    (p.get("hide-types") || "").split(",").forEach(function (id) { if (typeIndex.has(id)) S.hiddenTypes.add(typeIndex.get(id)); });
    var strength = parseFloat(p.get("min-strength"));
    if (strength > 0 && strength <= 1) { S.minStrength = strength; strengthBox.value = strength; find(".ag-min-strength-text").textContent = String(strength); }
    var conf = CONFIDENCE.indexOf(p.get("min-confidence"));
    if (conf > 0) { S.minConfidence = conf; confidenceBox.value = String(conf); }
    if (time && p.get("as-of")) {
      var bounds = boundsOf(p.get("as-of"));
      if (bounds) {
        var value = valueOf(bounds[0]);
        S.asOf = Math.max(+asOfBox.min, Math.min(+asOfBox.max, value));
        S.when = S.asOf === value ? dateWhen(p.get("as-of"), bounds) : sliderWhen(S.asOf);
        asOfBox.value = S.asOf;
      }
    }
    if (p.get("colour") === "bloc") { S.colour = "bloc"; colourBox.value = "bloc"; }
    (p.get("open") || "").split(",").forEach(function (b) {
      var k = parseInt(b, 10) - 1;
      if (blocMap() && k >= 0 && k < data.blocs.length) S.open.add(k);
    });
    redrawAll();
    if (p.get("from") || p.get("to")) {
      find(".ag-path-from").value = p.get("from") || "";
      find(".ag-path-to").value = p.get("to") || "";
      var k = p.get("k");
      if (["1", "2", "3", "5"].indexOf(k) >= 0) find(".ag-path-k").value = k;
      showPaths(false);
    }
    if (p.get("focus") && actorIndex.has(p.get("focus"))) selectActor(actorIndex.get(p.get("focus")), true);
    else if (p.get("tie")) { var t = tieByKey(p.get("tie")); if (t !== null) selectTie(t); }
    else if (p.get("bloc")) { var b2 = parseInt(p.get("bloc"), 10) - 1; if (b2 >= 0 && b2 < data.blocs.length) selectBloc(b2); }
    if (p.get("table") === "1") showTable();
  } finally {
    restoring = false;
  }
  saveState();
}

/* legend, bloc list, drawn items and header again, after the state changed wholesale */
function redrawAll() {
  drawLegend();
  drawBlocList();
  rebuild();
  computeActive();
  if (data.large) fitLabels();
  paint();
  showDate();
}

/* ---- reset: everything back as the page opened, in one click ---------------- */

function reset() {
  stopPlaying();
  showGraph();
  S = freshState();
  startAt();
  searchBox.value = "";
  searchStatus.textContent = "";
  find(".ag-path-from").value = "";
  find(".ag-path-to").value = "";
  find(".ag-path-k").value = "3";
  find(".ag-path-result").textContent = "";
  strengthBox.value = "0";
  find(".ag-min-strength-text").textContent = "0";
  confidenceBox.value = "0";
  colourBox.value = "kind";
  if (time) asOfBox.value = S.asOf === null ? asOfBox.max : S.asOf;
  panel.hidden = true;
  panel.textContent = "";
  emph = null;
  openDrawer(false);
  redrawAll();
  network.unselectAll();
  network.releaseNode();
  fitAll();
  saveState();
}

/* fit the whole graph now, and again once drawn: vis-network measures labels when it draws */
function fitAll() {
  network.fit({ animation: false });
  network.once("afterDrawing", function () { network.fit({ animation: false }); refitLabels(); });
  network.redraw();
}
