(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (event) {
    body.setAttribute("data-js-error", String(event.message));
  });
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.exec"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".filters button[data-filter]"));
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var filter = button.getAttribute("data-filter");
      buttons.forEach(function (b) { b.classList.toggle("active", b === button); });
      cards.forEach(function (card) {
        card.hidden = filter !== "all" && card.getAttribute("data-status") !== filter;
      });
    });
  });
  var toggle = document.querySelector(".filters button[data-toggle]");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.textContent === "Expand all";
      Array.prototype.forEach.call(document.querySelectorAll("article.exec details"), function (d) {
        d.open = open;
      });
      toggle.textContent = open ? "Collapse all" : "Expand all";
    });
  }
  body.setAttribute("data-ready", String(cards.length));
})();
