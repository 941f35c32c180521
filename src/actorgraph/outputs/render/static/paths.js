/* part 5: influence paths, ranked as `actorgraph path` ranks them: by hops, then
 * strength, then actor ids. Only active ties (after the filters) carry influence. */

var pathIndex = null;
var PATH_LIMIT = 20000;

function influencePairs(t) {
  if (T.strength[t] <= 0 || (T.proposed && T.proposed[t])) return [];  /* proposals wait for review */
  var f = T.from[t], to = T.to[t], influence = tieType(t).influence;
  if (influence === "forward") return [[f, to, true]];
  if (influence === "reverse") return [[to, f, false]];
  if (influence === "both") return [[f, to, true], [to, f, false]];
  return [];
}

function buildPathIndex() {
  var out = new Map(), back = new Map();
  for (var t = 0; t < tieCount; t++) {
    if (!activeTie[t]) continue;
    influencePairs(t).forEach(function (pair) {
      var mover = pair[0], moved = pair[1];
      if (!out.has(mover)) out.set(mover, new Map());
      var ties = out.get(mover);
      if (!ties.has(moved)) ties.set(moved, []);
      ties.get(moved).push({ tie: t, along: pair[2] });
      if (!back.has(moved)) back.set(moved, new Set());
      back.get(moved).add(mover);
    });
  }
  out.forEach(function (ties) {
    ties.forEach(function (list) {
      list.sort(function (a, b) {
        return (T.strength[b.tie] - T.strength[a.tie]) ||
          (T.confidence[b.tie] - T.confidence[a.tie]) || (a.tie - b.tie);
      });
    });
  });
  /* next actors in id order, as the CLI walks them */
  var order = new Map();
  out.forEach(function (ties, mover) {
    order.set(mover, Array.from(ties.keys()).sort(function (a, b) {
      return A.id[a] < A.id[b] ? -1 : A.id[a] > A.id[b] ? 1 : 0;
    }));
  });
  return { out: out, back: back, order: order };
}

function compareIds(a, b) {
  for (var i = 0; i < Math.min(a.length, b.length); i++) {
    if (A.id[a[i]] !== A.id[b[i]]) return A.id[a[i]] < A.id[b[i]] ? -1 : 1;
  }
  return a.length - b.length;
}

function rounded(x) { return Math.round(x * 1e12) / 1e12; }

/* The k best paths between actor indices: every simple path no longer than the
 * k-th shortest, ranked; the same set and order as `actorgraph path`. */
function findIndexPaths(from, to, k) {
  pathIndex = pathIndex || buildPathIndex();
  var distance = new Map();
  distance.set(to, 0);
  var queue = [to];
  for (var q = 0; q < queue.length; q++) {
    var current = queue[q];
    (pathIndex.back.get(current) || new Set()).forEach(function (prev) {
      if (!distance.has(prev)) { distance.set(prev, distance.get(current) + 1); queue.push(prev); }
    });
  }
  if (!distance.has(from) || from === to) return [];
  var found = [];
  for (var limit = distance.get(from); limit < actorCount; limit++) {
    found = [];
    var visited = new Set([from]);
    (function walk(node, trail) {
      if (found.length >= PATH_LIMIT) return;
      if (node === to) { found.push(trail.slice()); return; }
      if (trail.length - 1 + distance.get(node) > limit) return;
      (pathIndex.order.get(node) || []).forEach(function (next) {
        if (visited.has(next) || !distance.has(next)) return;
        visited.add(next);
        trail.push(next);
        walk(next, trail);
        trail.pop();
        visited.delete(next);
      });
    })(from, [from]);
    if (found.length >= k) break;
  }
  var paths = found.map(function (actors) {
    var hops = [], strength = 1;
    for (var i = 0; i + 1 < actors.length; i++) {
      var ties = pathIndex.out.get(actors[i]).get(actors[i + 1]);
      hops.push({ mover: actors[i], moved: actors[i + 1], tie: ties[0] });
      strength *= T.strength[ties[0].tie];
    }
    return { actors: actors, hops: hops, strength: strength };
  });
  paths.sort(function (a, b) {
    return (a.hops.length - b.hops.length) || (rounded(b.strength) - rounded(a.strength)) ||
      compareIds(a.actors, b.actors);
  });
  return paths.slice(0, k);
}

