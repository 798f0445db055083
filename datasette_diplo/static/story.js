/* datasette-diplo: one story's reuse links as a node-link picture.
   The articles and links come from the page (#diplo-story-data, JSON); the
   layout is d3-force's (vendored: d3-force-3.0.0.min.js), run to rest before
   anything is drawn, so the picture does not move. Text is set with
   textContent only: titles and outlet names are never read as HTML. */
(function () {
  var holder = document.getElementById("diplo-story-data");
  var svg = document.getElementById("diplo-story");
  if (!holder || !svg || !window.d3 || !window.d3.forceSimulation) return;
  var data = JSON.parse(holder.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var width = 900, height = 600, margin = 40;
  var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
  var links = data.links.map(function (l) {
    return Object.assign({}, l, { source: l.earlier_article_id, target: l.later_article_id });
  });
  var simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(90))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(28))
    .stop();
  for (var i = 0; i < 400; i++) simulation.tick();
  nodes.forEach(function (n) {
    n.x = Math.max(margin, Math.min(width - margin, n.x));
    n.y = Math.max(margin, Math.min(height - margin, n.y));
  });

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (parent || svg).appendChild(e);
    return e;
  }
  function title(parent, text) { el("title", {}, parent).textContent = text; }

  var defs = el("defs", {});
  var marker = el("marker", {
    id: "diplo-story-arrow", viewBox: "0 0 10 10", refX: "9", refY: "5",
    markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse"
  }, defs);
  el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#2b6cb0" }, marker);

  links.forEach(function (l) {
    var a = l.source, b = l.target;
    var dx = b.x - a.x, dy = b.y - a.y, dist = Math.hypot(dx, dy) || 1;
    var shrink = 10 / dist; // stop short of the circle so the head shows
    var line = el("line", {
      x1: a.x, y1: a.y, x2: b.x - dx * shrink, y2: b.y - dy * shrink,
      "stroke-width": 1 + 5 * Math.max(0, Math.min(1, l.containment || 0)),
      "class": l.directed ? "diplo-directed" : "diplo-undirected"
    });
    if (l.directed) line.setAttribute("marker-end", "url(#diplo-story-arrow)");
    title(line, "#" + a.id + (l.directed ? " → #" : " – #") + b.id + ": " +
      Math.round(100 * (l.containment || 0)) + "% of the " +
      (l.directed ? "later article" : "one article (which came first is unknown)"));
  });
  nodes.forEach(function (n) {
    var link = el("a", { href: data.root + "/articles/" + n.id });
    el("circle", { cx: n.x, cy: n.y, r: 8 }, link);
    title(link, "#" + n.id + " " + (n.title || "") + " (" + (n.outlet || "unknown outlet") +
      ", " + (n.published || "date unknown") + ")");
    var label = el("text", { x: n.x + 11, y: n.y + 4 }, link);
    label.textContent = "#" + n.id + " " + (n.outlet || "unknown outlet");
  });
})();
