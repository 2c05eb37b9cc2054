// xml2js 0.4.23 (`require('xml2js')`): parseString (and Parser#parseString) with every parsing
// option, on well-formed and broken documents (the callback's arguments, error messages
// included); Builder#buildObject with its options; the processors.
'use strict';

const DOCS = [
  '<root/>', '<root></root>', '<root>text</root>', '<root a="1" b="two">text</root>',
  '<root><item>one</item><item>two</item><other/></root>',
  '<root>\n  <item id="1">  spaced   text  </item>\n  <item id="2"/>\n</root>',
  '<?xml version="1.0" encoding="UTF-8"?>\n<doc><a x="1"><b>deep</b><b>er</b></a><c>mixed <i>in</i> line</c></doc>',
  '<root><![CDATA[<raw> & stuff]]></root>', '<root>a &amp; b &lt; c &#65; &#x42;</root>',
  '<ns:root xmlns:ns="http://x"><ns:Item ns:attr="v">x</ns:Item></ns:root>',
  '<Root><CamelCase Attr="X">Value</CamelCase><camelcase>lower</camelcase></Root>',
  '<root><!-- a comment --><a>1</a><?pi data?><a>2</a></root>',
  '<root><num>42</num><bool>true</bool><float>1.5</float><neg>-3</neg></root>',
  '<root>   </root>', '<root><empty></empty><blank> </blank></root>',
  '<!DOCTYPE root><root><x>1</x></root>', '\ufeff<root>bom</root>',
  '<a><b><c><d>4</d></c></b></a>', '<root attr="  spaced  ">  text  with   gaps  </root>',
  '<root><a>1</a>middle<b>2</b>tail</root>',
  // broken
  '', '   ', 'not xml', '<root>', '<root><a></root>', '<a></b>', '<root a=1/>', '<root>&bogus;</root>', '<root></root><second/>',
  '<root a="1" a="2"/>', 'text before <root/>', '<root><</root>'
];
const PARSE_OPTIONS = {
  explicitArray: [false, true], mergeAttrs: [true], ignoreAttrs: [true], explicitRoot: [false], attrkey: ['@', 'attrs'],
  charkey: ['#', 'text'], explicitCharkey: [true], trim: [true], normalize: [true], normalizeTags: [true], emptyTag: [null, 'EMPTY', 0],
  explicitChildren: [true], preserveChildrenOrder: [true], childkey: ['kids'], charsAsChildren: [true], includeWhiteChars: [true],
  xmlns: [true], strict: [false], async: [false],
  tagNameProcessors: [[{ $path: 'processors.stripPrefix' }], [{ $path: 'processors.firstCharLowerCase' }, { $path: 'processors.normalize' }]],
  attrNameProcessors: [[{ $path: 'processors.normalize' }], [{ $path: 'processors.stripPrefix' }]],
  valueProcessors: [[{ $path: 'processors.parseNumbers' }], [{ $path: 'processors.parseBooleans' }]],
  attrValueProcessors: [[{ $path: 'processors.parseNumbers' }], [{ $path: 'processors.parseBooleans' }]]
};
const OBJECTS = [
  { root: { $: { id: 1 }, name: ['a & b', 'c'] } }, { a: 'text' }, { a: 1, b: 2 }, 'plain', { root: { _: 'text', $: { x: '"q"' } } },
  { root: { child: [{ x: 1 }, { x: 2 }], empty: {}, nil: null, t: true } }, { list: [1, 2, 3] }, { root: { '#': 'hash', '@': { a: 1 } } },
  { root: { deep: { deeper: { deepest: '<&>' } } } }, { root: { cdata: '<b>bold</b>', plain: 'x]]>y' } }, {}, { 'bad name': 'x' },
  { root: { $: { a: 'x' }, _: 'text', child: 'c' } }, { r: { arr: [{ $: { k: 'v' } }, 'str', { _: 'txt' }] } }
];
const BUILD_OPTIONS = {
  rootName: ['doc'], headless: [true], renderOpts: [{ pretty: false }, { pretty: true, indent: '\t', newline: '\r\n' }],
  xmldec: [{ version: '1.1', encoding: 'ISO-8859-1', standalone: false }, { version: '1.0' }], doctype: [{ pubID: 'p', sysID: 's' }],
  attrkey: ['@'], charkey: ['#'], cdata: [true], allowSurrogateChars: [true]
};

module.exports = {
  pkg: 'xml2js',
  root: "require('xml2js')",
  gen(lib, { rng, pick }) {
    const r = rng(13);
    const out = [];
    for (const doc of DOCS) {
      out.push({ f: 'parseString', a: [doc, { $fn: 'capture' }], cb: 2, msg: 1, fn: 'parseString' });
    }
    for (const opt of Object.keys(PARSE_OPTIONS)) {
      for (let i = 0; i < 16; i++) {
        const o = { [opt]: pick(r, PARSE_OPTIONS[opt]) };
        if (r() < 0.25) { o.explicitArray = false; }
        const doc = pick(r, DOCS.slice(0, 20));
        out.push({ f: 'parseString', a: [doc, o, { $fn: 'capture' }], cb: 2, msg: 1, fn: 'option.' + opt });
      }
    }
    for (let i = 0; i < 12; i++) {
      out.push({ f: 'Parser', new: 1, a: [{ explicitArray: r() < 0.5 }], s: [['parseString', [pick(r, DOCS), { $fn: 'capture' }]]], cb: 2, msg: 1, fn: 'Parser.parseString' });
    }
    for (const obj of OBJECTS) {
      out.push({ f: 'Builder', new: 1, a: [], m: [['buildObject', [obj]]], msg: 1, fn: 'Builder.buildObject' });
    }
    for (const opt of Object.keys(BUILD_OPTIONS)) {
      for (let i = 0; i < 8; i++) {
        const o = { [opt]: pick(r, BUILD_OPTIONS[opt]) };
        out.push({ f: 'Builder', new: 1, a: [o], m: [['buildObject', [pick(r, OBJECTS)]]], msg: 1, fn: 'Builder.' + opt });
      }
    }
    for (const p of ['normalize', 'firstCharLowerCase', 'stripPrefix', 'parseNumbers', 'parseBooleans']) {
      for (const v of ['Abc', 'ns:Tag', '42', '-1.5', 'true', 'FALSE', '', ' 7 ', 'x:y:z', '0x1F']) {
        out.push({ f: 'processors.' + p, a: [v], fn: 'processors.' + p });
      }
    }
    const functions = [...new Set(out.map((c) => c.fn))].sort();
    return { functions, calls: out };
  }
};
