// postie library: Postman's legacy `xml2Json(xml)` global: xml2js with `explicitArray: false`,
// `trim: true`, `mergeAttrs: false`, run synchronously; `undefined` when the XML is invalid.
(function (P, lib) {
  'use strict';

  const xml2js = lib('xml2js');
  return function xml2Json(xml) {
    let out;
    xml2js.parseString(xml, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, function (err, result) {
      out = result;
    });
    return out;
  };
})
