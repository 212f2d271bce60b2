"""The reader window (PySide6). Everything Qt lives here; the engine below never imports Qt."""
