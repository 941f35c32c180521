"""Questions asked of a graph: influence paths, analysis (key actors, dependencies,
tensions, blocs), diffs."""
