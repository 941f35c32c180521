/* actorgraph page script, part 1 of 6: data and state. The parts are joined into one
 * function, one instance per .actorgraph root, so a page can hold several fragments.
 * Every text from the graph file arrives as JSON data and is put into the page with
 * textContent or as a DOM node, never as HTML. Tables keyed by ids from the graph file
 * are Maps or Sets: an actor called "constructor" or "__proto__" is just a name. */
"use strict";

/* a fragment's scripts run inside a shadow root, where currentScript is null: mount.js
 * names the root it is attaching */
var root = (document.currentScript && document.currentScript.closest(".actorgraph")) ||
  (window.actorgraph && window.actorgraph.mounting);
if (!root || root.actorgraphView) return;
window.actorgraph = window.actorgraph || { views: [], counter: 0 };
var instance = ++window.actorgraph.counter;

function find(selector) { return root.querySelector(selector); }

var data = JSON.parse(find(".ag-data").textContent);
var options = JSON.parse(find(".ag-options").textContent);
var A = data.actors, T = data.ties;
var actorCount = A.id.length, tieCount = T.from.length;
var CONFIDENCE = data.confidence;  /* the rule book's levels, weakest first */
var CONFIDENCE_OPACITY = [0.4, 0.7, 0.95];
var BLOC_COLOURS = ["#1f77b4", "#e36c0a", "#2ca02c", "#c9302c", "#8a5bb8", "#8c564b",
  "#d44fa6", "#5f6b76", "#9a9a1e", "#1597a6"];
var LOOSE_COLOUR = "#aeb6be";
var INFLUENCE_WORDS = {
  forward: function (a, b) { return a + " can move " + b; },
  reverse: function (a, b) { return b + " can move " + a; },
  both: function (a, b) { return a + " and " + b + " can move each other"; },
  none: function () { return "no influence either way"; }
};

var actorIndex = new Map();
A.id.forEach(function (id, i) { actorIndex.set(id, i); });
var kindIndex = new Map(), typeIndex = new Map();
data.kinds.forEach(function (k, i) { kindIndex.set(k.id, i); });
data.types.forEach(function (t, i) { typeIndex.set(t.id, i); });
var polarityStyle = new Map();
data.polarities.forEach(function (p) { polarityStyle.set(p.id, p); });

/* each actor's ties, both directions, in file order */
var tiesOf = [];
for (var a0 = 0; a0 < actorCount; a0++) tiesOf.push([]);
for (var t0 = 0; t0 < tieCount; t0++) {
  tiesOf[T.from[t0]].push(t0);
  if (T.to[t0] !== T.from[t0]) tiesOf[T.to[t0]].push(t0);
}
/* blocs: data.blocs[k].members; an actor in no bloc belongs to the last, "loose" group */
var looseBloc = data.blocs.length && data.blocs[data.blocs.length - 1].loose
  ? data.blocs.length - 1 : -1;
function blocOf(i) { return A.bloc[i] >= 0 ? A.bloc[i] : looseBloc; }

/* ---- the view's state: everything the URL hash keeps -------------------- */

function freshState() {
  return {
    focus: null,           /* actor index whose neighbourhood is shown */
    tie: null,             /* tie index whose card is shown */
    bloc: null,            /* bloc index whose card is shown */
    hiddenKinds: new Set(), hiddenTypes: new Set(),
    minStrength: 0, minConfidence: 0,
    asOf: null,            /* slider value, or null for all dates */
    when: null,            /* {text, first, last}: the date the graph is shown at, as days */
    open: new Set(),       /* blocs opened on the bloc map */
    colour: "kind",
    path: null,            /* {from, to, k} as typed */
    table: false
  };
}
var S = freshState();

/* ---- small DOM helpers -------------------------------------------------- */

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function line(parent, label, value) {
  if (value === undefined || value === null || value === "") return null;
  var row = el("div", "ag-line-item");
  row.appendChild(el("span", "ag-muted", label + ": "));
  row.appendChild(document.createTextNode(String(value)));
  parent.appendChild(row);
  return row;
}

