"""Graph files <-> model: positioned YAML/JSON reading, checks, schema, the compiled
store, atomic writes."""
