"""The analysis engine's spaCy side: pipeline, components, actors, dates and events."""
