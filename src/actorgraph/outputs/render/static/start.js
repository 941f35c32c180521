/* part 6: the network itself, its events, and the first view. */

var container = find(".ag-graph");
var view = { root: root, container: container, ready: false, clicks: 0, emphasised: null,
  findPaths: findPaths, data: data, state: function () { return S; } };
root.actorgraphView = view;
window.actorgraph.views.push(view);
var network = null;

computeActive();
startAt();
if (S.asOf !== null) { asOfBox.value = S.asOf; computeActive(); }
data.asOfText = (find(".ag-date").textContent || "").replace(/^\s*\u00b7\s*as of\s*/, "");
drawLegend();
drawBlocList();
var eagerTips = !data.large;
rebuild();   /* fill the DataSets first: the network then lays out and draws them at once */
if (eagerTips) {
  nodes.update(nodes.getIds().map(function (id) { return { id: id, title: tooltipFor(id, false) }; }));
  edges.update(edges.getIds().map(function (id) { return { id: id, title: tooltipFor(id, true) }; }));
}
network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
view.network = network; view.nodes = nodes; view.edges = edges;
view.actorIndex = function (id) { return actorIndex.has(id) ? actorIndex.get(id) : null; };
showDate();
find(".ag-physics").checked = !!(options.physics && options.physics.enabled);

function firstView() {
  fitAll();
  if (data.large) { fitLabels(); paint(); }
  if (data.useHash && location.hash.length > 1) restoreState(location.hash.slice(1));
  view.ready = true;
}
if (options.physics && options.physics.enabled) {
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    find(".ag-physics").checked = false;
    firstView();
  });
} else {
  network.once("afterDrawing", firstView);
}

network.on("hoverNode", function (event) {
  if (!eagerTips && !nodes.get(event.node).title) {
    nodes.update({ id: event.node, title: tooltipFor(event.node, false) });
  }
});
network.on("hoverEdge", function (event) {
  var id = event.edge;
  if (!eagerTips && !edges.get(id).title && typeof id === "number") {
    edges.update({ id: id, title: tooltipFor(id, true) });
  }
  hoverEdgeId = id;
  if (drawnEdges.has(id)) {
    var look = edgeLook(id);
    drawnEdges.set(id, look.sig);
    edges.update({ id: id, label: look.label });
  }
});
network.on("blurEdge", function (event) {
  if (hoverEdgeId !== event.edge) return;
  hoverEdgeId = null;
  if (drawnEdges.has(event.edge)) {
    var look = edgeLook(event.edge);
    drawnEdges.set(event.edge, look.sig);
    edges.update({ id: event.edge, label: look.label });
  }
});

network.on("click", function (event) {
  view.clicks += 1;
  if (event.nodes.length) {
    var id = event.nodes[0];
    if (typeof id === "number") selectActor(id, false);
    else if (blocMap()) { var b = +id.slice(1); setBloc(b, true); blocCard(b); }
  } else if (event.edges.length) {
    var e = event.edges[0];
    if (typeof e === "number") selectTie(e);
    else {
      var agg = aggregates.get(e);
      if (agg) agg.ends.forEach(function (end) { if (typeof end === "string") setBloc(+end.slice(1), true); });
    }
  } else {
    clearSelection();
  }
});
network.on("afterDrawing", drawOnTop);
network.on("zoom", refitLabels);
network.on("dragEnd", refitLabels);
network.on("animationFinished", refitLabels);

find(".ag-physics").addEventListener("change", function (event) {
  network.setOptions({ physics: { enabled: event.target.checked } });
});
find(".ag-reset").addEventListener("click", reset);
find(".ag-table-toggle").addEventListener("click", function () {
  if (S.table) showGraph(); else showTable();
});
if (window.matchMedia) {
  var scheme = window.matchMedia("(prefers-color-scheme: dark)");
  var onScheme = function () { refreshTheme(); paint(); drawLegend(); };
  if (scheme.addEventListener) scheme.addEventListener("change", onScheme);
}
