"""Listening: speech recognition, the microphone, the voice Listener."""
