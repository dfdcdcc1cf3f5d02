"""boilerstrip inside corpus engines.

- :mod:`boilerstrip.integrations.datatrove`: ``BoilerstripStep``, a datatrove
  pipeline step (extra ``boilerstrip[datatrove]``).
- :mod:`boilerstrip.integrations.frame`: ``clean_frame``, one pandas function
  for Spark ``mapInPandas``, Ray Data ``map_batches`` and Dask
  ``map_partitions`` (extra ``boilerstrip[frame]``).
- :mod:`boilerstrip.integrations.core`: the one place where both call the
  library.

Nothing here is imported by ``import boilerstrip``: each module imports its
engine only when it is used. See docs/engines.md.
"""
