"""Storylines across briefings: which events of different briefings are one act, what their sources
disagree on, and what was announced. Pure functions over plain records (no SQL, no Qt); the library
keeps them in reader/store/storylines.py and the window shows them in reader/ui/storylines_view.py.
"""
