(function () {
  "use strict";
  var body = document.body;
  var root = document.documentElement;
  window.addEventListener("error", function (event) {
    body.setAttribute("data-js-error", String(event.message));
  });
  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  // Tabs: one panel shown at a time; links to a request card open the requests tab.
  var tabs = all("nav.tabs button[data-tab]");
  var panels = all(".panel[data-panel]");
  function show(name) {
    tabs.forEach(function (t) { t.classList.toggle("active", t.getAttribute("data-tab") === name); });
    panels.forEach(function (p) { p.hidden = p.getAttribute("data-panel") !== name; });
  }
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () { show(tab.getAttribute("data-tab")); });
  });
  all("a[href^='#exec-']").forEach(function (link) {
    link.addEventListener("click", function () {
      show("requests");
      var card = document.getElementById(link.getAttribute("href").slice(1));
      if (card) {
        card.hidden = false;
        var details = card.querySelectorAll("details");
        Array.prototype.forEach.call(details, function (d) { d.open = true; });
      }
    });
  });
  show(/^#exec-/.test(location.hash) ? "requests" : "summary");

  // Request filters: status and iteration together.
  var cards = all("article.exec");
  var status = "all";
  var iteration = "all";
  function filter() {
    cards.forEach(function (card) {
      card.hidden = (status !== "all" && card.getAttribute("data-status") !== status) ||
        (iteration !== "all" && card.getAttribute("data-iteration") !== iteration);
    });
  }
  var buttons = all(".filters button[data-filter]");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      status = button.getAttribute("data-filter");
      buttons.forEach(function (b) { b.classList.toggle("active", b === button); });
      filter();
    });
  });
  var select = document.querySelector("select[data-iteration-filter]");
  if (select) {
    select.addEventListener("change", function () {
      iteration = select.value;
      filter();
    });
  }
  var toggle = document.querySelector(".filters button[data-toggle]");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.textContent === "Expand all";
      all("article.exec details").forEach(function (d) { d.open = open; });
      toggle.textContent = open ? "Collapse all" : "Expand all";
    });
  }

  // testPaging: a request's tests a page at a time, with previous/next buttons.
  all("ul.assertions[data-page-size]").forEach(function (list) {
    var size = Number(list.getAttribute("data-page-size"));
    var items = Array.prototype.slice.call(list.children);
    var pages = Math.ceil(items.length / size);
    var page = 0;
    var nav = document.createElement("p");
    nav.className = "pager";
    var prev = document.createElement("button");
    var next = document.createElement("button");
    var label = document.createElement("span");
    prev.type = next.type = "button";
    prev.textContent = "Previous";
    next.textContent = "Next";
    function turn(to) {
      page = Math.max(0, Math.min(pages - 1, to));
      items.forEach(function (item, i) { item.hidden = Math.floor(i / size) !== page; });
      prev.disabled = page === 0;
      next.disabled = page === pages - 1;
      label.textContent = "tests page " + (page + 1) + " of " + pages;
    }
    prev.addEventListener("click", function () { turn(page - 1); });
    next.addEventListener("click", function () { turn(page + 1); });
    nav.appendChild(prev);
    nav.appendChild(next);
    nav.appendChild(label);
    list.parentNode.insertBefore(nav, list.nextSibling);
    turn(0);
  });

  // Theme: light or dark, switched by the button in the header.
  var theme = document.querySelector("button[data-theme-toggle]");
  if (theme) {
    theme.addEventListener("click", function () {
      var dark = root.getAttribute("data-theme") !== "dark";
      root.setAttribute("data-theme", dark ? "dark" : "light");
      theme.textContent = dark ? "Light theme" : "Dark theme";
    });
  }
  body.setAttribute("data-ready", String(cards.length));
})();
