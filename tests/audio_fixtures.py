"""Fixtures for tests on real audio: the Vosk model, a PulseAudio server with virtual devices."""
