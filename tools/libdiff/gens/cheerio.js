// require('cheerio') and the legacy `cheerio` global: cheerio 0.22.0 (htmlparser2, css-select,
// dom-serializer). Every check is a scenario on a loaded document: `$` is the document of DOC
// (or of the HTML in args[0]) and results are strings, lists and flags, never nodes.
'use strict';

const { scenario, done } = require('./node-shims/calls.js');

const DOC = '<html><head><title>T &amp; t</title></head><body>' +
  '<ul id="fruits" class="list"><li class="apple red" data-n="1" data-obj=\'{"a":1}\'>Apple</li>' +
  '<li class="orange" id="o">Orange</li><li class="pear" data-flag="true" data-x-y="z">Pear <b>ripe</b></li></ul>' +
  '<p class="note">One<br>Two <!-- c --> <span>Three</span></p>' +
  '<form id="f"><input type="text" name="user" value="bob"><input type="checkbox" name="ok" checked>' +
  '<input type="checkbox" name="no"><input type="radio" name="r" value="1"><input type="radio" name="r" value="2" checked>' +
  '<select name="s"><option value="a">A</option><option selected>B</option></select>' +
  '<select name="m" multiple><option value="x" selected>X</option><option value="y" selected>Y</option></select>' +
  '<textarea name="t">Hi\nthere</textarea><input type="submit" name="go" value="Go"><input name="dis" value="d" disabled>' +
  '<input type="file" name="file"></form>' +
  '<div id="css" style="color: red; width: 10px">styled</div><a href="/x?a=1&amp;b=2" title="é">link</a>' +
  '<img src="i.png" alt=""><svg><circle r="1"></circle><g></g></svg></body></html>';

const PRE = 'var $ = lib.load(typeof args[0] === "string" ? args[0] : DOC, args[1]); ' +
  'function T(sel) { return sel.map(function (i, e) { return $(e).toString(); }).get(); }\n';
const withDoc = (body) => 'var DOC = ' + JSON.stringify(DOC) + ';\n' + PRE + body;

