"""The prompt files (flow, languages, pronunciations) as package data.

Installed as the package ``assistant.prompts`` (see pyproject.toml) so that a wheel carries
them; the program finds them through importlib.resources (assistant/paths.py).
"""
