/* part 2: what vis-network draws. Actors are nodes with their index as id; on the bloc
 * map a closed bloc is one node ("b" + index) and the ties into it one aggregate edge
 * ("g" + ends). Only what is drawn goes into the vis DataSets, and each repaint updates
 * only the items whose look changed, so a 10,000-actor page stays responsive. */

var nodes = new vis.DataSet(), edges = new vis.DataSet();
var drawnNodes = new Map(), drawnEdges = new Map();   /* vis id -> signature last painted */
var aggregates = new Map();                            /* "g..." -> {ends, ties} */
var emph = null;                                       /* {nodes: Set, edges: Set} of vis ids */
var hoverEdgeId = null;
var fitted = null;                                     /* Set of actors whose labels fit */

function blocMap() { return data.blocMap; }
function actorDrawn(i) { return !blocMap() || S.open.has(blocOf(i)); }
function endOf(i) { return actorDrawn(i) ? i : "b" + blocOf(i); }

function actorColour(i) {
  if (S.colour === "bloc") {
    var b = blocOf(i);
    return b < 0 || b === looseBloc ? LOOSE_COLOUR : BLOC_COLOURS[b % BLOC_COLOURS.length];
  }
  return data.kinds[A.kind[i]].color;
}
function blocColour(b) {
  return b === looseBloc ? LOOSE_COLOUR : BLOC_COLOURS[b % BLOC_COLOURS.length];
}

function colourSet(fill, border) {
  return { background: fill, border: border,
    highlight: { background: fill, border: theme.fg },  /* selected: the text colour, light on a dark page */
    hover: { background: fill, border: border } };
}

function blocLabel(b) {
  var bloc = data.blocs[b];
  if (bloc.loose) return "Not in a bloc (" + bloc.members.length + ")";
  return bloc.leaders.join(" \u00b7 ") + " (" + bloc.members.length + ")";
}

/* bloc labels scale with the bloc, so they read at the zoom that shows the whole map */
function blocFont(b) { return Math.max(16, 0.2 * (30 * Math.sqrt(data.blocs[b].members.length) + 40)); }

function blocCentre(b) {
  var members = data.blocs[b].members, x = 0, y = 0;
  if (!A.x) return { x: 0, y: 0 };
  members.forEach(function (i) { x += A.x[i]; y += A.y[i]; });
  return { x: x / members.length, y: y / members.length };
}

/* the scene: which nodes and edges should exist, given the open blocs */
function scene() {
  var wantNodes = new Map(), wantEdges = new Map();
  aggregates = new Map();
  if (blocMap()) {
    data.blocs.forEach(function (bloc, b) {
      if (S.open.has(b)) return;
      var c = blocCentre(b);
      /* the disc its actors fill when open (layout.bloc_layout), so the map keeps its scale */
      var radius = 30 * Math.sqrt(bloc.members.length) + 40;
      wantNodes.set("b" + b, { id: "b" + b, bloc: b, x: c.x, y: c.y, shape: "dot",
        size: 0.6 * radius, label: blocLabel(b), borderWidth: 2 });
    });
  }
  for (var i = 0; i < actorCount; i++) {
    if (!actorDrawn(i)) continue;
    var node = { id: i, shape: data.kinds[A.kind[i]].shape, size: A.size[i] };
    if (A.x) { node.x = A.x[i]; node.y = A.y[i]; }
    wantNodes.set(i, node);
  }
  for (var t = 0; t < tieCount; t++) {
    var u = endOf(T.from[t]), v = endOf(T.to[t]);
    if (typeof u === "number" && typeof v === "number") {
      wantEdges.set(t, { id: t, from: u, to: v, arrows: tieType(t).symmetric ? "" : "to",
        width: 1 + 4 * T.strength[t], smooth: tieCurve(t) });
      continue;
    }
    if (u === v) continue;
    var key = "g" + (String(u) < String(v) ? u + "|" + v : v + "|" + u);
    var agg = aggregates.get(key);
    if (!agg) {
      agg = { ends: [u, v], ties: [] };
      aggregates.set(key, agg);
      wantEdges.set(key, { id: key, from: u, to: v, arrows: "", smooth: { enabled: false } });
    }
    agg.ties.push(t);
  }
  return { nodes: wantNodes, edges: wantEdges };
}