const S = {
  load: [
    'return [$.html().length, $("li").length, typeof $, typeof $.fn, $.root().length];',
    'return $.html();',
    'return [$("b").length, $.html()];', // args: fragment
    'return [$.html(), $("x").length];' // xml options
  ],
  html: [
    'return [$("#fruits").html(), $("li").html(), $("nothing").html(), $.html("li"), $.html($("b"))];',
    'var r = $("#o").html("<i>new</i> <em>x</em>"); return [r === undefined, $("#fruits").html(), $("i").length];',
    'return [$("p").html(), $("a").html(), $("svg").html(), $("img").toString()];',
    'return [$("title").html(), $("head").html()];',
    '$("li").html(""); return $("ul").html();',
    'return lib.html($("li").first());'
  ],
  text: [
    'return [$("li").text(), $("p").text(), $("title").text(), $.text ? "has" : "no", $("nothing").text()];',
    '$("#o").text("<b>&"); return [$("#o").html(), $("#o").text()];',
    'return [lib.text($("li")), $("body").text().length];',
    'return $("li").text(function (i, old) { return i + ":" + old; }).text();'
  ],
  xml: ['return [$.xml(), lib.xml ? typeof lib.xml : "none"];', 'return $.xml("br");'],
  parseHTML: [
    'var n = lib.parseHTML("<p>a</p><p>b</p>"); return [n.length, n.map(function (e) { return e.name; })];',
    'return [lib.parseHTML(""), lib.parseHTML(null), lib.parseHTML("text only").length];',
    'var n = $.parseHTML("<script>x</script><b>y</b>"); var k = $.parseHTML("<script>x</script><b>y</b>", null, true); return [n.length, k.length];'
  ],
  root: ['var r = $.root(); return [r.length, r[0].type, r.children().length, r.find("li").length];'],
  contains: ['return [$.contains($("ul")[0], $("li")[0]), $.contains($("li")[0], $("ul")[0]), $.contains($("ul")[0], $("ul")[0]), lib.contains($("body")[0], $("b")[0])];'],
  attr: [
    'return [$("li").attr("class"), $("li").attr("nope"), $("a").attr("href"), $("a").attr("title"), $("img").attr("alt"), $("input").attr("checked"), $("nothing").attr("x")];',
    'return [$("li").first().attr(), $("input[name=ok]").attr()];',
    '$("li").attr("data-new", "v"); $("#o").attr({a: 1, b: null}); $("img").attr("alt", null); return T($("li").add("img"));',
    '$("li").attr("title", function (i, v) { return i + ":" + v; }); return T($("li"));',
    '$("li").attr("id", 5); return [$("li").attr("id"), $("li").eq(1).attr("id")];',
    'return [$("li").attr("CLASS"), $.root().attr("x")];'
  ],
  prop: [
    'return [$("input[name=ok]").prop("checked"), $("input[name=no]").prop("checked"), $("li").prop("tagName"), $("li").prop("nodeName"), $("select option").prop("selected"), $("input[name=dis]").prop("disabled")];',
    '$("input[name=no]").prop("checked", true); $("input[name=ok]").prop("checked", false); return T($("input[type=checkbox]"));',
    'return [$("li").prop("className"), $("a").prop("href"), $("li").prop("id"), $("#o").prop("id"), $("nothing").prop("x")];',
    'var p = $("li").first().prop("style"); return [typeof p, $("#css").prop("style")];',
    '$("li").prop({x: 1, id: "z"}); return [T($("li")), $("li").prop("x")];'
  ],
  data: [
    'return [$("li").first().data(), $(".pear").data(), $("#o").data(), $("nothing").data()];',
    'return [$("li").data("n"), $("li").data("obj"), $(".pear").data("flag"), $(".pear").data("xY"), $(".pear").data("x-y"), $("li").data("missing")];',
    '$("li").first().data("k", {v: 1}); $("li").first().data({m: 2}); return [$("li").first().data("k"), $("li").first().data("m"), T($("li").first())];',
    'var $x = lib.load("<div data-a=\\"1.5\\" data-b=\\"null\\" data-c=\\"[1,2]\\" data-d=\\"01\\" data-e=\\"1e3\\" data-f=\\"false\\" data-g=\\"{bad\\"></div>"); return $x("div").data();'
  ],
  val: [
    'return [$("input[name=user]").val(), $("select[name=s]").val(), $("select[name=m]").val(), $("textarea").val(), $("input[name=r]").val(), $("option").val(), $("li").val(), $("nothing").val()];',
    '$("input[name=user]").val("alice"); $("textarea").val("new"); $("select[name=s]").val("a"); $("select[name=m]").val(["y"]); return [$("input[name=user]").val(), $("textarea").val(), $("select[name=s]").val(), $("select[name=m]").val(), T($("select[name=m] option"))];',
    '$("input[name=r]").val("2"); return T($("input[name=r]"));'
  ],
  removeAttr: ['$("li").removeAttr("class"); $("img").removeAttr("alt"); $("a").removeAttr("nope"); return [T($("li")), $("img").toString()];'],
  hasClass: ['return [$("li").hasClass("apple"), $("li").hasClass("red"), $("li").hasClass("app"), $("ul").hasClass("list"), $("nothing").hasClass("a"), $("li").hasClass("apple red")];'],
  addClass: [
    '$("li").addClass("x y"); $("#o").addClass("orange"); $("b").addClass(""); return T($("li"));',
    '$("li").addClass(function (i, c) { return "n" + i + "-" + c.length; }); return T($("li"));',
    '$("p, span").addClass("  a   b  "); return T($("p span"));'
  ],
  removeClass: [
    '$("li").removeClass("apple"); $(".pear").removeClass(); $("#o").removeClass("nothing orange"); return T($("li"));',
    '$("li").removeClass(function (i, c) { return c.split(" ")[0]; }); return T($("li"));'
  ],
  toggleClass: [
    '$("li").toggleClass("apple"); $("#o").toggleClass("a b"); return T($("li"));',
    '$("li").toggleClass("z", true); $(".apple").toggleClass("red", false); return T($("li"));',
    '$("li").toggleClass(function (i) { return "t" + i; }); return T($("li"));'
  ],
  is: ['return [$("li").is(".apple"), $("li").is("p"), $("li").is(function (i) { return i === 2; }), $("li").is($(".pear")), $("li").is($("li")[1]), $("nothing").is("li"), $("li").is()];'],
  css: [
    'return [$("#css").css(), $("#css").css("color"), $("#css").css(["color", "width"]), $("li").css("color")];',
    'try { return $("nothing").css("a"); } catch (e) { return e.name; }',
    '$("#css").css("color", "blue"); $("#css").css({height: "5px", width: ""}); $("li").first().css("margin", "0"); return [T($("#css")), T($("li").first())];',
    '$("#css").css("width", function (i, v) { return v + "!"; }); return $("#css").attr("style");'
  ],
  serialize: ['return $("#f").serialize();', 'return [$("input").serialize(), $("li").serialize()];'],
  serializeArray: ['return $("#f").serializeArray();', 'return [$("input[name=user], textarea").serializeArray(), $("select").serializeArray()];'],
  append: [
    '$("ul").append("<li>New</li>"); $("#o").append($("<i>i</i>")); $("p").append("text", "<u>u</u>"); return [$("ul").html(), $("p").html()];',
    '$("li").append("<em>e</em>"); return $("ul").html();',
    '$("ul").append($(".apple")); return $("ul").html();',
    '$("ul").append(function (i, html) { return "<li>" + i + html.length + "</li>"; }); return $("ul").html();',
    '$("ul").append([$("b")[0], $("span")[0]]); return [$("ul").html(), $("p").html()];'
  ],
  prepend: [
    '$("ul").prepend("<li>First</li>"); $("p").prepend($("span")); return [$("ul").html(), $("p").html()];',
    '$("li").prepend("&gt;"); return [$("ul").html(), $("li").text()];'
  ],
  appendTo: ['$("<li>A</li>").appendTo("ul"); $("<i>x</i>").appendTo($("li")); return $("ul").html();'],
  prependTo: ['$("<li>P</li>").prependTo($("ul")); $("b").prependTo(".apple"); return $("ul").html();'],
  after: [
    '$(".apple").after("<li>after</li>"); $("b").after("<i>1</i>", "<i>2</i>"); return $("ul").html();',
    '$("li").after(function (i) { return "<hr id=\\"h" + i + "\\">"; }); return $("ul").html();'
  ],
  insertAfter: ['$("<li>ia</li>").insertAfter(".apple"); $("span").insertAfter($("#o")); return [$("ul").html(), $("p").html()];'],
  before: ['$("#o").before("<li>before</li>"); $("li").first().before($("span")); return [$("ul").html(), $("p").html()];'],
  insertBefore: ['$("<li>ib</li>").insertBefore("li"); return $("ul").html();'],
  remove: [
    'var r = $("li").remove(".orange"); return [r.length, $("ul").html()];',
    '$("b, span").remove(); return [$("li").text(), $("p").html()];',
    'var r = $("#o").remove(); return [r.length, r.parent().length, $("li").length, r.toString()];'
  ],
  replaceWith: [
    '$("#o").replaceWith("<li>R</li>"); $("b").replaceWith($("span")); return [$("ul").html(), $("p").html()];',
    '$("li").replaceWith(function (i) { return "<x" + i + "/>"; }); return $("ul").html();'
  ],
  empty: ['$("ul").empty(); $("p").empty(); return [$("ul").html(), $("ul").toString(), $("p").toString()];'],
  toString: ['return [$("li").toString(), $("img").toString(), $("svg").toString(), $("br").toString(), $("input").first().toString(), $("nothing").toString()];'],
  wrap: [
    '$("li").wrap("<div class=\\"w\\"></div>"); return $("ul").html();',
    '$("b").wrap($("<i><u></u></i>")); return $(".pear").html();',
    '$("span").wrap(function (i) { return "<q" + i + "></q" + i + ">"; }); return $("p").html();'
  ],
  clone: ['var c = $("li").clone(); c.addClass("cl"); return [T(c), T($("li")), c.parent().length];'],
  find: [
    'return [$("ul").find("li").length, T($("ul").find(".pear b")), $("li").find("b").length, $("body").find("li:first-child").length, $("nothing").find("li").length];',
    'return [T($("ul").find($(".apple"))), $("ul").find($("b")[0]).length, $("p").find($("li")).length];',
    'return ["li:nth-child(2)", "li:not(.apple)", "li:contains(Pear)", "input:checked", "li:last-child", "ul > li", "li + li", "li ~ li", "[data-n]", "a[href^=\'/x\']", "li:has(b)", ":empty", "option:selected", "li:eq(1)", "li:first", "input:disabled", "li:nth-of-type(odd)", "li:only-child", "[class~=red]", "[class|=app]", "a[href$=2]", "a[href*=\'a=\']", "*", "li, b", ":root", "input:enabled", "li:first-of-type", "p *:not(br)"].map(function (q) { try { return [q, T($(q))]; } catch (e) { return [q, e.name]; } });',
    'try { $("li").find(""); return "ok"; } catch (e) { return e.name; }',
    'try { return $("li:bogus").length; } catch (e) { return [e.name, e.message]; }'
  ],
  parent: ['return [T($("b").parent()), $("li").parent().length, T($("li").parent(".list")), $("li").parent("p").length, $("html").parent().length, $.root().parent().length];'],
  parents: ['return [$("b").parents().map(function (i, e) { return e.name; }).get(), $("b").parents("ul").length, $("li").parents().length, $("html").parents().length];'],
  parentsUntil: ['return [$("b").parentsUntil("body").map(function (i, e) { return e.name; }).get(), $("b").parentsUntil().length, $("b").parentsUntil($("ul")).length, $("li").parentsUntil("html").length, $("b").parentsUntil("body", "li").length];'],
  closest: ['return [$("b").closest("li").attr("class"), $("b").closest("b").length, $("b").closest("p").length, $("li").closest("ul").length, $("b").closest().length, $("b").closest($("ul")).length];'],
  next: ['return [T($(".apple").next()), $("li").next().length, $(".pear").next().length, T($("li").next(".pear")), $("br").next().toString()];'],
  nextAll: ['return [$(".apple").nextAll().length, $(".apple").nextAll(".pear").length, $("li").nextAll().length, $("p").nextAll().map(function (i, e) { return e.name; }).get()];'],
  nextUntil: ['return [$(".apple").nextUntil(".pear").length, $(".apple").nextUntil().length, $("li").first().nextUntil($(".pear"), "li").length, $("ul").nextUntil("a").map(function (i, e) { return e.name; }).get()];'],
  prev: ['return [T($(".pear").prev()), $("li").prev().length, $(".apple").prev().length, T($("li").prev(".apple"))];'],
  prevAll: ['return [$(".pear").prevAll().length, $(".pear").prevAll(".apple").length, $("li").prevAll().length, T($(".pear").prevAll())];'],
  prevUntil: ['return [$(".pear").prevUntil(".apple").length, $(".pear").prevUntil().length, $("a").prevUntil("ul").map(function (i, e) { return e.name; }).get()];'],
  siblings: ['return [$("#o").siblings().length, $("#o").siblings(".pear").length, $("li").siblings().length, $("html").siblings().length, $("ul").siblings().map(function (i, e) { return e.name; }).get()];'],
  children: ['return [$("ul").children().length, $("ul").children(".orange").length, $("p").children().map(function (i, e) { return e.name; }).get(), $("li").children().length, $.root().children().length];'],
  contents: ['return [$("p").contents().length, $("p").contents().map(function (i, e) { return e.type; }).get(), $("li").contents().length];'],
  each: ['var out = []; var r = $("li").each(function (i, e) { out.push([i, this === e, $(this).text()]); }); return [out, r.length];', 'var out = []; $("li").each(function (i) { out.push(i); return i < 1; }); return out;'],
  map: [
    'return [$("li").map(function (i, e) { return $(e).text(); }).get(), $("li").map(function (i) { return i === 1 ? null : [i, i]; }).get(), $("li").map(function () {}).length];',
    'var m = $("li").map(function (i, e) { return e; }); return [m.length, typeof m.cheerio, T(m)];'
  ],
  filter: [
    'return [$("li").filter(".apple").length, $("li").filter(function (i) { return i > 0; }).length, $("li").filter($(".pear")).length, $("li").filter($("li")[1]).length, $("li").filter("p").length];',
    'return [$("li").filter(function (i, e) { return $(e).text() === "Orange"; }).attr("class"), $("li").filter([$("li")[0]]).length];'
  ],
  not: ['return [$("li").not(".apple").length, $("li").not(function (i) { return i === 0; }).length, $("li").not($("#o")).length, $("li").not($("li")[2]).length, $("li").not("li").length];'],
  has: ['return [$("li").has("b").length, $("li").has($("b")[0]).length, $("li").has("i").length, $("ul, p").has("span").length];'],
  first: ['return [T($("li").first()), $("nothing").first().length];'],
  last: ['return [T($("li").last()), $("nothing").last().length];'],
  eq: ['return [$("li").eq(1).text(), $("li").eq(-1).text(), $("li").eq(5).length, $("li").eq(-9).length, $("li").eq("1").text()];'],
  get: ['return [$("li").get().length, $("li").get(0).name, $("li").get(-1).attribs, $("li").get(7), Array.isArray($("li").get())];'],
  index: ['return [$("#o").index(), $("li").index(".pear"), $("li").index($("#o")), $("li").index($(".pear")[0]), $(".pear").index("li"), $("nothing").index(), $("b").index()];'],
  slice: ['return [$("li").slice(1).length, $("li").slice(0, 2).length, $("li").slice(-1).text(), $("li").slice(5).length];'],
  end: ['return [$("ul").find("li").end().length, $("ul").find("li").end()[0].name, $("li").first().end().length, $("li").end().length];'],
  add: ['return [$("li").add("p").length, $("li").add($("b")).length, $("li").add($("li")).length, $("b").add("li").map(function (i, e) { return e.name; }).get(), $("li").add($("p")[0]).length];'],
  addBack: ['return [$("ul").children().addBack().length, $("ul").find(".pear").addBack().map(function (i, e) { return e.name; }).get(), $("ul").children().addBack("ul").length, $("ul").children().addBack("p").length];'],
  toArray: ['var a = $("li").toArray(); return [Array.isArray(a), a.length, a[0].name];'],
  cheerio: ['var s = $("li"); return [s.cheerio, s.length, typeof s.splice, Object.keys(s.options || {}).sort(), typeof s._root, $("li").length === $("li", "ul").length, $("li", $("ul")).length, $("b", ".pear").length, $("<p>x</p>").length, $(null).length, $("").length, $(undefined).length];'],
  version: ['return [lib.version];'],
  // selector engine (css-what 2.1 / css-select 1.2): pseudos, attribute forms, relative and bad selectors
  selectors: [
    'return ["li:nth-child(2n+1)", "li:nth-child(-n+2)", "li:nth-last-child(1)", "li:nth-child(even)", "li:nth-of-type(3)", "li:nth-last-of-type(odd)", "b:only-of-type", "title:only-child", ":header", "form :input", ":text", ":button", ":submit", ":checkbox", ":radio", ":file", "p:parent", "li:empty", "a:link", "a:visited", "input:required", "input:optional", "option:checked", "li:icontains(PEAR)", "li:contains(\'Pe\')", "li:matches(.apple, #o)", "li:not(.apple, .pear)", "ul:has(> li.pear)", "li:has(b, i)", "[CLASS=orange]", "[class=ORANGE i]", "[class!=orange]", "li[class!=\'\']", "[data-x-y|=z]", "[class^=\'\']", "[class$=\'\']", "[class*=\'\']", "[class~=\'apple red\']", "li#o.orange", "ul>li+li", "li~li.pear", "body > *", "head title, ul > .pear", "*:first-child", "p br + *", "input[type=\'checkbox\'][checked]", "[title=\'\\\\E9\']", "li.apple.red", "\\\\*"].map(function (q) { try { return [q, $(q).map(function (i, e) { return e.name + "." + (e.attribs.class || e.attribs.name || ""); }).get()]; } catch (e) { return [q, e.name, e.message]; } });',
    'return ["li:nth-child(x)", "li:not()", ",li", "li,", "li, ,b", "[", "[x=\'a]", "li::before", "li:first-child(1)", "li:contains", "li:has(b", "li:not(\'b)", "li:nth-child(2", "li)", "#", ".", "li > ", "> li", "li +", "li!", ":nth-child(n+0)", ":nth-child(0n+0)", ":nth-child(-2n+3)", ":root:first-child", ":scope > li", "li:visited(1)", "a:link(x)"].map(function (q) { try { return [q, $(q).length]; } catch (e) { return [q, e.name, e.message]; } });',
    'return [$("ul").find("> li").length, $("ul").find("+ p").length, $("li").find("~ li").length, $("ul").find(":scope > li").length, $("ul, li").find("li").length, $.root().find("> html").length, $("html").find("> body > ul").length, $("ul").find("li:first-child").length, $("li").filter(":first-child, :last-child").length, $("li").is(":nth-child(2)"), $("li").not(":has(b)").length];',
    'var $x = lib.load("<div><p class=a>1</p><p class=b>2<span>s</span></p><p>3</p></div><div><p class=a>4</p></div>"); return [$x("div p:first-child").length, $x("p:last-of-type").length, $x("div:has(.b) p").length, $x("p:not(:has(span))").length, $x("div p ~ p").length, $x("div > p.a + p").text(), $x("p:nth-child(2n)").text(), $x(":root").length, $x("div:first-child p").length];'
  ],
  // xmlMode documents: tags kept as written, self-closing everywhere, no void elements, xml output
  xmlMode: [
    'return [$.html(), $.xml(), $("item").length, $("x").toString(), $("br").html()];',
    'return [$.html(), $("a").text(), $("script").html()];',
    'return [$.html(), $.xml(), $("b").attr()];',
    'return [lib.load("<p a=\\"\\">x<br>y</p>").xml(), lib.load("<p>x<br>y</p>", {xmlMode: true}).html(), $.html({xmlMode: false})];'
,
    'return [$.html(), $.root().contents().map(function (i, e) { return e.type + ":" + e.name; }).get(), $("A").text(), $.text(), $("c").attr(), $("a").next().length];',
    'return [$.html(), $("q").attr(), $("q").text(), $("t").length, $("r > *").length];'
  ],
  // DOM level 1 properties on nodes (cheerio 0.22 parses withDomLvl1)
  dom: [
    'var li = $("li")[0]; return [li.nodeType, li.tagName, li.firstChild.nodeType, li.firstChild.nodeValue, li.lastChild.data, li.parentNode.name, li.nextSibling.name, li.previousSibling, li.childNodes.length, $("p").contents()[2].nodeType, $("p").contents()[3].nodeType, $.root()[0].type, $("html")[0].parent, $("html")[0].root === $.root()[0]];',
    'var ul = $("ul")[0]; return [Object.keys(ul).sort(), Object.keys($("li")[0].firstChild).sort(), Object.keys($.root()[0]).sort(), ul.attribs.id, typeof ul.children, $("br")[0].children.length];',
    'var li = $("li").first(); li.data("k", 1); return [Object.keys(li[0]).sort(), $("li")[0].data];'
  ],
  // selection state: prevObject chains, options, _root
  chain: [
    'var a = $("ul"); var b = a.children(); var c = b.filter(".pear"); return [c.end() === b, b.end() === a, c.end().end() === a, a.end().length, a.end()[0].type, $.root().end().length, b.first().end() === b, b.eq(1).end() === b, c.first() === c, b.slice(1).end() === b, b.add("p").end() === b];',
    'var s = $("li"); return [s.options === $.fn.options, typeof $.fn.find, s instanceof $, $("li") instanceof lib, typeof lib.prototype.find, $.prototype === $.fn, s._root === s.end(), s._originalRoot === $.root()[0]];'
  ],
  // the module called directly, with a context or a root
  module: [
    'return [lib("li", "<ul><li>a</li><li>b</li></ul>").length, lib("<b>x</b>").toString(), lib("li").length, lib(null).length, lib("li", "ul", "<ul><li>a</li></ul>").length, lib(lib.load("<i>1</i>")("i")[0]).text()];',
    'return [lib.html(), lib.html(lib("<b>x</b>")), lib.text(lib("<b>x</b><i>y</i>")), lib.xml(lib("<br>")), typeof lib.load, typeof lib.contains, typeof lib.parseHTML, typeof lib.root, Object.keys(lib).sort()];'
  ],

  // parsing as htmlparser2 does (the tree each document gives)
  parse: [
    'return $.html();',
    'return [$.html(), $("p").length];',
    'return [$.html(), $("td").length, $("tr").length];',
    'return [$.html(), $("script").text(), $("style").html()];',
    'return [$.html(), $("li").length];',
    'return $.html();',
    'return [$.html(), $.root().children().length];',
    'return $.html();',
    'return [$.html(), $("a").attr()];',
    'return $.html();',
    'return [$.html(), $.root().contents().map(function (i, e) { return e.type + ":" + e.name + ":" + e.data; }).get()];',
    'return [$.html(), $.root().contents().map(function (i, e) { return e.type + ":" + e.name + ":" + e.data; }).get()];'
  ]
};

