"""Command-line adapter (click).  Import :func:`main` from :mod:`newsprism.cli.main`."""
