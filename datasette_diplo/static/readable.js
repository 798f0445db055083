/* datasette-diplo: Datasette's claims table opens on its readable columns.
   window.diploReadableColumns lists the columns to keep; the others are hidden
   with one stylesheet rule per column (so Datasette's own scripts keep working)
   until "Show all columns" is pressed. A URL that chooses columns (_col, _nocol)
   is left exactly as the reader asked. Loaded in <head>, so it waits for the
   table and for the list, set by a script at the end of <body>. */
document.addEventListener("DOMContentLoaded", function () {
  var params = new URLSearchParams(window.location.search);
  if (params.has("_col") || params.has("_nocol")) return;
  var table = document.querySelector("table.rows-and-columns");
  if (!table || !window.diploReadableColumns) return;
  var keep = new Set(window.diploReadableColumns);
  var rules = [];
  var headers = table.querySelectorAll("thead th");
  headers.forEach(function (th, index) {
    var name = th.getAttribute("data-column");
    if (name && !keep.has(name)) {
      rules.push("body.diplo-readable table.rows-and-columns tr > :nth-child(" + (index + 1) + ") { display: none; }");
    }
  });
  if (!rules.length) return;
  var style = document.createElement("style");
  style.textContent = rules.join("\n");
  document.head.appendChild(style);
  document.body.classList.add("diplo-readable");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "diplo-columns-toggle";
  var label = function () {
    return document.body.classList.contains("diplo-readable")
      ? "Show all columns (" + rules.length + " technical columns hidden)"
      : "Show the readable columns only";
  };
  button.textContent = label();
  button.addEventListener("click", function () {
    document.body.classList.toggle("diplo-readable");
    button.textContent = label();
  });
  table.closest(".table-wrapper").before(button);
});