// Extra documents or options some scenarios run on (by name, in order; others use DOC).
const DOCS = {
  xmlMode: [
    ['<Root><item id="1"/><item>two</item><x></x><br>in br</br></Root>', { xmlMode: true }],
    ['<r><script>a < b</script><a>&amp;&lt;&#65;&copy;</a></r>', { xmlMode: true }],
    ['<?xml version="1.0"?><r><b empty="" k=v>t</b><!-- c --></r>', { xmlMode: true }],
    null
,
    ['<?xml version="1.0"?><A B=1>x &copy; &amp; &#65;</A><![CDATA[ <x> ]]><!DOCTYPE foo><!ELEMENT x><a/ >t<b/><c x/>', { xmlMode: true }],
    ['<r><q a="1" a="2" b = \'x &amp; y\' c=&lt;d>&#x41;&#66&bogus;<t/ x><t / ></r></q>< r>&', { xmlMode: true }]
  ],
  load: [null, null, ['<b>frag</b>'], ['<r><a x="1"/><b>t</b></r>', { xmlMode: true }]],
  xml: [['<r><a x="1"/><br/></r>', { xmlMode: true }], null],
  parse: [
    ['<!DOCTYPE html><p>a<p>b</div>c'],
    ['<div><p>one<div>two</div>three</p></div>'],
    ['<table><tr><td>1<td>2</tr><tr><th>h</table>'],
    ['<script>if (a < b && c) {}</script><style>p > a { x: "y" }</style><textarea><b>not</b></textarea>'],
    ['<ul><li>a<li>b<li>c</ul>'],
    ['text &amp; &lt;tag&gt; &copy; &#169; &#x41; &bogus; &amp'],
    ['<a>1</a><b>2</b>text<!--c-->'],
    ['<DIV CLASS="A" Id=b>x</DIV><INPUT DISABLED><p attr=\'q"uote\' n=unq>y'],
    ['<a href="x" href="y" data-é="ü" empty>t</a>'],
    ['<p>unclosed <b>bold <i>both</b> after</i> end'],
    ['<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html><p>x</p></html>'],
    ['<!doctype html><!--?c--><script>a<!b</script><!-x><!ELEMENT e><![CDATA[d]]><?pi/x?>']
  ]
};

module.exports = {
  pkg: 'cheerio',
  root: "require('cheerio')",
  gen: function () {
    const out = [];
    for (const name of Object.keys(S)) {
      S[name].forEach((body, i) => {
        const docs = DOCS[name] && DOCS[name][i];
        scenario(out, name, withDoc(body), docs || []);
      });
    }
    return done(out);
  }
};