function button(text, onClick, className) {
  var b = el("button", className || "ag-link", text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/* A link only for http and https addresses; anything else stays text. */
function safeLink(url, text) {
  var address = String(url || "");
  var ok = false;
  try { ok = /^https?:$/.test(new URL(address).protocol) && /^https?:\/\//i.test(address); }
  catch (e) { ok = false; }
  if (!ok) return null;
  var a = el("a", "ag-url", text || address);
  a.href = address;
  a.rel = "noopener noreferrer";
  a.target = "_blank";
  return a;
}

/* WCAG contrast ratio of two "#rrggbb" colours (1 to 21) */
function luminance(hex) {
  var m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex).trim());
  if (!m) return null;
  var c = [m[1], m[2], m[3]].map(function (x) {
    var v = parseInt(x, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function contrast(a, b) {
  var x = luminance(a), y = luminance(b);
  if (x === null || y === null) return 21;
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
/* the legible text colour on a fill: dark or white, whichever stands out more */
function textOn(fill) { return contrast(fill, "#1d2731") >= contrast(fill, "#ffffff") ? "#1d2731" : "#ffffff"; }
/* a mark whose fill is within 3:1 of the background gets a wider outline in the border colour */
var INSIDE_LABEL = new Set(["ellipse", "circle", "box", "database", "text"]);
function outlineWidth(fill, background) { return contrast(fill, background) < 3 ? 2.5 : 1.5; }

function cssVar(name, fallback) {
  var value = getComputedStyle(root).getPropertyValue(name).trim();
  return value || fallback;
}

/* ---- ties and their filters --------------------------------------------- */

function tieType(t) { return data.types[T.type[t]]; }
/* a tie that reads the same either way (allied with, consults) has no arrow: \u2194 */
function tieName(t) {
  return A.name[T.from[t]] + " \u2014 " + tieType(t).label +
    (tieType(t).symmetric ? " \u2194 " : " \u2192 ") + A.name[T.to[t]];
}
function tieKey(t) {
  return (T.id && T.id[t]) || A.id[T.from[t]] + ":" + tieType(t).id + ":" + A.id[T.to[t]];
}

/* time: slider values are years, months (year * 12 + month - 1) or days since 1970 */
var time = data.time;
function ordinal(y, m, d) {
  var date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(0, 0, 0, 0);
  return Math.round(date.getTime() / 864e5) + time.epoch;
}
function dateOf(ord) { return new Date((ord - time.epoch) * 864e5); }
function periodOf(value) {
  if (time.step === "year") return [ordinal(value, 1, 1), ordinal(value, 12, 31)];
  if (time.step === "month") {
    var y = Math.floor(value / 12), m = value % 12 + 1;
    return [ordinal(y, m, 1), ordinal(y, m + 1, 1) - 1];
  }
  return [value + time.epoch, value + time.epoch];
}
function valueOf(ord) {
  var d = dateOf(ord);
  if (time.step === "year") return d.getUTCFullYear();
  if (time.step === "month") return d.getUTCFullYear() * 12 + d.getUTCMonth();
  return ord - time.epoch;
}
function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) s = "0" + s; return (n < 0 ? "-" : "") + s; }
function textOf(value) {
  if (time.step === "year") return pad(value, 4);
  if (time.step === "month") return pad(Math.floor(value / 12), 4) + "-" + pad(value % 12 + 1, 2);
  var d = dateOf(value + time.epoch);
  return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
}
/* "1914", "1914-06" or "1914-06-28" to a slider value at the slider's step */
function parseDate(text) {
  var bounds = boundsOf(text);
  return bounds && valueOf(bounds[0]);
}
/* the first and last day a "1914", "1914-06" or "1914-06-28" covers, or null */
function boundsOf(text) {
  var m = /^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(String(text || "").trim());
  if (!m || !time) return null;
  var y = +m[1], mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
  var first = ordinal(y, mo, d), last = m[3] ? first : m[2] ? ordinal(y, mo + 1, 1) - 1 : ordinal(y + 1, 1, 1) - 1;
  var check = dateOf(first);
  if (isNaN(first) || check.getUTCMonth() + 1 !== mo || check.getUTCDate() !== d) return null;
  return [first, last];
}
/* the date the page shows: the as-of given to `render` (its days worked out in Python, by
 * the rule of Relation.active_on), a date from the URL, or the slider's year, month or day */
function dateWhen(text, bounds) {
  return bounds ? { text: String(text).trim(), first: bounds[0], last: bounds[1] } : null;
}
function sliderWhen(value) { return dateWhen(textOf(value), periodOf(value)); }
function whenMeans(when) {
  var parts = when.text.replace(/^-/, "").split("-").length;
  return parts === 3 ? "ties in force on that day"
    : "ties in force on any day of that " + (parts === 2 ? "month" : "year");
}

/* a tie holds on the date if it began by its last day and had not ended before its first:
 * the rule of model.Relation.active_on, on days Python computed (T.first, T.last) */
function inTime(t) {
  if (S.asOf === null || !time || !S.when) return true;
  var first = T.first[t], last = T.last[t];
  return (first === null || first <= S.when.last) && (last === null || last >= S.when.first);
}

function tieActive(t) {
  return !S.hiddenTypes.has(T.type[t]) && T.strength[t] >= S.minStrength - 1e-9 &&
    T.confidence[t] >= S.minConfidence && inTime(t) &&
    !S.hiddenKinds.has(A.kind[T.from[t]]) && !S.hiddenKinds.has(A.kind[T.to[t]]);
}

/* which ties are active and which actors have one; recomputed on each filter change */
var activeTie = new Uint8Array(tieCount), activeDegree = new Int32Array(actorCount);
function computeActive() {
  activeDegree.fill(0);
  for (var t = 0; t < tieCount; t++) {
    activeTie[t] = tieActive(t) ? 1 : 0;
    if (activeTie[t]) { activeDegree[T.from[t]]++; activeDegree[T.to[t]]++; }
  }
  pathIndex = null;
}
function filtering() { return S.asOf !== null || S.minStrength > 0 || S.minConfidence > 0; }
