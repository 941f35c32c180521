/* actorgraph page script: one instance per .actorgraph root, so a page can hold
 * several fragments. Every text from the graph file arrives as JSON data and is
 * put into the page with textContent or as a DOM node, never as HTML. */
(function () {
  "use strict";

  /* a fragment's scripts run inside a shadow root, where currentScript is null: mount.js
   * names the root it is attaching */
  var root = (document.currentScript && document.currentScript.closest(".actorgraph")) ||
    (window.actorgraph && window.actorgraph.mounting);
  if (!root || root.actorgraphView) return;
  window.actorgraph = window.actorgraph || { views: [], counter: 0 };
  var instance = ++window.actorgraph.counter;

  var CONFIDENCE = { low: 0, medium: 1, high: 2 };
  var INFLUENCE_WORDS = {
    forward: "source can move target",
    reverse: "target can move source",
    both: "each can move the other",
    none: "no influence either way"
  };
  var DIMMED = "rgba(200, 205, 210, 0.35)";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function line(parent, label, value) {
    if (value === undefined || value === null || value === "") return;
    var row = el("div");
    row.appendChild(el("span", "ag-muted", label + ": "));
    row.appendChild(document.createTextNode(String(value)));
    parent.appendChild(row);
  }

  function find(selector) { return root.querySelector(selector); }

  var data = JSON.parse(find(".ag-data").textContent);
  var byId = {};
  data.nodes.forEach(function (node) { byId[node.id] = node; });
  var edgeById = {};
  data.edges.forEach(function (edge) { edgeById[edge.id] = edge; });

  /* ---- text for tooltips and panels ------------------------------------ */

  function tieText(edge) {
    return byId[edge.from].name + " \u2014 " + edge.typeLabel + " \u2192 " + byId[edge.to].name;
  }

  function evidenceList(edge) {
    var list = el("ul");
    (edge.evidence || []).forEach(function (item) {
      var entry = el("li", "ag-evidence");
      entry.appendChild(el("span", "ag-muted", item.cite + ": "));
      entry.appendChild(document.createTextNode(item.claim));
      if (item.quote) entry.appendChild(el("q", null, item.quote));
      list.appendChild(entry);
    });
    return list;
  }

  function nodeTooltip(node) {
    var box = el("div", "ag-tip");
    box.appendChild(el("strong", null, node.name));
    line(box, "Kind", node.kindLabel);
    if (node.aliases && node.aliases.length) line(box, "Also", node.aliases.join(", "));
    line(box, "About", node.description);
    line(box, "Ties", node.outDegree + " out, " + node.inDegree + " in");
    line(box, "Id", node.id);
    return box;
  }

  function edgeTooltip(edge) {
    var box = el("div", "ag-tip");
    box.appendChild(el("strong", null, tieText(edge)));
    line(box, "Polarity", edge.polarity);
    line(box, "Influence", INFLUENCE_WORDS[edge.influence] || edge.influence);
    line(box, "Strength", edge.strength);
    line(box, "Confidence", edge.confidence);
    if (edge.since || edge.until) {
      line(box, "When", (edge.since || "\u2026") + " \u2013 " + (edge.until || "\u2026"));
    }
    line(box, "Note", edge.note);
    if (edge.evidence && edge.evidence.length) {
      box.appendChild(el("div", "ag-muted", "Evidence:"));
      box.appendChild(evidenceList(edge));
    }
    return box;
  }

  /* ---- the network ------------------------------------------------------- */

  var lazyTips = data.large;
  data.nodes.forEach(function (node) {
    node.baseColor = node.color;
    node.title = lazyTips ? undefined : nodeTooltip(node);
  });
  data.edges.forEach(function (edge) {
    edge.baseColor = edge.color;
    edge.title = lazyTips ? undefined : edgeTooltip(edge);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = find(".ag-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var view = {
    root: root, network: network, nodes: nodes, edges: edges, container: container,
    ready: false, clicks: 0
  };
  root.actorgraphView = view;
  window.actorgraph.views.push(view);

  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      find(".ag-physics").checked = false;
      network.fit();
      view.ready = true;
    });
  } else {
    network.once("afterDrawing", function () { view.ready = true; });
  }
  if (lazyTips) {
    network.on("hoverNode", function (event) {
      if (!nodes.get(event.node).title) {
        nodes.update({ id: event.node, title: nodeTooltip(byId[event.node]) });
      }
    });
    network.on("hoverEdge", function (event) {
      if (!edges.get(event.edge).title) {
        edges.update({ id: event.edge, title: edgeTooltip(edgeById[event.edge]) });
      }
    });
  }

  /* ---- emphasis: show some actors and ties, dim the rest ----------------- */

  function emphasise(nodeIds, edgeIds) {
    var keepNodes = {}, keepEdges = {};
    nodeIds.forEach(function (id) { keepNodes[id] = true; });
    edgeIds.forEach(function (id) { keepEdges[id] = true; });
    nodes.update(data.nodes.map(function (node) {
      var on = keepNodes[node.id];
      return {
        id: node.id,
        color: on ? node.baseColor : { background: DIMMED, border: DIMMED },
        font: { color: on ? "#1d2731" : "#b8c0c8" }
      };
    }));
    edges.update(data.edges.map(function (edge) {
      var on = keepEdges[edge.id];
      return {
        id: edge.id,
        color: on ? edge.baseColor : { color: DIMMED, highlight: DIMMED },
        font: { color: on ? "#444444" : "rgba(0,0,0,0)", strokeWidth: on ? 3 : 0 }
      };
    }));
    view.emphasised = {
      nodes: Object.keys(keepNodes),
      edges: Object.keys(keepEdges).map(Number)
    };
  }

  function clearEmphasis() {
    nodes.update(data.nodes.map(function (node) {
      return { id: node.id, color: node.baseColor, font: { color: "#1d2731" } };
    }));
    edges.update(data.edges.map(function (edge) {
      return { id: edge.id, color: edge.baseColor, font: { color: "#444444", strokeWidth: 3 } };
    }));
    view.emphasised = null;
  }

  /* ---- side panel: one actor's ties with evidence ------------------------- */

  var panel = find(".ag-panel");

  function tieItem(edge) {
    var item = el("li");
    item.appendChild(el("div", null, tieText(edge) + " (strength " + edge.strength +
      ", confidence " + edge.confidence + ")"));
    item.appendChild(evidenceList(edge));
    return item;
  }

  function showActor(id) {
    var node = byId[id];
    var outgoing = data.edges.filter(function (e) { return e.from === id; });
    var incoming = data.edges.filter(function (e) { return e.to === id; });
    panel.textContent = "";
    panel.appendChild(el("h3", null, node.name));
    line(panel, "Kind", node.kindLabel);
    if (node.aliases.length) line(panel, "Also", node.aliases.join(", "));
    line(panel, "About", node.description);
    [["Ties out", outgoing], ["Ties in", incoming]].forEach(function (part) {
      panel.appendChild(el("h2", null, part[0] + " (" + part[1].length + ")"));
      var list = el("ul");
      part[1].forEach(function (edge) { list.appendChild(tieItem(edge)); });
      panel.appendChild(list);
    });
    panel.hidden = false;
  }

  function focusNeighbourhood(id) {
    var keepNodes = [id], keepEdges = [];
    data.edges.forEach(function (edge) {
      if (edge.from === id || edge.to === id) {
        keepEdges.push(edge.id);
        keepNodes.push(edge.from === id ? edge.to : edge.from);
      }
    });
    emphasise(keepNodes, keepEdges);
    showActor(id);
  }

  network.on("click", function (event) {
    view.clicks += 1;
    if (event.nodes.length) {
      focusNeighbourhood(event.nodes[0]);
    } else if (!event.edges.length) {
      clearEmphasis();
      panel.hidden = true;
    }
  });

  /* ---- finding actors by name or alias ------------------------------------ */

  var listId = "ag-names-" + instance;
  var names = el("datalist");
  names.id = listId;
  var seenNames = {};
  data.nodes.forEach(function (node) {
    [node.name].concat(node.aliases).forEach(function (name) {
      if (seenNames[name]) return;
      seenNames[name] = true;
      var option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  });
  root.appendChild(names);
  ["ag-search", "ag-path-from", "ag-path-to"].forEach(function (cls) {
    find("." + cls).setAttribute("list", listId);
  });

  function resolve(text) {
    var wanted = String(text || "").trim().toLowerCase();
    if (!wanted) return null;
    var partial = null;
    for (var i = 0; i < data.nodes.length; i++) {
      var node = data.nodes[i];
      var all = [node.id, node.name].concat(node.aliases).map(function (n) {
        return n.toLowerCase();
      });
      if (all.indexOf(wanted) >= 0) return node.id;
      if (partial === null && all.some(function (n) { return n.indexOf(wanted) >= 0; })) {
        partial = node.id;
      }
    }
    return partial;
  }

  function search(text) {
    var status = find(".ag-search-result");
    var id = resolve(text);
    if (id === null) {
      status.textContent = text.trim() ? "No actor matches \u201c" + text.trim() + "\u201d" : "";
      return null;
    }
    status.textContent = byId[id].name;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 300 } });
    focusNeighbourhood(id);
    return id;
  }

  var searchBox = find(".ag-search");
  searchBox.addEventListener("change", function () { search(searchBox.value); });
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") search(searchBox.value);
  });

  /* ---- filters by actor kind and relation type ---------------------------- */

  var hiddenKinds = {}, hiddenTypes = {};

  function applyFilters() {
    nodes.update(data.nodes.map(function (node) {
      return { id: node.id, hidden: !!hiddenKinds[node.kind] };
    }));
    edges.update(data.edges.map(function (edge) {
      var hidden = !!hiddenTypes[edge.type] || !!hiddenKinds[byId[edge.from].kind] ||
        !!hiddenKinds[byId[edge.to].kind];
      return { id: edge.id, hidden: hidden };
    }));
  }

  function filterRow(item, hiddenSet, sample) {
    var row = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = item.id;
    box.addEventListener("change", function () {
      hiddenSet[item.id] = !box.checked;
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(sample);
    label.appendChild(el("span", null, item.label));
    label.appendChild(el("span", "ag-count", "(" + item.count + ")"));
    row.appendChild(label);
    return row;
  }

  function lineSample(polarity) {
    var style = data.legend.polarities.filter(function (p) { return p.id === polarity; })[0];
    var sample = el("span", "ag-line");
    sample.style.borderTopColor = style.color;
    sample.style.borderTopStyle = style.dashes === false ? "solid"
      : (style.dashes[0] > 4 ? "dashed" : "dotted");
    return sample;
  }

  function drawLegend() {
    var legend = find(".ag-legend");
    legend.appendChild(el("h2", null, "Actors"));
    var kinds = el("ul", "ag-kinds");
    data.legend.kinds.forEach(function (kind) {
      var swatch = el("span", "ag-swatch" +
        (kind.shape === "dot" || kind.shape === "ellipse" ? " ag-round" : ""));
      swatch.style.background = kind.color;
      kinds.appendChild(filterRow(kind, hiddenKinds, swatch));
    });
    legend.appendChild(kinds);
    legend.appendChild(el("h2", null, "Ties"));
    var polarities = el("ul");
    data.legend.polarities.forEach(function (p) {
      var row = el("li");
      row.appendChild(lineSample(p.id));
      row.appendChild(el("span", null, p.id));
      polarities.appendChild(row);
    });
    legend.appendChild(polarities);
    legend.appendChild(el("h2", null, "Relation types"));
    var types = el("ul", "ag-types");
    data.legend.types.forEach(function (t) {
      types.appendChild(filterRow(t, hiddenTypes, lineSample(t.polarity)));
    });
    legend.appendChild(types);
    legend.appendChild(el("p", "ag-muted",
      "Width shows strength; size shows influence rank. Hover for evidence; click an actor " +
      "for its ties. Untick a kind or type to hide it."));
  }
  drawLegend();

  /* ---- influence paths, ranked as `actorgraph path` ranks them ------------ */

  function influencePairs(edge) {
    if (edge.strength <= 0 || edge.proposed) return [];  // proposals wait for review
    if (edge.influence === "forward") return [[edge.from, edge.to, true]];
    if (edge.influence === "reverse") return [[edge.to, edge.from, false]];
    if (edge.influence === "both") return [[edge.from, edge.to, true], [edge.to, edge.from, false]];
    return [];
  }

  function influenceIndex() {
    var out = {}, back = {};
    data.edges.forEach(function (edge) {
      influencePairs(edge).forEach(function (pair) {
        var mover = pair[0], moved = pair[1];
        out[mover] = out[mover] || {};
        (out[mover][moved] = out[mover][moved] || []).push({ edge: edge, along: pair[2] });
        back[moved] = back[moved] || {};
        back[moved][mover] = true;
      });
    });
    Object.keys(out).forEach(function (mover) {
      Object.keys(out[mover]).forEach(function (moved) {
        out[mover][moved].sort(function (a, b) {
          return (b.edge.strength - a.edge.strength) ||
            (CONFIDENCE[b.edge.confidence] - CONFIDENCE[a.edge.confidence]) ||
            (a.edge.id - b.edge.id);
        });
      });
    });
    return { out: out, back: back };
  }

  var index = null;
  var PATH_LIMIT = 20000;

  function compareIds(a, b) {
    for (var i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length - b.length;
  }

  function rounded(x) { return Math.round(x * 1e12) / 1e12; }

  /* The k best paths by hops, then strength, then ids: every simple path no longer
   * than the k-th shortest, ranked; the same set and order as `actorgraph path`. */
  function findPaths(from, to, k) {
    index = index || influenceIndex();
    var distance = {};
    distance[to] = 0;
    var queue = [to];
    while (queue.length) {
      var current = queue.shift();
      Object.keys(index.back[current] || {}).forEach(function (prev) {
        if (distance[prev] === undefined) {
          distance[prev] = distance[current] + 1;
          queue.push(prev);
        }
      });
    }
    if (distance[from] === undefined || from === to) return [];
    var found = [];
    for (var limit = distance[from]; limit < data.nodes.length; limit++) {
      found = [];
      var visited = {};
      visited[from] = true;
      (function walk(node, trail) {
        if (found.length >= PATH_LIMIT) return;
        if (node === to) { found.push(trail.slice()); return; }
        if (trail.length - 1 + distance[node] > limit) return;
        Object.keys(index.out[node] || {}).sort().forEach(function (next) {
          if (visited[next] || distance[next] === undefined) return;
          visited[next] = true;
          trail.push(next);
          walk(next, trail);
          trail.pop();
          visited[next] = false;
        });
      })(from, [from]);
      if (found.length >= k) break;
    }
    var paths = found.map(function (actors) {
      var hops = [], strength = 1;
      for (var i = 0; i + 1 < actors.length; i++) {
        var ties = index.out[actors[i]][actors[i + 1]];
        hops.push({ mover: actors[i], moved: actors[i + 1], tie: ties[0],
                    alternatives: ties.slice(1) });
        strength *= ties[0].edge.strength;
      }
      return { actors: actors, hops: hops, strength: strength };
    });
    paths.sort(function (a, b) {
      return (a.hops.length - b.hops.length) || (rounded(b.strength) - rounded(a.strength)) ||
        compareIds(a.actors, b.actors);
    });
    return paths.slice(0, k);
  }
  view.findPaths = findPaths;

  function showPaths() {
    var result = find(".ag-path-result");
    result.textContent = "";
    var from = resolve(find(".ag-path-from").value);
    var to = resolve(find(".ag-path-to").value);
    if (from === null || to === null) {
      result.appendChild(el("p", null, "Name two actors (by name or alias)."));
      return;
    }
    var k = parseInt(find(".ag-path-k").value, 10);
    var paths = findPaths(from, to, k);
    if (!paths.length) {
      result.appendChild(el("p", null, "No influence path from " + byId[from].name + " to " +
        byId[to].name + "."));
      clearEmphasis();
      return;
    }
    var keepNodes = {}, keepEdges = {};
    var list = el("ol");
    paths.forEach(function (path) {
      var item = el("li", "ag-path");
      item.appendChild(el("div", "ag-path-actors", path.actors.map(function (id) {
        return byId[id].name;
      }).join(" \u2192 ")));
      item.appendChild(el("div", "ag-muted", path.hops.length + " hop" +
        (path.hops.length === 1 ? "" : "s") + " \u00b7 strength " + path.strength.toFixed(2)));
      path.hops.forEach(function (hop) {
        keepNodes[hop.mover] = keepNodes[hop.moved] = true;
        keepEdges[hop.tie.edge.id] = true;
        var step = el("div", "ag-hop", byId[hop.mover].name + " moves " + byId[hop.moved].name +
          (hop.tie.along ? "" : " (against the arrow)") + ": " + tieText(hop.tie.edge));
        step.appendChild(evidenceList(hop.tie.edge));
        item.appendChild(step);
      });
      list.appendChild(item);
    });
    result.appendChild(list);
    emphasise(Object.keys(keepNodes), Object.keys(keepEdges).map(Number));
    network.selectNodes(Object.keys(keepNodes));
  }
  find(".ag-path-go").addEventListener("click", showPaths);

  /* ---- physics switch and reset ------------------------------------------- */

  find(".ag-physics").addEventListener("change", function (event) {
    network.setOptions({ physics: { enabled: event.target.checked } });
  });
  find(".ag-reset").addEventListener("click", function () {
    clearEmphasis();
    panel.hidden = true;
    network.unselectAll();
    network.fit();
  });
})();
