// eventgraph: open a cayley UI page with a ready-made query.
//   /ui/visualize?lang=gizmo&q=<query>&run=1
// fills the editor with q (after cayley's own scripts set it up) and, with
// run=1, runs it at once.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q");
  if (q === null) { return; }

  function run(triesLeft) {
    // cayley's run button animates its logo, which loads asynchronously
    // (Snap.load in cayley_main.js): wait for it, or the click throws.
    if (!window.group && triesLeft > 0) {
      setTimeout(function () { run(triesLeft - 1); }, 100);
      return;
    }
    var button = document.getElementById("run_button");
    if (button) { button.click(); }
  }

  window.addEventListener("load", function () {
    var lang = params.get("lang") || "gizmo";
    var pick = document.getElementById(lang + "-dropdown");
    if (pick) { pick.click(); }
    if (window.editor && window.editor.setValue) {
      window.editor.setValue(q);
    }
    if (params.get("run") === "1") { run(50); }
  });
})();