function tieCurve(t) {
  var nth = T.nth[t];
  if (!nth || data.large) return { enabled: false };
  return { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW",
    roundness: data.curve.first + data.curve.step * Math.floor(nth / 2) };
}

/* bring the DataSets in line with the scene, then repaint. Once the page is up, new
 * nodes and ties go in by slices of ~40 ms (vis-network builds each object in turn), so
 * that opening a bloc of a thousand actors never blocks the page for long; ``first``
 * names actors to add at once (the one being focused, a path's actors). */
var queued = [], queueTimer = null, SLICE_MS = 60;
function rebuild(first) {
  var want = scene();
  var goneNodes = [], goneEdges = [];
  drawnEdges.forEach(function (_, id) { if (!want.edges.has(id)) goneEdges.push(id); });
  drawnNodes.forEach(function (_, id) { if (!want.nodes.has(id)) goneNodes.push(id); });
  goneEdges.forEach(function (id) { drawnEdges.delete(id); });
  goneNodes.forEach(function (id) { drawnNodes.delete(id); });
  edges.remove(goneEdges);
  nodes.remove(goneNodes);
  var now = [], later = [], soon = new Set(first || []);
  want.nodes.forEach(function (node, id) {
    if (drawnNodes.has(id)) return;
    if (!network || soon.has(id) || typeof id === "string") now.push(node); else later.push(node);
  });
  var ties = [];
  want.edges.forEach(function (edge, id) { if (!drawnEdges.has(id)) ties.push(edge); });
  queued = later.concat(ties);
  addItems(now, true);
  if (data.large) fitLabels();
  paint();
  drain(!network);
}

function addItems(items, all) {
  var newNodes = [], newEdges = [];
  items.forEach(function (item) {
    var isEdge = item.from !== undefined;
    if (isEdge) {
      if (typeof item.id === "string" && !aggregates.has(item.id)) return;
      if (!drawnNodes.has(item.from) || !drawnNodes.has(item.to)) return;
      Object.assign(item, edgeLook(item.id));
      drawnEdges.set(item.id, item.sig);
      newEdges.push(item);
    } else {
      Object.assign(item, nodeLook(item.id));
      drawnNodes.set(item.id, item.sig);
      newNodes.push(item);
    }
  });
  if (newNodes.length) nodes.add(newNodes);
  if (newEdges.length) edges.add(newEdges);
}

/* one add per task, sized from the last one so that each takes about SLICE_MS:
 * vis-network's cost per add grows with what is drawn, so few larger adds beat many */
var perItem = { node: 0.15, edge: 0.4 };
function drain(all) {
  clearTimeout(queueTimer);
  if (queued.length) {
    var kind = queued[0].from === undefined, rate = kind ? "node" : "edge", chunk = [];
    var count = all ? queued.length : Math.max(20, Math.min(800, Math.round(SLICE_MS / perItem[rate])));
    while (queued.length && chunk.length < count && (queued[0].from === undefined) === kind) {
      chunk.push(queued.shift());
    }
    var start = performance.now();
    addItems(chunk, all);
    perItem[rate] = Math.max(0.02, (performance.now() - start) / chunk.length);
  }
  view.filling = queued.length > 0;
  if (queued.length) queueTimer = setTimeout(function () { drain(all); }, 0);
  else if (data.large) refitLabels();
}

/* ---- looks -------------------------------------------------------------- */

var DIMMED = "rgba(180, 188, 196, 0.3)";
var theme = {};
function refreshTheme() {
  theme = { fg: cssVar("--ag-fg", "#1d2731"), canvas: cssVar("--ag-canvas", "#ffffff"),
    faint: cssVar("--ag-faint", "#b8c0c8"), border: cssVar("--ag-node-border", "#333333"),
    muted: cssVar("--ag-muted", "#4f5d6b") };
}
refreshTheme();

/* an actor with no tie left by the filters (a date, a strength): drawn faded, unlabelled */
function fadedActor(i) { return filtering() && activeDegree[i] === 0; }

