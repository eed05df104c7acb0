"""Check a DCAT catalogue against the mandatory and recommended properties
of DCAT-AP 3 that the portal promises, with rdflib (as ckanext-dcat reads
it).

usage: dcatap.py CATALOG.jsonld

Prints one JSON object: the problems found (each "<node>: <what is
missing>"), how many datasets and distributions were read, and every
distribution's download URL with its byte size, and every dataset's
landing page, for the caller to check against the files.
"""
import json
import sys

import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")

g = rdflib.Graph().parse(sys.argv[1], format="json-ld")
problems = []


def langs(node, prop):
    return sorted(o.language for o in g.objects(node, prop) if isinstance(o, rdflib.Literal) and str(o).strip())


def need(node, prop, what):
    if g.value(node, prop) is None:
        problems.append(f"{node}: no {what}")


def bilingual(node, prop, what):
    if langs(node, prop) != ["en", "id"]:
        problems.append(f"{node}: {what} in {langs(node, prop)}; want id and en")


cats = list(g.subjects(RDF.type, DCAT.Catalog))
if len(cats) != 1:
    problems.append(f"{len(cats)} catalogues; want 1")
for c in cats:
    bilingual(c, DCTERMS.title, "dct:title")
    bilingual(c, DCTERMS.description, "dct:description")
    for prop, what in [(DCTERMS.publisher, "dct:publisher"), (FOAF.homepage, "foaf:homepage"), (DCTERMS.license, "dct:license"),
                       (DCTERMS.language, "dct:language"), (DCTERMS.modified, "dct:modified"), (DCTERMS.temporal, "dct:temporal")]:
        need(c, prop, what)

datasets = list(g.subjects(RDF.type, DCAT.Dataset))
landing = []
for d in datasets:
    bilingual(d, DCTERMS.title, "dct:title")
    bilingual(d, DCTERMS.description, "dct:description")
    if sorted(set(langs(d, DCAT.keyword))) != ["en", "id"]:
        problems.append(f"{d}: dcat:keyword in {sorted(set(langs(d, DCAT.keyword)))}; want id and en")
    for prop, what in [(DCTERMS.publisher, "dct:publisher"), (DCAT.contactPoint, "dcat:contactPoint"), (DCTERMS.license, "dct:license"),
                       (DCTERMS.temporal, "dct:temporal"), (DCTERMS.modified, "dct:modified"), (DCAT.theme, "dcat:theme"),
                       (DCAT.landingPage, "dcat:landingPage"), (DCAT.distribution, "dcat:distribution"),
                       (DCTERMS.accrualPeriodicity, "dct:accrualPeriodicity"), (DCTERMS.language, "dct:language")]:
        need(d, prop, what)
    pub = g.value(d, DCTERMS.publisher)
    if pub is not None and g.value(pub, FOAF.name) is None:
        problems.append(f"{d}: the publisher has no foaf:name")
    cp = g.value(d, DCAT.contactPoint)
    if cp is not None and (g.value(cp, VCARD.fn) is None or g.value(cp, VCARD.hasEmail) is None):
        problems.append(f"{d}: the contact point has no vcard:fn or vcard:hasEmail")
    t = g.value(d, DCTERMS.temporal)
    if t is not None and (g.value(t, DCAT.startDate) is None or g.value(t, DCAT.endDate) is None):
        problems.append(f"{d}: the temporal coverage has no dcat:startDate or dcat:endDate")
    if g.value(d, DCAT.landingPage) is not None:
        landing.append(str(g.value(d, DCAT.landingPage)))
    if cats and (cats[0], DCAT.dataset, d) not in g:
        problems.append(f"{d}: not in the catalogue's dcat:dataset")

dists = list(g.subjects(RDF.type, DCAT.Distribution))
downloads = {}
for x in dists:
    bilingual(x, DCTERMS.description, "dct:description")
    bilingual(x, DCTERMS.title, "dct:title")
    for prop, what in [(DCAT.accessURL, "dcat:accessURL"), (DCAT.downloadURL, "dcat:downloadURL"), (DCTERMS.license, "dct:license"),
                       (DCAT.mediaType, "dcat:mediaType"), (DCAT.byteSize, "dcat:byteSize"), (SPDX.checksum, "spdx:checksum"),
                       (DCTERMS.modified, "dct:modified")]:
        need(x, prop, what)
    if g.value(x, DCAT.downloadURL) is not None and g.value(x, DCAT.byteSize) is not None:
        downloads[str(g.value(x, DCAT.downloadURL))] = int(g.value(x, DCAT.byteSize).toPython())
        if str(g.value(x, DCAT.accessURL)) != str(g.value(x, DCAT.downloadURL)):
            problems.append(f"{x}: accessURL and downloadURL differ")

json.dump({"problems": problems, "datasets": len(datasets), "distributions": len(dists), "downloads": downloads,
           "landing": sorted(set(landing))}, sys.stdout)
