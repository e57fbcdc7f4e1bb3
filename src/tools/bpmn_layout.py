#!/usr/bin/env python3
"""Draws (or redraws) the diagram of BPMN files whose process was written as XML, so Camunda Modeler can show them.

    python3 src/tools/bpmn_layout.py processes/project-intake.bpmn [...]

Replaces the file's bpmndi:BPMNDiagram with a left-to-right layout: columns by longest path from the start event,
rows by branch, boundary events on their host's lower edge, loops routed below. It keeps the process XML as it is.
Once a process owner has arranged a diagram by hand in Modeler, edit it there instead of running this again.
"""
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "modeler": "http://camunda.org/schema/modeler/1.0",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)

B = "{%s}" % NS["bpmn"]
TASKS = {"task", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask", "receiveTask",
         "manualTask", "callActivity", "subProcess"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"}
COL, ROW, X0, Y0 = 170, 140, 180, 120


def size(kind):
    if kind in TASKS:
        return 100, 80
    if kind in GATEWAYS:
        return 50, 50
    return 36, 36


def layout(process):
    nodes, flows, hosts = {}, [], {}
    for el in process:
        kind = el.tag.replace(B, "")
        if kind in TASKS | EVENTS | GATEWAYS:
            nodes[el.get("id")] = kind
            if kind == "boundaryEvent":
                hosts[el.get("id")] = el.get("attachedToRef")
        elif kind == "sequenceFlow":
            flows.append((el.get("id"), el.get("sourceRef"), el.get("targetRef")))
    out = {n: [] for n in nodes}
    for fid, s, t in flows:
        out[s].append((fid, t))
    boundaries = {}
    for b, h in hosts.items():
        boundaries.setdefault(h, []).append(b)

    # depth-first from the start events: finds loop-closing (back) flows and an order that follows the main path
    order, back, state = [], set(), {}

    def visit(n):
        state[n] = 1
        order.append(n)
        for fid, t in out[n]:
            if state.get(t) == 1:
                back.add(fid)
            elif t not in state:
                visit(t)
        for b in boundaries.get(n, []):
            if b not in state:
                visit(b)
        state[n] = 2

    for n, kind in nodes.items():
        if kind == "startEvent" and n not in state:
            visit(n)
    for n in nodes:
        if n not in state:
            visit(n)

    # columns: longest path over the forward flows; a boundary event shares its host's column
    col = {n: 0 for n in nodes}
    for _ in range(len(nodes) + 1):
        changed = False
        for fid, s, t in flows:
            if fid in back:
                continue
            want = col[s] + 1
            if col[t] < want:
                col[t], changed = want, True
        for b, h in hosts.items():
            if col[b] != col[h]:
                col[b], changed = col[h], True
        if not changed:
            break

    # rows: the first branch keeps its parent's row, later branches and boundary paths go below; a branch takes a row
    # whose cells are free all the way from its source, so its flow never runs through another shape
    row, used = {}, set()

    def free(c0, c1, r):
        while any((c, r) in used for c in range(c0, c1 + 1)):
            r += 1
        return r

    for n in order:
        if n in hosts:
            row[n] = row.get(hosts[n], 0)
            continue
        if n not in row:
            row[n] = free(col[n], col[n], 0)
            used.add((col[n], row[n]))
        succ = [(f, t) for f, t in out[n] if f not in back]
        for i, (f, t) in enumerate(succ):
            if t in row or t in hosts:
                continue
            base = row[n] + (1 if n in hosts else 0)
            row[t] = free(col[n] + 1, col[t], base if i == 0 else base + 1)
            for c in range(col[n] + 1, col[t] + 1):
                used.add((c, row[t]))

    box = {}
    for n, kind in nodes.items():
        if n in hosts:
            continue
        w, h = size(kind)
        cx, cy = X0 + col[n] * COL, Y0 + row[n] * ROW
        box[n] = (cx - w / 2, cy - h / 2, w, h)
    for hst, bs in boundaries.items():
        hx, hy, hw, hh = box[hst]
        for i, b in enumerate(bs):
            box[b] = (hx + hw - 36 - 8 - i * 44, hy + hh - 18, 36, 36)

    def center(n):
        x, y, w, h = box[n]
        return x + w / 2, y + h / 2

    labels = {}
    for n, kind in nodes.items():
        x, y, w, h = box[n]
        if kind in GATEWAYS:
            labels[n] = (x + w / 2 - 45, y - 30, 90, 27)
        elif kind in EVENTS:
            labels[n] = (x + w / 2 - 45, y + h + 5, 90, 27)
    edges = {}
    for fid, s, t in flows:
        sx, sy, sw, sh = box[s]
        tx, ty, tw, th = box[t]
        (scx, scy), (tcx, tcy) = center(s), center(t)
        if fid in back:
            lane = Y0 + (max(row[s], row[t]) + 0.55) * ROW
            pts = [(scx, sy + sh), (scx, lane), (tcx, lane), (tcx, ty + th)]
        elif s in hosts:
            pts = [(scx, sy + sh), (scx, tcy), (tx, tcy)]
        elif abs(scy - tcy) < 1:
            pts = [(sx + sw, scy), (tx, tcy)]
        elif nodes[s] in GATEWAYS:
            pts = [(scx, sy + sh if tcy > scy else sy), (scx, tcy), (tx, tcy)]
        else:
            mid = sx + sw + 20
            pts = [(sx + sw, scy), (mid, scy), (mid, tcy), (tx, tcy)]
        edges[fid] = pts
        (ax, ay), (bx, by) = pts[-2], pts[-1]
        labels[fid] = (ax + 6, ay - 20, 90, 14) if abs(ay - by) < 1 else (ax + 6, (ay + by) / 2 - 7, 90, 14)
    return box, edges, labels


def draw(path):
    tree = ET.parse(path)
    root = tree.getroot()
    for old in root.findall("bpmndi:BPMNDiagram", NS):
        root.remove(old)
    for process in root.findall("bpmn:process", NS):
        box, edges, labels = layout(process)
        named = {el.get("id") for el in process if el.get("name")}
        diagram = ET.SubElement(root, "{%s}BPMNDiagram" % NS["bpmndi"], id="BPMNDiagram_" + process.get("id"))
        plane = ET.SubElement(diagram, "{%s}BPMNPlane" % NS["bpmndi"], id="BPMNPlane_" + process.get("id"),
                              bpmnElement=process.get("id"))
        for n, (x, y, w, h) in box.items():
            shape = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], id=n + "_di", bpmnElement=n)
            kind = process.find("*[@id='%s']" % n).tag.replace(B, "")
            if kind in GATEWAYS:
                shape.set("isMarkerVisible", "true")
            ET.SubElement(shape, "{%s}Bounds" % NS["dc"], x=fmt(x), y=fmt(y), width=fmt(w), height=fmt(h))
            label(shape, labels.get(n) if n in named else None)
        for fid, pts in edges.items():
            edge = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"], id=fid + "_di", bpmnElement=fid)
            for x, y in pts:
                ET.SubElement(edge, "{%s}waypoint" % NS["di"], x=fmt(x), y=fmt(y))
            label(edge, labels.get(fid) if fid in named else None)
    ET.indent(tree, space="  ")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def label(element, bounds):
    if bounds:
        lab = ET.SubElement(element, "{%s}BPMNLabel" % NS["bpmndi"])
        x, y, w, h = bounds
        ET.SubElement(lab, "{%s}Bounds" % NS["dc"], x=fmt(x), y=fmt(y), width=fmt(w), height=fmt(h))


def fmt(v):
    return str(int(round(v)))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        draw(p)
        print("drew", p)