function nodeLook(id) {
  var fg = theme.fg, bg = theme.canvas;
  var on = !emph || emph.nodes.has(id);
  if (typeof id === "string") {            /* a closed bloc */
    var b = +id.slice(1);
    var any = data.blocs[b].members.some(function (i) { return !S.hiddenKinds.has(A.kind[i]); });
    var fill = on ? blocColour(b) : DIMMED;
    return { color: colourSet(fill, on ? theme.border : DIMMED), hidden: !any,
      font: { color: on ? fg : theme.muted, strokeColor: bg, size: blocFont(b) }, label: blocLabel(b),
      sig: [fill, any, on, fg].join() };
  }
  var hidden = S.hiddenKinds.has(A.kind[id]);
  var faded = fadedActor(id);
  var show = on && !faded;
  var colour = show ? actorColour(id) : DIMMED;
  /* an actor with no tie at the date goes unlabelled: its label would cover the active ones */
  var label = faded && !(emph && on) ? "" :
    !data.large || (emph && on) || (fitted && fitted.has(id)) ? A.name[id] : "";
  var inside = INSIDE_LABEL.has(data.kinds[A.kind[id]].shape);
  var font = inside && show ? { color: textOn(colour), strokeColor: colour, strokeWidth: 0 }
    : { color: show ? fg : theme.muted, strokeColor: bg, strokeWidth: 3 };
  var width = show ? outlineWidth(colour, bg) : 1.5;
  return { color: colourSet(colour, show ? theme.border : DIMMED), hidden: hidden, label: label,
    /* a name on a backdrop: a tie leaving its actor through the name passes behind it
     * (the layout keeps every other tie off names, see outputs/render/spacing.py) */
    font: Object.assign(font, {
      background: data.large || inside ? "none" : bg }),
    borderWidth: width, borderWidthSelected: width + 1.5,
    sig: [colour, hidden, label, fg, bg].join() };
}

function edgeLook(id) {
  var fg = theme.fg, bg = theme.canvas;
  if (typeof id === "string") {            /* ties into a closed bloc, counted */
    var agg = aggregates.get(id), count = 0;
    agg.ties.forEach(function (t) { count += activeTie[t]; });
    var onAgg = !emph || emph.edges.has(id);
    var grey = onAgg ? "rgba(110, 120, 130, 0.55)" : DIMMED;
    return { hidden: count === 0, width: Math.min(1 + Math.log2(1 + count), 12),
      color: { color: grey, highlight: grey, hover: grey }, dashes: false,
      label: "", title: count + " ties", sig: [count, onAgg].join() };
  }
  var type = tieType(id);
  var style = polarityStyle.get(T.proposed && T.proposed[id] ? "proposed" : type.polarity);
  var on = !emph || emph.edges.has(id);
  var colour = on ? style.color : DIMMED;
  var shown = (emph && on) || hoverEdgeId === id;
  return { hidden: !activeTie[id], dashes: style.dashes,
    color: { color: colour, highlight: colour, hover: colour,
      opacity: on ? CONFIDENCE_OPACITY[T.confidence[id]] : 1 },
    label: shown ? type.label : "",
    font: { color: fg, strokeColor: bg, strokeWidth: 3 },
    sig: [colour, activeTie[id], shown, fg].join() };
}

/* repaint what changed since the last paint */
function paint() {
  var nodeUpdates = [], edgeUpdates = [];
  drawnNodes.forEach(function (sig, id) {
    var look = nodeLook(id);
    if (look.sig !== sig) { drawnNodes.set(id, look.sig); look.id = id; nodeUpdates.push(look); }
  });
  drawnEdges.forEach(function (sig, id) {
    var look = edgeLook(id);
    if (look.sig !== sig) { drawnEdges.set(id, look.sig); look.id = id; edgeUpdates.push(look); }
  });
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  if (edgeUpdates.length) edges.update(edgeUpdates);
  view.emphasised = emph && {
    nodes: Array.from(emph.nodes).filter(function (id) { return typeof id === "number"; })
      .map(function (i) { return A.id[i]; }),
    edges: Array.from(emph.edges).filter(function (id) { return typeof id === "number"; })
  };
}

/* ---- labels that fit: at each zoom, highest rank first, none overlapping ---- */

