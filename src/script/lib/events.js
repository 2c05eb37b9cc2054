(function (P, lib) { 'use strict'; return {}; })
