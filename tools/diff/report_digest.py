"""The reports as a digest, for `newman-diff --live --reports`: the JUnit file and the CLI
reporter's text, normalised so that only what a run decides (not its timing) is compared.

  junit ...   every element of the JUnit XML, one per line, indented by depth, with its
              attributes (times, timestamps and ids replaced by `*`) and its text
  cli ...     the CLI reporter's output, the banner line dropped, durations and sizes
              replaced, the summary table's column widths (which follow the durations) collapsed
Node's own stack frames (`    at … (node:…)`) are dropped from JUnit text: postie has no Node.
"""

import os
import re
import xml.etree.ElementTree as ET

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
VOLATILE_ATTRS = ("time", "timestamp", "id")


def _text(s):
    s = re.sub(UUID, "<uuid>", s)
    return re.sub(r"\n    at [^\n]*", "", s)


def junit_lines(path):
    if not os.path.exists(path):
        return ["junit <missing>"]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return ["junit <invalid: %s>" % e]
    out = []

    def walk(el, depth):
        attrs = " ".join("%s=%s" % (k, "*" if k in VOLATILE_ATTRS else _text(v)) for k, v in el.attrib.items())
        text = (el.text or "").strip()
        line = "junit %s%s %s" % ("  " * depth, el.tag, attrs)
        if text:
            line += " | " + _text(text).replace("\n", "\\n")
        out.append(line.rstrip())
        for child in el:
            walk(child, depth + 1)

    walk(root, 0)
    return out


def cli_lines(stdout):
    lines = stdout.splitlines()
    if lines and lines[0] in ("newman", "postie"):
        lines = lines[1:]
    out = []
    for line in lines:
        line = re.sub(r"\d+(?:\.\d+)?(?:µs|ms|s)\b|\d+m \d+(?:\.\d+)?s", "T", line)
        line = re.sub(r"\b\d+(?:\.\d+)?[kMG]?B\b", "SIZE", line)
        line = re.sub(r"[─-]{2,}", "-", line)
        if line.startswith(("│", "|")):
            line = re.sub(r" {2,}", " ", line)
        out.append("cli " + line.rstrip())
    return out