function fitLabels() {
  if (!network) return;
  var scale = network.getScale(), px = 15 * scale;
  var next = new Set();
  if (px >= 7) {
    var rect = container.getBoundingClientRect();
    var topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    var bottomRight = network.DOMtoCanvas({ x: rect.width, y: rect.height });
    var candidates = [];
    drawnNodes.forEach(function (_, id) {
      if (typeof id !== "number" || S.hiddenKinds.has(A.kind[id])) return;
      if (fadedActor(id) && !(emph && emph.nodes.has(id))) return;  /* active ones' room */
      var x = A.x ? A.x[id] : 0, y = A.y ? A.y[id] : 0;
      var pos = A.x ? null : network.getPosition(id);
      if (pos) { x = pos.x; y = pos.y; }
      if (x < topLeft.x || x > bottomRight.x || y < topLeft.y || y > bottomRight.y) return;
      candidates.push(id);
    });
    /* emphasised actors (a focus, a path) first: their labels are shown, so they take room */
    var first = function (i) { return emph && emph.nodes.has(i) ? 1 : 0; };
    candidates.sort(function (a, b) { return first(b) - first(a) || A.size[b] - A.size[a] || a - b; });
    var boxes = [], cell = 120, grid = new Map();
    for (var c = 0; c < candidates.length && next.size < 400; c++) {
      var id = candidates[c];
      var p = network.canvasToDOM(A.x ? { x: A.x[id], y: A.y[id] } : network.getPosition(id));
      var w = A.name[id].length * px * 0.55 + 6, h = px * 1.3;
      var box = [p.x - w / 2, p.y + A.size[id] * scale, p.x + w / 2, p.y + A.size[id] * scale + h];
      var gx0 = Math.floor(box[0] / cell), gx1 = Math.floor(box[2] / cell);
      var gy0 = Math.floor(box[1] / cell), gy1 = Math.floor(box[3] / cell);
      var clash = false;
      for (var gx = gx0; gx <= gx1 && !clash; gx++) {
        for (var gy = gy0; gy <= gy1 && !clash; gy++) {
          (grid.get(gx + "," + gy) || []).forEach(function (o) {
            if (o[0] < box[2] && box[0] < o[2] && o[1] < box[3] && box[1] < o[3]) clash = true;
          });
        }
      }
      if (clash) continue;
      next.add(id);
      for (gx = gx0; gx <= gx1; gx++) {
        for (gy = gy0; gy <= gy1; gy++) {
          var k = gx + "," + gy;
          if (!grid.has(k)) grid.set(k, []);
          grid.get(k).push(box);
        }
      }
    }
  }
  fitted = next;
}
var labelTimer = null;
function refitLabels() {
  if (!data.large) return;
  clearTimeout(labelTimer);
  labelTimer = setTimeout(function () { fitLabels(); paint(); }, 120);
}

/* ---- emphasis: some actors and ties stand out, the rest dim --------------- */

/* a path's ties are drawn again over the marks (vis-network draws ties under every actor, so
 * actors that stand close together would hide the very ties a path runs along) */
var onTop = [];
function drawOnTop(ctx) {
  var ties = onTop.filter(function (t) {
    return activeTie[t] && network.body.edges[t] && network.body.edges[t].edgeType;
  });
  /* first a casing in the page's colour under every one, then the ties themselves */
  [true, false].forEach(function (casing) {
    ties.forEach(function (t) {
      var edge = network.body.edges[t];
      var style = polarityStyle.get(T.proposed && T.proposed[t] ? "proposed" : tieType(t).polarity);
      var width = 1 + 4 * T.strength[t];
      ctx.save();
      ctx.lineCap = "round";
      ctx.beginPath();
      for (var f = 0; f <= 16; f++) {
        var p = edge.edgeType.getPoint(f / 16);
        if (f) ctx.lineTo(p.x, p.y); else ctx.moveTo(p.x, p.y);
      }
      ctx.strokeStyle = casing ? theme.canvas : style.color;
      ctx.lineWidth = casing ? width + 4 : width;
      ctx.setLineDash(casing ? [] : style.dashes || []);
      ctx.stroke();
      ctx.restore();
    });
  });
}

function emphasise(actorIds, tieIds) {
  onTop = [];
  var ns = new Set(), es = new Set();
  actorIds.forEach(function (i) { ns.add(endOf(i)); });
  tieIds.forEach(function (t) {
    var u = endOf(T.from[t]), v = endOf(T.to[t]);
    if (typeof u === "number" && typeof v === "number") { es.add(t); return; }
    var key = "g" + (String(u) < String(v) ? u + "|" + v : v + "|" + u);
    if (u !== v) es.add(key);
  });
  emph = { nodes: ns, edges: es };
  paint();
}
function clearEmphasis() { emph = null; onTop = []; paint(); }
