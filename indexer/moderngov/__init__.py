"""Import a council's committee papers straight from its ModernGov site.

`python -m indexer moderngov SITE_URL --committee NAME_OR_ID --corpus DIR` lists the
committee's meetings, fetches each meeting's papers and minutes, and writes them into a
corpus folder with its `manifest.csv`, ready to index. See `sync.py` for the import,
`sources.py` for the web service and its HTML fallback, `client.py` for the manners.
"""
