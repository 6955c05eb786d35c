"""Area centroids of TopoJSON polygons, for the build scripts of crates/dateline-geo/data/geo/ (no dependencies).

A division's point is the area centroid of its largest polygon (the mainland of a division
with islands), computed on a plane whose longitudes are scaled by the cosine of the polygon's
mean latitude; rings crossing the antimeridian are unwrapped first.
"""
import math
import os
import subprocess
import tarfile


def decode_arcs(topo):
    """The arcs of a (quantized) TopoJSON topology as lists of (lon, lat)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if p[0] is None or p[1] is None:
                continue
            if tr:
                x += p[0]
                y += p[1]
                pts.append((x * tr["scale"][0] + tr["translate"][0],
                            y * tr["scale"][1] + tr["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring(arcs, idxs):
    out = []
    for i in idxs:
        if i >= len(arcs) or ~i >= len(arcs):
            continue
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    # unwrap longitudes across the antimeridian
    for k in range(1, len(out)):
        lon, lat = out[k]
        prev = out[k - 1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out[k] = (lon, lat)
    return out


def area_centroid(r):
    """(area, (lon, lat)) of a ring."""
    if len(r) < 3:
        return 0.0, None
    lat0 = sum(p[1] for p in r) / len(r)
    k = math.cos(math.radians(lat0))
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(r, r[1:] + r[:1]):
        x1, x2 = x1 * k, x2 * k
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    if a == 0 or k == 0:
        return 0.0, None
    lon, lat = cx / (3 * a) / k, cy / (3 * a)
    return abs(a) / 2, (((lon + 180) % 360) - 180, lat)


def largest_centroid(arcs, geom):
    """(lon, lat) of the centroid of a geometry's largest polygon, or None."""
    if geom.get("type") == "Polygon":
        polys = [geom["arcs"]]
    elif geom.get("type") == "MultiPolygon":
        polys = geom["arcs"]
    else:
        polys = []
    best = None
    for poly in polys:
        if not poly:
            continue
        a, c = area_centroid(ring(arcs, poly[0]))
        if c and (best is None or a > best[0]):
            best = (a, c)
    return best[1] if best else None


def npm_package(spec, tmp):
    """Fetch and unpack an npm package (`name@version`) into `tmp`; its folder."""
    subprocess.run(["npm", "pack", spec, "--pack-destination", tmp],
                   check=True, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")
