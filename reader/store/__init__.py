"""The reader's library: briefings, cached analyses, notes and corrections in SQLite."""
