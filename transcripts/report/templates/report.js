"use strict";
// The page reads without this script; it only adds what links cannot do alone.
(function () {
  // Where short turns were drawn together, go to the turn nearest the click (or the
  // first of them, from the keyboard).
  function go(path, clientX) {
    var targets = path.getAttribute("data-targets").split(" ");
    var best = 0;
    if (clientX !== null) {
      var svg = path.ownerSVGElement;
      var box = svg.getBoundingClientRect();
      var x = ((clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
      var xs = path.getAttribute("data-xs").split(" ");
      var gap = Infinity;
      for (var i = 0; i < xs.length; i++) {
        var d = Math.abs(Number(xs[i]) - x);
        if (d < gap) { gap = d; best = i; }
      }
    }
    location.hash = "#" + targets[best];
  }
  document.addEventListener("click", function (event) {
    var path = event.target.closest && event.target.closest("path.merged");
    if (path) { go(path, event.clientX); }
  });
  document.addEventListener("keydown", function (event) {
    var path = event.target.closest && event.target.closest("path.merged");
    if (path && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      go(path, null);
    }
  });
  // Print everything: folded lists unfold.
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < folded.length; i++) { folded[i].setAttribute("open", ""); }
  });
})();
