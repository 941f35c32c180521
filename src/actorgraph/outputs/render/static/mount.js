/* actorgraph fragment mount: moves the fragment (the <template> before this script) into a
 * shadow root of its host <div>, so the page's CSS and the fragment's never mix. The
 * fragment's scripts run as they are attached and find their root in window.actorgraph.mounting. */
(function () {
  "use strict";
  var template = document.currentScript.previousElementSibling;
  var host = template.previousElementSibling;
  if (host.shadowRoot) return;
  var content = template.content.cloneNode(true);
  window.actorgraph = window.actorgraph || { views: [], counter: 0 };
  window.actorgraph.mounting = content.querySelector(".actorgraph");
  try {
    host.attachShadow({ mode: "open" }).appendChild(content);
  } finally {
    window.actorgraph.mounting = null;
  }
})();