/* for tests and the console: paths between actor ids, as lists of actor ids */
function findPaths(fromId, toId, k) {
  if (!actorIndex.has(fromId) || !actorIndex.has(toId)) return [];
  return findIndexPaths(actorIndex.get(fromId), actorIndex.get(toId), k).map(function (p) {
    return { actors: p.actors.map(function (i) { return A.id[i]; }), strength: p.strength };
  });
}

function showPaths(quiet) {
  var result = find(".ag-path-result");
  var fromText = find(".ag-path-from").value, toText = find(".ag-path-to").value;
  var k = parseInt(find(".ag-path-k").value, 10);
  result.textContent = "";
  var fromMatches = matches(fromText), toMatches = matches(toText);
  if (fromMatches.length !== 1 || toMatches.length !== 1) {
    S.path = null;
    [[fromText, fromMatches, ".ag-path-from"], [toText, toMatches, ".ag-path-to"]].forEach(function (part) {
      if (part[1].length === 1) return;
      var box = el("p");
      if (!String(part[0]).trim()) box.textContent = "Name two actors (by name or alias).";
      else describeMatches(box, part[0], part[1], function (i) {
        find(part[2]).value = A.name[i];
        showPaths(false);
      });
      result.appendChild(box);
    });
    return;
  }
  var from = fromMatches[0], to = toMatches[0];
  S.path = { from: fromText.trim(), to: toText.trim(), k: k };
  var paths = findIndexPaths(from, to, k);
  saveState();
  if (!paths.length) {
    result.appendChild(el("p", null, "No influence path from " + A.name[from] + " to " + A.name[to] +
      (filtering() || S.hiddenTypes.size || S.hiddenKinds.size ? " among the ties shown." : ".")));
    clearEmphasis();
    return;
  }
  var keepActors = new Set(), keepTies = new Set();
  paths.forEach(function (path) { path.actors.forEach(function (i) { keepActors.add(i); }); });
  openBlocsOf(Array.from(keepActors));
  var list = el("ol");
  paths.forEach(function (path) {
    var item = el("li", "ag-path");
    item.appendChild(el("div", "ag-path-actors", path.actors.map(function (i) { return A.name[i]; }).join(" \u2192 ")));
    item.appendChild(el("div", "ag-muted", path.hops.length + " hop" +
      (path.hops.length === 1 ? "" : "s") + " \u00b7 strength " + path.strength.toFixed(2)));
    path.hops.forEach(function (hop) {
      keepTies.add(hop.tie.tie);
      var step = el("div", "ag-hop");
      step.appendChild(document.createTextNode(A.name[hop.mover] + " moves " + A.name[hop.moved] +
        (hop.tie.along || tieType(hop.tie.tie).symmetric ? "" : " (against the arrow)") + ": "));
      step.appendChild(button(tieName(hop.tie.tie), function () { selectTie(hop.tie.tie); }, "ag-link ag-tie-link"));
      step.appendChild(evidenceList(hop.tie.tie, false));
      item.appendChild(step);
    });
    list.appendChild(item);
  });
  result.appendChild(list);
  S.focus = S.tie = S.bloc = null;
  panel.hidden = true;
  emphasise(Array.from(keepActors), Array.from(keepTies));
  onTop = Array.from(keepTies);
  view.onTop = onTop;
  network.redraw();
  network.selectNodes(Array.from(keepActors));
  if (!quiet) {
    network.fit({ nodes: Array.from(keepActors), animation: false });
    if (network.getScale() > 1.5) network.moveTo({ scale: 1.5 });
    refitLabels();
  }
  openDrawer(true);
}

find(".ag-path-go").addEventListener("click", function () { showPaths(false); });
[".ag-path-from", ".ag-path-to", ".ag-path-k"].forEach(function (sel) {
  find(sel).addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); showPaths(false); }
  });
});
