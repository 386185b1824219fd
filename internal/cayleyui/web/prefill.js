// eventgraph: open a cayley UI page with a ready-made query.
//   /ui/visualize?lang=gizmo&q=<query>&run=1
// fills the editor with q (after cayley's own scripts set it up) and, with
// run=1, runs it at once.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var q = params.get("q");
  if (q === null) { return; }
  window.addEventListener("load", function () {
    var lang = params.get("lang") || "gizmo";
    var pick = document.getElementById(lang + "-dropdown");
    if (pick) { pick.click(); }
    if (window.editor && window.editor.setValue) {
      window.editor.setValue(q);
    }
    if (params.get("run") === "1") {
      var run = document.getElementById("run_button");
      if (run) { run.click(); }
    }
  });
})();
