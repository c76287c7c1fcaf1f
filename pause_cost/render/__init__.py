"""From results to what a person or a script reads: one document, written in each format.

``build`` modules (:mod:`.estimate`, :mod:`.comparison`, :mod:`.listing`) make a
:class:`~pause_cost.render.document.Document`; writers (:mod:`.text`, :mod:`.markdown`,
:mod:`.csv`, :mod:`.json`) lay it out. Nothing here computes a figure.
"""
