/* actorgraph page script. Every text from the graph file arrives as JSON data
 * and is put into the page with textContent or as a DOM node: never as HTML. */
(function () {
  "use strict";

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

  var INFLUENCE_WORDS = {
    forward: "source can move target",
    reverse: "target can move source",
    both: "each can move the other",
    none: "no influence either way"
  };

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

  function edgeTooltip(edge, names) {
    var box = el("div", "ag-tip");
    box.appendChild(el("strong", null,
      names[edge.from] + " \u2014 " + edge.typeLabel + " \u2192 " + names[edge.to]));
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
      var list = el("ul");
      edge.evidence.forEach(function (item) {
        var entry = el("li");
        entry.appendChild(el("span", "ag-muted", item.cite + ": "));
        entry.appendChild(document.createTextNode(item.claim));
        list.appendChild(entry);
      });
      box.appendChild(list);
    }
    return box;
  }

  function legendSection(parent, heading, items, draw) {
    parent.appendChild(el("h2", null, heading));
    var list = el("ul");
    items.forEach(function (item) {
      var row = el("li");
      row.appendChild(draw(item));
      row.appendChild(el("span", null, item.label));
      list.appendChild(row);
    });
    parent.appendChild(list);
  }

  function drawLegend(target, legend) {
    var styles = {};
    legend.polarities.forEach(function (p) { styles[p.id] = p; });
    function lineSample(polarity) {
      var style = styles[polarity];
      var sample = el("span", "ag-line");
      sample.style.borderTopColor = style.color;
      sample.style.borderTopStyle = style.dashes === false ? "solid"
        : (style.dashes[0] > 4 ? "dashed" : "dotted");
      return sample;
    }
    legendSection(target, "Actors", legend.kinds, function (kind) {
      var swatch = el("span", "ag-swatch" + (kind.shape === "dot" || kind.shape === "ellipse" ? " ag-round" : ""));
      swatch.style.background = kind.color;
      return swatch;
    });
    legendSection(target, "Ties", legend.polarities.map(function (p) {
      return { id: p.id, label: p.id };
    }), function (p) { return lineSample(p.id); });
    legendSection(target, "Relation types", legend.types, function (t) { return lineSample(t.polarity); });
    target.appendChild(el("p", "ag-muted",
      "Width shows strength; size shows importance (PageRank over influence). Hover for evidence."));
  }

  function mount(container, legendTarget, data) {
    var names = {};
    data.nodes.forEach(function (node) {
      names[node.id] = node.name;
      node.title = nodeTooltip(node);
    });
    data.edges.forEach(function (edge) { edge.title = edgeTooltip(edge, names); });
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
    var view = { network: network, nodes: nodes, edges: edges, container: container, ready: false };
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      view.ready = true;
    });
    if (legendTarget) drawLegend(legendTarget, data.legend);
    return view;
  }

  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var view = mount(document.getElementById("ag-graph"), document.getElementById("ag-legend"), {
    nodes: readJSON("ag-nodes"),
    edges: readJSON("ag-edges"),
    options: readJSON("ag-options"),
    legend: readJSON("ag-legend-data")
  });
  window.actorgraph = { views: [view] };
})();
